"""The demo's 零工驿站: the demo staff member's dashboard, needs and referrals are not empty."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from marketplace.kiosk import dashboard, followup
from marketplace.kiosk.services import stations_of
from marketplace.models import (
    AssistedSignup,
    AuditLog,
    JobNeed,
    Referral,
    ReferralStatus,
    Station,
    User,
    WorkerProfile,
    db,
)
from marketplace.policy.identity import normalise_mobile
from marketplace.seeding.demo import DEMO_LOGINS, demo_steps, generate_demo
from marketplace.seeding.reference import load_reference

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 4, 0)  # noon in Ningbo, the generator's "now" for a fixed TODAY
SMALL = 0.05
STAFF_MOBILE = DEMO_LOGINS[2][1]


@pytest.fixture
def reference(app):
    load_reference(SEEDS)


@pytest.fixture
def small_demo(reference):
    return generate_demo(today=TODAY, scale=SMALL)


def _demo_staff_station() -> Station:
    staff = db.session.scalar(select(User).where(User.mobile == STAFF_MOBILE))
    (station,) = stations_of(staff)
    return station


def _needs_fingerprint() -> list[tuple]:
    return db.session.execute(
        select(JobNeed.name, JobNeed.mobile, JobNeed.desired_work, JobNeed.created_at).order_by(
            JobNeed.id
        )
    ).all()


def test_demo_staff_dashboard_shows_a_month_of_work(small_demo):
    """Signed in as 陈晓燕 at 石浦, the tiles show people today, needs, referrals, placements."""
    station = _demo_staff_station()
    board = dashboard.build(station, NOW)

    assert station.code == "ST028"
    assert board.visitors_today > 0
    assert board.needs.today > 0 and board.needs.month > board.needs.today
    assert board.referrals.week > 0 and board.referrals.month >= board.referrals.week
    assert board.placements.month > 0
    assert sum(day.referrals for day in board.series) >= 10  # the chart is not flat
    top_category, _count = board.needs_by_category[0]
    assert top_category.code == "fishing"  # 石浦's walk-ins are mostly fishermen
    assert small_demo.needs > 0 and small_demo.referrals > 0


def test_other_stations_have_their_own_staff_and_activity(small_demo):
    """A few stations in other districts show activity too, recorded by their own staff."""
    home = _demo_staff_station()
    others = db.session.scalars(
        select(Station).where(Station.id.in_(select(JobNeed.station_id)), Station.id != home.id)
    ).all()
    assert 2 <= len(others) <= 3
    assert len({s.town.district_id for s in [home, *others]}) == len(others) + 1
    for station in others:
        staff_ids = select(JobNeed.staff_id).where(JobNeed.station_id == station.id)
        (staff,) = db.session.scalars(select(User).where(User.id.in_(staff_ids))).all()
        assert stations_of(staff) == [station]
        assert dashboard.build(station, NOW).needs.month > 0


def test_every_referral_agrees_with_the_marketplace_records(small_demo, monkeypatch):
    """Refreshing referrals from applications (as the dashboard does) changes none of them."""
    monkeypatch.setattr(followup, "utcnow", lambda: NOW)  # the records as of the demo's clock
    refs = db.session.scalars(select(Referral)).all()
    by_worker = {r.status for r in refs if r.worker_id}
    by_need = {r.status for r in refs if r.need_id}

    assert followup.refresh(refs) == 0
    assert {ReferralStatus.REFERRED, ReferralStatus.HIRED, ReferralStatus.DECLINED} <= by_worker
    assert len(by_worker | by_need) >= 5
    for ref in refs:
        assert NOW - timedelta(days=30) <= ref.created_at <= ref.updated_at <= NOW
        assert ref.shift is None or ref.shift.gig_id == ref.gig_id
        assert ref.gig.town.district_id == ref.station.town.district_id


def test_needs_are_people_without_accounts(small_demo):
    """Needs carry valid mobile numbers that no account uses, dated over the last month."""
    needs = db.session.scalars(select(JobNeed)).all()
    user_mobiles = set(db.session.scalars(select(User.mobile)))
    mobiles = [n.mobile for n in needs]

    assert len(set(mobiles)) == len(mobiles) and not set(mobiles) & user_mobiles
    assert all(normalise_mobile(m) == m for m in mobiles)
    assert all(n.name and n.desired_work and n.availability and n.category for n in needs)
    assert all(NOW - timedelta(days=30) <= n.created_at <= NOW for n in needs)
    assert len({(n.created_at + timedelta(hours=8)).date() for n in needs}) >= 10


def test_signups_and_record_views_name_real_demo_workers(small_demo):
    """Assisted sign-ups carry the worker's own name; today's record views are audit-logged."""
    signups = db.session.scalars(select(AssistedSignup)).all()
    assert signups
    for signup in signups:
        profile = db.session.get(WorkerProfile, signup.user_id)
        assert signup.pledge_name == profile.real_name
        assert not signup.user.must_change_password
    station = _demo_staff_station()
    staff = db.session.scalar(select(User).where(User.mobile == STAFF_MOBILE))
    views = db.session.scalars(
        select(AuditLog).where(
            AuditLog.action == dashboard.VIEW_ACTION, AuditLog.detail == f"station:{station.code}"
        )
    ).all()
    assert views and all(v.actor_id == staff.id for v in views)
    assert all(db.session.get(WorkerProfile, int(v.subject.split(":")[1])) for v in views)


def test_same_seed_gives_the_same_needs(reference):
    steps: list[int] = []
    generate_demo(today=TODAY, scale=SMALL, seed=7, progress=steps.append)
    first = _needs_fingerprint()
    db.session.rollback()  # the generator only flushes, so this empties the schema again
    load_reference(SEEDS)

    generate_demo(today=TODAY, scale=SMALL, seed=7)

    assert first and _needs_fingerprint() == first
    assert sum(steps) == demo_steps()
