"""A fitted gradient-boosted ensemble flattened into numpy arrays for small-batch prediction.

``HistGradientBoostingClassifier.decision_function`` validates its input and walks its trees
one Python call at a time with OpenMP threads; for the hundred rows of a re-rank that overhead
is most of the cost. Here every tree is walked at once, level by level, in plain numpy. The
result equals ``decision_function`` (checked when compiling; any mismatch keeps the original).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["CompiledTrees", "compile_trees"]


class CompiledTrees:
    """All trees of a binary HistGradientBoostingClassifier as flat node arrays.

    Leaves point to themselves, so walking past a leaf stays on it.
    """

    def __init__(self, model: Any) -> None:
        nodes = [p.nodes for (p,) in model._predictors]
        sizes = np.array([len(n) for n in nodes])
        base = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        flat = np.concatenate(nodes)
        offset = np.repeat(base, sizes)
        own = np.arange(len(flat))
        leaf = flat["is_leaf"].astype(bool)
        self.feature = np.where(leaf, 0, flat["feature_idx"]).astype(np.intp)
        self.threshold = np.where(leaf, np.inf, flat["num_threshold"])
        self.left = np.where(leaf, own, flat["left"] + offset).astype(np.intp)
        self.right = np.where(leaf, own, flat["right"] + offset).astype(np.intp)
        self.missing_left = flat["missing_go_to_left"].astype(bool)
        self.value = np.where(leaf, flat["value"], 0.0)
        self.roots = base.astype(np.intp)
        self.depth = max((_depth(n) for n in nodes), default=0)
        self.baseline = float(np.ravel(model._baseline_prediction)[0])

    def decision_function(self, x: np.ndarray) -> np.ndarray:
        """Raw scores (log-odds) of rows ``x``, shape (n_rows,)."""
        x = np.ascontiguousarray(x, dtype=np.float64)
        n_rows, n_cols = x.shape
        flat = x.ravel()
        start = (np.arange(n_rows) * n_cols)[:, None]
        node = np.broadcast_to(self.roots, (n_rows, self.roots.size))
        has_nan = bool(np.isnan(flat).any())
        for _ in range(self.depth):
            values = flat.take(start + self.feature.take(node))
            left = values <= self.threshold.take(node)
            if has_nan:
                left |= np.isnan(values) & self.missing_left.take(node)
            node = np.where(left, self.left.take(node), self.right.take(node))
        return self.value.take(node).sum(axis=1) + self.baseline


def _depth(nodes: np.ndarray) -> int:
    depth, stack = 0, [(0, 0)]
    while stack:
        i, d = stack.pop()
        if nodes["is_leaf"][i]:
            depth = max(depth, d)
        else:
            stack += [(int(nodes["left"][i]), d + 1), (int(nodes["right"][i]), d + 1)]
    return depth


def compile_trees(model: Any, sample: np.ndarray) -> Any:
    """The compiled ensemble if it reproduces ``model`` on ``sample``; else ``model`` itself."""
    try:
        compiled = CompiledTrees(model)
        expected = model.decision_function(sample)
        if np.allclose(compiled.decision_function(sample), expected, rtol=1e-9, atol=1e-9):
            return compiled
    except (AttributeError, KeyError, ValueError, TypeError):
        pass
    return model
