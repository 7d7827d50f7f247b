"""The application's lifecycle: the transition table and the rules every path goes through."""

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from marketplace.errors import DomainError, Forbidden
from marketplace.matchmaking.services import invite
from marketplace.models import Application, AppStatus, User, db, utcnow
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


def _accepted(employer, gig, worker):
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, app_.id)
    return app_


def test_table_names_who_moves_what():
    """Only the worker withdraws, only the employer accepts; nothing leaves a rejection."""
    assert lifecycle.may(lifecycle.Actor.WORKER, AppStatus.ACCEPTED, AppStatus.WITHDRAWN)
    assert not lifecycle.may(lifecycle.Actor.EMPLOYER, AppStatus.ACCEPTED, AppStatus.WITHDRAWN)
    assert not lifecycle.may(lifecycle.Actor.WORKER, AppStatus.APPLIED, AppStatus.ACCEPTED)
    assert not any(old == AppStatus.REJECTED for old, _new in lifecycle.TRANSITIONS)
    assert not any(old == AppStatus.NO_SHOW for old, _new in lifecycle.TRANSITIONS)


def test_no_withdrawal_after_an_early_check_in(app):
    """Checked in inside the window before the start: the worker can no longer withdraw."""
    employer = make_employer()
    gig = make_gig(employer, shifts=[shift_in(days=1)])
    worker = make_worker()
    app_ = _accepted(employer, gig, worker)
    sign_agreement(app_)
    move_shift(gig.shifts[0], utcnow() + timedelta(minutes=40))
    attendance.check_with_code(worker, app_.id, gig.shifts[0].checkin_code)
    with pytest.raises(lifecycle.CheckedIn):
        services.withdraw(worker, app_.id)
    db.session.expire_all()
    assert app_.status == AppStatus.ACCEPTED and gig.shifts[0].filled == 1


def test_accepting_into_a_shift_that_overlaps_another_employers(app):
    """The employer is told the worker holds a shift at that time, with another employer."""
    first, second = make_employer(), make_employer("象山农家乐")
    gig1 = make_gig(first, shifts=[shift_in(days=3, hour=8, hours=8)])
    gig2 = make_gig(second, title="同时段帮厨", shifts=[shift_in(days=3, hour=12, hours=4)])
    worker = make_worker()
    pending = services.apply_to_shift(worker, gig2.shifts[0].id)
    _accepted(first, gig1, worker)
    with pytest.raises(services.WorkerBusy):
        services.accept(second, pending.id)
    db.session.expire_all()
    assert pending.status == AppStatus.APPLIED and gig2.shifts[0].filled == 0


def test_settled_record_is_never_reopened(app):
    """Once rated, the hours cannot be changed and the worker cannot be marked a no-show."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    app_ = _accepted(employer, gig, worker)
    move_shift(gig.shifts[0], utcnow() - timedelta(hours=9))
    attendance.confirm_hours(employer, app_.id, 8 * 60)
    attendance.rate(worker, app_.id, 5, "")
    with pytest.raises(lifecycle.Settled):
        attendance.confirm_hours(employer, app_.id, 60)
    with pytest.raises(lifecycle.Settled):
        services.mark_no_show(employer, app_.id)
    db.session.expire_all()
    assert app_.minutes_confirmed == 8 * 60


def test_no_show_frees_the_slot_and_ends_the_record(app):
    """A worker who never came is recorded as such; no payment can follow."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    app_ = _accepted(employer, gig, worker)
    with pytest.raises(DomainError):
        services.mark_no_show(employer, app_.id)  # not before the shift starts
    move_shift(gig.shifts[0], utcnow() - timedelta(hours=9))
    with pytest.raises(Forbidden):
        services.mark_no_show(worker, app_.id)
    services.mark_no_show(employer, app_.id)
    assert app_.status == AppStatus.NO_SHOW and gig.shifts[0].filled == 0
    with pytest.raises(DomainError):
        attendance.confirm_hours(employer, app_.id, 60)
    with pytest.raises(DomainError):
        attendance.record_payment(employer, app_.id, 100, date.today())
    assert broken_invariants() == []


def test_invitation_goes_through_the_table(app):
    """An employer cannot invite a worker who applied; a withdrawn worker can be invited again."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    with pytest.raises(lifecycle.AlreadyInvited):
        invite(employer, gig.shifts[0].id, worker.id)
    services.withdraw(worker, app_.id)
    assert invite(employer, gig.shifts[0].id, worker.id).status == AppStatus.INVITED
    assert services.apply_to_shift(worker, gig.shifts[0].id).status == AppStatus.APPLIED


def test_applying_twice_at_once_gives_one_application(app):
    """Two tabs send the same application at the same moment: one row, the other a message."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    shift_id, worker_id = gig.shifts[0].id, worker.id
    db.session.commit()
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[str] = []

    def tab() -> None:
        with app.app_context():
            barrier.wait()
            try:
                services.apply_to_shift(db.session.get(User, worker_id), shift_id)
                db.session.commit()
                outcomes.append("sent")
            except DomainError as exc:
                db.session.rollback()
                outcomes.append(type(exc).__name__)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=tab) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["AlreadyApplied", "sent"]
    count = db.session.scalar(
        select(func.count()).select_from(Application).where(Application.shift_id == shift_id)
    )
    assert count == 1


def test_double_click_on_apply_answers_with_a_message(client, login, app):
    """The second click of a double click shows "already applied", not an error page."""
    gig = make_gig(make_employer())
    worker = make_worker()
    db.session.commit()
    login(client, worker)
    client.post(f"/shifts/{gig.shifts[0].id}/apply")
    r = client.post(f"/shifts/{gig.shifts[0].id}/apply", follow_redirects=True)
    assert r.status_code == 200 and "您已经报名了这个班次" in r.get_data(as_text=True)
    rows = db.session.scalar(
        select(func.count()).select_from(Application).where(Application.worker_id == worker.id)
    )
    assert rows == 1
