"""Limits checked at acceptance: part-time hours with one employer across all its posts, and
rest across all employers (Labour Contract Law art. 68; Labour Law art. 36, 41)."""

from datetime import timedelta

import pytest

from marketplace.errors import DomainError
from marketplace.gigs.services import hourly_minimum_fen
from marketplace.models import AppStatus, PayUnit, WorkForm, db
from marketplace.work import services
from tests.factories import make_employer, make_gig, make_worker, shift_in, town


def _part_time(employer, title: str, days: list[int], hours: int = 4):
    return make_gig(
        employer,
        title=title,
        work_form=WorkForm.PART_TIME,
        pay_unit=PayUnit.HOUR,
        pay_fen=hourly_minimum_fen(town(), shift_in(days=10).day),
        pay_within_days=15,
        injury_insurance=True,
        shifts=[shift_in(days=d, hour=8, hours=hours) for d in days],
    )


def _apply_all(worker, gig):
    return [services.apply_to_shift(worker, s.id) for s in gig.shifts]


def test_part_time_hours_count_across_the_employers_posts(app):
    """Two posts of 4 h a day: the second post's shifts push the average over 4 h: refused."""
    employer = make_employer()
    worker = make_worker()
    mornings = _part_time(employer, "早班理货", [8, 9, 10])
    afternoons = make_gig(
        employer,
        title="午后理货",
        work_form=WorkForm.PART_TIME,
        pay_unit=PayUnit.HOUR,
        pay_fen=mornings.pay_fen,
        pay_within_days=15,
        injury_insurance=True,
        shifts=[shift_in(days=d, hour=13, hours=4) for d in (8, 9, 10)],
    )
    for app_ in _apply_all(worker, mornings):
        services.accept(employer, app_.id)
    pending = _apply_all(worker, afternoons)
    with pytest.raises(DomainError, match="average"):
        services.accept(employer, pending[0].id)
    db.session.expire_all()
    assert pending[0].status == AppStatus.APPLIED


def test_another_employers_part_time_post_does_not_count(app):
    """The 4 h/24 h limits are per employer: another employer's post is checked on its own."""
    worker = make_worker()
    first, second = make_employer(), make_employer("象山农家乐")
    for app_ in _apply_all(worker, _part_time(first, "早班理货", [8, 9, 10])):
        services.accept(first, app_.id)
    other = _part_time(second, "午后帮厨", [8])
    other.shifts[0].starts_at += timedelta(hours=5)
    other.shifts[0].ends_at += timedelta(hours=5)
    app_ = services.apply_to_shift(worker, other.shifts[0].id)
    services.accept(second, app_.id)
    assert app_.status == AppStatus.ACCEPTED


def test_employer_sees_why_a_tired_worker_cannot_be_accepted(app):
    """8 h with one employer and 7.5 h with another on the same day: refused, with the hours."""
    worker = make_worker()
    first, second = make_employer(), make_employer("象山农家乐")
    day = make_gig(first, shifts=[shift_in(days=5, hour=6, hours=8)])
    services.accept(first, services.apply_to_shift(worker, day.shifts[0].id).id)
    evening = make_gig(second, title="夜宵帮厨", shifts=[shift_in(days=5, hour=14, hours=8)])
    pending = services.apply_to_shift(worker, evening.shifts[0].id)
    with pytest.raises(DomainError, match="16 hours"):
        services.accept(second, pending.id)
