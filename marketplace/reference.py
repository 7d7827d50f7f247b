"""Reference data for forms, filters and lists, cached per process and refreshed by version.

Districts, towns, skill categories with their skills, and seasons change only when
``flask seed`` loads ``seeds/`` (which bumps the ``reference`` version stamp). Each process
keeps one immutable snapshot of them and builds a new one when the stored stamp moves, so a
page reads them without a query; the stamp itself is read once per request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask, current_app
from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.i18n import localized_name
from marketplace.models import District, Season, Skill, SkillCategory, Town, db

EXTENSION_KEY = "reference"


@dataclass(frozen=True)
class TownRef:
    """A town or street (乡镇/街道) as the pages need it."""

    id: int
    district_id: int
    name_zh: str
    name_en: str
    lat: float
    lon: float


@dataclass(frozen=True)
class DistrictRef:
    """A district with its towns in code order."""

    id: int
    name_zh: str
    name_en: str
    towns: tuple[TownRef, ...]


@dataclass(frozen=True)
class SkillRef:
    """A skill of the taxonomy."""

    id: int
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class CategoryRef:
    """A skill category with its skills in code order."""

    id: int
    code: str
    name_zh: str
    name_en: str
    skills: tuple[SkillRef, ...]


@dataclass(frozen=True)
class SeasonRef:
    """A yearly window such as the fishing moratorium."""

    id: int
    name_zh: str
    name_en: str
    start_mmdd: str
    end_mmdd: str


@dataclass(frozen=True)
class Snapshot:
    """Every reference row, as stored when ``stamp`` was read."""

    stamp: tuple[int, datetime | None]
    districts: tuple[DistrictRef, ...]
    categories: tuple[CategoryRef, ...]
    seasons: tuple[SeasonRef, ...]
    towns: dict[int, TownRef] = field(default_factory=dict)
    districts_by_id: dict[int, DistrictRef] = field(default_factory=dict)
    categories_by_id: dict[int, CategoryRef] = field(default_factory=dict)


def _load(stamp: tuple[int, datetime | None]) -> Snapshot:
    towns: dict[int, list[TownRef]] = {}
    for t in db.session.scalars(select(Town).order_by(Town.code)):
        ref = TownRef(t.id, t.district_id, t.name_zh, t.name_en, t.lat, t.lon)
        towns.setdefault(t.district_id, []).append(ref)
    districts = tuple(
        DistrictRef(d.id, d.name_zh, d.name_en, tuple(towns.get(d.id, ())))
        for d in db.session.scalars(select(District).order_by(District.code))
    )
    skills: dict[int, list[SkillRef]] = {}
    for s in db.session.scalars(select(Skill).order_by(Skill.code)):
        skills.setdefault(s.category_id, []).append(SkillRef(s.id, s.code, s.name_zh, s.name_en))
    categories = tuple(
        CategoryRef(c.id, c.code, c.name_zh, c.name_en, tuple(skills.get(c.id, ())))
        for c in db.session.scalars(select(SkillCategory).order_by(SkillCategory.code))
    )
    seasons = tuple(
        SeasonRef(s.id, s.name_zh, s.name_en, s.start_mmdd, s.end_mmdd)
        for s in db.session.scalars(select(Season).order_by(Season.start_mmdd))
    )
    return Snapshot(
        stamp=stamp,
        districts=districts,
        categories=categories,
        seasons=seasons,
        towns={t.id: t for d in districts for t in d.towns},
        districts_by_id={d.id: d for d in districts},
        categories_by_id={c.id: c for c in categories},
    )


class ReferenceCache:
    """This process's snapshot; rebuilt when the stored ``reference`` stamp differs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def get(self) -> Snapshot:
        """The snapshot matching the stored stamp (read once per request), built first if it
        moved."""
        stamp = versions.stamp(versions.REFERENCE)
        snap = self._snapshot
        if snap is not None and snap.stamp == stamp:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.stamp != stamp:
                self._snapshot = _load(stamp)
            return self._snapshot


def init_app(app: Flask) -> None:
    """Give the app its (empty, lazily built) reference cache."""
    app.extensions[EXTENSION_KEY] = ReferenceCache()


def snapshot() -> Snapshot:
    """The reference data as of this request."""
    return current_app.extensions[EXTENSION_KEY].get()


def districts() -> tuple[DistrictRef, ...]:
    """Every district, with its towns."""
    return snapshot().districts


def towns_of(district_id: int | None) -> tuple[TownRef, ...]:
    """The towns of a district (none for an unknown one)."""
    district = snapshot().districts_by_id.get(district_id or 0)
    return district.towns if district else ()


def town(town_id: int | None) -> TownRef | None:
    """A town by id, or None."""
    return snapshot().towns.get(town_id or 0)


def town_choices() -> dict[str, list[tuple[int, str]]]:
    """Towns grouped by district, for a select with option groups."""
    return {localized_name(d): [(t.id, localized_name(t)) for t in d.towns] for d in districts()}


def categories() -> tuple[CategoryRef, ...]:
    """Every skill category with its skills."""
    return snapshot().categories


def skill_choices() -> list[tuple[int, str]]:
    """Every skill as (id, 'category · skill')."""
    return [
        (s.id, f"{localized_name(c)} · {localized_name(s)}") for c in categories() for s in c.skills
    ]


def season_choices() -> list[tuple[int, str]]:
    """Seasons as (id, 'name (MM-DD–MM-DD)')."""
    return [
        (s.id, f"{localized_name(s)} ({s.start_mmdd}–{s.end_mmdd})") for s in snapshot().seasons
    ]


def skills_by_ids(ids: list[int]) -> list[Skill]:
    """The skills with these ids (unknown ids are ignored), as rows to attach to a gig."""
    if not ids:
        return []
    return list(db.session.scalars(select(Skill).where(Skill.id.in_(ids))))


def get_town(town_id: int | None) -> Town | None:
    """A town row by id, or None."""
    return db.session.get(Town, town_id) if town_id else None
