"""Every notification also goes to the outbox; failed sends are retried and never lost."""

from datetime import timedelta

from sqlalchemy import select

from marketplace.models import OutboxMessage, OutboxStatus, db, utcnow
from marketplace.notifications import outbox
from marketplace.notifications.services import notify
from tests.factories import make_worker

SENT: list[tuple[str, str, str]] = []


class RecordingSender:
    """Accepts every message."""

    def send(self, channel, recipient, body):
        SENT.append((channel, recipient, body))


class BrokenGateway:
    """Fails like an SMS gateway that is down."""

    def send(self, channel, recipient, body):
        raise ConnectionError("gateway unreachable")


def test_notification_is_queued_in_the_readers_language(app):
    """The inbox message is also queued for the worker's mobile, in Chinese by default."""
    worker = make_worker()
    notify(worker.id, "application_accepted", "补网临时工", "/gigs/1")
    message = db.session.scalar(select(OutboxMessage))
    assert message.recipient == worker.mobile
    assert "补网临时工" in message.body and "录用" in message.body
    worker.locale = "en"
    notify(worker.id, "application_accepted", "net mending", "/gigs/1")
    last = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
    assert "accepted" in last.body


def test_configured_sender_delivers_and_marks_sent(app, monkeypatch):
    """The sender named in the settings gets the message once; it is kept, marked sent."""
    monkeypatch.setitem(app.config, "OUTBOX_SENDER", f"{__name__}:RecordingSender")
    worker = make_worker()
    notify(worker.id, "invited", "保洁", "/gigs/2")
    db.session.commit()
    SENT.clear()
    assert outbox.deliver_due() == (1, 0)
    assert outbox.deliver_due() == (0, 0)
    assert SENT[0][1] == worker.mobile
    assert db.session.scalar(select(OutboxMessage)).status == OutboxStatus.SENT


def test_failed_sends_are_retried_later_then_kept_as_failed(app, monkeypatch):
    """A broken gateway: the message waits with a growing delay and is never deleted."""
    monkeypatch.setitem(app.config, "OUTBOX_SENDER", f"{__name__}:BrokenGateway")
    worker = make_worker()
    notify(worker.id, "invited", "保洁", "/gigs/2")
    db.session.commit()
    now = utcnow()
    assert outbox.deliver_due(now) == (0, 1)
    message = db.session.scalar(select(OutboxMessage))
    assert message.status == OutboxStatus.PENDING and "gateway unreachable" in message.last_error
    assert outbox.deliver_due(now) == (0, 0)  # not due again yet
    for _ in range(outbox.MAX_ATTEMPTS):
        outbox.deliver_due(now + timedelta(days=1))
        now += timedelta(days=1)
    db.session.expire_all()
    message = db.session.scalar(select(OutboxMessage))
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == outbox.MAX_ATTEMPTS
    monkeypatch.setitem(app.config, "OUTBOX_SENDER", f"{__name__}:RecordingSender")
    assert outbox.deliver_due(now + timedelta(days=30)) == (0, 0)  # failed stays for staff


def test_retry_delays_double_up_to_six_hours():
    """1, 2, 4 … minutes, never more than six hours."""
    assert outbox.retry_delay(1) == timedelta(minutes=1)
    assert outbox.retry_delay(3) == timedelta(minutes=4)
    assert outbox.retry_delay(20) == timedelta(hours=6)
