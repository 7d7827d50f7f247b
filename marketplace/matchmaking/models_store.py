"""Trained rankers as versioned files in instance/models/, with their metrics beside them."""

from __future__ import annotations

import json
import logging
import pickle
from datetime import UTC, datetime
from pathlib import Path

from matching import MatchRanker

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


def load_newest(instance_path: str, taxonomy) -> tuple[MatchRanker, str]:
    """The newest usable trained ranker, or the untrained prior when none loads."""
    for path in sorted(models_dir(instance_path).glob("ranker-*.pkl"), reverse=True):
        try:
            ranker = pickle.loads(path.read_bytes())  # noqa: S301 — our own files in instance/
        except Exception:  # a corrupt or incompatible file must not take the site down
            log.exception("cannot load %s; trying an older model", path.name)
            continue
        if isinstance(ranker, MatchRanker):
            return ranker, path.stem
    return MatchRanker(taxonomy=taxonomy), PRIOR
