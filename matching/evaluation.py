"""Offline evaluation: split logged outcomes by job and time, and score rankings.

Splitting by job keeps every impression of a test job out of training (no leakage); splitting
by time puts the latest jobs in the test set, as deployment would meet them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .records import Interaction, Job

if TYPE_CHECKING:  # pragma: no cover
    from .ranker import MatchRanker
    from .records import Worker

__all__ = ["Split", "split_by_job_and_time", "ndcg_at_k", "recall_at_k", "evaluate_logged"]


@dataclass(frozen=True)
class Split:
    """Jobs and interactions for training and for testing; no job is in both."""

    train_jobs: list[Job]
    test_jobs: list[Job]
    train: list[Interaction]
    test: list[Interaction]


def split_by_job_and_time(
    jobs: Sequence[Job], interactions: Iterable[Interaction], test_size: float = 0.2
) -> Split:
    """Put the latest-starting ``test_size`` share of jobs (with all their interactions) aside.

    Parameters
    ----------
    jobs : sequence of Job
        All jobs; ordered by ``start`` then ``id`` to decide which are latest.
    interactions : iterable of Interaction
        Logged outcomes; each goes where its job goes.
    test_size : float, default=0.2
        Share of jobs held out, in (0, 1).
    """
    if not 0.0 < test_size < 1.0:
        raise ValueError(f"test_size must be in (0, 1), got {test_size}")
    ordered = sorted(jobs, key=lambda j: (j.start, str(j.id)))
    n_test = max(1, round(len(ordered) * test_size))
    train_jobs, test_jobs = ordered[:-n_test], ordered[-n_test:]
    test_ids = {j.id for j in test_jobs}
    train: list[Interaction] = []
    test: list[Interaction] = []
    for it in interactions:
        (test if it.job_id in test_ids else train).append(it)
    return Split(train_jobs, test_jobs, train, test)


def ndcg_at_k(
    ranked: Sequence[Hashable], relevance: Mapping[Hashable, float], k: int = 10
) -> float:
    """Normalised discounted cumulative gain of the first ``k`` ranked ids.

    The ideal ordering is taken over every id with a relevance, ranked or not; returns 0.0
    when nothing is relevant.
    """
    gains = np.array([relevance.get(i, 0.0) for i in ranked[:k]], dtype=float)
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    ideal = np.sort(np.array([v for v in relevance.values() if v > 0], dtype=float))[::-1][:k]
    best = float(ideal @ discounts[: ideal.size])
    return float(gains @ discounts[: gains.size]) / best if best > 0 else 0.0


def recall_at_k(ranked: Sequence[Hashable], relevant: Iterable[Hashable], k: int = 10) -> float:
    """Share of the relevant ids found in the first ``k``; 0.0 when none is relevant."""
    wanted = set(relevant)
    return len(wanted.intersection(ranked[:k])) / len(wanted) if wanted else 0.0


def evaluate_logged(
    ranker: MatchRanker,
    jobs: Sequence[Job],
    workers: Sequence[Worker],
    interactions: Iterable[Interaction],
    k: int = 10,
) -> dict[str, float]:
    """Mean NDCG@k and recall@k of re-ranking each job's logged candidates.

    Relevance is 2 for a hire, 1 for an application, 0 otherwise; jobs without any
    application are skipped. Use on the test part of :func:`split_by_job_and_time`.
    """
    by_job: dict[Hashable, dict[Hashable, float]] = {}
    for it in interactions:
        by_job.setdefault(it.job_id, {})[it.worker_id] = float(it.applied) + float(it.hired)
    by_id = {w.id: w for w in workers}
    ndcgs, recalls = [], []
    for job in jobs:
        rel = by_job.get(job.id)
        if not rel or not any(rel.values()):
            continue
        candidates = [by_id[w] for w in rel if w in by_id]
        ranked = [m.id for m in ranker.rank_workers(job, candidates, k=len(candidates))]
        ndcgs.append(ndcg_at_k(ranked, rel, k))
        recalls.append(recall_at_k(ranked, [w for w, v in rel.items() if v > 0], k))
    return {
        "ndcg": float(np.mean(ndcgs)) if ndcgs else 0.0,
        "recall": float(np.mean(recalls)) if recalls else 0.0,
        "jobs": float(len(ndcgs)),
    }
