"""Pair features of (job, worker), vectorised over many workers or many jobs.

The same features feed the rule-based prior, the learned linear first stage and the
gradient-boosted re-rank, so training and serving cannot drift apart. Which features there
are, and how each is computed from ``Pairs``, is declared in ``matching.registry``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .availability import available_days
from .index import EARTH_RADIUS_KM, PAY_SCALE_FEN, JobIndex, WorkerIndex, unit_vectors
from .records import Job, Worker
from .registry import FEATURE_NAMES, FEATURES, Pairs
from .skillspace import Profile, build_profiles
from .taxonomy import Taxonomy

__all__ = [
    "FEATURE_NAMES",
    "JobQuery",
    "WorkerQuery",
    "skills_vs_workers",
    "skills_vs_jobs",
    "assemble",
]

N_FEATURES = len(FEATURE_NAMES)


@dataclass(frozen=True)
class JobQuery:
    """One job prepared for a scan over workers."""

    job: Job
    xyz: np.ndarray
    start: int
    end: int
    log_pay: float
    profile: Profile

    @classmethod
    def of(cls, job: Job, taxonomy: Taxonomy | None) -> JobQuery:
        """Prepare ``job``."""
        xyz = unit_vectors(np.array([job.lat]), np.array([job.lon]))[0]
        profile = build_profiles([job.skills], [job.text], taxonomy)[0]
        log_pay = float(np.log(max(job.daily_pay_fen, 1) / PAY_SCALE_FEN))
        return cls(job, xyz, job.start.toordinal(), job.end.toordinal(), log_pay, profile)

    @property
    def days(self) -> int:
        """Number of working days."""
        return max(self.end - self.start + 1, 1)


@dataclass(frozen=True)
class WorkerQuery:
    """One worker prepared for a scan over jobs (a one-row worker index)."""

    worker: Worker
    index: WorkerIndex

    @classmethod
    def of(cls, worker: Worker, taxonomy: Taxonomy | None) -> WorkerQuery:
        """Prepare ``worker``."""
        return cls(worker, WorkerIndex.build([worker], taxonomy))

    @property
    def profile(self) -> Profile:
        """The worker's skill profile."""
        return self.index.profiles[0]


def _slot_max(values: np.ndarray) -> np.ndarray:
    """Maximum over the slot axis of a ``(width, n)`` array (faster than ``max(axis=0)``)."""
    out = values[0].copy()
    for row in values[1:]:
        np.maximum(out, row, out=out)
    return out


def skills_vs_workers(
    profile: Profile,
    wi: WorkerIndex,
    rows: np.ndarray,
    family_weight: float,
    category_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Skill best-match and coverage of a job profile against workers ``rows``.

    Best match is the highest ``job weight * worker weight * similarity`` over all code pairs;
    coverage is the mean over the job's required codes of their best worker match.
    """
    cols, weights = wi.skill_cols[:, rows], wi.skill_weights[:, rows]
    reach = wi.space.expand(profile, family_weight, category_weight)
    best = _slot_max(weights * reach[cols])
    required = [c for c, e in zip(profile.codes, profile.explicit, strict=True) if e]
    if not required:
        return best, best
    cover = np.zeros(len(rows))
    for code in required:
        cover += _slot_max(
            weights * wi.space.similarity(code, family_weight, category_weight)[cols]
        )
    return best, cover / len(required)


def skills_vs_jobs(
    profile: Profile, ji: JobIndex, rows: np.ndarray, family_weight: float, category_weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """Skill best-match and coverage of a worker profile against jobs ``rows``."""
    reach = ji.space.expand(profile, family_weight, category_weight)
    matched = reach[ji.skill_cols[:, rows]]
    best = _slot_max(ji.skill_weights[:, rows] * matched)
    n_required = ji.n_explicit[rows]
    total = (matched * ji.skill_explicit[:, rows]).sum(axis=0)
    return best, np.where(n_required > 0, total / np.maximum(n_required, 1), best)


def distance_km(dots: np.ndarray) -> np.ndarray:
    """Great-circle distance from dot products of unit vectors."""
    return EARTH_RADIUS_KM * np.arccos(np.clip(dots, -1.0, 1.0))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in km."""
    p, q = unit_vectors(np.array([lat1, lat2]), np.array([lon1, lon2]))
    return float(distance_km(np.array(p @ q)))


def assemble(pairs: Pairs) -> np.ndarray:
    """Stack the registry's features of ``pairs`` into an array of shape (n_features, n_pairs)."""
    n = np.broadcast_shapes(
        np.shape(pairs.dist), np.shape(pairs.skill_best), np.shape(pairs.job_log_pay)
    )[0]
    out = np.empty((N_FEATURES, n))
    for row, feature in zip(out, FEATURES, strict=True):
        row[...] = feature.compute(pairs)
    return out


def worker_share(q: JobQuery, wi: WorkerIndex, rows: np.ndarray) -> np.ndarray:
    """Share of the job's days each worker in ``rows`` is free for."""
    return (
        available_days(q.start, q.end, wi.win_start[rows], wi.win_end[rows], wi.weekdays[rows])
        / q.days
    )


def job_share(q: WorkerQuery, ji: JobIndex, rows: np.ndarray) -> np.ndarray:
    """Share of each job's days (jobs ``rows``) the worker is free for."""
    w = q.index
    start, end = ji.start[rows], ji.end[rows]
    return available_days(start, end, w.win_start, w.win_end, w.weekdays) / np.maximum(
        end - start + 1, 1
    )


def workers_block(
    q: JobQuery, wi: WorkerIndex, rows: np.ndarray, dots: np.ndarray, share: np.ndarray,
    skill: tuple[np.ndarray, np.ndarray], history: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Features of job ``q`` against workers ``rows``, shape (n_features, len(rows)).

    ``history`` holds the workers' history features, shape (4, len(rows)).
    """
    return assemble(
        Pairs(
            dist=distance_km(dots),
            radius=wi.radius_km[rows],
            avail_share=share,
            win_start=wi.win_start[rows],
            skill_best=skill[0],
            skill_cover=skill[1],
            job_log_pay=q.log_pay,
            exp_log_pay=wi.exp_log_pay[rows],
            pay_known=wi.pay_known[rows],
            reliability=wi.reliability[rows],
            rating=wi.rating[rows],
            log_completed=wi.log_completed[rows],
            job_days=q.days,
            history=history,
        )
    )


def jobs_block(
    q: WorkerQuery, ji: JobIndex, rows: np.ndarray, dots: np.ndarray, share: np.ndarray,
    skill: tuple[np.ndarray, np.ndarray], history: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Features of worker ``q`` against jobs ``rows``, shape (n_features, len(rows)).

    ``history`` holds the worker's history features per job, shape (4, len(rows)).
    """
    w = q.index
    return assemble(
        Pairs(
            dist=distance_km(dots),
            radius=w.radius_km,
            avail_share=share,
            win_start=w.win_start,
            skill_best=skill[0],
            skill_cover=skill[1],
            job_log_pay=ji.log_pay[rows],
            exp_log_pay=w.exp_log_pay,
            pay_known=w.pay_known,
            reliability=w.reliability,
            rating=w.rating,
            log_completed=w.log_completed,
            job_days=np.maximum(ji.end[rows] - ji.start[rows] + 1, 1),
            history=history,
        )
    )
