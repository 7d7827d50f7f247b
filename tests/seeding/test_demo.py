"""The demo market: big enough, repeatable, and consistent with the marketplace's rules."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from marketplace.models import (
    Application,
    AppStatus,
    District,
    EmployerKind,
    EmployerProfile,
    Gig,
    GigStatus,
    MinimumWage,
    Notification,
    Payment,
    PayUnit,
    Rating,
    Role,
    Season,
    SeasonTag,
    Shift,
    Town,
    User,
    Verification,
    WorkerProfile,
    WorkForm,
    db,
)
from marketplace.policy import working_age
from marketplace.policy.credit_code import is_valid_credit_code
from marketplace.policy.identity import parse_id_number
from marketplace.policy.pricing import daily_pay_fen
from marketplace.security import decrypt_id_number, verify_password
from marketplace.seeding.demo import (
    DEMO_LOGINS,
    DemoSummary,
    demo_present,
    demo_steps,
    generate_demo,
)
from marketplace.seeding.demo.catalog import FISHING_TOWNS
from marketplace.seeding.reference import load_reference
from tests.work.invariants import broken_invariants

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 4, 0)  # noon in Ningbo, the generator's "now" for a fixed TODAY
SMALL = 0.05  # 100 workers, 10 employers, 50 gigs: enough to exercise every rule quickly
NOTIFICATION_KINDS = {
    "application_received",
    "application_accepted",
    "application_rejected",
    "payment_recorded",
}


def _local_date(moment):
    return (moment + timedelta(hours=8)).date()


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def reference(app):
    load_reference(SEEDS)


@pytest.fixture
def small_demo(reference) -> DemoSummary:
    return generate_demo(today=TODAY, scale=SMALL)


def _market_fingerprint() -> tuple:
    first_worker = db.session.scalar(
        select(WorkerProfile.real_name).order_by(WorkerProfile.user_id).offset(1).limit(1)
    )
    titles = db.session.scalars(select(Gig.title).order_by(Gig.id)).all()
    pays = db.session.scalars(select(Gig.daily_pay_fen).order_by(Gig.id)).all()
    return first_worker, titles, pays


@pytest.mark.slow
def test_full_demo_meets_the_minimums(reference):
    steps = []
    summary = generate_demo(today=TODAY, progress=steps.append)

    assert _count(WorkerProfile) == summary.workers >= 2000
    assert _count(EmployerProfile) == summary.employers >= 200
    assert _count(Gig) == summary.gigs >= 1000
    assert _count(User, User.role == Role.WORKER) >= 2000
    kinds = Counter(db.session.scalars(select(EmployerProfile.kind)))
    assert set(kinds) == set(EmployerKind)
    verified = _count(EmployerProfile, EmployerProfile.verification == Verification.VERIFIED)
    assert 0.6 <= verified / summary.employers <= 0.8
    assert set(db.session.scalars(select(Gig.work_form).distinct())) == set(WorkForm)
    assert _count(Payment) == summary.payments > 0
    assert _count(Rating) == summary.ratings > 0
    assert sum(steps) == demo_steps()


def test_same_seed_gives_the_same_market(reference):
    generate_demo(today=TODAY, scale=SMALL, seed=7)
    first = _market_fingerprint()
    db.session.rollback()  # the generator only flushes, so this empties the schema again
    load_reference(SEEDS)

    generate_demo(today=TODAY, scale=SMALL, seed=7)

    assert _market_fingerprint() == first
    assert first[0] and len(first[1]) >= 50


def test_another_seed_gives_another_market(reference):
    generate_demo(today=TODAY, scale=SMALL, seed=1)
    first = _market_fingerprint()
    db.session.rollback()
    load_reference(SEEDS)

    generate_demo(today=TODAY, scale=SMALL, seed=2)

    assert _market_fingerprint()[1] != first[1]


def test_generator_leaves_the_global_random_alone(reference):
    state = random.getstate()
    generate_demo(today=TODAY, scale=SMALL)
    assert random.getstate() == state


def test_demo_accounts_sign_in_with_the_published_password(small_demo):
    for role, mobile, password, _description in DEMO_LOGINS:
        user = db.session.scalar(select(User).where(User.mobile == mobile))
        assert user is not None and user.role == role
        assert verify_password(user.password_hash, password)


def test_demo_worker_is_a_xiangshan_fisherman(small_demo):
    worker_mobile = next(m for r, m, _, _ in DEMO_LOGINS if r == Role.WORKER)
    user = db.session.scalar(select(User).where(User.mobile == worker_mobile))
    profile = db.session.get(WorkerProfile, user.id)

    assert profile.town.district.name_zh == "象山县"
    assert "fishing.net_mending" in {s.code for s in profile.skills}
    assert "moratorium" in {s.kind for s in profile.seasons}


def test_demo_employer_story(small_demo):
    worker = db.session.scalar(select(User).where(User.mobile == DEMO_LOGINS[0][1]))
    employer = db.session.scalar(select(User).where(User.mobile == DEMO_LOGINS[1][1]))
    profile = db.session.get(EmployerProfile, employer.id)
    assert profile.kind == EmployerKind.COMPANY and profile.is_verified
    assert is_valid_credit_code(profile.credit_code)
    assert _count(Gig, Gig.employer_id == employer.id) >= 3

    mine = db.session.scalars(
        select(Application)
        .join(Shift)
        .join(Gig)
        .where(Application.worker_id == worker.id, Gig.employer_id == employer.id)
    ).all()
    tomorrow = TODAY + timedelta(days=1)
    assert any(
        a.status == AppStatus.ACCEPTED and _local_date(a.shift.starts_at) == tomorrow for a in mine
    )
    done = [a for a in mine if a.payment is not None]
    assert done and all(_local_date(a.shift.ends_at) < TODAY for a in done)
    assert any({r.rater_id for r in a.ratings} == {worker.id, employer.id} for a in done)


def test_demo_notifications(small_demo):
    demo_ids = set(
        db.session.scalars(
            select(User.id).where(User.mobile.in_([m for _, m, _, _ in DEMO_LOGINS]))
        )
    )
    notes = db.session.scalars(select(Notification)).all()
    assert notes and {n.user_id for n in notes} <= demo_ids
    assert {n.kind for n in notes} <= NOTIFICATION_KINDS
    titles = set(db.session.scalars(select(Gig.title)))
    for note in notes:
        assert note.subject in titles
        assert note.link.startswith(("/gigs/", "/applications/"))


def test_second_run_is_refused_and_keeps_the_data(small_demo):
    assert demo_present()
    before = _count(Gig)
    with pytest.raises(RuntimeError, match="already"):
        generate_demo(today=TODAY, scale=SMALL)
    assert _count(Gig) == before


def test_filled_counts_accepted_applications(small_demo):
    accepted = {
        shift_id: n
        for shift_id, n in db.session.execute(
            select(Application.shift_id, func.count())
            .where(Application.status == AppStatus.ACCEPTED)
            .group_by(Application.shift_id)
        )
    }
    for shift in db.session.scalars(select(Shift)):
        assert shift.filled == accepted.get(shift.id, 0) <= shift.slots


def test_demo_records_keep_the_lifecycle_invariants(small_demo):
    """The bulk-written demo rows agree like rows written through the lifecycle services."""
    assert broken_invariants() == []
    unpriced = _count(
        Application, Application.status == AppStatus.ACCEPTED, Application.pay_due_on.is_(None)
    )
    assert unpriced == 0  # the agreed pay date is set on acceptance, as the services do


def test_no_worker_is_accepted_for_overlapping_shifts(small_demo):
    rows = db.session.execute(
        select(Application.worker_id, Shift.starts_at, Shift.ends_at)
        .join(Shift)
        .where(Application.status == AppStatus.ACCEPTED)
        .order_by(Application.worker_id, Shift.starts_at)
    ).all()
    for before, after in pairwise(rows):  # sorted by start, so neighbours suffice
        if before.worker_id == after.worker_id:
            assert after.starts_at >= before.ends_at


def _hourly_minimum(town_id: int, day: date) -> int:
    tier = db.session.scalar(
        select(District.wage_tier)
        .join(Town, Town.district_id == District.id)
        .where(Town.id == town_id)
    )
    return db.session.scalar(
        select(MinimumWage.hourly_fen)
        .where(MinimumWage.tier == tier, MinimumWage.effective_on <= day)
        .order_by(MinimumWage.effective_on.desc())
        .limit(1)
    )


def test_part_time_gigs_are_hourly_short_and_above_minimum_wage(small_demo):
    gigs = db.session.scalars(select(Gig).where(Gig.work_form == WorkForm.PART_TIME)).all()
    assert gigs
    for gig in gigs:
        assert gig.pay_unit == PayUnit.HOUR
        assert gig.pay_within_days <= 15  # Labour Contract Law art. 72
        for shift in gig.shifts:
            assert shift.hours <= 4
            assert gig.pay_fen >= _hourly_minimum(gig.town_id, _local_date(shift.starts_at))


def test_daily_pay_follows_the_pricing_rule(small_demo):
    for gig in db.session.scalars(select(Gig)):
        minutes = int((gig.shifts[0].ends_at - gig.shifts[0].starts_at).total_seconds() // 60)
        assert gig.daily_pay_fen == daily_pay_fen(
            gig.pay_fen, gig.pay_unit, minutes, gig.pieces_per_day
        )
        if gig.pay_unit == PayUnit.HOUR:
            assert gig.pay_fen >= _hourly_minimum(gig.town_id, TODAY)


def test_gig_status_and_season_tags_match_the_dates(small_demo):
    seasons = db.session.scalars(select(Season)).all()
    for gig in db.session.scalars(select(Gig)):
        assert 1 <= len(gig.shifts) <= 4
        future = any(s.starts_at > NOW for s in gig.shifts)
        assert (gig.status == GigStatus.OPEN) == future
        if gig.season_tag != SeasonTag.NONE:
            windows = [s for s in seasons if s.kind == gig.season_tag.value]
            for shift in gig.shifts:
                mmdd = f"{_local_date(shift.starts_at):%m-%d}"
                assert any(
                    (w.start_mmdd <= mmdd <= w.end_mmdd)
                    if w.start_mmdd <= w.end_mmdd
                    else (mmdd >= w.start_mmdd or mmdd <= w.end_mmdd)
                    for w in windows
                ), (gig.title, mmdd)


def test_past_work_is_confirmed_paid_and_dated(small_demo):
    apps = db.session.scalars(
        select(Application).where(Application.confirmed_at.is_not(None))
    ).all()
    assert apps
    for app in apps:
        gig = app.shift.gig
        assert app.status == AppStatus.ACCEPTED and app.checked_in_at is not None
        assert app.pay_due_on == _local_date(app.shift.ends_at) + timedelta(
            days=gig.pay_within_days
        )
        if app.payment is not None:
            assert app.payment.amount_fen == gig.daily_pay_fen
            assert app.payment.paid_on <= TODAY
    assert any(a.payment is None and a.pay_due_on < TODAY for a in apps), "some are overdue"
    statuses = set(db.session.scalars(select(Application.status).distinct()))
    assert {
        AppStatus.APPLIED,
        AppStatus.ACCEPTED,
        AppStatus.REJECTED,
        AppStatus.WITHDRAWN,
    } <= statuses


def test_ratings_are_between_the_two_parties(small_demo):
    for rating in db.session.scalars(select(Rating)):
        parties = {rating.application.worker_id, rating.application.shift.gig.employer_id}
        assert {rating.rater_id, rating.ratee_id} == parties
        assert 1 <= rating.stars <= 5


def test_every_id_number_is_valid_unique_and_matches_the_profile(small_demo):
    numbers = set()
    for profile in db.session.scalars(select(WorkerProfile)):
        number = decrypt_id_number(profile.id_number_enc)
        parsed = parse_id_number(number, today=TODAY, min_age=18, max_age=60)
        assert parsed.birth_date == profile.birth_date and parsed.sex == profile.sex
        assert parsed.masked == profile.id_number_masked
        numbers.add(number)
    assert len(numbers) == _count(WorkerProfile)


def test_accepted_workers_are_within_their_own_working_age(small_demo):
    """POLICY §1: no one is accepted for a shift before 16 or after their own retirement date."""
    accepted = select(Application).where(Application.status == AppStatus.ACCEPTED)
    for application in db.session.scalars(accepted):
        worker, shift = application.worker, application.shift
        group = working_age.group_for(worker.sex, None)
        first, last = _local_date(shift.starts_at), _local_date(shift.ends_at)
        assert working_age.refusal(worker.birth_date, group, first, last) is None


def test_workers_have_skills_and_fishermen_and_farmers_their_seasons(small_demo):
    for profile in db.session.scalars(select(WorkerProfile)):
        assert 1 <= len(profile.skills) <= 5 and profile.skills_text
        assert 3 <= profile.max_travel_km <= 40
        assert 0 < profile.weekdays <= 0b1111111
        assert profile.expected_daily_pay_fen is None or (
            15000 <= profile.expected_daily_pay_fen <= 40000
        )
        categories = {s.category.code for s in profile.skills}
        kinds = {s.kind for s in profile.seasons}
        if "fishing" in categories:
            assert "moratorium" in kinds, profile.real_name
            assert profile.town.name_zh in FISHING_TOWNS
        if "farming" in categories:
            assert "farming_lull" in kinds, profile.real_name


def test_organisations_have_valid_unique_credit_codes(small_demo):
    rows = db.session.execute(select(EmployerProfile.kind, EmployerProfile.credit_code)).all()
    codes = [code for kind, code in rows if code]
    assert len(codes) == len(set(codes))
    for kind, code in rows:
        if kind in (EmployerKind.COMPANY, EmployerKind.PLATFORM):
            assert code and is_valid_credit_code(code)


def test_every_gig_has_skills_of_its_category_and_a_checkin_code(small_demo):
    for gig in db.session.scalars(select(Gig)):
        assert gig.skills and {s.category_id for s in gig.skills} == {gig.category_id}
        assert all(len(s.checkin_code) == 6 and s.checkin_code.isdigit() for s in gig.shifts)
        assert all(1 <= s.slots <= 10 for s in gig.shifts)
