"""Candidate search for MatchRanker: feasibility, features, scoring and reasons per query.

A mixin so that ``ranker.py`` keeps the estimator's public face; it reads the ranker's
hyper-parameters and fitted attributes through ``self``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .availability import Season
from .features import (
    JobQuery,
    WorkerQuery,
    jobs_block,
    skills_vs_jobs,
    skills_vs_workers,
    workers_block,
)
from .history import HISTORY_FEATURES, job_category
from .index import JobIndex, WorkerIndex
from .phrases import Phrase
from .reasons import explain, far_below_expected
from .records import Job, Match, Worker
from .registry import FEATURE_NAMES, REASONS
from .skillspace import Profile, SkillSpace
from .taxonomy import Taxonomy

__all__ = ["CandidateSearch", "INFEASIBLE_PENALTY", "far_below_pay"]

INFEASIBLE_PENALTY = 1000.0  # listed-anyway items score below every feasible one
DEMOTED_PENALTY = 100.0  # demoted items score below every other item of their kind
PAY_VS_EXPECTED = FEATURE_NAMES.index("pay_vs_expected")


def far_below_pay(x: np.ndarray) -> np.ndarray:
    """Columns of a feature block whose offer is far below the worker's expectation."""
    return far_below_expected(x[PAY_VS_EXPECTED])


def _dots(xyz: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Row-wise dot products (cosines of the angles to ``centre``)."""
    return xyz @ centre


class CandidateSearch:
    """Per-query work shared by ``rank_workers`` and ``rank_jobs``."""

    taxonomy: Taxonomy | None
    seasons: Sequence[Season] | None
    family_weight: float
    category_weight: float
    min_availability: float
    n_shortlist: int

    def _order(self, x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def _history(self, wi: WorkerIndex, category: str) -> Callable[[np.ndarray], np.ndarray]:
        """History features of indexed workers ``rows`` for a job of ``category``; 0 before fit."""
        history = getattr(self, "history_", None)
        if history is None:
            return lambda rows: np.zeros((len(HISTORY_FEATURES), len(rows)))
        counts = wi.derived.get(history.token)
        if counts is None:
            counts = wi.derived[history.token] = history.index_counts(wi.pos, len(wi))
        key = f"{history.token}:{category}"
        in_category = wi.derived.get(key)
        if in_category is None:
            in_category = wi.derived[key] = history.index_counts(wi.pos, len(wi), category)
        return lambda rows: history.features_from(counts[rows], in_category[rows])

    def _job_history(self, worker: Worker, ji: JobIndex) -> Callable[[np.ndarray], np.ndarray]:
        """The worker's history features against indexed jobs ``rows``."""
        history = getattr(self, "history_", None)
        if history is None:
            return lambda rows: np.zeros((len(HISTORY_FEATURES), 1))
        per_category = history.for_jobs(worker.id, ji.categories)
        return lambda rows: per_category[:, ji.category_idx[rows]]

    def _worker_block(self, q: JobQuery, wi: WorkerIndex) -> Callable[..., np.ndarray]:
        fw, cw = self.family_weight, self.category_weight
        history = self._history(wi, job_category(q.job, self.taxonomy))

        def block(rows: np.ndarray, dots: np.ndarray, share: np.ndarray) -> np.ndarray:
            skill = skills_vs_workers(q.profile, wi, rows, fw, cw)
            return workers_block(q, wi, rows, dots, share, skill, history(rows))

        return block

    def _job_block(self, q: WorkerQuery, ji: JobIndex) -> Callable[..., np.ndarray]:
        fw, cw = self.family_weight, self.category_weight
        history = self._job_history(q.worker, ji)

        def block(rows: np.ndarray, dots: np.ndarray, share: np.ndarray) -> np.ndarray:
            skill = skills_vs_jobs(q.profile, ji, rows, fw, cw)
            return jobs_block(q, ji, rows, dots, share, skill, history(rows))

        return block

    def _scan(
        self,
        k: int,
        place: tuple[np.ndarray, np.ndarray, np.ndarray | float],
        share_of: Callable[[np.ndarray], np.ndarray],
        block_of: Callable[..., np.ndarray],
        pool: np.ndarray | None = None,
        demote: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> list[tuple[int, float, np.ndarray]]:
        """Best ``k`` (row, score, features); infeasible rows only to fill up, penalised.

        ``place`` is (unit vectors of the rows, the query's unit vector, cosine of the travel
        radius per row or for all). ``pool`` (a boolean mask) narrows the search to
        skill-related rows; when it holds fewer feasible rows than ``n_shortlist`` (or
        ``2 k``) the whole index is searched. ``demote`` marks columns of a feature block that
        rank after every other row of their kind (feasible or not): offers far below the
        worker's expectation (``rank_jobs``).
        """
        xyz, centre, _ = place
        near, dots, share, ok = self._feasible(
            place, share_of, None if pool is None else np.flatnonzero(pool)
        )
        if pool is not None and np.count_nonzero(ok) < max(2 * k, self.n_shortlist):
            near, dots, share, ok = self._feasible(place, share_of, None)
        rows = near[ok]
        picks = self._tiers(rows, block_of(rows, dots[ok], share[ok]), k, 0.0, demote)
        if len(picks) < k:
            rest = np.setdiff1d(np.arange(len(xyz)), rows, assume_unique=True)
            xr = block_of(rest, _dots(xyz[rest], centre), share_of(rest))
            picks += self._tiers(rest, xr, k - len(picks), INFEASIBLE_PENALTY, demote)
        return picks

    def _tiers(
        self,
        rows: np.ndarray,
        x: np.ndarray,
        k: int,
        penalty: float,
        demote: Callable[[np.ndarray], np.ndarray] | None,
    ) -> list[tuple[int, float, np.ndarray]]:
        """Best ``k`` of ``rows`` (features ``x``); rows ``demote`` marks come after the rest."""
        low = np.zeros(len(rows), dtype=bool) if demote is None else demote(x)
        picks: list[tuple[int, float, np.ndarray]] = []
        for tier, mask in enumerate((~low, low)):
            if len(picks) >= k or not mask.any():
                continue
            cols = np.flatnonzero(mask)
            top, scores = self._order(x[:, cols], k - len(picks))
            picks += [
                (int(rows[cols[i]]), float(s) - penalty - tier * DEMOTED_PENALTY, x[:, cols[i]])
                for i, s in zip(top, scores, strict=True)
            ]
        return picks

    def _feasible(
        self,
        place: tuple[np.ndarray, np.ndarray, np.ndarray | float],
        share_of: Callable[[np.ndarray], np.ndarray],
        rows: np.ndarray | None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Rows within travel range (of ``rows``, or all), their dots, availability and fit."""
        xyz, centre, cos_radius = place
        if rows is None:
            dots, threshold = _dots(xyz, centre), cos_radius
        else:
            dots = _dots(xyz[rows], centre)
            threshold = cos_radius if np.ndim(cos_radius) == 0 else np.asarray(cos_radius)[rows]
        within = dots >= threshold
        near = np.flatnonzero(within) if rows is None else rows[within]
        share = share_of(near)
        return near, dots[within], share, share >= self.min_availability

    def _explain(
        self,
        job: Job,
        worker: Worker,
        feats: np.ndarray,
        profiles: tuple[Profile, Profile],
        space: SkillSpace,
        audience: str,
    ) -> tuple[tuple[Phrase, ...], bool]:
        return explain(
            job, worker, feats=feats, names=FEATURE_NAMES, reasons=REASONS, profiles=profiles,
            space=space, seasons=self.seasons or (), min_availability=self.min_availability,
            audience=audience,
        )  # fmt: skip

    def _match_for_job(
        self, q: JobQuery, wi: WorkerIndex, row: int, score: float, feats: np.ndarray
    ) -> Match:
        worker = wi.workers[row]
        reasons, ok = self._explain(
            q.job, worker, feats, (q.profile, wi.profiles[row]), wi.space, "employer"
        )
        return Match(worker.id, score, reasons, ok)

    def _match_for_worker(
        self, q: WorkerQuery, ji: JobIndex, row: int, score: float, feats: np.ndarray
    ) -> Match:
        job = ji.jobs[row]
        reasons, ok = self._explain(
            job, q.worker, feats, (ji.profiles[row], q.profile), ji.space, "worker"
        )
        return Match(job.id, score, reasons, ok)
