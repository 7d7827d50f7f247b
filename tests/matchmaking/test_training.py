"""`flask matching train` learns from logged impressions and applications and is picked up."""

import copy
import logging
import pickle
from datetime import date

import numpy as np

from marketplace.matchmaking import models_store
from marketplace.matchmaking.index import market_index, taxonomy_from_db
from marketplace.matchmaking.training import logged_interactions
from marketplace.models import db
from marketplace.seeding.demo import generate_demo
from matching import FEATURE_NAMES, Interaction, Job, MatchRanker, Worker


def test_train_saves_a_model_the_app_then_uses(app, tmp_path, monkeypatch):
    """Training prints prior vs trained on held-out gigs and the index loads the new model."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    generate_demo(scale=0.05, today=date(2026, 7, 1))
    db.session.commit()
    interactions = logged_interactions()
    assert any(not i.applied for i in interactions) and any(i.hired for i in interactions)
    result = app.test_cli_runner().invoke(args=["matching", "train", "--min-interactions", "20"])
    assert result.exit_code == 0, result.output
    assert "NDCG@10" in result.output and "trained" in result.output
    saved = sorted(models_store.models_dir(str(tmp_path)).glob("ranker-*.pkl"))
    assert len(saved) == 1 and saved[0].with_suffix(".json").exists()
    snap = market_index().get()
    assert snap.model_version == saved[0].stem
    assert hasattr(snap.ranker, "worker_model_")


def test_corrupt_model_falls_back_to_prior(app, tmp_path):
    """A damaged model file never breaks ranking: the prior is used."""
    folder = models_store.models_dir(str(tmp_path))
    folder.mkdir(parents=True)
    (folder / "ranker-29990101000000.pkl").write_bytes(b"not a pickle")
    ranker, version = models_store.load_newest(str(tmp_path), taxonomy_from_db())
    assert version == models_store.PRIOR
    assert not hasattr(ranker, "worker_model_")


def test_too_few_interactions_keeps_prior(app, tmp_path, monkeypatch):
    """With nothing logged, training refuses clearly and saves nothing."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    result = app.test_cli_runner().invoke(args=["matching", "train"])
    assert result.exit_code != 0 and "not enough" in result.output
    assert not models_store.models_dir(str(tmp_path)).exists()


def _fitted_ranker(taxonomy) -> MatchRanker:
    """A small ranker fitted (linear stage only) on a made-up market of cleaners."""
    workers = [
        Worker(i, 29.87 + i * 1e-3, 121.55, skills=("cleaning.cleaner",), completed=i % 7)
        for i in range(30)
    ]
    jobs = [
        Job(
            f"j{d}",
            29.87,
            121.55,
            date(2026, 7, d),
            date(2026, 7, d),
            20_000,
            ("cleaning.cleaner",),
        )
        for d in range(1, 11)
    ]
    logs = [
        Interaction(j.id, w.id, applied=w.completed < 3, hired=w.completed < 3 and w.id % 2 == 0)
        for j in jobs
        for w in workers
    ]
    return MatchRanker(taxonomy=taxonomy, model="logistic").fit(jobs, workers, logs)


def _save_as(folder, version: str, ranker: MatchRanker) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{version}.pkl").write_bytes(pickle.dumps(ranker))


def test_model_fitted_on_other_features_is_not_loaded(app, tmp_path, monkeypatch, caplog):
    """A saved model whose features are not today's is skipped: the older one is served."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    taxonomy = taxonomy_from_db()
    current = _fitted_ranker(taxonomy)
    assert current.feature_names_ == FEATURE_NAMES
    renamed = copy.deepcopy(current)  # as if fitted before a feature was added
    renamed.feature_names_ = FEATURE_NAMES[:-1]
    unrecorded = copy.deepcopy(current)  # saved before models recorded their features
    del unrecorded.feature_names_
    folder = models_store.models_dir(str(tmp_path))
    _save_as(folder, "ranker-20260101000000", current)
    _save_as(folder, "ranker-20260201000000", unrecorded)
    _save_as(folder, "ranker-20260301000000", renamed)
    with caplog.at_level(logging.WARNING, logger=models_store.__name__):
        ranker, version = models_store.load_newest(str(tmp_path), taxonomy)
    assert version == "ranker-20260101000000"
    np.testing.assert_array_equal(ranker.worker_linear_[0], current.worker_linear_[0])
    assert "ranker-20260301000000" in caplog.text and FEATURE_NAMES[-1] in caplog.text
    assert "ranker-20260201000000" in caplog.text
    assert market_index().get().model_version == "ranker-20260101000000"


def test_only_stale_models_fall_back_to_prior(app, tmp_path, monkeypatch):
    """With no saved model on today's features the untrained prior ranks."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    stale = _fitted_ranker(taxonomy_from_db())
    stale.feature_names_ = (*FEATURE_NAMES[:3], "retired_feature", *FEATURE_NAMES[3:])
    _save_as(models_store.models_dir(str(tmp_path)), "ranker-20260301000000", stale)
    snap = market_index().get()
    assert snap.model_version == models_store.PRIOR
    assert not hasattr(snap.ranker, "worker_linear_")
