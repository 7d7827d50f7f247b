"""One run of the demo generator: plans the accounts and gigs, then bulk-inserts them."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select

from marketplace.models import (
    Application,
    EmployerProfile,
    Gig,
    Payment,
    Rating,
    Shift,
    Station,
    User,
    WorkerProfile,
    db,
    gig_skill,
    staff_station,
    worker_season,
    worker_skill,
)
from marketplace.security import hash_password
from marketplace.seeding.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_STATION,
    demo_employer,
    demo_worker,
    staff_accounts,
)
from marketplace.seeding.demo.bring import what_to_bring
from marketplace.seeding.demo.catalog import GIGS_PER_KIND
from marketplace.seeding.demo.context import (
    Clock,
    Identities,
    Reference,
    bulk_insert,
    bulk_insert_ids,
    load_reference_snapshot,
)
from marketplace.seeding.demo.gigs import SeasonPlanner, plan_gig
from marketplace.seeding.demo.people import build_employer, build_worker, employer_kinds
from marketplace.seeding.demo.plans import EmployerSeed, GigPlan, WorkerSeed
from marketplace.seeding.demo.staffing import AppPlan

WORKERS = 2000
EMPLOYERS = 200
GIGS = 1000
# Progress units per phase; demo_steps() is their sum.
PHASES = {
    "workers": 30,
    "accounts": 10,
    "employers": 5,
    "gigs": 20,
    "applications": 25,
    "notifications": 10,
    "kiosk": 5,
}


class Builder:
    """One run of the generator: its random source, clock, reference data and progress."""

    def __init__(
        self, seed: int, today: date | None, scale: float, progress: Callable[[int], None] | None
    ) -> None:
        self.rng = random.Random(seed)
        self.clock = Clock.make(today)
        self.ref: Reference = load_reference_snapshot()
        self.scale = scale
        self.report = progress or (lambda _n: None)
        self.password_hash = hash_password(DEMO_PASSWORD)  # once; every demo account shares it
        self.ids = Identities.from_database(self.rng)

    def count(self, full: int, least: int) -> int:
        """``full`` scaled down for quick runs, but never below ``least``."""
        return max(least, round(full * self.scale))

    def people(self) -> tuple[list[WorkerSeed], list[EmployerSeed]]:
        """Plan every account: the demo ones first, then the crowd."""
        rng, ref, clock, ids, pw = self.rng, self.ref, self.clock, self.ids, self.password_hash
        workers = [demo_worker(ref, clock, ids, pw)]
        employers = [demo_employer(ref, clock, ids, pw)]
        crowd = self.count(WORKERS, 30)
        for n in range(crowd):
            workers.append(build_worker(rng, ref, clock, ids, pw))
            # Spread the phase's units evenly over the crowd; they add up exactly.
            units = (n + 1) * PHASES["workers"] // crowd - n * PHASES["workers"] // crowd
            if units:
                self.report(units)
        taken = {e.profile["name"] for e in employers}
        employers += [
            build_employer(rng, ref, clock, ids, pw, kind, taken)
            for kind in employer_kinds(rng, self.count(EMPLOYERS, 8))
        ]
        return workers, employers

    def insert_people(self, workers: list[WorkerSeed], employers: list[EmployerSeed]) -> None:
        """Users, profiles and the skill and season links, in five statements."""
        staff = staff_accounts(self.clock, self.password_hash)
        users = [
            workers[0].user,
            employers[0].user,
            *staff,
            *(w.user for w in workers[1:]),
            *(e.user for e in employers[1:]),
        ]
        new_ids = bulk_insert_ids(User, users)
        by_row = {id(row): user_id for row, user_id in zip(users, new_ids, strict=True)}
        for seed in (*workers, *employers):
            seed.user_id = by_row[id(seed.user)]
        bulk_insert(WorkerProfile, [{"user_id": w.user_id, **w.profile} for w in workers])
        bulk_insert(
            worker_skill,
            [{"worker_id": w.user_id, "skill_id": s.id} for w in workers for s in w.skills],
        )
        bulk_insert(
            worker_season,
            [{"worker_id": w.user_id, "season_id": s} for w in workers for s in w.season_ids],
        )
        self.report(PHASES["accounts"])
        bulk_insert(EmployerProfile, [{"user_id": e.user_id, **e.profile} for e in employers])
        station_id = db.session.scalar(select(Station.id).where(Station.code == DEMO_STATION))
        if station_id is not None:
            bulk_insert(
                staff_station, [{"user_id": by_row[id(staff[0])], "station_id": station_id}]
            )
        self.report(PHASES["employers"])

    def gigs(self, employers: list[EmployerSeed]) -> list[GigPlan]:
        """Random gigs from verified employers (the demo employer's come from the story)."""
        posting = [e for e in employers[1:] if e.verified] or employers[:1]
        weights = [GIGS_PER_KIND[e.kind] for e in posting]
        seasons = SeasonPlanner(self.ref, self.clock)
        return [
            plan_gig(self.rng, self.ref, self.clock, seasons, employer)
            for employer in self.rng.choices(posting, weights=weights, k=self.count(GIGS, 50))
        ]

    def insert_gigs(self, plans: list[GigPlan]) -> None:
        """Gigs, their skills and their shifts (with ``filled`` already counted)."""
        now = self.clock.now
        gig_ids = bulk_insert_ids(Gig, [_gig_row(p, now) for p in plans])
        for plan, gig_id in zip(plans, gig_ids, strict=True):
            plan.id = gig_id
        bulk_insert(
            gig_skill, [{"gig_id": p.id, "skill_id": s.id} for p in plans for s in p.skills]
        )
        shifts = [(p, s) for p in plans for s in p.shifts]
        shift_ids = bulk_insert_ids(
            Shift,
            [
                {
                    "gig_id": p.id,
                    "starts_at": s.starts_at,
                    "ends_at": s.ends_at,
                    "slots": s.slots,
                    "filled": s.filled,
                    "checkin_code": s.checkin_code,
                }
                for p, s in shifts
            ],
        )
        for (_plan, shift), shift_id in zip(shifts, shift_ids, strict=True):
            shift.id = shift_id
        self.report(PHASES["gigs"])

    def insert_work(self, apps: list[AppPlan]) -> None:
        """Applications, then the payments and ratings that hang off them."""
        app_ids = bulk_insert_ids(Application, [a.row() for a in apps])
        for app, app_id in zip(apps, app_ids, strict=True):
            app.id = app_id
        bulk_insert(
            Payment,
            [
                {
                    "application_id": a.id,
                    "amount_fen": a.payment.amount_fen,
                    "paid_on": a.payment.paid_on,
                    "recorded_at": a.payment.recorded_at,
                }
                for a in apps
                if a.payment is not None
            ],
        )
        bulk_insert(
            Rating,
            [
                {
                    "application_id": a.id,
                    "rater_id": r.rater_id,
                    "ratee_id": r.ratee_id,
                    "stars": r.stars,
                    "comment": r.comment,
                    "created_at": r.created_at,
                }
                for a in apps
                for r in a.ratings
            ],
        )
        self.report(PHASES["applications"])


def _gig_row(plan: GigPlan, now: datetime) -> dict:
    return {
        "employer_id": plan.employer.user_id,
        "title": plan.title[:80],
        "description": plan.description,
        "category_id": plan.skills[0].category_id,
        "town_id": plan.town.id,
        "address": plan.address,
        "what_to_bring": what_to_bring(plan.skills[0]),
        "lat": plan.lat,
        "lon": plan.lon,
        "work_form": plan.work_form,
        "season_tag": plan.season_tag,
        "pay_fen": plan.pay_fen,
        "pay_unit": plan.pay_unit,
        "pieces_per_day": plan.pieces_per_day,
        "daily_pay_fen": plan.daily_pay_fen,
        "pay_within_days": plan.pay_within_days,
        "injury_insurance": plan.injury_insurance,
        "status": plan.status(now),
        "created_at": plan.created_at,
    }
