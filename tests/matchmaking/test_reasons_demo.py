"""Every reason shown on the demo market is true of its pair, and none contradicts the ranking."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.gigs.search import haversine_km
from marketplace.matchmaking import services
from marketplace.matchmaking.index import market_index
from marketplace.models import Gig, GigStatus, Skill, User, WorkerProfile, db
from marketplace.seeding.demo import generate_demo
from marketplace.seeding.reference import load_reference
from matching import Job, Match, Phrase, Worker
from matching import wording as w
from matching.availability import merge_windows
from matching.taxonomy import SYNONYM_WEIGHT

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SMALL = 0.05  # 100 workers, 10 employers, 50 gigs


@pytest.fixture
def demo_market(app):
    """The demo market, dated from today so that its open gigs are still ahead."""
    load_reference(SEEDS)
    generate_demo(scale=SMALL)
    db.session.commit()
    return market_index().get()


def _stated(text: str, taxonomy) -> set[str]:
    """Skill codes a text names itself or by a synonym (not by mere resemblance)."""
    return {c for c, weight in taxonomy.text_profile(text).items() if weight >= SYNONYM_WEIGHT}


class Pair:
    """One shown (gig, worker) pair as stored, and what may truly be said of it."""

    def __init__(self, gig: Gig, profile: WorkerProfile, snap) -> None:
        self.gig, self.profile, self.skills = (
            gig,
            profile,
            {s.code: s for s in db.session.scalars(select(Skill))},
        )
        tax = snap.ranker.taxonomy
        self.asked = {s.code for s in gig.skills} or _stated(f"{gig.title} {gig.description}", tax)
        self.held = {s.code for s in profile.skills} | _stated(profile.skills_text or "", tax)
        self.job: Job = snap.jobs_by_id[gig.id]
        self.worker: Worker = snap.workers_by_id[profile.user_id]

    def kin(self, code: str) -> bool:
        mine = self.skills[code]
        return any(
            self.skills[a].family == mine.family or self.skills[a].category_id == mine.category_id
            for a in self.asked
        )

    def far_below(self) -> bool:
        expected = self.profile.expected_daily_pay_fen
        return bool(expected) and self.gig.daily_pay_fen < w.FAR_BELOW_EXPECTED * expected

    def free_every_day(self) -> bool:
        windows = merge_windows(self.worker.available)
        days = range(self.job.start.toordinal(), self.job.end.toordinal() + 1)
        return all(
            any(a <= d <= b for a, b in windows) and self.worker.weekdays >> ((d + 6) % 7) & 1
            for d in days
        )

    def check(self, phrase: Phrase) -> None:
        """Fail unless ``phrase`` is true of this pair."""
        v, msgid = phrase.values, phrase.msgid
        if msgid == w.SKILLS_MATCH:
            assert set(v["skills"].codes) <= self.asked & self.held, (phrase, self.asked, self.held)
        elif msgid == w.RELATED_SKILLS:
            codes = set(v["skills"].codes)
            assert codes <= self.held and not codes & self.asked, (phrase, self.asked)
            assert all(self.kin(c) for c in codes), phrase
        elif msgid in (w.KM_AWAY, w.BEYOND_RANGE):
            town = self.profile.town
            km = haversine_km(town.lat, town.lon, self.gig.lat, self.gig.lon)
            assert v["km"] == pytest.approx(km, abs=0.05), phrase
            assert (km <= self.profile.max_travel_km + 1e-6) == (msgid == w.KM_AWAY), phrase
        elif msgid in (w.PAY_ABOVE, w.PAY_BELOW, w.PAY_MEETS):
            expected = self.profile.expected_daily_pay_fen
            pct = round(100 * (self.gig.daily_pay_fen - expected) / expected)
            said = {w.PAY_ABOVE: v.get("pct"), w.PAY_BELOW: -v.get("pct", 0), w.PAY_MEETS: 0}
            assert said[msgid] == pct, phrase
        elif msgid == w.DATES_FIT or msgid in w.SEASONS.values():
            assert self.free_every_day(), (phrase, self.job, self.worker.available)
        elif msgid == w.NEWCOMER:
            assert self.worker.completed == 0, phrase


def _gigs(ids) -> dict[int, Gig]:
    stmt = select(Gig).where(Gig.id.in_(ids)).options(selectinload(Gig.skills))
    return {g.id: g for g in db.session.scalars(stmt)}


def _check_order(pairs: list[tuple[Pair, Match]]) -> int:
    """A far-below offer never precedes a fitting gig that pays; it says so first. Counts them."""
    low = 0
    for i, (pair, match) in enumerate(pairs):
        if not pair.far_below():
            continue
        low += 1
        said = [r.msgid for r in match.reasons]
        assert said[0] == w.PAY_BELOW if match.feasible else w.PAY_BELOW in said, said
        assert all(p.far_below() or not m.feasible for p, m in pairs[i:]), "a better gig came later"
    return low


@pytest.mark.slow
def test_every_reason_on_the_demo_market_is_true(app, demo_market):
    """Walk every worker's recommendations and every open gig's candidates on the demo market."""
    snap = demo_market
    profiles = db.session.scalars(
        select(WorkerProfile).options(
            selectinload(WorkerProfile.skills), selectinload(WorkerProfile.town)
        )
    ).all()
    checked = low = 0
    with app.test_request_context("/"):
        for profile in profiles:
            shown = services.recommend_gigs(db.session.get(User, profile.user_id))
            gigs = _gigs([r.item.id for r in shown])
            pairs = [(Pair(gigs[r.item.id], profile, snap), r.match) for r in shown]
            for (pair, match), ranked in zip(pairs, shown, strict=True):
                for phrase in match.reasons:
                    pair.check(phrase)
                    checked += 1
                assert all(not text.isascii() for text in ranked.reasons), ranked.reasons
            low += _check_order(pairs)
        by_user = {p.user_id: p for p in profiles}
        open_gigs = db.session.scalars(select(Gig).where(Gig.status == GigStatus.OPEN)).all()
        for gig in open_gigs:
            if gig.id not in snap.jobs_by_id:
                continue
            for ranked in services.candidates(gig.employer.user, gig):
                pair = Pair(gig, by_user[ranked.item.user_id], snap)
                for phrase in ranked.match.reasons:
                    pair.check(phrase)
                    checked += 1
    assert checked > 500 and low > 0  # the walk saw enough pairs, offers far below included
