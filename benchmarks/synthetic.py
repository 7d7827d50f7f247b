"""Synthetic Ningbo workers and gigs for the matching benchmarks (seeded, reproducible).

Places come from ``seeds/towns.csv`` with a few kilometres of jitter; skills from
``seeds/skills.csv``; seasonal windows from ``seeds/seasons.csv``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from matching import Job, Worker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BASE_DAY = date(2025, 6, 1)
KM_PER_DEG_LAT = 111.0
WEEKDAYS_ONLY, WEEKENDS_ONLY = 0b0011111, 0b1100000


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a seeds CSV file."""
    with open(SEEDS / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class World:
    """Reference data the generators draw from."""

    town_lat: np.ndarray
    town_lon: np.ndarray
    town_weight: np.ndarray
    codes: list[str]
    category: np.ndarray  # category id per skill
    synonyms: list[list[str]]
    season_windows: list[tuple[str, str]]

    @classmethod
    def load(cls) -> World:
        """Read towns, skills and seasons from ``seeds/``."""
        towns = read_csv("towns.csv")
        skills = read_csv("skills.csv")
        cats = {c: i for i, c in enumerate(dict.fromkeys(s["category_code"] for s in skills))}
        lat = np.array([float(t["lat"]) for t in towns])
        lon = np.array([float(t["lon"]) for t in towns])
        # Streets (urban) are denser than towns.
        weight = np.array([3.0 if t["kind"] == "street" else 1.0 for t in towns])
        return cls(
            town_lat=lat,
            town_lon=lon,
            town_weight=weight / weight.sum(),
            codes=[s["code"] for s in skills],
            category=np.array([cats[s["category_code"]] for s in skills]),
            synonyms=[[s["name_zh"], *s["synonyms_zh"].split("|")] for s in skills],
            season_windows=[
                (r["start_mmdd"], r["end_mmdd"])
                for r in read_csv("seasons.csv")
                if r["kind"] != "harvest"
            ],
        )

    def places(
        self, rng: np.random.Generator, n: int, jitter_km: float = 2.0
    ) -> tuple[np.ndarray, np.ndarray]:
        """``n`` points around towns, weighted towards urban streets."""
        town = rng.choice(len(self.town_lat), size=n, p=self.town_weight)
        lat = self.town_lat[town] + rng.normal(0, jitter_km / KM_PER_DEG_LAT, n)
        lon = self.town_lon[town] + rng.normal(0, jitter_km / (KM_PER_DEG_LAT * 0.87), n)
        return lat, lon

    def skill_set(self, rng: np.random.Generator, size: int) -> list[int]:
        """``size`` skills, mostly from one category."""
        first = int(rng.integers(len(self.codes)))
        same = np.flatnonzero(self.category == self.category[first])
        picks = {first}
        while len(picks) < size:
            pool = same if rng.random() < 0.7 else np.arange(len(self.codes))
            picks.add(int(rng.choice(pool)))
        return sorted(picks)


def _season(rng: np.random.Generator, world: World, year: int) -> tuple[tuple[date, date], ...]:
    start, end = world.season_windows[int(rng.integers(len(world.season_windows)))]
    a = date(year, int(start[:2]), int(start[3:]))
    b = date(year + (end < start), int(end[:2]), min(int(end[3:]), 28))
    return ((a, b),)


def make_workers(world: World, n: int, seed: int = 0) -> list[Worker]:
    """``n`` workers over Ningbo with skills, free text, radius, pay, dates and history."""
    rng = np.random.default_rng(seed)
    lat, lon = world.places(rng, n)
    out = []
    for i in range(n):
        skills = world.skill_set(rng, int(rng.integers(1, 4)))
        text = (
            " ".join(rng.choice(world.synonyms[s]) for s in skills[:2])
            if rng.random() < 0.5
            else ""
        )
        r = rng.random()
        if r < 0.15:
            available = _season(rng, world, BASE_DAY.year)
        elif r < 0.25:
            a = BASE_DAY + timedelta(days=int(rng.integers(0, 90)))
            available = ((a, a + timedelta(days=int(rng.integers(7, 120)))),)
        else:
            available = ()
        w = rng.random()
        weekdays = WEEKDAYS_ONLY if w < 0.1 else WEEKENDS_ONLY if w < 0.15 else 0b1111111
        completed = int(rng.geometric(0.1)) - 1 if rng.random() < 0.7 else 0
        out.append(
            Worker(
                id=i,
                lat=float(lat[i]),
                lon=float(lon[i]),
                skills=tuple(world.codes[s] for s in skills),
                text=text,
                max_travel_km=float(rng.choice([5.0, 10.0, 15.0, 20.0, 30.0])),
                expected_daily_pay_fen=int(rng.integers(15, 36)) * 1000
                if rng.random() < 0.8
                else None,
                available=available,
                weekdays=weekdays,
                completed=completed,
                no_shows=int(rng.binomial(completed, 0.05)) if completed else 0,
                rating=round(float(np.clip(rng.normal(4.5, 0.4), 1, 5)), 1) if completed else None,
            )
        )
    return out


def make_jobs(world: World, n: int, seed: int = 1, horizon_days: int = 120) -> list[Job]:
    """``n`` open gigs over Ningbo."""
    rng = np.random.default_rng(seed)
    lat, lon = world.places(rng, n)
    out = []
    for i in range(n):
        skills = world.skill_set(rng, int(rng.integers(1, 3)))
        start = BASE_DAY + timedelta(days=int(rng.integers(0, horizon_days)))
        out.append(
            Job(
                id=f"g{i}",
                lat=float(lat[i]),
                lon=float(lon[i]),
                start=start,
                end=start + timedelta(days=int(rng.choice([0, 0, 1, 2, 4, 6, 13]))),
                daily_pay_fen=int(rng.integers(15, 41)) * 1000,
                skills=tuple(world.codes[s] for s in skills),
                text=str(rng.choice(world.synonyms[skills[0]])),
                category=world.codes[skills[0]].split(".")[0],
            )
        )
    return out
