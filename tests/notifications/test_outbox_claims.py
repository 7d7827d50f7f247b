"""Two senders draining one outbox send every message once; a dead sender's claim lapses."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select

from marketplace.models import OutboxMessage, OutboxStatus, db, utcnow
from marketplace.notifications import outbox
from marketplace.notifications.services import notify
from tests.factories import make_worker

MESSAGES = 200
COUNTS: Counter[str] = Counter()
COUNTS_LOCK = threading.Lock()


class CountingGateway:
    """Counts what reaches the phones; a little slow, as a real gateway is."""

    def send(self, channel, recipient, body):
        with COUNTS_LOCK:
            COUNTS[body] += 1
        time.sleep(0.002)


def _queue(worker, n: int) -> None:
    for i in range(n):
        db.session.add(
            OutboxMessage(user_id=worker.id, channel="sms", recipient=worker.mobile, body=f"m{i}")
        )
    db.session.commit()


def test_two_senders_send_every_message_exactly_once(app, monkeypatch):
    """Two schedulers drain 200 queued SMS at the same time: each reaches the phone once."""
    monkeypatch.setitem(app.config, "OUTBOX_SENDER", f"{__name__}:CountingGateway")
    COUNTS.clear()
    _queue(make_worker(), MESSAGES)
    barrier = threading.Barrier(2, timeout=60)
    results: list[tuple[int, int]] = []

    def sender() -> None:
        with app.app_context():
            barrier.wait()
            try:
                results.append(outbox.deliver_due(limit=MESSAGES))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sum(sent for sent, _ in results) == MESSAGES
    assert len(COUNTS) == MESSAGES
    assert [body for body, n in COUNTS.items() if n != 1] == []
    db.session.expire_all()
    states = db.session.scalars(select(OutboxMessage.status)).all()
    assert states == [OutboxStatus.SENT] * MESSAGES


def test_a_dead_senders_claim_lapses_and_another_sends_it(app, monkeypatch):
    """A sender claims a message and dies: nobody sends it until the lease ends, then once."""
    monkeypatch.setitem(app.config, "OUTBOX_SENDER", f"{__name__}:CountingGateway")
    monkeypatch.setitem(app.config, "OUTBOX_LEASE_SECONDS", 300)
    COUNTS.clear()
    worker = make_worker()
    notify(worker.id, "invited", "保洁", "/gigs/2")
    db.session.commit()
    now = utcnow()
    _token, claimed = outbox.claim(now)  # ... and the process is killed before sending
    assert len(claimed) == 1

    assert outbox.deliver_due(now + timedelta(minutes=4)) == (0, 0)  # the lease still holds
    assert COUNTS == Counter()
    assert outbox.deliver_due(now + timedelta(minutes=5, seconds=1)) == (1, 0)
    assert outbox.deliver_due(now + timedelta(minutes=20)) == (0, 0)
    assert list(COUNTS.values()) == [1]
    message = db.session.scalar(select(OutboxMessage))
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 2  # the claim that died counts as a try


def test_outbox_list_shows_the_newest_with_their_state(app):
    """`flask outbox list` shows queued, claimed, sent and failed messages, Beijing time."""
    worker = make_worker()
    created = datetime(2026, 5, 1, 1, 30)  # 09:30 in Ningbo
    later = utcnow() + timedelta(hours=1)
    for body, status, claimed_until in (
        ("sent one", OutboxStatus.SENT, None),
        ("failed one", OutboxStatus.FAILED, None),
        ("claimed one", OutboxStatus.PENDING, later),
        ("queued one", OutboxStatus.PENDING, None),
    ):
        db.session.add(
            OutboxMessage(
                user_id=worker.id,
                recipient=worker.mobile,
                body=body,
                status=status,
                attempts=1,
                created_at=created,
                sent_at=created if status == OutboxStatus.SENT else None,
                claimed_until=claimed_until,
                last_error="ConnectionError: gateway down" if status == "failed" else "",
            )
        )
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["outbox", "list", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if " one" in line]
    assert [row.split()[1] for row in rows] == ["queued", "claimed", "failed"]  # newest first
    assert "sent one" not in result.output  # beyond --limit 3
    assert all("2026-05-01 09:30" in row for row in rows)
    assert worker.mobile not in result.output and worker.mobile[-4:] in rows[0]
    assert "gateway down" in result.output

    everything = app.test_cli_runner().invoke(args=["outbox", "list"]).output
    assert "sent one" in everything and " sent " in everything


def test_without_a_gateway_each_message_is_written_to_the_log(app, capsys):
    """No OUTBOX_SENDER configured: the message shows in the server's log (masked number)."""
    worker = make_worker()
    notify(worker.id, "invited", "保洁", "/gigs/2")
    db.session.commit()
    capsys.readouterr()
    assert outbox.deliver_due() == (1, 0)
    err = capsys.readouterr().err
    assert worker.mobile[:3] + "****" + worker.mobile[-4:] in err
    assert "保洁" in err and worker.mobile not in err
