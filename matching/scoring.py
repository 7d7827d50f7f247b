"""Turning features into the two sides' estimates and combining them.

Each side is a logit: the worker side estimates P(applied | shown), the employer side
P(hired | applied). Before ``fit`` both are hand-set linear rules (the prior), whose
per-feature weights are declared with the features in ``matching.registry``.
"""

from __future__ import annotations

import numpy as np
from sklearn.pipeline import Pipeline

from .registry import prior_weights

__all__ = ["PRIOR_WORKER", "PRIOR_EMPLOYER", "combine_logits", "fold_linear", "COMBINE_MODES"]

COMBINE_MODES = ("product", "geometric", "min")


# Cold-start rules: (weights over FEATURE_NAMES, intercept) per side. The weights are the
# features' prior_worker / prior_employer in ``matching.registry``; the intercepts live here.
PRIOR_WORKER: tuple[np.ndarray, float] = (prior_weights("worker"), -2.0)
PRIOR_EMPLOYER: tuple[np.ndarray, float] = (prior_weights("employer"), -12.0)


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
