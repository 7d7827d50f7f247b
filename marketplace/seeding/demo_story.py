"""The four demo accounts and the story they sign in to: a 象山 fisherman and his employer."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from marketplace.models import (
    ALL_WEEKDAYS,
    AppStatus,
    EmployerKind,
    Hukou,
    PayUnit,
    Role,
    SeasonTag,
    Verification,
    WorkForm,
)
from marketplace.seeding.demo_context import Clock, Identities, Reference, TownRef
from marketplace.seeding.demo_gigs import GigPlan, ShiftPlan, make_shifts
from marketplace.seeding.demo_people import (
    EmployerSeed,
    WorkerSeed,
    identity_columns,
    user_row,
)
from marketplace.seeding.demo_staffing import AppPlan, Forced, Staffing
from marketplace.seeding.demo_wording import gig_description

DEMO_PASSWORD = "demo1234"
DEMO_LOGINS: list[tuple[str, str, str, str]] = [
    (Role.WORKER, "13800000001", DEMO_PASSWORD, "应海波, fisherman in 石浦镇, 象山 (worker)"),
    (Role.EMPLOYER, "13800000002", DEMO_PASSWORD, "象山石浦海港水产有限公司 (verified company)"),
    (Role.STAFF, "13800000003", DEMO_PASSWORD, "石浦镇零工驿站 staff (station staff)"),
    (Role.ADMIN, "13800000004", DEMO_PASSWORD, "platform administrator (admin)"),
]
DEMO_MOBILES = tuple(mobile for _, mobile, _, _ in DEMO_LOGINS)
DEMO_TOWN = "石浦镇"
DEMO_STATION = "ST028"  # 石浦镇零工驿站, seeds/stations.csv: where the demo staff member works
DEMO_SKILLS = (
    "fishing.net_mending",
    "fishing.gear_maintenance",
    "fishing.deck_hand",
    "fishing.dock_loading",
    "fishing.seafood_sorting",
)


def _home(ref: Reference) -> TownRef:
    return next((t for t in ref.towns if t.name_zh == DEMO_TOWN), ref.fishing_towns[0])


def demo_worker(ref: Reference, clock: Clock, ids: Identities, password_hash: str) -> WorkerSeed:
    """应海波, 47, born and living in 石浦, mends nets while the boats are in port."""
    town = _home(ref)
    birth = date(clock.today.year - 47, 3, 18)
    region = town.district_code if len(town.district_code) == 6 else "330225"
    number = ids.id_number(region, birth, male=True)
    skills = [ref.skill_by_code[c] for c in DEMO_SKILLS if c in ref.skill_by_code]
    moratorium = ref.season_by_code.get("moratorium_east_sea")
    seasons = [moratorium] if moratorium else ref.seasons_of_kind("moratorium")[:1]
    created = clock.now - timedelta(days=320)
    profile = {
        "real_name": "应海波",
        **identity_columns(number),
        "birth_date": birth,
        "sex": "male",
        "hukou": Hukou.NINGBO,
        "residence_permit_since": None,
        "town_id": town.id,
        "max_travel_km": 15,
        "skills_text": "补网二十多年，会织网、修网，跑过渔船，也能做海鲜分拣和码头装卸；"
        "渔船这两个月进坞维修，这段时间有空",
        "expected_daily_pay_fen": 28000,
        "weekdays": ALL_WEEKDAYS,
        # Free in every moratorium, and now while his boat is in dock for repairs.
        "available_from": clock.today,
        "available_until": clock.today + timedelta(days=75),
        "updated_at": created,
    }
    user = user_row(Role.WORKER, DEMO_MOBILES[0], password_hash, "应海波", created)
    user["last_login_at"] = clock.now - timedelta(days=1)
    return WorkerSeed(user, profile, skills or ref.skills[:1], [s.id for s in seasons], town)


def demo_employer(
    ref: Reference, clock: Clock, ids: Identities, password_hash: str
) -> EmployerSeed:
    """A verified seafood company in 石浦 with a valid credit code."""
    town = _home(ref)
    name = "象山石浦海港水产有限公司"
    created = clock.now - timedelta(days=400)
    profile = {
        "kind": EmployerKind.COMPANY,
        "name": name,
        "credit_code": ids.credit_code(
            "91", town.district_code if len(town.district_code) == 6 else "330225"
        ),
        "contact_name": "林海峰",
        "town_id": town.id,
        "address": f"{town.name_zh}渔港路88号",
        "verification": Verification.VERIFIED,
        "verified_at": created + timedelta(hours=30),
        "verification_note": "",
        "created_at": created,
    }
    user = user_row(Role.EMPLOYER, DEMO_MOBILES[1], password_hash, name, created)
    return EmployerSeed(user, profile, EmployerKind.COMPANY, "fishing", town, verified=True)


def staff_accounts(clock: Clock, password_hash: str) -> list[dict]:
    """The demo staff member and administrator (accounts only)."""
    created = clock.now - timedelta(days=500)
    return [
        user_row(Role.STAFF, DEMO_MOBILES[2], password_hash, "石浦驿站 陈晓燕", created),
        user_row(Role.ADMIN, DEMO_MOBILES[3], password_hash, "平台管理员", created),
    ]


@dataclass(frozen=True)
class _Post:
    title: str
    skills: tuple[str, ...]
    form: WorkForm
    unit: PayUnit
    pay_fen: int
    start_hour: float
    minutes: int
    day_offsets: tuple[int, ...]
    slots: int
    season_codes: tuple[str, ...] = ()


_POSTS = (
    _Post(
        "渔网修补临时工",
        ("fishing.net_mending", "fishing.gear_maintenance"),
        WorkForm.TEMPORARY,
        PayUnit.DAY,
        26000,
        7,
        540,
        (1, 3, 8),
        4,
        ("moratorium_east_sea",),
    ),
    _Post(
        "海鲜分拣包装工",
        ("fishing.seafood_sorting", "fishing.seafood_freezing"),
        WorkForm.TEMPORARY,
        PayUnit.HOUR,
        2800,
        6,
        480,
        (-12, -5, 5),
        6,
        ("harvest_seafood_processing",),
    ),
    _Post(
        "冷库搬运装卸工（夜班）",
        ("fishing.dock_loading", "fishing.seafood_freezing"),
        WorkForm.TEMPORARY,
        PayUnit.DAY,
        30000,
        20,
        480,
        (2, 6),
        3,
    ),
    _Post(
        "水产加工钟点工（每天4小时）",
        ("fishing.shellfish_processing", "fishing.crab_processing"),
        WorkForm.PART_TIME,
        PayUnit.HOUR,
        2600,
        13,
        240,
        (-20, 4, 10),
        5,
    ),
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


def _moratorium_post(clock: Clock, ref: Reference) -> tuple[_Post, list[date]] | None:
    season = ref.season_by_code.get("moratorium_east_sea")
    days = clock.days_in([season]) if season else []
    if not days:
        return None
    post = _Post(
        "休渔期补网工",
        ("fishing.net_mending", "fishing.boat_maintenance"),
        WorkForm.SEASONAL,
        PayUnit.DAY,
        25000,
        6.5,
        540,
        (),
        8,
        (season.code,),
    )
    return post, [days[len(days) // 3], days[len(days) // 2], days[-1]]


def demo_gigs(rng: random.Random, ref: Reference, clock: Clock, employer: EmployerSeed) -> DemoGigs:
    """Four or five gigs: one tomorrow, one worked and paid, one night shift, one part-time."""
    story = DemoGigs()
    for post in _POSTS:
        days = [clock.today + timedelta(days=n) for n in post.day_offsets]
        story.plans.append(_post(rng, ref, clock, employer, post, days))
    extra = _moratorium_post(clock, ref)
    if extra is not None:
        story.plans.append(_post(rng, ref, clock, employer, *extra))
    mending, sorting, cold_store, part_time = story.plans[:4]
    story.tomorrow = (mending, mending.shifts[0])
    story.worked = [(sorting, sorting.shifts[0]), (part_time, part_time.shifts[0])]
    story.turned_down = (cold_store, cold_store.shifts[0])
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
