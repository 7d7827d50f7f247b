"""The pair features in one place: each one's name, computation, prior weights and reason.

``FEATURES`` is the single source: the feature order (``FEATURE_NAMES``), the rule-based
prior's weight vectors (``matching.scoring``) and the reasons shown beside a ranked pair
(``REASONS``) are all derived from it. To add a feature, add one ``Feature`` entry with its
computation from ``Pairs``; to remove one, delete its entry. An input not yet in ``Pairs``
becomes a new field, filled in ``features.workers_block`` and ``features.jobs_block``; a
history feature is a row computed by ``matching.history``. Models record the features they
were fitted on (``MatchRanker.feature_names_``): retrain after a change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .availability import ANY_TIME
from .history import HISTORY_FEATURES
from .reasons import DISTANCE, PAY, RELIABILITY, SKILLS, TIME, Reason

__all__ = ["Feature", "Pairs", "FEATURES", "FEATURE_NAMES", "REASONS", "prior_weights"]

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Pairs:
    """What the features of many (job, worker) pairs are computed from.

    Each field is an array over the pairs or a value shared by all of them.

    Parameters
    ----------
    dist : ndarray
        Great-circle distance in km.
    radius : ndarray
        The worker's travel radius (``max_travel_km``).
    avail_share : ndarray
        Share of the job's days the worker is free for.
    win_start : ndarray of int
        Starts of the worker's date windows, shape (n, n_windows).
    skill_best, skill_cover : ndarray
        Best weighted skill similarity and coverage of the job's required codes.
    job_log_pay : ndarray or float
        ``log(daily pay / PAY_SCALE_FEN)`` of the job.
    exp_log_pay : ndarray
        The same for the worker's expected pay (0 when unknown).
    pay_known : ndarray of bool
        Whether the worker gave an expected pay.
    reliability, rating, log_completed : ndarray
        The worker's smoothed show-up rate, smoothed mean stars and ``log1p(completed)``.
    job_days : ndarray of int or int
        Number of working days of the job.
    history : ndarray
        The worker's history features, shape (len(HISTORY_FEATURES), n).
    """

    dist: Array
    radius: Array
    avail_share: Array
    win_start: npt.NDArray[np.int64]
    skill_best: Array
    skill_cover: Array
    job_log_pay: Array | float
    exp_log_pay: Array
    pay_known: npt.NDArray[np.bool_]
    reliability: Array
    rating: Array
    log_completed: Array
    job_days: npt.NDArray[np.int64] | int
    history: Array


@dataclass(frozen=True)
class Feature:
    """One pair feature.

    Parameters
    ----------
    name : str
        Unique name; models record the names they were fitted on.
    compute : callable
        ``compute(pairs)`` returns the feature over all pairs (an array or a shared scalar).
    prior_worker, prior_employer : float
        Weight in the cold-start rule of the worker side (P(applied)) and of the employer
        side (P(hired | applied)); 0 leaves the feature to the learned models.
    reason : Reason or None
        The reason (``matching.reasons``) that puts this feature into words beside a ranked
        pair; several features may share one. ``None`` when it is never explained.
    doc : str, default=""
        What the feature measures, when the name does not say.
    """

    name: str
    compute: Callable[[Pairs], npt.ArrayLike]
    prior_worker: float
    prior_employer: float
    reason: Reason | None
    doc: str = ""


def _history(name: str) -> Callable[[Pairs], npt.ArrayLike]:
    """The row of ``Pairs.history`` holding history feature ``name`` (see matching.history)."""
    row = HISTORY_FEATURES.index(name)
    return lambda p: p.history[row]


# Cold-start rules. A worker wants work that fits their skills, is near relative to how far
# they travel, fits their dates and pays at least what they expect. An employer wants the
# required skills covered and someone who shows up; smoothed reliability and rating keep
# newcomers (0.9, 4.5) level with an average regular.
FEATURES: tuple[Feature, ...] = (
    # Feature(name, compute, prior_worker, prior_employer, reason, doc=...)
    Feature("distance_km", lambda p: p.dist, 0.0, 0.0, DISTANCE),
    Feature(
        "distance_share", lambda p: p.dist / np.maximum(p.radius, 0.1), -2.5, -0.5, DISTANCE,
        doc="distance / the worker's travel radius",
    ),
    Feature(
        "skill_best", lambda p: p.skill_best, 3.0, 1.0, SKILLS,
        doc="best weighted similarity of any job skill to any worker skill",
    ),
    Feature(
        "skill_coverage", lambda p: p.skill_cover, 1.0, 3.0, SKILLS,
        doc="mean over the job's required codes of the best similarity",
    ),
    Feature(
        "availability_share", lambda p: p.avail_share, 1.5, 0.0, TIME,
        doc="share of the job's days the worker can work",
    ),
    Feature(
        "seasonal_worker", lambda p: p.win_start[..., 0] != ANY_TIME[0], 0.0, 0.0, TIME,
        doc="the worker gave date windows (e.g. free only in 休渔期)",
    ),
    Feature(
        "pay_vs_expected",
        lambda p: np.clip(p.job_log_pay - p.exp_log_pay, -1.0, 1.0) * p.pay_known, 1.5, 0.0, PAY,
        doc="log(offer / expectation), clipped to [-1, 1]; 0 when unknown",
    ),
    Feature("pay_known", lambda p: p.pay_known, 0.0, 0.0, PAY),
    Feature("job_log_pay", lambda p: p.job_log_pay, 0.5, 0.0, None),
    Feature(
        "reliability", lambda p: p.reliability, 0.0, 6.0, RELIABILITY,
        doc="smoothed show-up rate",
    ),
    Feature("rating", lambda p: p.rating, 0.0, 1.0, RELIABILITY, doc="smoothed mean stars"),
    Feature("log_completed", lambda p: p.log_completed, 0.0, 0.2, RELIABILITY),
    Feature("job_log_days", lambda p: np.log(p.job_days), 0.0, 0.0, None),
    Feature(
        "travel_radius", lambda p: p.radius / 20.0, 0.0, 0.0, None,
        doc="the worker's max_travel_km / 20",
    ),
    # Learned from past outcomes (matching.history); 0 before fit and for unseen workers.
    Feature("history_apply_lift", _history("history_apply_lift"), 0.0, 0.0, None),
    Feature("history_hire_lift", _history("history_hire_lift"), 0.0, 0.0, None),
    Feature("history_log_shown", _history("history_log_shown"), 0.0, 0.0, None),
    Feature(
        "history_category_apply_lift", _history("history_category_apply_lift"), 0.0, 0.0, None,
        doc="for jobs of this category, over the worker's own rate",
    ),
)  # fmt: skip

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
# Every reason some feature is explained by, each once, in the order first referenced.
REASONS: tuple[Reason, ...] = tuple(
    dict.fromkeys(f.reason for f in FEATURES if f.reason is not None)
)

if len(set(FEATURE_NAMES)) != len(FEATURE_NAMES):
    raise ValueError(f"feature names must be unique: {FEATURE_NAMES}")


def prior_weights(side: str) -> Array:
    """The cold-start weights of ``side`` ("worker" or "employer"), in ``FEATURE_NAMES`` order.

    Parameters
    ----------
    side : {"worker", "employer"}
        Which side's rule.

    Returns
    -------
    ndarray of shape (len(FEATURES),)
    """
    if side not in ("worker", "employer"):
        raise ValueError(f"side must be 'worker' or 'employer', got {side!r}")
    attr = f"prior_{side}"
    return np.array([getattr(f, attr) for f in FEATURES], dtype=np.float64)
