"""Rules of a shift's life, tested without HTTP."""

from datetime import date, timedelta

import pytest

from marketplace.errors import DomainError, Forbidden
from marketplace.models import AppStatus, GigStatus, PayUnit, db, utcnow
from marketplace.work import attendance, services
from tests.factories import (
    make_employer,
    make_gig,
    make_worker,
    move_shift,
    shift_in,
    sign_agreement,
)


def test_cannot_apply_without_profile(app):
    """A worker account without a profile is asked to fill it in first."""
    from marketplace.accounts.services import register
    from marketplace.models import Role

    gig = make_gig(make_employer())
    bare = register("13512345678", "secret-pass-1", Role.WORKER)
    with pytest.raises(DomainError, match="profile"):
        services.apply_to_shift(bare, gig.shifts[0].id)


def test_cannot_apply_to_closed_gig_or_started_shift(app):
    """Closed gigs and started shifts take no applications."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    gig.status = GigStatus.CLOSED
    with pytest.raises(DomainError, match="closed"):
        services.apply_to_shift(worker, gig.shifts[0].id)
    gig.status = GigStatus.OPEN
    move_shift(gig.shifts[0], utcnow() - timedelta(minutes=5))
    with pytest.raises(services.ShiftStarted):
        services.apply_to_shift(worker, gig.shifts[0].id)


def test_overlapping_accepted_shift_blocks_application(app):
    """A worker cannot hold two accepted shifts at the same time."""
    employer = make_employer()
    first = make_gig(employer, shifts=[shift_in(days=3, hour=8, hours=8)])
    second = make_gig(employer, title="同时段的活", shifts=[shift_in(days=3, hour=12, hours=4)])
    worker = make_worker()
    app_ = services.apply_to_shift(worker, first.shifts[0].id)
    services.accept(employer, app_.id)
    with pytest.raises(services.Overlap):
        services.apply_to_shift(worker, second.shifts[0].id)


def test_reapply_after_withdrawal(app):
    """A worker who withdrew may apply again while there is room."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker()
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    services.withdraw(worker, app_.id)
    again = services.apply_to_shift(worker, gig.shifts[0].id)
    assert again.id == app_.id and again.status == AppStatus.APPLIED
    with pytest.raises(services.AlreadyApplied):
        services.apply_to_shift(worker, gig.shifts[0].id)


def test_decision_happens_once(app):
    """An accepted application cannot be rejected afterwards, nor accepted twice."""
    employer = make_employer()
    gig = make_gig(employer)
    app_ = services.apply_to_shift(make_worker(), gig.shifts[0].id)
    services.accept(employer, app_.id)
    with pytest.raises(services.NotPending):
        services.reject(employer, app_.id)
    with pytest.raises(services.NotPending):
        services.accept(employer, app_.id)
    db.session.refresh(gig.shifts[0])
    assert gig.shifts[0].filled == 1


def test_other_employer_cannot_decide(app):
    """Only the gig's employer decides on its applications."""
    gig = make_gig(make_employer())
    app_ = services.apply_to_shift(make_worker(), gig.shifts[0].id)
    with pytest.raises(Forbidden):
        services.accept(make_employer("别人家"), app_.id)


def test_check_in_opens_one_hour_before(app):
    """Check-in is refused earlier than an hour before the start."""
    employer = make_employer()
    gig = make_gig(employer, shifts=[shift_in(days=1)])
    worker = make_worker()
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, app_.id)
    move_shift(gig.shifts[0], utcnow() + timedelta(hours=2))
    with pytest.raises(attendance.NotOpenYet):
        attendance.check_with_code(worker, app_.id, gig.shifts[0].checkin_code)
    move_shift(gig.shifts[0], utcnow() + timedelta(minutes=50))
    sign_agreement(app_)
    attendance.check_with_code(worker, app_.id, gig.shifts[0].checkin_code)
    assert app_.checked_in_at is not None


def test_hourly_pay_due_follows_confirmed_hours(app):
    """Hourly gigs are owed pay × confirmed hours; the pay date follows the gig's terms."""
    employer = make_employer()
    gig = make_gig(employer, pay_fen=2600, pay_unit=PayUnit.HOUR, pay_within_days=5)
    worker = make_worker()
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, app_.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(hours=9))
    attendance.confirm_hours(employer, app_.id, 7 * 60 + 30)
    assert attendance.amount_due_fen(app_) == 2600 * 7 + 1300
    assert app_.pay_due_on - timedelta(days=5) <= date.today() + timedelta(days=1)
    with pytest.raises(DomainError):
        attendance.record_payment(employer, app_.id, 0, date.today())
    payment = attendance.record_payment(employer, app_.id, 19500, date.today())
    assert payment.amount_fen == 19500
    with pytest.raises(DomainError):
        attendance.record_payment(employer, app_.id, 19500, date.today())
    with pytest.raises(DomainError):
        attendance.confirm_hours(employer, app_.id, 60)


def test_worker_confirms_coming_on_the_eve(client, login, app):
    """After the eve reminder the worker says they will come; the employer sees it."""
    employer = make_employer()
    gig = make_gig(employer, shifts=[shift_in(days=1)])
    worker = make_worker("李来")
    app_ = services.apply_to_shift(worker, gig.shifts[0].id)
    with pytest.raises(services.NotPending):
        services.confirm_coming(worker, app_.id)  # not accepted yet
    services.accept(employer, app_.id)
    db.session.commit()
    login(client, worker)
    assert client.post(f"/applications/{app_.id}/coming").status_code == 302
    assert 'data-testid="coming"' in client.get(f"/applications/{app_.id}").get_data(as_text=True)
    client.post("/account/logout")
    login(client, employer)
    assert "确认到岗" in client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    other = make_worker("别人")
    db.session.commit()
    client.post("/account/logout")
    login(client, other)
    assert client.post(f"/applications/{app_.id}/coming").status_code == 403
