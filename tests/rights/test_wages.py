"""Wages protected without the employer's goodwill: the pay date decides (N(十五), P 五(三))."""

from datetime import timedelta

import pytest

from marketplace.errors import DomainError
from marketplace.models import db, utcnow
from marketplace.rights import cases, wages
from marketplace.rights.registration import dashboard_panel, today
from marketplace.work import attendance, lifecycle, services
from marketplace.work.jobs import hours_stand
from tests.factories import make_employer, make_gig, make_worker, move_shift


def _worked_unconfirmed(days_ago: int = 15):
    """An accepted shift that ended ``days_ago``; the employer never confirmed the hours."""
    employer, worker = make_employer(verified=True), make_worker()
    gig = make_gig(employer)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(days=days_ago))
    application.pay_due_on = lifecycle.pay_date(application)
    db.session.flush()
    return employer, worker, application


def test_unconfirmed_worked_shift_becomes_arrears_on_its_pay_date(app):
    """No confirmation needed: the scheduled shift is owed the day after the pay date."""
    _, worker, application = _worked_unconfirmed()
    assert application.confirmed_at is None
    assert [a.id for a in dashboard_panel(application.worker).get("unpaid")] == [application.id]
    opened = cases.detect_arrears(application.pay_due_on + timedelta(days=1))
    assert len(opened) == 1
    assert opened[0].amount_due_fen == 20000 and opened[0].minutes_worked == 8 * 60


def test_no_show_is_not_owed(app):
    """A recorded no-show is not worked time: no case, nothing to report."""
    employer, worker, application = _worked_unconfirmed()
    services.mark_no_show(employer, application.id)
    assert cases.detect_arrears(today() + timedelta(days=30)) == []
    with pytest.raises(DomainError):
        cases.report_unpaid(worker, application.id)


def test_a_token_payment_is_partial_and_the_rest_is_flagged(app):
    """0.01 yuan against 200 does not silence detection: the rest is owed from the pay date."""
    employer, _, application = _worked_unconfirmed()
    attendance.confirm_hours(employer, application.id, 8 * 60)
    attendance.record_payment(employer, application.id, 1, today())
    assert wages.is_partial(application) and wages.owed_fen(application) == 19999
    opened = cases.detect_arrears(application.pay_due_on + timedelta(days=1))
    assert len(opened) == 1 and opened[0].amount_due_fen == 19999
    assert "partial" in opened[0].events[0].note


def test_worker_reports_any_time_after_the_pay_date(app):
    """The worker can report unpaid wages after the pay date even if hours were never confirmed."""
    employer, worker, application = _worked_unconfirmed(days_ago=1)
    application.pay_due_on = today()  # due today: not yet late
    with pytest.raises(DomainError):
        cases.report_unpaid(worker, application.id)
    application.pay_due_on = today() - timedelta(days=1)
    case = cases.report_unpaid(worker, application.id, "没有收到工资")
    assert case.amount_due_fen == 20000


def test_unconfirmed_hours_stand_as_checked_after_the_set_time(app):
    """After HOURS_STAND_AFTER_HOURS the checked times stand; the worker is told."""
    _, worker, application = _worked_unconfirmed(days_ago=1)
    shift = application.shift
    application.checked_in_at = shift.starts_at
    application.checked_out_at = shift.starts_at + timedelta(hours=6)
    db.session.flush()
    assert hours_stand(shift.ends_at + timedelta(hours=47)) == 0
    assert application.confirmed_at is None
    assert hours_stand(shift.ends_at + timedelta(hours=49)) == 1
    assert application.minutes_confirmed == 6 * 60 and application.confirmed_at is not None
    assert hours_stand(shift.ends_at + timedelta(hours=50)) == 0  # once


def test_grace_days_default_to_zero(app):
    """The agreed pay date is the deadline unless a city sets a grace period."""
    assert wages.grace_days() == 0
