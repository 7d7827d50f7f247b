"""Fitting the two sides: a logistic first stage and an optional gradient-boosted re-rank."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .features import JobQuery, skills_vs_workers, worker_share, workers_block
from .history import History, running_history
from .index import WorkerIndex
from .records import Interaction, Job
from .scoring import PRIOR_EMPLOYER, PRIOR_WORKER, fold_linear
from .taxonomy import Taxonomy

__all__ = ["fit_sides", "pair_features"]

MIN_PER_CLASS = 5  # fewer outcomes of a kind than this and the side keeps its prior


def _enough(y: np.ndarray) -> bool:
    positives = int(y.sum())
    return positives >= MIN_PER_CLASS and y.size - positives >= MIN_PER_CLASS


def _linear(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    pipe = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
    pipe.fit(x, y)
    return fold_linear(pipe)


def _boosted(
    x: np.ndarray, y: np.ndarray, params: dict[str, Any]
) -> HistGradientBoostingClassifier:
    model = HistGradientBoostingClassifier(
        max_iter=params["max_iter"],
        learning_rate=params["learning_rate"],
        max_leaf_nodes=params["max_leaf_nodes"],
        max_depth=params["max_depth"],
        l2_regularization=1.0,
        early_stopping=x.shape[0] >= 2000,
        random_state=params["random_state"],
    )
    return model.fit(x, y)


def fit_sides(
    x: np.ndarray, applied: np.ndarray, hired: np.ndarray, params: dict[str, Any]
) -> tuple[tuple[np.ndarray, float], tuple[np.ndarray, float], Any, Any]:
    """Fit P(applied) on all impressions and P(hired | applied) on the applications.

    Returns the two linear stages and the two boosted models (``None`` when ``model`` is
    "logistic" or a side has too few outcomes of either kind to learn from).
    """
    xe, ye = x[applied], hired[applied]
    worker_lin = _linear(x, applied, params["C"]) if _enough(applied) else PRIOR_WORKER
    employer_lin = _linear(xe, ye, params["C"]) if _enough(ye) else PRIOR_EMPLOYER
    worker_model = employer_model = None
    if params["model"] == "hgb" and _enough(applied) and _enough(ye):
        worker_model = _boosted(x, applied, params)
        employer_model = _boosted(xe, ye, params)
    return worker_lin, employer_lin, worker_model, employer_model


def pair_features(
    jobs: Sequence[Job],
    workers: WorkerIndex,
    interactions: Sequence[Interaction],
    taxonomy: Taxonomy | None,
    family_weight: float,
    category_weight: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, History]:
    """Features of logged pairs, shape (n_pairs, n_features), applied and hired labels, history.

    Computed job by job with the same code that serves rankings, so training and serving agree;
    each job's history features count only jobs that started before it.
    """
    by_job: dict[Any, list[Interaction]] = {}
    for it in interactions:
        if it.worker_id in workers.pos:
            by_job.setdefault(it.job_id, []).append(it)
    history, before = running_history(jobs, by_job, taxonomy)
    blocks: list[np.ndarray] = []
    applied: list[bool] = []
    hired: list[bool] = []
    for job in jobs:
        logged = by_job.get(job.id)
        if not logged:
            continue
        q = JobQuery.of(job, taxonomy)
        rows = np.array([workers.pos[it.worker_id] for it in logged])
        skill = skills_vs_workers(q.profile, workers, rows, family_weight, category_weight)
        share = worker_share(q, workers, rows)
        dots = workers.xyz[rows] @ q.xyz
        blocks.append(workers_block(q, workers, rows, dots, share, skill, before[job.id]).T)
        applied.extend(it.applied for it in logged)
        hired.extend(it.applied and it.hired for it in logged)
    if not blocks:
        raise ValueError("no interaction refers to a given job and worker")
    labels = np.asarray(applied, dtype=np.bool_), np.asarray(hired, dtype=np.bool_)
    return np.vstack(blocks), *labels, history
