"""A deterministic demo market: 2,000 workers, 200 employers, 1,000 gigs and their history.

Everything is drawn from one ``random.Random(seed)`` and planned in Python, then written
with a handful of bulk ``INSERT``s (``db.session.execute(insert(Model), rows)``), so a run
takes seconds, not minutes. The generator flushes and never commits: the CLI commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from marketplace.models import AppStatus, Impression, Notification, User, db
from marketplace.seeding.demo.accounts import DEMO_LOGINS, DEMO_MOBILES, DEMO_PASSWORD
from marketplace.seeding.demo.agreements import add_agreements
from marketplace.seeding.demo.builder import PHASES, Builder
from marketplace.seeding.demo.context import bulk_insert
from marketplace.seeding.demo.exposure import impression_rows
from marketplace.seeding.demo.kiosk import Market, add_kiosk_activity
from marketplace.seeding.demo.staffing import Staffing
from marketplace.seeding.demo.story import demo_gigs, force_story, story_notifications

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "DemoSummary",
    "demo_present",
    "demo_steps",
    "generate_demo",
]


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo market added."""

    workers: int
    employers: int
    gigs: int
    shifts: int
    applications: int
    payments: int
    ratings: int
    notifications: int
    needs: int
    referrals: int

    def __str__(self) -> str:
        return ", ".join(f"{count} {name}" for name, count in asdict(self).items())


def demo_steps() -> int:
    """Total progress units ``generate_demo`` reports, for sizing a progress bar."""
    return sum(PHASES.values())


def demo_present() -> bool:
    """True when any of the demo accounts exists already."""
    found = db.session.scalar(select(User.id).where(User.mobile.in_(DEMO_MOBILES)).limit(1))
    return found is not None


def generate_demo(
    *,
    seed: int = 20261121,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    scale: float = 1.0,
) -> DemoSummary:
    """Build the demo market; flush, never commit. Refuses when demo accounts exist.

    ``today`` fixes the calendar (Asia/Shanghai) for repeatable runs; ``scale`` shrinks the
    crowd for quick tests (1.0 gives 2,000 workers, 200 employers and 1,000 gigs).
    """
    if demo_present():
        raise RuntimeError(
            "The demo market is already present (demo accounts such as "
            f"{DEMO_MOBILES[0]} exist); its data is kept. Use a fresh database to rebuild it."
        )
    run = Builder(seed, today, scale, progress)
    workers, employers = run.people()
    run.insert_people(workers, employers)

    story = demo_gigs(run.rng, run.ref, run.clock, employers[0])
    plans = story.plans + run.gigs(employers)
    # The demo worker only turns up in fishing gigs, so his pages tell one clear story.
    staffing = Staffing(run.rng, run.clock, workers, specialists={workers[0].user_id})
    story_apps = force_story(staffing, story, workers[0].user_id)
    for plan in plans:
        for shift in plan.shifts:
            staffing.fill(plan, shift)
    run.insert_gigs(plans)
    run.insert_work(staffing.apps)
    add_agreements(staffing.apps, run.clock.now)
    bulk_insert(Impression, impression_rows(run.rng, plans, staffing.apps, staffing))

    received = [
        a for a in staffing.apps if a.gig.employer is employers[0] and a.status == AppStatus.APPLIED
    ][:6]
    notes = story_notifications(story_apps, received, run.clock)
    bulk_insert(Notification, notes)
    db.session.flush()
    run.report(PHASES["notifications"])
    # Last, so the kiosks' draws from the random source change nothing made above.
    kiosk = add_kiosk_activity(
        run.rng,
        run.clock,
        run.ref,
        run.ids,
        run.password_hash,
        Market(workers, plans, staffing.apps),
    )
    run.report(PHASES["kiosk"])
    return DemoSummary(
        workers=len(workers),
        employers=len(employers),
        gigs=len(plans),
        shifts=sum(len(p.shifts) for p in plans),
        applications=len(staffing.apps),
        payments=sum(a.payment is not None for a in staffing.apps),
        ratings=sum(len(a.ratings) for a in staffing.apps),
        notifications=len(notes),
        needs=kiosk.needs,
        referrals=kiosk.referrals,
    )
