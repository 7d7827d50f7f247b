"""Demo gigs and their shifts, planned in Python before one bulk insert."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from marketplace.models import EmployerKind, PayUnit, SeasonTag, WorkForm
from marketplace.policy.part_time import MAX_PAY_CYCLE_DAYS
from marketplace.seeding.demo import data, names
from marketplace.seeding.demo.catalog import (
    CATEGORY_SEASON_KINDS,
    DEFAULT_SECTOR,
    FISHING_HARVESTS,
    KIND_SECTORS,
    SECTORS,
    SKILL_SEASONS,
    SLOTS_PER_KIND,
    Sector,
)
from marketplace.seeding.demo.context import Clock, Reference, SkillRef, TownRef
from marketplace.seeding.demo.plans import EmployerSeed, GigPlan, ShiftPlan
from marketplace.seeding.demo.wording import gig_description, gig_title

# Fishing skills idle boats need during the moratorium, and those the landed catch needs.
MORATORIUM_SKILLS = data.values("lists.csv", "moratorium_skills")
PROCESSING_FAMILY_SKILLS = data.values("lists.csv", "processing_skills")
# Labour Contract Law art. 68: part-time work (非全日制用工) averages at most 4 hours a day.
PART_TIME_MAX_MINUTES = 4 * 60
PART_TIME_LENGTHS = tuple(m for m in (120, 150, 180, 210, 240) if m <= PART_TIME_MAX_MINUTES)


def _round_up(value: float, step: int) -> int:
    return int(math.ceil(value / step) * step)


@dataclass
class PayTerms:
    """How a gig pays."""

    unit: PayUnit
    pay_fen: int
    pieces_per_day: int | None = None
    piece_unit: str = ""


def hourly_pay(rng: random.Random, sector: Sector, minimum: int) -> int:
    """An hourly rate in fen from the sector's range, never below the minimum wage."""
    lo, hi = sector.day_pay_yuan
    wanted = rng.randint(lo * 100 // 8, hi * 100 // 8)
    return _round_up(max(wanted, minimum + rng.choice((0, 100, 200, 300, 500))), 50)


def pay_terms(
    rng: random.Random, sector: Sector, unit: PayUnit, minutes: int, minimum: int
) -> PayTerms:
    """Pay for ``unit``; a day's pay never works out below the hourly minimum."""
    floor = minimum * minutes / 60
    if unit == PayUnit.HOUR:
        return PayTerms(unit, hourly_pay(rng, sector, minimum))
    if unit == PayUnit.PIECE and sector.piece:
        piece_unit, lo, hi, pieces_lo, pieces_hi = sector.piece
        pay = rng.randint(lo, hi) // 10 * 10
        pieces = max(rng.randint(pieces_lo, pieces_hi), _round_up(floor / pay, 1))
        return PayTerms(unit, pay, pieces, piece_unit)
    lo, hi = sector.day_pay_yuan
    day = rng.randint(lo, hi) * min(1.0, minutes / 480 + 0.25)
    return PayTerms(PayUnit.DAY, max(_round_up(day * 100, 1000), _round_up(floor, 1000)))


def choose_unit(rng: random.Random, form: WorkForm, sector: Sector, skill: SkillRef) -> PayUnit:
    """Part-time work is paid by the hour (POLICY: 非全日制 hourly); others vary."""
    piece = sector.piece is not None and skill.family in sector.piece_families
    if form == WorkForm.PART_TIME:
        return PayUnit.HOUR
    if form == WorkForm.FLEXIBLE:
        return PayUnit.PIECE if piece and rng.random() < 0.6 else PayUnit.HOUR
    if form == WorkForm.SEASONAL:
        return PayUnit.PIECE if piece and rng.random() < 0.4 else PayUnit.DAY
    roll = rng.random()
    return (
        PayUnit.DAY
        if roll < 0.6 or (roll > 0.85 and not piece)
        else (PayUnit.HOUR if roll < 0.85 else PayUnit.PIECE)
    )


class SeasonPlanner:
    """Which days a skill's gigs may fall on, and which season tag they carry."""

    def __init__(self, ref: Reference, clock: Clock) -> None:
        self.ref = ref
        self.clock = clock
        self._days: dict[tuple[str, ...], list[date]] = {}

    def days(self, codes: tuple[str, ...]) -> list[date]:
        """Window days inside any of the seasons ``codes`` (cached)."""
        if codes not in self._days:
            seasons = [self.ref.season_by_code[c] for c in codes if c in self.ref.season_by_code]
            self._days[codes] = self.clock.days_in(seasons)
        return self._days[codes]

    def kind_codes(self, kind: str) -> tuple[str, ...]:
        """Codes of every season of ``kind``."""
        return tuple(s.code for s in self.ref.seasons_of_kind(kind))

    def available(self, skill: SkillRef) -> bool:
        """A season-bound skill is only hired for when its season meets the window."""
        codes = SKILL_SEASONS.get(skill.code)
        return codes is None or bool(self.days(codes))

    def _optional(self, category: str, skill: SkillRef) -> tuple[str, ...]:
        kinds = CATEGORY_SEASON_KINDS.get(category, ())
        if category == "fishing":
            if skill.code in MORATORIUM_SKILLS:
                return self.kind_codes("moratorium")
            return FISHING_HARVESTS if skill.code in PROCESSING_FAMILY_SKILLS else ()
        return self.kind_codes("farming_lull") if "farming_lull" in kinds else ()

    def choose(
        self, rng: random.Random, category: str, skill: SkillRef
    ) -> tuple[SeasonTag, list[date]]:
        """The gig's season tag and the days its shifts may fall on."""
        bound = SKILL_SEASONS.get(skill.code)
        if bound:
            return self._tag(bound), self.days(bound)
        optional = self._optional(category, skill)
        share = 0.6 if category == "fishing" else 0.25
        if optional and self.days(optional) and rng.random() < share:
            return self._tag(optional), self.days(optional)
        return SeasonTag.NONE, self.clock.window

    def _tag(self, codes: tuple[str, ...]) -> SeasonTag:
        season = self.ref.season_by_code.get(codes[0])
        return SeasonTag(season.kind) if season else SeasonTag.NONE


def _shift_count(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4), weights=(3, 3, 2, 2))[0]


def _slots(rng: random.Random, kind: EmployerKind) -> int:
    lo, hi = SLOTS_PER_KIND[kind]
    return rng.randint(lo, rng.randint(lo, hi))  # small crews are commoner


def make_shifts(
    rng: random.Random, days: list[date], start_hour: float, minutes: int, kind: EmployerKind
) -> list[ShiftPlan]:
    """Shifts on ``days`` from ``start_hour`` local time, stored as naive UTC."""
    shifts = []
    for day in sorted(days):
        starts = Clock.local_to_utc(day, start_hour)
        shifts.append(
            ShiftPlan(
                starts,
                starts + timedelta(minutes=minutes),
                _slots(rng, kind),
                f"{rng.randrange(10**6):06d}",
            )
        )
    return shifts


def _category(rng: random.Random, employer: EmployerSeed, ref: Reference) -> str:
    if rng.random() < 0.85 and employer.sector in ref.by_category:
        return employer.sector
    options = [c for c, _ in KIND_SECTORS[employer.kind] if c in ref.by_category]
    return rng.choice(options or sorted(ref.by_category))


def _gig_town(rng: random.Random, ref: Reference, employer: EmployerSeed) -> TownRef:
    if rng.random() < 0.7:
        return employer.town
    return rng.choice(ref.by_district[employer.town.district_id])


def _form(rng: random.Random, sector: Sector, tag: SeasonTag) -> WorkForm:
    if tag != SeasonTag.NONE:
        return WorkForm.SEASONAL if rng.random() < 0.7 else WorkForm.TEMPORARY
    return rng.choices(*zip(*sector.forms, strict=True))[0]


def _pay_within(rng: random.Random, unit: PayUnit, form: WorkForm) -> int:
    if form == WorkForm.TEMPORARY and unit == PayUnit.DAY:
        return rng.choice((0, 1, 1, 3))
    if form == WorkForm.PART_TIME:
        return rng.choice((1, 3, 7, 7, MAX_PAY_CYCLE_DAYS))
    return rng.choice((1, 3, 7, 7, 15, 30))


def _created_at(rng: random.Random, clock: Clock, plan: GigPlan) -> datetime:
    """Posted before the first shift, after the employer joined, and not in the future."""
    first = plan.shifts[0].starts_at
    posted = first - timedelta(days=rng.randint(1, 14), minutes=rng.randint(0, 1439))
    posted = max(posted, plan.employer.profile["created_at"] + timedelta(days=1))
    return min(posted, clock.now - timedelta(minutes=rng.randint(30, 4320)), first)


def plan_gig(
    rng: random.Random, ref: Reference, clock: Clock, seasons: SeasonPlanner, employer: EmployerSeed
) -> GigPlan:
    """One gig of the employer's sector with 1–4 shifts in the ±90-day window."""
    category = _category(rng, employer, ref)
    sector = SECTORS.get(category, DEFAULT_SECTOR)
    pool = [s for s in ref.by_category[category] if seasons.available(s)]
    primary = rng.choice(pool or ref.by_category[category])
    tag, days = seasons.choose(rng, category, primary)
    others = [s for s in ref.by_category[category] if s.code != primary.code]
    skills = [primary, *rng.sample(others, min(len(others), rng.randint(0, 2)))]
    form = _form(rng, sector, tag)
    unit = choose_unit(rng, form, sector, primary)
    minutes = (
        rng.choice(PART_TIME_LENGTHS)
        if form == WorkForm.PART_TIME
        else rng.choice(sector.day_hours) * 60
    )
    town = _gig_town(rng, ref, employer)
    terms = pay_terms(rng, sector, unit, minutes, ref.hourly_minimum(town))
    start_hour = rng.choice(sector.start_hours)
    plan = GigPlan(
        employer=employer,
        category_code=category,
        skills=skills,
        town=town,
        work_form=form,
        season_tag=tag,
        pay_unit=terms.unit,
        pay_fen=terms.pay_fen,
        pieces_per_day=terms.pieces_per_day,
        minutes=minutes,
        piece_unit=terms.piece_unit,
        shifts=make_shifts(
            rng,
            rng.sample(days, min(len(days), _shift_count(rng))),
            start_hour,
            minutes,
            employer.kind,
        ),
        lat=town.lat + rng.uniform(-0.008, 0.008),
        lon=town.lon + rng.uniform(-0.008, 0.008),
        address=names.street_address(rng, town.name_zh),
        pay_within_days=_pay_within(rng, terms.unit, form),
        # 劳社部发〔2003〕12号 art. 12: a part-time post always insures work injury.
        injury_insurance=(rng.random() < (0.15 if employer.kind == EmployerKind.HOUSEHOLD else 0.5))
        or form == WorkForm.PART_TIME,
    )
    plan.created_at = _created_at(rng, clock, plan)
    plan.title = gig_title(rng, plan)
    plan.description = gig_description(rng, plan, start_hour)
    return plan
