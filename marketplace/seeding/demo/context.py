"""What the demo generator works from: reference data, the clock, identifiers in use."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import insert, select

from marketplace.models import (
    District,
    EmployerProfile,
    MinimumWage,
    Season,
    Skill,
    SkillCategory,
    Town,
    User,
    WorkerProfile,
    db,
)
from marketplace.security import id_number_index
from marketplace.seeding.demo import data
from marketplace.seeding.demo.catalog import FISHING_TOWNS
from marketplace.seeding.demo.codes import make_credit_code, make_id_number

# China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
WINDOW_DAYS = 90  # gigs are dated from 90 days ago to 90 days ahead
# Mainland mobile number prefixes a demo account is given.
MOBILE_PREFIXES = data.column("mobile_prefixes.csv", "prefix")


@dataclass(frozen=True)
class TownRef:
    """A town with what the generator needs from its district."""

    id: int
    code: str
    name_zh: str
    kind: str
    lat: float
    lon: float
    district_id: int
    district_code: str
    district_name: str
    wage_tier: int


@dataclass(frozen=True)
class SkillRef:
    """A skill with its category code and synonyms."""

    id: int
    code: str
    category_code: str
    category_id: int
    family: str
    name_zh: str
    synonyms_zh: tuple[str, ...]


@dataclass(frozen=True)
class SeasonRef:
    """A yearly window, e.g. 05-01 to 09-16, possibly wrapping over the new year."""

    id: int
    code: str
    kind: str
    start_mmdd: str
    end_mmdd: str

    def contains(self, day: date) -> bool:
        """True when ``day`` falls inside the window in its year."""
        mmdd = f"{day:%m-%d}"
        if self.start_mmdd <= self.end_mmdd:
            return self.start_mmdd <= mmdd <= self.end_mmdd
        return mmdd >= self.start_mmdd or mmdd <= self.end_mmdd


@dataclass
class Reference:
    """A snapshot of the reference tables, ordered by code so runs are repeatable."""

    towns: list[TownRef]
    skills: list[SkillRef]
    seasons: list[SeasonRef]
    category_ids: dict[str, int]
    hourly_minimum_by_tier: dict[int, int]
    by_district: dict[int, list[TownRef]] = field(default_factory=dict)
    by_category: dict[str, list[SkillRef]] = field(default_factory=dict)
    skill_by_code: dict[str, SkillRef] = field(default_factory=dict)
    season_by_code: dict[str, SeasonRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_district: dict[int, list[TownRef]] = defaultdict(list)
        for town in self.towns:
            by_district[town.district_id].append(town)
        self.by_district = dict(by_district)
        by_category: dict[str, list[SkillRef]] = defaultdict(list)
        for skill in self.skills:
            by_category[skill.category_code].append(skill)
        self.by_category = dict(by_category)
        self.skill_by_code = {s.code: s for s in self.skills}
        self.season_by_code = {s.code: s for s in self.seasons}

    @property
    def fishing_towns(self) -> list[TownRef]:
        """Coastal towns whose people fish (falls back to every town)."""
        return [t for t in self.towns if t.name_zh in FISHING_TOWNS] or self.towns

    @property
    def rural_towns(self) -> list[TownRef]:
        """Towns and townships rather than city streets (falls back to every town)."""
        return [t for t in self.towns if t.kind != "street"] or self.towns

    def seasons_of_kind(self, kind: str) -> list[SeasonRef]:
        """Seasons of one kind, by code."""
        return [s for s in self.seasons if s.kind == kind]

    def hourly_minimum(self, town: TownRef) -> int:
        """The hourly minimum wage in fen for the town's tier."""
        return self.hourly_minimum_by_tier.get(
            town.wage_tier, max(self.hourly_minimum_by_tier.values())
        )


def load_reference_snapshot() -> Reference:
    """Read the reference tables; refuse to go on when ``flask seed`` has not run."""
    rows = db.session.execute(
        select(Town, District).join(District, Town.district_id == District.id).order_by(Town.code)
    ).all()
    categories = {c.code: c.id for c in db.session.scalars(select(SkillCategory))}
    skills = db.session.scalars(select(Skill).order_by(Skill.code)).all()
    wages = db.session.scalars(select(MinimumWage)).all()
    if not rows or not skills or not wages:
        raise RuntimeError("Reference data is missing: load seeds/ first (flask seed).")
    code_of = {v: k for k, v in categories.items()}
    # The highest hourly minimum ever set for a tier is the one in force now or later, so
    # paying at least that keeps every demo shift legal whatever its date.
    minimum: dict[int, int] = {}
    for wage in wages:
        minimum[wage.tier] = max(minimum.get(wage.tier, 0), wage.hourly_fen)
    return Reference(
        towns=[
            TownRef(
                t.id, t.code, t.name_zh, t.kind, t.lat, t.lon, d.id, d.code, d.name_zh, d.wage_tier
            )
            for t, d in rows
        ],
        skills=[
            SkillRef(
                s.id,
                s.code,
                code_of[s.category_id],
                s.category_id,
                s.family,
                s.name_zh,
                tuple(x for x in s.synonyms_zh.split("|") if x.strip()),
            )
            for s in skills
        ],
        seasons=[
            SeasonRef(s.id, s.code, s.kind, s.start_mmdd, s.end_mmdd)
            for s in db.session.scalars(select(Season).order_by(Season.code))
        ],
        category_ids=categories,
        hourly_minimum_by_tier=minimum,
    )


@dataclass(frozen=True)
class Clock:
    """'Today' in Ningbo and 'now' as naive UTC, fixed for one run."""

    today: date
    now: datetime

    @classmethod
    def make(cls, today: date | None) -> Clock:
        """Real time when ``today`` is None; else noon of ``today`` (repeatable runs)."""
        if today is None:
            aware = datetime.now(UTC)
            return cls(aware.astimezone(SHANGHAI).date(), aware.replace(tzinfo=None))
        return cls(today, cls.local_to_utc(today, 12))

    @staticmethod
    def local_to_utc(day: date, hour: float) -> datetime:
        """Naive UTC of a local wall-clock hour (7.5 = 07:30) on ``day``."""
        local = datetime.combine(day, time()) + timedelta(minutes=round(hour * 60))
        return local - timedelta(hours=8)

    @staticmethod
    def local_date(moment: datetime) -> date:
        """The Ningbo calendar date of a naive UTC time."""
        return (moment + timedelta(hours=8)).date()

    @property
    def window(self) -> list[date]:
        """Every day from 90 days ago to 90 days ahead."""
        start = self.today - timedelta(days=WINDOW_DAYS)
        return [start + timedelta(days=n) for n in range(2 * WINDOW_DAYS + 1)]

    def days_in(self, seasons: list[SeasonRef]) -> list[date]:
        """Days of the window inside any of ``seasons``."""
        return [d for d in self.window if any(s.contains(d) for s in seasons)]


class Identities:
    """Hands out unique mobile numbers, ID numbers and credit codes."""

    def __init__(
        self, rng: random.Random, mobiles: set[str], id_hashes: set[str], credit_codes: set[str]
    ) -> None:
        self.rng = rng
        self.mobiles = mobiles
        self.id_hashes = id_hashes  # keyed hashes, so numbers already registered are avoided
        self.credit_codes = credit_codes

    @classmethod
    def from_database(cls, rng: random.Random) -> Identities:
        """Start from every mobile, ID number and credit code already registered."""
        return cls(
            rng,
            set(db.session.scalars(select(User.mobile))),
            set(db.session.scalars(select(WorkerProfile.id_number_hash))),
            {c for c in db.session.scalars(select(EmployerProfile.credit_code)) if c},
        )

    def mobile(self) -> str:
        """A mobile number not used by any account."""
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.mobiles:
                self.mobiles.add(number)
                return number

    def id_number(self, region: str, birth: date, male: bool) -> str:
        """A valid citizen ID number not used by another demo worker."""
        while True:
            number = make_id_number(self.rng, region, birth, male)
            digest = id_number_index(number)
            if digest not in self.id_hashes:
                self.id_hashes.add(digest)
                return number

    def credit_code(self, prefix: str, division: str) -> str:
        """A valid credit code not registered to another employer."""
        while True:
            code = make_credit_code(self.rng, prefix, division)
            if code not in self.credit_codes:
                self.credit_codes.add(code)
                return code


def bulk_insert(target: Any, rows: Sequence[dict]) -> None:
    """Bulk insert into a model or an association table."""
    if rows:
        db.session.execute(insert(target).execution_options(render_nulls=True), list(rows))


def bulk_insert_ids(model: type, rows: Sequence[dict]) -> list[int]:
    """Bulk insert returning the new primary keys in the order of ``rows``."""
    if not rows:
        return []
    stmt = (
        insert(model)
        .returning(model.id, sort_by_parameter_order=True)
        .execution_options(render_nulls=True)
    )
    return list(db.session.scalars(stmt, list(rows)))
