"""Plain fixtures for the matching library: the seeds taxonomy and record factories.

No Flask app or database here: matching is a library and is tested as one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from threadpoolctl import threadpool_limits

from matching import Job, MatchRanker, Taxonomy, Worker, load_seasons

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Tianyi Square, Haishu: the centre most tests put jobs at.
CENTRE = (29.8700, 121.5500)
KM_LAT = 1 / 111.2  # degrees of latitude per km


def north(km: float) -> tuple[float, float]:
    """A point ``km`` north of the centre."""
    return CENTRE[0] + km * KM_LAT, CENTRE[1]


def make_worker(id: int | str = 1, km: float = 1.0, **fields) -> Worker:
    """A worker ``km`` north of the centre; any field can be overridden."""
    lat, lon = north(km)
    return Worker(id=id, lat=lat, lon=lon, **fields)


def make_job(id: int | str = "j", start: date = date(2025, 7, 8), days: int = 1, **fields) -> Job:
    """A job at the centre on ``days`` days from ``start``; any field can be overridden."""
    fields.setdefault("daily_pay_fen", 20_000)
    end = date.fromordinal(start.toordinal() + days - 1)
    return Job(id=id, lat=CENTRE[0], lon=CENTRE[1], start=start, end=end, **fields)


@pytest.fixture(autouse=True, scope="session")
def _one_thread():
    """Tiny fits: OpenMP threads only add start-up cost and contend with other test runs."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.from_csv(SEEDS / "skills.csv")


@pytest.fixture(scope="session")
def seasons():
    return load_seasons(SEEDS / "seasons.csv")


@pytest.fixture
def ranker(taxonomy, seasons) -> MatchRanker:
    return MatchRanker(taxonomy=taxonomy, seasons=seasons)


def ids(matches) -> list:
    """The ranked ids."""
    return [m.id for m in matches]


def said(match, taxonomy: Taxonomy | None = None) -> list[str]:
    """A match's reasons as English text (the message ids), skills by their English names."""
    name = (lambda code: taxonomy.name(code, "en")) if taxonomy is not None else str
    return [reason.render(name=name) for reason in match.reasons]
