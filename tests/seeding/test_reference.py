"""Loading seeds/: every reference table filled, reloads change nothing, bad files are named."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

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
from marketplace.seeding.reference import load_reference

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MODELS = {
    "districts": District,
    "towns": Town,
    "stations": Station,
    "skill_categories": SkillCategory,
    "skills": Skill,
    "minimum_wages": MinimumWage,
    "seasons": Season,
}


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _snapshot() -> dict[str, list[tuple]]:
    """Every reference row as plain values, to compare loads."""
    snap = {}
    for name, model in MODELS.items():
        columns = [c for c in model.__table__.columns]
        rows = db.session.execute(select(*columns).order_by(model.id)).all()
        snap[name] = [tuple(r) for r in rows]
    return snap


def _copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _rewrite(path: Path, row_index: int, column: str, value: str) -> None:
    """Set ``column`` of data row ``row_index`` (0-based) in a CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    rows[row_index][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def test_load_fills_every_reference_table(app):
    counts = load_reference(SEEDS)

    assert counts == {name: _count(model) for name, model in MODELS.items()}
    assert counts["districts"] >= 10
    assert counts["towns"] >= 120
    assert counts["stations"] >= 20
    assert counts["skills"] >= 150
    categories_in_use = db.session.scalar(select(func.count(func.distinct(Skill.category_id))))
    assert categories_in_use >= 15
    assert counts["minimum_wages"] >= 1 and counts["seasons"] >= 1


def test_every_town_and_station_points_at_loaded_parents(app):
    load_reference(SEEDS)

    orphan_towns = db.session.scalar(
        select(func.count()).select_from(Town).where(Town.district_id.not_in(select(District.id)))
    )
    orphan_stations = db.session.scalar(
        select(func.count()).select_from(Station).where(Station.town_id.not_in(select(Town.id)))
    )
    assert orphan_towns == 0 and orphan_stations == 0
    moratorium = db.session.scalars(select(Season).where(Season.kind == "moratorium")).all()
    assert moratorium, "the fishing moratorium season drives the fishermen's story"


def test_second_load_changes_nothing(app):
    first = load_reference(SEEDS)
    before = _snapshot()

    second = load_reference(SEEDS)

    assert second == first
    assert _snapshot() == before  # same ids, same values, no duplicates
    assert not db.session.dirty and not db.session.new


def test_reload_restores_edited_rows_without_duplicating(app):
    load_reference(SEEDS)
    district = db.session.scalars(select(District).order_by(District.code)).first()
    original = district.name_zh
    district.name_zh = "改错的名字"
    db.session.flush()

    load_reference(SEEDS)

    assert district.name_zh == original
    with (SEEDS / "districts.csv").open(encoding="utf-8") as fh:
        assert _count(District) == len(list(csv.DictReader(fh)))


def test_unknown_district_code_in_towns_names_file_and_row(app, tmp_path):
    seeds = _copy_seeds(tmp_path)
    _rewrite(seeds / "towns.csv", 4, "district_code", "999999")

    with pytest.raises(ValueError, match=r"towns\.csv.*row 5.*999999"):
        load_reference(seeds)


def test_unknown_town_code_in_stations_is_refused(app, tmp_path):
    seeds = _copy_seeds(tmp_path)
    _rewrite(seeds / "stations.csv", 0, "town_code", "000000000")

    with pytest.raises(ValueError, match=r"stations\.csv.*row 1.*town_code"):
        load_reference(seeds)


def test_unknown_category_code_in_skills_is_refused(app, tmp_path):
    seeds = _copy_seeds(tmp_path)
    _rewrite(seeds / "skills.csv", 2, "category_code", "no_such_category")

    with pytest.raises(ValueError, match=r"skills\.csv.*row 3.*no_such_category"):
        load_reference(seeds)


def test_missing_file_is_named(app, tmp_path):
    seeds = _copy_seeds(tmp_path)
    (seeds / "seasons.csv").unlink()

    with pytest.raises(ValueError, match=r"seasons\.csv"):
        load_reference(seeds)
