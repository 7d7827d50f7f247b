"""Offline evaluation helpers: a leak-free split, NDCG@k and recall@k."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from matching import Interaction, MatchRanker
from matching.evaluation import evaluate_logged, ndcg_at_k, recall_at_k, split_by_job_and_time

from .conftest import make_job, make_worker


def test_split_keeps_every_test_job_out_of_training():
    jobs = [make_job(f"j{i}", start=date(2025, 1, 1) + timedelta(days=i)) for i in range(10)]
    logs = [Interaction(j.id, w, applied=w % 2 == 0, hired=False) for j in jobs for w in range(5)]
    split = split_by_job_and_time(jobs, logs, test_size=0.3)
    assert [j.id for j in split.test_jobs] == ["j7", "j8", "j9"]  # the latest
    train_ids = {it.job_id for it in split.train}
    assert train_ids.isdisjoint(j.id for j in split.test_jobs)
    assert {it.job_id for it in split.test} == {"j7", "j8", "j9"}
    assert len(split.train) + len(split.test) == len(logs)
    with pytest.raises(ValueError):
        split_by_job_and_time(jobs, logs, test_size=1.0)


def test_ndcg_and_recall_reward_putting_the_hire_first():
    relevance = {"a": 1.0, "b": 0.0, "c": 1.0}
    assert ndcg_at_k(["a", "c", "b"], relevance, k=2) == pytest.approx(1.0)
    assert ndcg_at_k(["b", "a", "c"], relevance, k=2) < ndcg_at_k(["a", "b", "c"], relevance, k=2)
    assert ndcg_at_k(["b"], {"b": 0.0}, k=10) == 0.0
    assert recall_at_k(["a", "b", "c"], ["a", "c"], k=1) == 0.5
    assert recall_at_k(["a"], [], k=1) == 0.0


def test_evaluate_logged_scores_a_ranker_on_logged_candidates(taxonomy):
    jobs = [make_job(f"j{i}", skills=("cleaning.cleaner",)) for i in range(3)]
    workers = [
        make_worker(1, km=1, skills=("cleaning.cleaner",)),
        make_worker(2, km=9, skills=("catering.cook",)),
    ]
    logs = [Interaction(j.id, 1, True, True) for j in jobs] + [
        Interaction(j.id, 2, False, False) for j in jobs
    ]
    result = evaluate_logged(MatchRanker(taxonomy=taxonomy), jobs, workers, logs, k=10)
    assert result == {"ndcg": 1.0, "recall": 1.0, "jobs": 3.0}
