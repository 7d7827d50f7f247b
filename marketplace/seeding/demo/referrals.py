"""Demo referrals from 零工驿站 to gigs near them, true to the marketplace's own records.

A worker's referral agrees with ``kiosk.followup.refresh``: it is applied, hired, completed or
declined only when the worker's newest application to the gig says so, and ``referred`` when
there is none. The outcomes of referrals of needs' people (no account, so no application) are
what staff record by hand, and fit the referred shift's date.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from marketplace.models import AppStatus, GigStatus, ReferralStatus, Station
from marketplace.seeding.demo import data
from marketplace.seeding.demo.context import Clock, Reference, TownRef
from marketplace.seeding.demo.plans import GigPlan, ShiftPlan, WorkerSeed
from marketplace.seeding.demo.staffing import AppPlan

S = ReferralStatus
DAYS = 30  # how far back kiosk activity goes
OPEN_HOURS = (7.5, 17.5)  # local hours in which staff serve walk-ins
SPOT_SHARE = 0.5  # needs' people referred during the visit; the rest a few days later
# Outcomes staff record for needs' referrals, once the shift is over and before it.
AFTER_SHIFT = data.weights("referral_status.after_shift", ReferralStatus)
BEFORE_SHIFT = data.weights("referral_status.before_shift", ReferralStatus)


@dataclass(frozen=True)
class Volume:
    """How much happens at one station over the month."""

    needs: int
    needs_today: int
    applied: int  # referred workers who went on to apply
    referred: int  # referred workers who have not applied (yet)
    referred_needs: float  # share of earlier needs whose person was referred (today's: all)
    signups: int
    views: int


@dataclass(frozen=True)
class Market:
    """What the earlier phases made, as far as the kiosks need it."""

    workers: list[WorkerSeed]  # the demo worker first
    plans: list[GigPlan]
    apps: list[AppPlan]


@dataclass
class Desk:
    """A station with activity: its staff member and what is near it."""

    station: Station
    staff_id: int
    volume: Volume
    towns: list[TownRef]  # the district's towns: the station's own first, then nearest first
    gigs: list[GigPlan]  # gigs in the district near the station, nearest first
    home: bool = False  # the demo staff member's station

    def locals(self, workers: list[WorkerSeed]) -> list[WorkerSeed]:
        """Workers living in the station's district."""
        return [w for w in workers if w.town.district_id == self.towns[0].district_id]

    def row(self, gig: GigPlan, shift: ShiftPlan, status: S, made: datetime, **who) -> dict:
        """A referral row from this station; ``who`` is ``worker_id`` or ``need_id``."""
        return {
            "worker_id": None,
            "need_id": None,
            **who,
            "gig_id": gig.id,
            "shift_id": shift.id,
            "station_id": self.station.id,
            "staff_id": self.staff_id,
            "status": status,
            "created_at": made,
            "updated_at": made,
        }


def pick(rng: random.Random, weighted: Sequence[tuple]) -> object:
    """One of the ``(value, weight)`` pairs' values."""
    return rng.choices(*zip(*weighted, strict=True))[0]


class Referrals:
    """Plans the referrals of one run: moments in opening hours, workers' and needs' referrals."""

    def __init__(self, rng: random.Random, clock: Clock, ref: Reference, market: Market) -> None:
        self.rng, self.clock, self.ref, self.market = rng, clock, ref, market
        self.crowd = market.workers[1:]
        self.demo_worker_id = market.workers[0].user_id
        self.newest = newest_applications(market.apps)
        opening = Clock.local_to_utc(clock.today, OPEN_HOURS[0])
        self.today_from = opening if opening < clock.now else Clock.local_to_utc(clock.today, 0)

    def day_at(self, days_ago: int) -> datetime:
        """A whole minute in opening hours ``days_ago`` local days back; today, before now."""
        if days_ago == 0:
            return self.between(self.today_from, self.clock.now)
        day = self.clock.today - timedelta(days=days_ago)
        return Clock.local_to_utc(day, round(self.rng.uniform(*OPEN_HOURS) * 60) / 60)

    def between(self, start: datetime, end: datetime) -> datetime:
        """A whole minute from ``start`` up to ``end`` (``start`` when they cross)."""
        span = int((end - start).total_seconds() // 60)
        return start + timedelta(minutes=self.rng.randint(0, max(0, span)))

    def applied(self, desk: Desk) -> list[dict]:
        """Workers sent to a gig who then applied; the status is what the application says."""
        now = self.clock.now
        since = now - timedelta(days=DAYS - 1)
        gig_ids = {g.id for g in desk.gigs}
        found = [a for a in self.newest if a.gig.id in gig_ids and a.created_at >= since]
        found = [a for a in found if outcome(a, now)]
        # At 石浦 the demo worker's own applications come first: the station sent him.
        picked = [a for a in found if a.worker_id == self.demo_worker_id] if desk.home else []
        others = [a for a in found if a.worker_id != self.demo_worker_id]
        wanted = max(0, desk.volume.applied - len(picked))
        picked += self.rng.sample(others, min(wanted, len(others)))
        rows = []
        for app in picked:
            status, since_when = outcome(app, now) or (S.REFERRED, app.created_at)
            made = app.created_at - timedelta(minutes=self.rng.randint(20, 36 * 60))
            made = min(max(made, app.gig.created_at or since, since), app.created_at)
            row = desk.row(app.gig, app.shift, status, made, worker_id=app.worker_id)
            rows.append({**row, "updated_at": max(made, since_when)})
        return rows

    def not_applied(self, desk: Desk) -> list[dict]:
        """Local workers sent this week, one today, to an open gig they have not applied to."""
        now = self.clock.now
        open_gigs = [g for g in desk.gigs if g.status(now) == GigStatus.OPEN]
        known = {(a.worker_id, a.gig.id) for a in self.market.apps}
        pool = desk.locals(self.crowd)
        rows: list[dict] = []
        for worker in self.rng.sample(pool, min(len(pool), desk.volume.referred * 3)):
            fits = [g for g in open_gigs if g.category_code in worker.category_codes] or open_gigs
            fits = [g for g in fits if (worker.user_id, g.id) not in known]
            if fits and len(rows) < desk.volume.referred:
                gig = self.rng.choice(fits[:5])
                made = self.day_at(self.rng.randint(0, 6) if rows else 0)
                shift = next_shift(gig, now)
                rows.append(desk.row(gig, shift, S.REFERRED, made, worker_id=worker.user_id))
        return rows

    def for_needs(self, desk: Desk, needs: list[dict], need_ids: list[int]) -> list[dict]:
        """Today's needs' people referred on the spot (the first hired by phone), some others."""
        rows = []
        for need, need_id in zip(needs, need_ids, strict=True):
            today = need["created_at"] >= self.today_from
            if not today and self.rng.random() >= desk.volume.referred_needs:
                continue
            made = need["created_at"] + timedelta(minutes=self.rng.randint(5, 40))
            if not today and self.rng.random() >= SPOT_SHARE:
                days_ago = (self.clock.today - Clock.local_date(need["created_at"])).days
                made = max(made, self.day_at(max(0, days_ago - self.rng.randint(1, 4))))
            first_today = today and not any(r["created_at"] >= self.today_from for r in rows)
            row = self._for_need(desk, need, min(made, self.clock.now), first_today)
            if row is not None:
                rows.append({**row, "need_id": need_id})
        return rows

    def _for_need(self, desk: Desk, need: dict, made: datetime, hired: bool) -> dict | None:
        """One referral of a need's person to a gig open at ``made``, preferably of their trade."""
        gigs = [g for g in desk.gigs if (g.created_at or made) <= made < last_start(g)]
        trade = [
            g for g in gigs if self.ref.category_ids.get(g.category_code) == need["category_id"]
        ]
        if not gigs:
            return None
        gig = self.rng.choice((trade or gigs)[:6])
        shift = next_shift(gig, made)
        now = self.clock.now
        if hired:
            status, updated = S.HIRED, self.between(made, now)
        elif shift.ends_at + timedelta(hours=1) <= now:
            status = S(pick(self.rng, AFTER_SHIFT))
            updated = min(now, shift.ends_at + timedelta(minutes=self.rng.randint(60, 1800)))
        else:
            status = S(pick(self.rng, BEFORE_SHIFT))
            updated = self.between(made, now)
        row = desk.row(gig, shift, status, made)
        return {**row, "updated_at": made if status == S.REFERRED else updated}


def last_start(gig: GigPlan) -> datetime:
    """When the gig's last shift starts."""
    return max(s.starts_at for s in gig.shifts)


def next_shift(gig: GigPlan, after: datetime) -> ShiftPlan:
    """The gig's first shift starting after ``after``."""
    return min((s for s in gig.shifts if s.starts_at > after), key=lambda s: s.starts_at)


def newest_applications(apps: list[AppPlan]) -> list[AppPlan]:
    """Each worker's newest application to each gig, as followup reads them; ties left out."""
    newest: dict[tuple[int, int], AppPlan] = {}
    tied: set[tuple[int, int]] = set()
    for app in apps:
        key = (app.worker_id, app.gig.id)
        known = newest.get(key)
        if known is not None and known.created_at == app.created_at:
            tied.add(key)
        if known is None or app.created_at > known.created_at:
            newest[key] = app
    return [app for key, app in newest.items() if key not in tied]


def outcome(app: AppPlan, now: datetime) -> tuple[ReferralStatus, datetime] | None:
    """The status an application gives a referral and since when, as followup.outcome_of.

    None for an accepted worker not checked in after the shift: soon a no-show, so left out.
    """
    if app.confirmed_at is not None:
        return S.COMPLETED, app.confirmed_at
    if app.status == AppStatus.ACCEPTED:
        if app.checked_in_at is None and app.shift.ends_at <= now:
            return None
        return S.HIRED, app.decided_at or app.created_at
    if app.status in (AppStatus.REJECTED, AppStatus.WITHDRAWN):
        return S.DECLINED, app.decided_at or app.created_at
    return S.APPLIED, app.created_at
