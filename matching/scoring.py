"""Turning features into the two sides' estimates and combining them.

Each side is a logit: the worker side estimates P(applied | shown), the employer side
P(hired | applied). Before ``fit`` both are hand-set linear rules (the prior).
"""

from __future__ import annotations

import numpy as np
from sklearn.pipeline import Pipeline

from .features import FEATURE_NAMES

__all__ = ["PRIOR_WORKER", "PRIOR_EMPLOYER", "combine_logits", "fold_linear", "COMBINE_MODES"]

COMBINE_MODES = ("product", "geometric", "min")


def _weights(bias: float, **by_name: float) -> tuple[np.ndarray, float]:
    coef = np.zeros(len(FEATURE_NAMES))
    for name, value in by_name.items():
        coef[FEATURE_NAMES.index(name)] = value
    return coef, bias


# Cold-start rules. A worker wants work that fits their skills, is near relative to how far
# they travel, fits their dates and pays at least what they expect.
PRIOR_WORKER = _weights(
    -2.0,
    skill_best=3.0,
    skill_coverage=1.0,
    distance_share=-2.5,
    availability_share=1.5,
    pay_vs_expected=1.5,
    job_log_pay=0.5,
)
# An employer wants the required skills covered and someone who shows up; smoothed
# reliability and rating keep newcomers (0.9, 4.5) level with an average regular.
PRIOR_EMPLOYER = _weights(
    -12.0,
    skill_coverage=3.0,
    skill_best=1.0,
    reliability=6.0,
    rating=1.0,
    log_completed=0.2,
    distance_share=-0.5,
)


def log_sigmoid(x: np.ndarray) -> np.ndarray:
    """``log(1 / (1 + exp(-x)))`` without overflow."""
    return -np.logaddexp(0.0, -x)


def combine_logits(worker: np.ndarray, employer: np.ndarray, mode: str, alpha: float) -> np.ndarray:
    """Combine the two sides' logits into one log-score; a match needs both sides.

    ``product`` is log P(apply) + log P(hire | apply); ``geometric`` weighs the worker side by
    ``alpha`` and the employer side by ``1 - alpha``; ``min`` keeps the weaker side.
    """
    lw, le = log_sigmoid(worker), log_sigmoid(employer)
    if mode == "product":
        return lw + le
    if mode == "geometric":
        return alpha * lw + (1.0 - alpha) * le
    if mode == "min":
        return np.minimum(lw, le)
    raise ValueError(f"combine must be one of {COMBINE_MODES}, got {mode!r}")


def fold_linear(pipeline: Pipeline) -> tuple[np.ndarray, float]:
    """Fold a fitted StandardScaler + LogisticRegression into raw-feature weights."""
    scaler, model = pipeline[0], pipeline[-1]
    coef = model.coef_.ravel() / scaler.scale_
    intercept = float(model.intercept_[0] - coef @ scaler.mean_)
    return coef, intercept
