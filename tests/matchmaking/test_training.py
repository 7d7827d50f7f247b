"""`flask matching train` learns from logged impressions and applications and is picked up."""

from datetime import date

from marketplace.matchmaking import models_store
from marketplace.matchmaking.index import market_index, taxonomy_from_db
from marketplace.matchmaking.training import logged_interactions
from marketplace.models import db
from marketplace.seeding.demo import generate_demo


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
