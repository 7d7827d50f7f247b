"""Two sessions at once: a withdrawal and a check-in of the same application never both land.

Each test stops one request exactly between reading the application and changing it, lets a
second session (another request, another connection) make the rival move and commit, and then
lets the first one go on. The first must refuse with its message and change nothing.
"""

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest

from marketplace.errors import DomainError
from marketplace.models import Application, AppStatus, Shift, User, db, utcnow
from marketplace.work import attendance, lifecycle, services
from tests.factories import (
    make_employer,
    make_gig,
    make_worker,
    move_shift,
    shift_in,
    sign_agreement,
)
from tests.work.invariants import broken_invariants


@pytest.fixture
def ready(app):
    """An accepted, signed application whose shift starts in 40 minutes (check-in window open)."""
    employer, worker = make_employer(), make_worker()
    gig = make_gig(employer, shifts=[shift_in(days=1)])
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    sign_agreement(application)
    move_shift(gig.shifts[0], utcnow() + timedelta(minutes=40))
    db.session.commit()
    return worker.id, application.id, gig.shifts[0].id, gig.shifts[0].checkin_code


def _rival_cuts_in(app, monkeypatch, rival: Callable[[], None]) -> list[str]:
    """Run ``rival`` in its own session and commit it just before our first row change."""
    real_cas = lifecycle._cas
    outcome: list[str] = []
    started = threading.Event()  # the rival's own row change goes straight through

    def other_request() -> None:
        with app.app_context():
            try:
                rival()
                db.session.commit()
                outcome.append("committed")
            except Exception as exc:  # reported to the test, which fails on anything else
                db.session.rollback()
                outcome.append(repr(exc))
            finally:
                db.session.remove()

    def cas_after_rival(application, *where, **values):
        if not started.is_set():
            started.set()
            thread = threading.Thread(target=other_request)
            thread.start()
            thread.join(timeout=60)
            assert not thread.is_alive(), "the rival session waited on our lock"
        return real_cas(application, *where, **values)

    monkeypatch.setattr(lifecycle, "_cas", cas_after_rival)
    return outcome


def _row(application_id: int) -> Application:
    db.session.expire_all()
    return db.session.get(Application, application_id)


def test_a_withdrawal_read_before_a_check_in_is_refused(app, monkeypatch, ready):
    """The worker checks in on the kiosk while the withdraw button's request is half-way."""
    worker_id, application_id, shift_id, code = ready

    def check_in_elsewhere() -> None:
        attendance.check_with_code(db.session.get(User, worker_id), application_id, code)

    rival = _rival_cuts_in(app, monkeypatch, check_in_elsewhere)
    with pytest.raises(lifecycle.CheckedIn) as refused:
        services.withdraw(db.session.get(User, worker_id), application_id)
    db.session.rollback()

    assert rival == ["committed"]
    assert "checked in" in str(refused.value)
    row = _row(application_id)
    assert row.status == AppStatus.ACCEPTED and row.checked_in_at is not None
    assert db.session.get(Shift, shift_id).filled == 1
    assert broken_invariants() == []


def test_a_check_in_read_before_a_withdrawal_is_refused(app, monkeypatch, ready):
    """The worker withdraws on the phone while the kiosk's check-in request is half-way."""
    worker_id, application_id, shift_id, code = ready

    def withdraw_elsewhere() -> None:
        services.withdraw(db.session.get(User, worker_id), application_id)

    rival = _rival_cuts_in(app, monkeypatch, withdraw_elsewhere)
    with pytest.raises(DomainError):
        attendance.check_with_code(db.session.get(User, worker_id), application_id, code)
    db.session.rollback()

    assert rival == ["committed"]
    row = _row(application_id)
    assert row.status == AppStatus.WITHDRAWN and row.checked_in_at is None
    assert db.session.get(Shift, shift_id).filled == 0
    assert broken_invariants() == []
