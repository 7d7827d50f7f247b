"""In-memory candidate indexes: workers (for a job) and jobs (for a worker) as numpy arrays.

Building is linear in the number of items; ranking then scans these arrays without touching
the Python objects except for the top few, whose reasons are written from the records.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .availability import EMPTY, merge_windows
from .history import job_category
from .records import Job, Worker
from .skillspace import Profile, SkillSpace, build_profiles
from .taxonomy import Taxonomy

__all__ = ["WorkerIndex", "JobIndex", "IndexCache", "EARTH_RADIUS_KM", "unit_vectors"]

EARTH_RADIUS_KM = 6371.0088  # IUGG mean Earth radius
# Smoothing so that newcomers are neither buried nor promoted: a newcomer counts as
# RELIABILITY_PRIOR_SHOWS shows and RELIABILITY_PRIOR_NO_SHOWS no-shows, and is rated
# RATING_PRIOR_MEAN as if from RATING_PRIOR_WEIGHT shifts.
RELIABILITY_PRIOR_SHOWS = 9.0
RELIABILITY_PRIOR_NO_SHOWS = 1.0
RATING_PRIOR_MEAN = 4.5
RATING_PRIOR_WEIGHT = 3.0
PAY_SCALE_FEN = 20_000  # log-pay features are relative to 200 CNY a day
MAX_SKILLS = 6  # codes kept per profile (the heaviest), so skills fit a dense array


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points on the unit sphere; great-circle distance is ``R * arccos(p @ q)``."""
    la, lo = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def _windows(workers: Sequence[Worker]) -> tuple[np.ndarray, np.ndarray]:
    merged = [merge_windows(w.available) for w in workers]
    width = max((len(m) for m in merged), default=1)
    padded = [m + [EMPTY] * (width - len(m)) for m in merged]
    arr = np.array(padded, dtype=np.int64).reshape(len(workers), width, 2)
    return arr[:, :, 0].copy(), arr[:, :, 1].copy()


@dataclass(eq=False)
class WorkerIndex:
    """Workers as column arrays; accepted by ``MatchRanker.rank_workers`` in place of a list."""

    workers: list[Worker]
    pos: dict[int | str, int]
    xyz: np.ndarray
    radius_km: np.ndarray
    cos_radius: np.ndarray
    win_start: np.ndarray
    win_end: np.ndarray
    weekdays: np.ndarray
    exp_log_pay: np.ndarray
    pay_known: np.ndarray
    reliability: np.ndarray
    rating: np.ndarray
    log_completed: np.ndarray
    profiles: list[Profile]
    space: SkillSpace
    skill_cols: np.ndarray
    skill_weights: np.ndarray
    postings: tuple[np.ndarray, np.ndarray]  # rows holding each vocabulary code (CSC-like)
    derived: dict[str, np.ndarray] = field(default_factory=dict)  # per fitted history

    @classmethod
    def build(cls, workers: Sequence[Worker], taxonomy: Taxonomy | None = None) -> WorkerIndex:
        """Index ``workers``; their free text is matched against ``taxonomy``."""
        workers = list(workers)
        f = np.array
        radius = f([w.max_travel_km for w in workers], dtype=np.float64)
        pay = f([w.expected_daily_pay_fen or 0 for w in workers], dtype=np.float64)
        done = f([w.completed for w in workers], dtype=np.float64)
        noshow = f([w.no_shows for w in workers], dtype=np.float64)
        rated = f([w.rating if w.rating is not None else np.nan for w in workers], dtype=np.float64)
        n_rated = np.where(np.isnan(rated), 0.0, done)
        profiles = build_profiles([w.skills for w in workers], [w.text for w in workers], taxonomy)
        space = SkillSpace(_vocabulary(profiles), taxonomy)
        win_start, win_end = _windows(workers)
        cols, weights, _ = space.padded(profiles, MAX_SKILLS)
        return cls(
            workers=workers,
            pos={w.id: i for i, w in enumerate(workers)},
            xyz=unit_vectors(f([w.lat for w in workers]), f([w.lon for w in workers])).reshape(
                -1, 3
            ),
            radius_km=radius,
            cos_radius=np.cos(np.minimum(radius, np.pi * EARTH_RADIUS_KM) / EARTH_RADIUS_KM),
            win_start=win_start,
            win_end=win_end,
            weekdays=f([w.weekdays & 127 for w in workers], dtype=np.int64),
            exp_log_pay=np.log(np.maximum(pay, 1.0) / PAY_SCALE_FEN),
            pay_known=pay > 0,
            reliability=(done + RELIABILITY_PRIOR_SHOWS)
            / (done + noshow + RELIABILITY_PRIOR_SHOWS + RELIABILITY_PRIOR_NO_SHOWS),
            rating=(np.nan_to_num(rated) * n_rated + RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT)
            / (n_rated + RATING_PRIOR_WEIGHT),
            log_completed=np.log1p(done),
            profiles=profiles,
            space=space,
            skill_cols=cols,
            skill_weights=weights,
            postings=_postings(cols, len(space)),
        )

    def __len__(self) -> int:
        return len(self.workers)

    def related(self, profile: Profile, family_weight: float, category_weight: float) -> np.ndarray:
        """Boolean mask of workers holding a code related to any code of ``profile``."""
        mask = np.zeros(len(self.workers), dtype=bool)
        indptr, rows = self.postings
        reach = self.space.expand(profile, family_weight, category_weight)
        for col in np.flatnonzero(reach[:-1]):
            mask[rows[indptr[col] : indptr[col + 1]]] = True
        return mask


@dataclass(eq=False)
class JobIndex:
    """Open jobs as column arrays; accepted by ``MatchRanker.rank_jobs`` in place of a list."""

    jobs: list[Job]
    pos: dict[int | str, int]
    xyz: np.ndarray
    start: np.ndarray
    end: np.ndarray
    log_pay: np.ndarray
    profiles: list[Profile]
    space: SkillSpace
    skill_cols: np.ndarray
    skill_weights: np.ndarray
    skill_explicit: np.ndarray
    n_explicit: np.ndarray
    categories: list[str]
    category_idx: np.ndarray

    @classmethod
    def build(cls, jobs: Sequence[Job], taxonomy: Taxonomy | None = None) -> JobIndex:
        """Index ``jobs``; their text is matched against ``taxonomy``."""
        jobs = list(jobs)
        f = np.array
        profiles = build_profiles([j.skills for j in jobs], [j.text for j in jobs], taxonomy)
        space = SkillSpace(_vocabulary(profiles), taxonomy)
        cols, weights, explicit = space.padded(profiles, MAX_SKILLS)
        names = [job_category(j, taxonomy) for j in jobs]
        categories = list(dict.fromkeys(names))
        lookup = {c: i for i, c in enumerate(categories)}
        return cls(
            jobs=jobs,
            pos={j.id: i for i, j in enumerate(jobs)},
            xyz=unit_vectors(f([j.lat for j in jobs]), f([j.lon for j in jobs])).reshape(-1, 3),
            start=f([j.start.toordinal() for j in jobs], dtype=np.int64),
            end=f([j.end.toordinal() for j in jobs], dtype=np.int64),
            log_pay=np.log(
                np.maximum(f([j.daily_pay_fen for j in jobs], dtype=np.float64), 1.0)
                / PAY_SCALE_FEN
            ),
            profiles=profiles,
            space=space,
            skill_cols=cols,
            skill_weights=weights,
            skill_explicit=explicit,
            n_explicit=explicit.sum(axis=0),
            categories=categories,
            category_idx=np.array([lookup[c] for c in names], dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.jobs)


def _postings(cols: np.ndarray, n_codes: int) -> tuple[np.ndarray, np.ndarray]:
    """For each code, the rows holding it: (indptr, rows), from slot-major ``cols``."""
    n = cols.shape[1]
    flat = cols.ravel()
    rows = np.tile(np.arange(n, dtype=np.int32), cols.shape[0])
    held = flat < n_codes
    order = np.argsort(flat[held], kind="stable")
    indptr = np.zeros(n_codes + 1, dtype=np.int64)
    np.cumsum(np.bincount(flat[held], minlength=n_codes), out=indptr[1:])
    return indptr, rows[held][order]


def _vocabulary(profiles: Sequence[Profile]) -> list[str]:
    codes: list[str] = []
    for p in profiles:
        codes.extend(p.codes)
    return codes


class IndexCache:
    """Indexes of plain sequences, keyed by the sequence's identity and length.

    A sequence changed in place without changing its length is not noticed: pass a fresh
    list, or build an index explicitly and pass that.
    """

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._entries: dict[tuple[Hashable, int, int], tuple[Any, Any]] = {}

    def get(
        self, key: Hashable, items: Sequence[Any], build: Callable[[Sequence[Any]], Any]
    ) -> Any:
        """The cached index of ``items``, building it on a miss."""
        full = (key, id(items), len(items))
        hit = self._entries.get(full)
        if hit is not None and hit[0] is items:
            return hit[1]
        index = build(items)
        if len(self._entries) >= self.size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[full] = (items, index)  # holding ``items`` keeps its id from being reused
        return index
