"""MatchRanker: a two-sided ranker of workers for a job and of jobs for a worker."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from .availability import Season
from .features import JobQuery, WorkerQuery, job_share, worker_share
from .index import IndexCache, JobIndex, WorkerIndex
from .learning import fit_sides, pair_features
from .records import Interaction, Job, Match, Worker
from .registry import FEATURE_NAMES
from .scoring import COMBINE_MODES, PRIOR_EMPLOYER, PRIOR_WORKER, combine_logits
from .search import CandidateSearch, far_below_pay
from .taxonomy import Taxonomy
from .trees import compile_trees

__all__ = ["MatchRanker"]

INFEASIBLE_PENALTY = 1000.0


class MatchRanker(CandidateSearch, BaseEstimator):
    """Rank workers for a job and jobs for a worker, with reasons.

    Works before ``fit`` with a rule-based prior; after ``fit`` uses a worker-side model of
    P(applied) and an employer-side model of P(hired | applied), combined so a match needs both.
    Ranking is two-stage: a vectorised linear score over every feasible candidate, then the
    gradient-boosted models re-rank the best ``n_shortlist``.

    Parameters
    ----------
    taxonomy : Taxonomy, default=None
        Skill families, categories, names and synonyms. Without it codes match exactly or by
        their prefix before '.', and free text is ignored.
    seasons : sequence of Season, default=None
        Seasonal windows (``seeds/seasons.csv``) used to word reasons such as "休渔期可上工".
    combine : {"product", "geometric", "min"}, default="product"
        How the worker-side and employer-side estimates combine.
    alpha : float, default=0.5
        Weight of the worker side when ``combine="geometric"``.
    model : {"hgb", "logistic"}, default="hgb"
        Learned re-ranker: gradient boosting on the shortlist, or the linear stage alone.
    n_shortlist : int, default=100
        Candidates re-ranked by the gradient-boosted models.
    candidates : {"related", "all"}, default="related"
        Where ``rank_workers`` looks: workers with a skill related to the job (same code,
        family or category; looked up in an inverted index), falling back to everyone when
        fewer than ``n_shortlist`` (or ``2 k``) of them qualify; or always everyone.
    min_availability : float, default=0.5
        Share of a job's days a worker must be free for; a hard constraint.
    family_weight, category_weight : float, default=0.5, 0.2
        Similarity credited to a skill in the same family, or only the same category.
    max_iter, learning_rate, max_leaf_nodes, max_depth : int, float, int, int or None
        Passed to ``HistGradientBoostingClassifier``; shallow trees keep the re-rank fast.
    C : float, default=1.0
        Inverse regularisation of the logistic first stage.
    random_state : int, RandomState instance or None, default=None
        Seed of the gradient-boosting validation split.

    Attributes
    ----------
    worker_linear_, employer_linear_ : tuple of (ndarray, float)
        Learned first-stage weights over ``FEATURE_NAMES`` and intercepts.
    worker_model_, employer_model_ : HistGradientBoostingClassifier or None
        Learned re-rankers (``None`` with ``model="logistic"`` or too few outcomes).
    rerankers_ : tuple or None
        The two re-rankers flattened for fast small-batch prediction (``matching.trees``).
    feature_names_ : tuple of str
        The features (``matching.registry.FEATURE_NAMES``) the models were fitted on, in
        column order; a saved model whose names differ from the current registry's must not
        be served.
    n_features_in_ : int
        Number of pair features.
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        seasons: Sequence[Season] | None = None,
        combine: str = "product",
        alpha: float = 0.5,
        model: str = "hgb",
        n_shortlist: int = 100,
        candidates: str = "related",
        min_availability: float = 0.5,
        family_weight: float = 0.5,
        category_weight: float = 0.2,
        max_iter: int = 100,
        learning_rate: float = 0.1,
        max_leaf_nodes: int = 15,
        max_depth: int | None = 6,
        C: float = 1.0,
        random_state: int | np.random.RandomState | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.seasons = seasons
        self.combine = combine
        self.alpha = alpha
        self.model = model
        self.n_shortlist = n_shortlist
        self.candidates = candidates
        self.min_availability = min_availability
        self.family_weight = family_weight
        self.category_weight = category_weight
        self.max_iter = max_iter
        self.learning_rate = learning_rate
        self.max_leaf_nodes = max_leaf_nodes
        self.max_depth = max_depth
        self.C = C
        self.random_state = random_state

    # ------------------------------------------------------------------ learning
    def fit(
        self,
        jobs: Sequence[Job],
        workers: Sequence[Worker] | WorkerIndex,
        interactions: Sequence[Interaction],
    ) -> MatchRanker:
        """Learn both sides from logged outcomes.

        Parameters
        ----------
        jobs : sequence of Job
            Jobs the interactions refer to.
        workers : sequence of Worker or WorkerIndex
            Workers the interactions refer to.
        interactions : sequence of Interaction
            One per impression: whether the worker applied and whether they were hired.

        Returns
        -------
        self : MatchRanker
        """
        if self.combine not in COMBINE_MODES:
            raise ValueError(f"combine must be one of {COMBINE_MODES}, got {self.combine!r}")
        if self.model not in ("hgb", "logistic"):
            raise ValueError(f"model must be 'hgb' or 'logistic', got {self.model!r}")
        wi = workers if isinstance(workers, WorkerIndex) else self.build_index(workers)
        x, applied, hired, self.history_ = pair_features(
            jobs, wi, interactions, self.taxonomy, self.family_weight, self.category_weight
        )
        fitted = fit_sides(x, applied, hired, self.get_params())
        self.worker_linear_, self.employer_linear_, self.worker_model_, self.employer_model_ = (
            fitted
        )
        self.rerankers_ = None
        if self.worker_model_ is not None and self.employer_model_ is not None:
            sample = x[:500]
            self.rerankers_ = (
                compile_trees(self.worker_model_, sample),
                compile_trees(self.employer_model_, sample),
            )
        self.feature_names_ = FEATURE_NAMES
        self.n_features_in_ = len(FEATURE_NAMES)
        return self

    # ------------------------------------------------------------------ scoring
    def _linear(self) -> tuple[tuple[np.ndarray, float], tuple[np.ndarray, float]]:
        if hasattr(self, "worker_linear_"):
            return self.worker_linear_, self.employer_linear_
        return PRIOR_WORKER, PRIOR_EMPLOYER

    def score_features(self, x: np.ndarray) -> np.ndarray:
        """First-stage log-scores of features shaped (n_features, n_pairs)."""
        (cw, bw), (ce, be) = self._linear()
        # einsum, not BLAS: a threaded gemv stalls on a busy machine and gains nothing here
        worker, employer = np.einsum("f,fn->n", cw, x) + bw, np.einsum("f,fn->n", ce, x) + be
        return combine_logits(worker, employer, self.combine, self.alpha)

    def _order(self, x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the best ``k`` columns of ``x`` and their scores, best first."""
        scores = self.score_features(x)
        n = scores.shape[0]
        keep = np.arange(n)
        rerankers = getattr(self, "rerankers_", None)
        limit = max(self.n_shortlist, k) if rerankers is not None else k
        if n > limit:
            keep = np.argpartition(-scores, limit - 1)[:limit]
        if rerankers is not None and keep.size:
            xs = x[:, keep].T
            sides = rerankers[0].decision_function(xs), rerankers[1].decision_function(xs)
            scores = combine_logits(*sides, self.combine, self.alpha)
        else:
            scores = scores[keep]
        order = np.argsort(-scores, kind="stable")[:k]
        return keep[order], scores[order]

    # ------------------------------------------------------------------ indexes
    def build_index(self, workers: Sequence[Worker]) -> WorkerIndex:
        """Index workers once for many ``rank_workers`` calls."""
        return WorkerIndex.build(workers, self.taxonomy)

    def build_job_index(self, jobs: Sequence[Job]) -> JobIndex:
        """Index open jobs once for many ``rank_jobs`` calls."""
        return JobIndex.build(jobs, self.taxonomy)

    def _cached(self, kind: str, items: Any) -> Any:
        if isinstance(items, WorkerIndex | JobIndex):
            return items
        cache: IndexCache = self.__dict__.setdefault("_index_cache", IndexCache())
        build = self.build_index if kind == "workers" else self.build_job_index
        return cache.get((kind, id(self.taxonomy)), items, build)

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_index_cache", None)
        return state

    # ------------------------------------------------------------------ ranking
    def rank_workers(
        self, job: Job, workers: Sequence[Worker] | WorkerIndex, k: int = 10
    ) -> list[Match]:
        """The best ``k`` workers for ``job``, with 2–4 reasons each.

        Parameters
        ----------
        job : Job
            The gig to staff.
        workers : sequence of Worker or WorkerIndex
            Candidates; a plain sequence is indexed once and cached by identity and length.
        k : int, default=10
            How many to return.

        Returns
        -------
        list of Match
            Best first. Workers beyond their travel radius or not free for the job's dates
            are left out unless fewer than ``k`` remain; then they come last, ``feasible``
            is False and the first reason says why.
        """
        wi: WorkerIndex = self._cached("workers", workers)
        q = JobQuery.of(job, self.taxonomy)
        share_of = partial(worker_share, q, wi)
        pool = None
        if self.candidates == "related":
            pool = wi.related(q.profile, self.family_weight, self.category_weight)
        place = (wi.xyz, q.xyz, wi.cos_radius)
        picks = self._scan(k, place, share_of, self._worker_block(q, wi), pool)
        return [self._match_for_job(q, wi, row, score, feats) for row, score, feats in picks]

    def rank_jobs(self, worker: Worker, jobs: Sequence[Job] | JobIndex, k: int = 10) -> list[Match]:
        """The best ``k`` open jobs for ``worker``, with 2–4 reasons each.

        Parameters
        ----------
        worker : Worker
            The worker to find gigs for.
        jobs : sequence of Job or JobIndex
            Open gigs; a plain sequence is indexed once and cached by identity and length.
        k : int, default=10
            How many to return.

        Returns
        -------
        list of Match
            Best first; gigs breaking a hard constraint only fill up a short list, last. A gig
            whose pay is far below the worker's expectation (under ``FAR_BELOW_EXPECTED`` of
            it, ``matching.wording``) comes after every other gig of its kind, and its first
            reason after any breach states the shortfall.
        """
        ji: JobIndex = self._cached("jobs", jobs)
        q = WorkerQuery.of(worker, self.taxonomy)
        share_of = partial(job_share, q, ji)
        place = (ji.xyz, q.index.xyz[0], float(q.index.cos_radius[0]))
        picks = self._scan(k, place, share_of, self._job_block(q, ji), demote=far_below_pay)
        return [self._match_for_worker(q, ji, row, score, feats) for row, score, feats in picks]
