"""Who applied to which demo shift, and what happened after: work, pay and ratings."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from marketplace.models import AppStatus
from marketplace.seeding.demo import data, names
from marketplace.seeding.demo.context import Clock
from marketplace.seeding.demo.plans import GigPlan, ShiftPlan, WorkerSeed

# Statuses of a shift's applications besides the accepted ones (past shifts: applied → rejected).
FUTURE_STATUSES = data.weights("application_status.not_accepted", AppStatus)


@dataclass
class PaymentPlan:
    """A recorded payment."""

    amount_fen: int
    paid_on: date
    recorded_at: datetime


@dataclass
class RatingPlan:
    """Stars one party gave the other."""

    rater_id: int
    ratee_id: int
    stars: int
    comment: str
    created_at: datetime


@dataclass
class AppPlan:
    """An application and, when the work was done, its record."""

    gig: GigPlan
    shift: ShiftPlan
    worker_id: int
    status: AppStatus
    created_at: datetime
    decided_at: datetime | None = None
    checked_in_at: datetime | None = None
    checked_out_at: datetime | None = None
    minutes_confirmed: int | None = None
    confirmed_at: datetime | None = None
    pay_due_on: date | None = None
    payment: PaymentPlan | None = None
    ratings: list[RatingPlan] = field(default_factory=list)
    id: int = 0  # set once inserted

    def row(self) -> dict:
        """The ``application`` row."""
        return {
            "shift_id": self.shift.id,
            "worker_id": self.worker_id,
            "status": self.status,
            "created_at": self.created_at,
            "decided_at": self.decided_at,
            "checked_in_at": self.checked_in_at,
            "checked_out_at": self.checked_out_at,
            "minutes_confirmed": self.minutes_confirmed,
            "confirmed_at": self.confirmed_at,
            "pay_due_on": self.pay_due_on,
        }


@dataclass(frozen=True)
class Forced:
    """An application the demo story needs, e.g. the demo worker accepted for tomorrow."""

    worker_id: int
    status: AppStatus
    paid: bool = True
    rated: bool = True


class Staffing:
    """Fills shifts with nearby, skilled workers; never double-books an accepted worker."""

    def __init__(
        self,
        rng: random.Random,
        clock: Clock,
        workers: list[WorkerSeed],
        specialists: Collection[int] = (),
    ) -> None:
        """``specialists`` are only picked for gigs in their own skill categories."""
        self.rng = rng
        self.clock = clock
        self.by_cat_district: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_district: dict[int, list[int]] = defaultdict(list)
        self.by_category: dict[str, list[int]] = defaultdict(list)
        self.everyone = [w.user_id for w in workers if w.user_id not in specialists]
        for w in workers:
            if w.user_id not in specialists:
                self.by_district[w.town.district_id].append(w.user_id)
            for code in w.category_codes:
                self.by_category[code].append(w.user_id)
                self.by_cat_district[(code, w.town.district_id)].append(w.user_id)
        self.booked: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        self.applied: dict[int, set[int]] = defaultdict(set)  # shift id → worker ids
        self.apps: list[AppPlan] = []

    def _candidate(self, gig: GigPlan) -> int:
        roll = self.rng.random()
        district = gig.town.district_id
        pool = self.by_cat_district.get((gig.category_code, district))
        if roll < 0.2 or not pool:
            pool = (
                self.by_district.get(district)
                if roll < 0.3
                else self.by_category.get(gig.category_code)
            )
        return self.rng.choice(pool or self.everyone)

    def _free(self, worker_id: int, shift: ShiftPlan) -> bool:
        return all(e <= shift.starts_at or s >= shift.ends_at for s, e in self.booked[worker_id])

    def _pick(self, gig: GigPlan, shift: ShiftPlan, accepting: bool) -> int | None:
        for _ in range(12):
            worker_id = self._candidate(gig)
            taken = worker_id in self.applied[id(shift)]
            if not taken and (not accepting or self._free(worker_id, shift)):
                return worker_id
        return None

    def _add(
        self,
        gig: GigPlan,
        shift: ShiftPlan,
        worker_id: int,
        status: AppStatus,
        forced: Forced | None = None,
    ) -> AppPlan:
        self.applied[id(shift)].add(worker_id)
        app = AppPlan(gig, shift, worker_id, status, self._applied_at(gig, shift))
        if status != AppStatus.APPLIED:
            app.decided_at = self._after(app.created_at, 1, 48, limit=shift.starts_at)
        if status == AppStatus.ACCEPTED:  # the agreed pay date is known from acceptance on
            app.pay_due_on = Clock.local_date(shift.ends_at) + timedelta(days=gig.pay_within_days)
            shift.filled += 1
            self.booked[worker_id].append((shift.starts_at, shift.ends_at))
            if shift.ends_at <= self.clock.now:
                self._work_done(app, forced)
        self.apps.append(app)
        return app

    def _applied_at(self, gig: GigPlan, shift: ShiftPlan) -> datetime:
        latest = min(shift.starts_at, self.clock.now)
        span = max(60, int((latest - gig.created_at).total_seconds() // 60))
        return gig.created_at + timedelta(minutes=self.rng.randint(0, span - 1))

    def _after(
        self, start: datetime, lo_h: int, hi_h: int, limit: datetime | None = None
    ) -> datetime:
        moment = start + timedelta(minutes=self.rng.randint(lo_h * 60, hi_h * 60))
        return min(moment, limit or moment, self.clock.now)

    def force(self, gig: GigPlan, shift: ShiftPlan, forced: Forced) -> AppPlan:
        """Add an application the demo story depends on, before any random ones."""
        return self._add(gig, shift, forced.worker_id, forced.status, forced)

    def fill(self, gig: GigPlan, shift: ShiftPlan) -> None:
        """Random applications: past shifts mostly filled, future ones a mix."""
        past = shift.starts_at <= self.clock.now
        room = shift.slots - shift.filled
        share = self.rng.choice((1.0, 1.0, 0.8, 0.6, 0.4)) if past else self.rng.random()
        for _ in range(round(room * share)):
            worker_id = self._pick(gig, shift, accepting=True)
            if worker_id is not None:
                self._add(gig, shift, worker_id, AppStatus.ACCEPTED)
        others = self.rng.randint(0, 2) if past else self.rng.randint(0, shift.slots + 2)
        for _ in range(others):
            worker_id = self._pick(gig, shift, accepting=False)
            if worker_id is None:
                continue
            status = self.rng.choices(*zip(*FUTURE_STATUSES, strict=True))[0]
            if past and status == AppStatus.APPLIED:
                status = AppStatus.REJECTED  # an employer decides before the shift starts
            self._add(gig, shift, worker_id, status)

    def _work_done(self, app: AppPlan, forced: Forced | None) -> None:
        shift, rng = app.shift, self.rng
        app.checked_in_at = shift.starts_at + timedelta(minutes=rng.randint(-20, 8))
        app.checked_out_at = min(
            shift.ends_at + timedelta(minutes=rng.randint(-3, 25)), self.clock.now
        )
        recent = self.clock.now - shift.ends_at < timedelta(days=1)
        if forced is None and recent and rng.random() < 0.5:
            return  # the employer has not confirmed the hours yet
        app.minutes_confirmed = app.gig.minutes
        app.confirmed_at = self._after(shift.ends_at, 0, 30)
        self._pay(app, forced)
        self._rate(app, forced)

    def _pay(self, app: AppPlan, forced: Forced | None) -> None:
        today, rng = self.clock.today, self.rng
        due = app.pay_due_on
        assert due is not None
        chance = 0.5 if due >= today else 0.85  # the rest are overdue
        if forced is not None:
            chance = 1.0 if forced.paid else 0.0
        if rng.random() >= chance:
            return
        ended = Clock.local_date(app.shift.ends_at)
        latest = min(today, due + timedelta(days=rng.choice((0, 0, 0, 0, 3, 6))))
        paid_on = ended + timedelta(days=rng.randint(0, max(0, (latest - ended).days)))
        recorded = Clock.local_to_utc(paid_on, rng.uniform(9, 21))
        recorded = min(max(recorded, app.confirmed_at or recorded), self.clock.now)
        app.payment = PaymentPlan(app.gig.daily_pay_fen, paid_on, recorded)

    def _rate(self, app: AppPlan, forced: Forced | None) -> None:
        employer_id = app.gig.employer.user_id
        assert app.confirmed_at is not None
        sides = ((employer_id, app.worker_id, 0.75, True), (app.worker_id, employer_id, 0.6, False))
        for rater, ratee, chance, about_worker in sides:
            if forced is None and self.rng.random() >= chance:
                continue
            if forced is not None and not forced.rated:
                continue
            stars = 5 if forced is not None else names.stars(self.rng)
            app.ratings.append(
                RatingPlan(
                    rater,
                    ratee,
                    stars,
                    names.rating_comment(self.rng, stars, about_worker),
                    self._after(app.confirmed_at, 1, 72),
                )
            )
