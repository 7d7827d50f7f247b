"""The story the demo accounts sign in to: the 象山 fisherman's gigs, work and inbox."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from marketplace.models import AppStatus, EmployerKind, PayUnit, SeasonTag, WorkForm
from marketplace.seeding.demo import data
from marketplace.seeding.demo.context import Clock, Reference
from marketplace.seeding.demo.gigs import make_shifts
from marketplace.seeding.demo.plans import EmployerSeed, GigPlan, ShiftPlan
from marketplace.seeding.demo.staffing import AppPlan, Forced, Staffing
from marketplace.seeding.demo.wording import gig_description


@dataclass(frozen=True)
class _Post:
    """One of the demo employer's gigs, as story_gigs.csv lists it."""

    title: str
    skills: tuple[str, ...]
    form: WorkForm
    unit: PayUnit
    pay_fen: int
    start_hour: float
    minutes: int
    day_offsets: tuple[int, ...]  # days from today; none: days inside its seasons
    slots: int
    season_codes: tuple[str, ...]
    story: str  # tomorrow, worked or turned_down: the demo worker's part in it, if any


_POSTS = tuple(
    _Post(
        title=r["title"],
        skills=r.items("skills"),
        form=r.convert("work_form", WorkForm),
        unit=r.convert("pay_unit", PayUnit),
        pay_fen=r.convert("pay_fen", int),
        start_hour=r.convert("start_hour", float),
        minutes=r.convert("minutes", int),
        day_offsets=r.items("day_offsets", int),
        slots=r.convert("slots", int),
        season_codes=r.items("season_codes"),
        story=r["story"],
    )
    for r in data.table("story_gigs.csv")
)


@dataclass
class DemoGigs:
    """The demo employer's gigs and the shifts the story points at."""

    plans: list[GigPlan] = field(default_factory=list)
    tomorrow: tuple[GigPlan, ShiftPlan] | None = None
    worked: list[tuple[GigPlan, ShiftPlan]] = field(default_factory=list)
    turned_down: tuple[GigPlan, ShiftPlan] | None = None


def _post(
    rng: random.Random,
    ref: Reference,
    clock: Clock,
    employer: EmployerSeed,
    post: _Post,
    days: list[date],
) -> GigPlan:
    seasons = [ref.season_by_code[c] for c in post.season_codes if c in ref.season_by_code]
    in_season = bool(seasons) and all(any(s.contains(d) for s in seasons) for d in days)
    tag = SeasonTag(seasons[0].kind) if in_season else SeasonTag.NONE
    skills = [ref.skill_by_code[c] for c in post.skills if c in ref.skill_by_code]
    plan = GigPlan(
        employer=employer,
        category_code="fishing",
        skills=skills or ref.skills[:1],
        town=employer.town,
        work_form=post.form,
        season_tag=tag,
        pay_unit=post.unit,
        pay_fen=max(post.pay_fen, ref.hourly_minimum(employer.town))
        if post.unit == PayUnit.HOUR
        else post.pay_fen,
        pieces_per_day=None,
        minutes=post.minutes,
        shifts=make_shifts(rng, days, post.start_hour, post.minutes, EmployerKind.COMPANY),
        lat=employer.town.lat,
        lon=employer.town.lon,
        title=post.title,
        address=employer.profile["address"],
        pay_within_days=3,
        injury_insurance=True,
    )
    for shift in plan.shifts:
        shift.slots = post.slots
    plan.created_at = min(plan.shifts[0].starts_at, clock.now) - timedelta(days=3, hours=2)
    plan.description = gig_description(rng, plan, post.start_hour)
    return plan


def _days(clock: Clock, ref: Reference, post: _Post) -> list[date]:
    """The post's days: fixed offsets from today, or three days inside its seasons."""
    if post.day_offsets:
        return [clock.today + timedelta(days=n) for n in post.day_offsets]
    seasons = [ref.season_by_code[c] for c in post.season_codes if c in ref.season_by_code]
    days = clock.days_in(seasons) if seasons else []
    return [days[len(days) // 3], days[len(days) // 2], days[-1]] if days else []


def demo_gigs(rng: random.Random, ref: Reference, clock: Clock, employer: EmployerSeed) -> DemoGigs:
    """Four or five gigs: one tomorrow, one worked and paid, one night shift, one part-time."""
    story = DemoGigs()
    for post in _POSTS:
        days = _days(clock, ref, post)
        if not days:
            continue  # a seasonal post whose season misses the window
        plan = _post(rng, ref, clock, employer, post, days)
        story.plans.append(plan)
        if post.story == "tomorrow":
            story.tomorrow = (plan, plan.shifts[0])
        elif post.story == "worked":
            story.worked.append((plan, plan.shifts[0]))
        elif post.story == "turned_down":
            story.turned_down = (plan, plan.shifts[0])
    return story


def force_story(staffing: Staffing, story: DemoGigs, worker_id: int) -> list[AppPlan]:
    """The demo worker's own applications: accepted tomorrow, two shifts done, one declined."""
    apps = []
    if story.tomorrow:
        apps.append(staffing.force(*story.tomorrow, Forced(worker_id, AppStatus.ACCEPTED)))
    for gig, shift in story.worked:
        apps.append(staffing.force(gig, shift, Forced(worker_id, AppStatus.ACCEPTED)))
    if story.turned_down:
        apps.append(staffing.force(*story.turned_down, Forced(worker_id, AppStatus.REJECTED)))
    return apps


def _note(user_id: int, kind: str, subject: str, link: str, at: datetime, read: bool) -> dict:
    return {
        "user_id": user_id,
        "kind": kind,
        "subject": subject[:120],
        "link": link,
        "created_at": at,
        "read_at": at + timedelta(hours=2) if read else None,
    }


def story_notifications(
    story_apps: list[AppPlan], employer_apps: list[AppPlan], clock: Clock
) -> list[dict]:
    """What the demo worker and employer find in their inboxes."""
    rows = []
    for app in story_apps:
        at = app.decided_at or app.created_at
        old = clock.now - at > timedelta(days=2)
        kind = (
            "application_accepted" if app.status == AppStatus.ACCEPTED else "application_rejected"
        )
        rows.append(_note(app.worker_id, kind, app.gig.title, f"/gigs/{app.gig.id}", at, old))
        if app.payment is not None:
            rows.append(
                _note(
                    app.worker_id,
                    "payment_recorded",
                    app.gig.title,
                    f"/applications/{app.id}",
                    app.payment.recorded_at,
                    old,
                )
            )
    for app in employer_apps:
        old = clock.now - app.created_at > timedelta(days=2)
        rows.append(
            _note(
                app.gig.employer.user_id,
                "application_received",
                app.gig.title,
                f"/gigs/{app.gig.id}/manage",
                app.created_at,
                old,
            )
        )
    return sorted(rows, key=lambda r: r["created_at"])
