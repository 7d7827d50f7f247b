"""The feature registry is the single source of names, computations, prior weights and reasons."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pytest

from matching import MatchRanker, features, scoring
from matching.history import HISTORY_FEATURES
from matching.reasons import PAY, Reason, explain
from matching.registry import FEATURE_NAMES, FEATURES, REASONS, Feature, Pairs, prior_weights
from matching.skillspace import SkillSpace, build_profiles

from .conftest import make_job, make_worker
from .test_ranker import market, veterans_ignored_logs


def test_feature_names_and_order_come_from_the_registry():
    assert FEATURE_NAMES == tuple(f.name for f in FEATURES)
    assert features.FEATURE_NAMES is FEATURE_NAMES
    assert features.N_FEATURES == len(FEATURES) == len(set(FEATURE_NAMES))
    history = [f.name for f in FEATURES if f.name.startswith("history_")]
    assert tuple(history) == HISTORY_FEATURES  # the rows matching.history computes


def test_prior_weights_are_the_registry_entries_in_order():
    for (weights, _bias), side in (
        (scoring.PRIOR_WORKER, "worker"),
        (scoring.PRIOR_EMPLOYER, "employer"),
    ):
        assert weights.shape == (len(FEATURES),)
        np.testing.assert_array_equal(weights, [getattr(f, f"prior_{side}") for f in FEATURES])
        np.testing.assert_array_equal(weights, prior_weights(side))
    worker = dict(zip(FEATURE_NAMES, scoring.PRIOR_WORKER[0], strict=True))
    employer = dict(zip(FEATURE_NAMES, scoring.PRIOR_EMPLOYER[0], strict=True))
    assert worker["skill_best"] == 3.0 and worker["distance_share"] == -2.5
    assert employer["reliability"] == 6.0 and employer["history_apply_lift"] == 0.0
    with pytest.raises(ValueError, match="side"):
        prior_weights("platform")


def test_every_feature_states_its_reason_or_none():
    """``reason`` has no default: an entry must name a Reason or say None explicitly."""
    field = {f.name: f for f in dataclasses.fields(Feature)}["reason"]
    assert field.default is dataclasses.MISSING
    assert all(f.reason is None or isinstance(f.reason, Reason) for f in FEATURES)
    explained = {f.name for f in FEATURES if f.reason is not None}
    assert {"distance_km", "availability_share", "skill_best", "reliability"} <= explained
    assert not explained & set(HISTORY_FEATURES)
    assert set(REASONS) == {f.reason for f in FEATURES if f.reason is not None}
    assert len(REASONS) == len(set(REASONS))


def test_assembled_rows_are_each_features_computation():
    rng = np.random.default_rng(0)
    n = 5
    pairs = Pairs(
        dist=rng.uniform(0, 30, n),
        radius=rng.uniform(5, 25, n),
        avail_share=rng.uniform(0, 1, n),
        win_start=rng.integers(1, 800_000, (n, 2)),
        skill_best=rng.uniform(0, 1, n),
        skill_cover=rng.uniform(0, 1, n),
        job_log_pay=0.1,
        exp_log_pay=rng.normal(0, 0.3, n),
        pay_known=rng.random(n) < 0.5,
        reliability=rng.uniform(0.5, 1, n),
        rating=rng.uniform(3, 5, n),
        log_completed=rng.uniform(0, 3, n),
        job_days=3,
        history=rng.normal(size=(len(HISTORY_FEATURES), n)),
    )
    x = features.assemble(pairs)
    assert x.shape == (len(FEATURES), n)
    for row, feature in zip(x, FEATURES, strict=True):
        np.testing.assert_array_equal(row, np.broadcast_to(feature.compute(pairs), n))


def test_explain_writes_the_registry_reasons_only():
    """Reasons come from the registry: leave one out and its words are gone."""
    worker = make_worker(1, km=2, skills=("cleaning.cleaner",), expected_daily_pay_fen=20_000)
    job = make_job(skills=("cleaning.cleaner",), daily_pay_fen=22_000, start=date(2025, 7, 8))
    feats = np.zeros(len(FEATURES))
    feats[FEATURE_NAMES.index("distance_km")] = 2.0
    feats[FEATURE_NAMES.index("availability_share")] = 1.0
    profiles = build_profiles([job.skills, worker.skills], ["", ""], None)
    space = SkillSpace(list(job.skills), None)
    common = dict(
        feats=feats, names=FEATURE_NAMES, profiles=(profiles[0], profiles[1]), space=space,
        seasons=(), min_availability=0.5, audience="worker",
    )  # fmt: skip
    everything, ok = explain(job, worker, reasons=REASONS, **common)
    texts = [str(r) for r in everything]
    assert ok and "Daily pay 10% above expectation" in texts and texts[0] == "2.0 km away"
    without_pay, _ = explain(job, worker, reasons=[r for r in REASONS if r != PAY], **common)
    assert without_pay == tuple(r for r in everything if not str(r).startswith("Daily pay"))


def test_fit_records_the_feature_names(taxonomy):
    workers, jobs = market()
    fitted = MatchRanker(taxonomy=taxonomy, model="logistic").fit(
        jobs, workers, veterans_ignored_logs(workers, jobs)
    )
    assert fitted.feature_names_ == FEATURE_NAMES
    assert fitted.n_features_in_ == len(fitted.feature_names_)
    assert not hasattr(MatchRanker(), "feature_names_")
