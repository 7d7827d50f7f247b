"""Load the reference CSVs in ``seeds/`` into the database, idempotently.

Rows are matched by ``code`` (minimum wages by ``(tier, effective_on)``): a new row is
inserted, a known row is updated only where a value differs, so a second load changes
nothing. The loader flushes; the CLI command that calls it commits.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Hashable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.models import (
    District,
    MinimumWage,
    Season,
    Skill,
    SkillCategory,
    Station,
    Town,
    db,
)

SEASON_KINDS = ("moratorium", "farming_lull", "harvest")

Row = dict[str, str]
_BY_CODE = ("code",)


class _SeedFile:
    """The rows of one CSV, with errors that name the file and the line."""

    def __init__(self, seeds_dir: Path, name: str) -> None:
        self.name = name
        path = seeds_dir / name
        if not path.is_file():
            raise ValueError(f"{path}: reference file is missing")
        with path.open(encoding="utf-8-sig", newline="") as fh:
            # Line 1 is the header, so the first data row is line 2.
            self.rows = [(n, row) for n, row in enumerate(csv.DictReader(fh), start=2)]

    def error(self, line: int, message: str) -> ValueError:
        """A ValueError naming this file, the data row and its line."""
        return ValueError(f"{self.name}, row {line - 1} (line {line}): {message}")

    def lookup(self, ids: dict[str, int], line: int, row: Row, column: str) -> int:
        """The id behind the foreign code in ``column``, or a clear error."""
        code = (row.get(column) or "").strip()
        if code not in ids:
            raise self.error(line, f"unknown {column} {code!r}")
        return ids[code]

    def convert(self, line: int, row: Row, column: str, kind: Callable[[str], Any]) -> Any:
        """``row[column]`` converted with ``kind``, or a clear error."""
        text = (row.get(column) or "").strip()
        try:
            return kind(text)
        except ValueError as exc:
            raise self.error(line, f"bad {column} {text!r}: {exc}") from None


def _text(row: Row, column: str) -> str:
    return (row.get(column) or "").strip()


def _upsert(model: type, key: tuple[str, ...], records: list[dict[str, Any]]) -> int:
    """Insert new records and update changed ones; flush; return how many records there were."""
    existing = {
        tuple(getattr(obj, column) for column in key): obj
        for obj in db.session.scalars(select(model))
    }
    for values in records:
        obj = existing.get(tuple(values[column] for column in key))
        if obj is None:
            db.session.add(model(**values))
            continue
        for column, value in values.items():
            if getattr(obj, column) != value:
                setattr(obj, column, value)
    db.session.flush()
    return len(records)


def _ids(model: type) -> dict[str, int]:
    """``code -> id`` for every row of ``model``."""
    return {code: id_ for code, id_ in db.session.execute(select(model.code, model.id))}


def _check_unique(seed: _SeedFile, key: Callable[[Row], Hashable]) -> None:
    """Refuse a file that lists the same key twice."""
    seen: dict[Hashable, int] = {}
    for line, row in seed.rows:
        value = key(row)
        if value in seen:
            raise seed.error(line, f"duplicate key {value!r} (first on line {seen[value]})")
        seen[value] = line


def _load_districts(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "districts.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    records = [
        {
            "code": _text(row, "code"),
            "name_zh": _text(row, "name_zh"),
            "name_en": _text(row, "name_en"),
            "lat": seed.convert(line, row, "lat", float),
            "lon": seed.convert(line, row, "lon", float),
            "wage_tier": seed.convert(line, row, "wage_tier", int),
        }
        for line, row in seed.rows
    ]
    return _upsert(District, _BY_CODE, records)


def _load_towns(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "towns.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    districts = _ids(District)
    records = [
        {
            "code": _text(row, "code"),
            "district_id": seed.lookup(districts, line, row, "district_code"),
            "name_zh": _text(row, "name_zh"),
            "name_en": _text(row, "name_en"),
            "kind": _text(row, "kind"),
            "lat": seed.convert(line, row, "lat", float),
            "lon": seed.convert(line, row, "lon", float),
        }
        for line, row in seed.rows
    ]
    return _upsert(Town, _BY_CODE, records)


def _load_stations(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "stations.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    districts = _ids(District)
    towns = {c: d for c, d in db.session.execute(select(Town.code, Town.district_id))}
    town_ids = _ids(Town)
    records = []
    for line, row in seed.rows:
        district_id = seed.lookup(districts, line, row, "district_code")
        town_id = seed.lookup(town_ids, line, row, "town_code")
        if towns[_text(row, "town_code")] != district_id:
            raise seed.error(
                line,
                f"town {_text(row, 'town_code')!r} is not in district "
                f"{_text(row, 'district_code')!r}",
            )
        records.append(
            {
                "code": _text(row, "code"),
                "name_zh": _text(row, "name_zh"),
                "name_en": _text(row, "name_en"),
                "town_id": town_id,
                "address_zh": _text(row, "address_zh"),
                "lat": seed.convert(line, row, "lat", float),
                "lon": seed.convert(line, row, "lon", float),
                "phone": _text(row, "phone"),
                "opening_hours": _text(row, "opening_hours"),
            }
        )
    return _upsert(Station, _BY_CODE, records)


def _load_skill_categories(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "skill_categories.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    records = [
        {
            "code": _text(row, "code"),
            "name_zh": _text(row, "name_zh"),
            "name_en": _text(row, "name_en"),
            "policy_ref": _text(row, "policy_ref"),
        }
        for _line, row in seed.rows
    ]
    return _upsert(SkillCategory, _BY_CODE, records)


def _load_skills(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "skills.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    categories = _ids(SkillCategory)
    records = [
        {
            "code": _text(row, "code"),
            "category_id": seed.lookup(categories, line, row, "category_code"),
            "family": _text(row, "family"),
            "name_zh": _text(row, "name_zh"),
            "name_en": _text(row, "name_en"),
            "synonyms_zh": _text(row, "synonyms_zh"),
            "synonyms_en": _text(row, "synonyms_en"),
        }
        for line, row in seed.rows
    ]
    return _upsert(Skill, _BY_CODE, records)


def _load_minimum_wages(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "minimum_wages.csv")
    _check_unique(seed, lambda r: (_text(r, "tier"), _text(r, "effective_on")))
    records = [
        {
            "tier": seed.convert(line, row, "tier", int),
            "monthly_fen": seed.convert(line, row, "monthly_fen", int),
            "hourly_fen": seed.convert(line, row, "hourly_fen", int),
            "effective_on": seed.convert(line, row, "effective_on", date.fromisoformat),
            "source": _text(row, "source"),
        }
        for line, row in seed.rows
    ]
    return _upsert(MinimumWage, ("tier", "effective_on"), records)


def _season_kind(text: str) -> str:
    if text not in SEASON_KINDS:
        raise ValueError(f"expected one of {', '.join(SEASON_KINDS)}")
    return text


def _mmdd(text: str) -> str:
    date.fromisoformat(f"2024-{text}")  # 2024 is a leap year, so 02-29 passes
    return text


def _load_seasons(seeds_dir: Path) -> int:
    seed = _SeedFile(seeds_dir, "seasons.csv")
    _check_unique(seed, lambda r: _text(r, "code"))
    records = [
        {
            "code": _text(row, "code"),
            "kind": seed.convert(line, row, "kind", _season_kind),
            "name_zh": _text(row, "name_zh"),
            "name_en": _text(row, "name_en"),
            "start_mmdd": seed.convert(line, row, "start_mmdd", _mmdd),
            "end_mmdd": seed.convert(line, row, "end_mmdd", _mmdd),
            "region": _text(row, "region"),
            "source": _text(row, "source"),
            "effective_on": seed.convert(line, row, "effective_on", date.fromisoformat),
        }
        for line, row in seed.rows
    ]
    return _upsert(Season, _BY_CODE, records)


# Parents before children, so foreign codes resolve.
_LOADERS: tuple[tuple[str, Callable[[Path], int]], ...] = (
    ("districts", _load_districts),
    ("towns", _load_towns),
    ("stations", _load_stations),
    ("skill_categories", _load_skill_categories),
    ("skills", _load_skills),
    ("minimum_wages", _load_minimum_wages),
    ("seasons", _load_seasons),
)


def load_reference(seeds_dir: Path) -> dict[str, int]:
    """Upsert every reference CSV in ``seeds_dir``; flush, never commit; rows per file."""
    seeds_dir = Path(seeds_dir)
    counts = {name: load(seeds_dir) for name, load in _LOADERS}
    versions.bump(versions.REFERENCE)  # every process refreshes its cached copy
    return counts
