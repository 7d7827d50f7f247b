"""Trained rankers as versioned files in instance/models/, with their metrics beside them."""

from __future__ import annotations

import json
import logging
import pickle
from datetime import UTC, datetime
from pathlib import Path

from matching import FEATURE_NAMES, MatchRanker, Taxonomy

log = logging.getLogger(__name__)
PRIOR = "prior"


def models_dir(instance_path: str) -> Path:
    """Where trained rankers are kept."""
    return Path(instance_path) / "models"


def save(ranker: MatchRanker, metrics: dict, instance_path: str) -> str:
    """Write the ranker and its metrics; returns the new version name."""
    folder = models_dir(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    version = datetime.now(UTC).strftime("ranker-%Y%m%d%H%M%S")
    (folder / f"{version}.pkl").write_bytes(pickle.dumps(ranker))
    (folder / f"{version}.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False))
    return version


def feature_mismatch(ranker: MatchRanker) -> str | None:
    """Why a saved ranker's features are not today's (``matching.FEATURE_NAMES``), or None."""
    names = getattr(ranker, "feature_names_", None)
    if names is None:
        return "it records no feature names"
    names = tuple(names)
    if names == FEATURE_NAMES:
        return None
    gone = [n for n in names if n not in FEATURE_NAMES]
    new = [n for n in FEATURE_NAMES if n not in names]
    if gone or new:
        return f"features removed since: {gone or 'none'}; added since: {new or 'none'}"
    return "its features are in another order"


def load_newest(instance_path: str, taxonomy: Taxonomy) -> tuple[MatchRanker, str]:
    """The newest usable trained ranker, or the untrained prior when none loads.

    A model fitted on other features than today's (or saved before models recorded their
    ``feature_names_``) would score the wrong columns, so it is skipped like a corrupt file.
    """
    for path in sorted(models_dir(instance_path).glob("ranker-*.pkl"), reverse=True):
        try:
            ranker = pickle.loads(path.read_bytes())  # noqa: S301 — our own files in instance/
        except Exception:  # a corrupt or incompatible file must not take the site down
            log.exception("cannot load %s; trying an older model", path.name)
            continue
        if not isinstance(ranker, MatchRanker):
            continue
        why = feature_mismatch(ranker)
        if why is not None:
            log.warning("not using %s (%s); trying an older model", path.name, why)
            continue
        return ranker, path.stem
    return MatchRanker(taxonomy=taxonomy), PRIOR
