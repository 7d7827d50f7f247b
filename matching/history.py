"""What each worker did when shown jobs before: a learned, smoothed engagement record.

A worker who often applies (or is often hired once they apply) will likely do so again; the
rates are shrunk towards the overall rate so that a worker seen once is barely moved, and a
worker never seen gets exactly the overall rate (lift 0), as a newcomer should.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np

from .records import Interaction, Job
from .taxonomy import Taxonomy, family_of_code

__all__ = ["History", "HISTORY_FEATURES", "running_history", "job_category"]

HISTORY_FEATURES = (
    "history_apply_lift",
    "history_hire_lift",
    "history_log_shown",
    "history_category_apply_lift",  # for jobs of this category, over the worker's own rate
)
PSEUDO_SHOWN = 10.0  # impressions' worth of the overall rate every worker starts with
PSEUDO_APPLIED = 5.0
PSEUDO_CATEGORY = 5.0


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def job_category(job: Job, taxonomy: Taxonomy | None) -> str:
    """The job's category: its own field, else that of its first required skill."""
    if job.category or not job.skills:
        return job.category
    code = job.skills[0]
    return taxonomy.category(code) if taxonomy is not None else family_of_code(code)


class History:
    """Counts of impressions, applications and hires per worker id (and per job category)."""

    def __init__(self) -> None:
        self.counts: dict[Hashable, list[int]] = {}
        self.by_category: dict[str, dict[Hashable, list[int]]] = {}
        self.token = uuid.uuid4().hex  # identifies this record in index caches
        self.apply_rate, self.hire_rate = 0.1, 0.3

    def add(self, interactions: Iterable[Interaction], category: str = "") -> None:
        """Count more interactions, all for jobs of ``category``."""
        in_category = self.by_category.setdefault(category, {})
        for it in interactions:
            c = self.counts.setdefault(it.worker_id, [0, 0, 0])
            c[0] += 1
            c[1] += bool(it.applied)
            c[2] += bool(it.applied and it.hired)
            cc = in_category.setdefault(it.worker_id, [0, 0])
            cc[0] += 1
            cc[1] += bool(it.applied)

    def set_rates(self, apply_rate: float, hire_rate: float) -> None:
        """The overall rates every worker's record is shrunk towards."""
        self.apply_rate, self.hire_rate = apply_rate, hire_rate

    def _features(self, c: np.ndarray, cc: np.ndarray) -> np.ndarray:
        """Features from per-worker counts ``c`` (n, 3) and category counts ``cc`` (n, 2)."""
        apply = (c[:, 1] + PSEUDO_SHOWN * self.apply_rate) / (c[:, 0] + PSEUDO_SHOWN)
        hire = (c[:, 2] + PSEUDO_APPLIED * self.hire_rate) / (c[:, 1] + PSEUDO_APPLIED)
        in_category = (cc[:, 1] + PSEUDO_CATEGORY * apply) / (cc[:, 0] + PSEUDO_CATEGORY)
        return np.vstack(
            [
                _logit(apply) - _logit(self.apply_rate),
                _logit(hire) - _logit(self.hire_rate),
                np.log1p(c[:, 0]),
                _logit(in_category) - _logit(apply),
            ]
        )

    def features(self, worker_ids: Sequence[Hashable], category: str) -> np.ndarray:
        """History features of workers for a job of ``category``, shape (4, n)."""
        in_category = self.by_category.get(category, {})
        c = np.array([self.counts.get(w, (0, 0, 0)) for w in worker_ids], dtype=float)
        cc = np.array([in_category.get(w, (0, 0)) for w in worker_ids], dtype=float)
        return self._features(c.reshape(-1, 3), cc.reshape(-1, 2))

    def index_counts(
        self, pos: Mapping[Hashable, int], n: int, category: str | None = None
    ) -> np.ndarray:
        """Counts of ``n`` indexed workers (row ``pos[id]``): (n, 3), or (n, 2) in ``category``.

        Time is linear in the history, not in ``n``.
        """
        source = self.counts if category is None else self.by_category.get(category, {})
        out = np.zeros((n, 3 if category is None else 2))
        rows = [(pos[w], v) for w, v in source.items() if w in pos]
        if rows:
            out[[r for r, _ in rows]] = [v for _, v in rows]
        return out

    def features_from(self, counts: np.ndarray, category_counts: np.ndarray) -> np.ndarray:
        """History features from counts as returned by :meth:`index_counts`, shape (4, n)."""
        return self._features(counts, category_counts)

    def for_jobs(self, worker_id: Hashable, categories: Sequence[str]) -> np.ndarray:
        """One worker's history features against jobs of each of ``categories``, (4, len)."""
        c = np.tile(
            np.array(self.counts.get(worker_id, (0, 0, 0)), dtype=float), (len(categories), 1)
        )
        cc = [self.by_category.get(k, {}).get(worker_id, (0, 0)) for k in categories]
        return self._features(c, np.array(cc, dtype=float).reshape(-1, 2))


def running_history(
    jobs: Sequence[Job], by_job: dict[Hashable, list[Interaction]], taxonomy: Taxonomy | None
) -> tuple[History, dict[Hashable, np.ndarray]]:
    """History features for training, each job seeing only jobs that started before it.

    Returns the full history (for serving) and, per job id, the (3, n) features of its
    logged workers as they stood before that job, so no label leaks into its own feature.
    """
    logged = [it for j in jobs for it in by_job.get(j.id, ())]
    history = History()
    applied = [it.applied for it in logged]
    hires = [it.hired for it in logged if it.applied]
    history.set_rates(
        float(np.mean(applied)) if applied else 0.1, float(np.mean(hires)) if hires else 0.3
    )
    before: dict[Hashable, np.ndarray] = {}
    for day, group in _by_start(jobs):
        del day
        for job in group:
            ids = [it.worker_id for it in by_job.get(job.id, ())]
            before[job.id] = history.features(ids, job_category(job, taxonomy))
        for job in group:
            history.add(by_job.get(job.id, ()), job_category(job, taxonomy))
    return history, before


def _by_start(jobs: Sequence[Job]) -> list[tuple[object, list[Job]]]:
    groups: dict[object, list[Job]] = {}
    for job in sorted(jobs, key=lambda j: j.start):
        groups.setdefault(job.start, []).append(job)
    return list(groups.items())
