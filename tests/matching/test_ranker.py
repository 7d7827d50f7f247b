"""MatchRanker as an estimator: cold start, learning, reasons, cloning, pickling, indexes."""

from __future__ import annotations

import pickle
from datetime import date, timedelta

import numpy as np
import pytest
from sklearn.base import clone

from matching import MESSAGES, Interaction, Job, MatchRanker, Phrase, Worker
from matching.search import DEMOTED_PENALTY
from matching.wording import FAR_BELOW_EXPECTED

from .conftest import CENTRE, ids, make_job, make_worker


def market(n_workers: int = 40, n_jobs: int = 12, seed: int = 0) -> tuple[list[Worker], list[Job]]:
    """A small mixed market around the centre."""
    rng = np.random.default_rng(seed)
    skills = ["cleaning.cleaner", "domestic.housekeeping", "warehouse.loader", "catering.cook"]
    workers = [
        Worker(
            id=i,
            lat=CENTRE[0] + rng.normal(0, 0.05),
            lon=CENTRE[1] + rng.normal(0, 0.05),
            skills=(skills[i % 4],),
            completed=int(rng.integers(0, 30)),
            rating=float(rng.uniform(3.5, 5.0)),
            expected_daily_pay_fen=int(rng.integers(150, 300)) * 100,
        )
        for i in range(n_workers)
    ]
    jobs = [
        make_job(f"j{i}", start=date(2025, 7, 1) + timedelta(days=i), skills=(skills[i % 4],))
        for i in range(n_jobs)
    ]
    return workers, jobs


def veterans_ignored_logs(workers, jobs) -> list[Interaction]:
    """Logs where newcomers always apply (and half are hired) and veterans never apply."""
    return [
        Interaction(j.id, w.id, applied=w.completed < 15, hired=w.completed < 15 and w.id % 2 == 0)
        for j in jobs
        for w in workers
    ]


def test_cold_start_ranks_with_reasons_before_fit(ranker):
    workers, jobs = market()
    matches = ranker.rank_workers(jobs[0], workers, k=5)
    assert len(matches) == 5
    assert all(2 <= len(m.reasons) <= 4 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(len(m.reasons) >= 2 for m in ranker.rank_jobs(workers[0], jobs, k=5))


@pytest.mark.parametrize("model", ["hgb", "logistic"])
def test_fit_then_rank_moves_the_ranking_the_learned_way(taxonomy, model):
    workers, jobs = market()
    prior = MatchRanker(taxonomy=taxonomy)
    veteran = make_worker(1000, km=2, skills=("cleaning.cleaner",), completed=25, rating=4.9)
    newcomer = make_worker(1001, km=2, skills=("cleaning.cleaner",), completed=0)
    job = make_job("new", skills=("cleaning.cleaner",))
    assert ids(prior.rank_workers(job, [newcomer, veteran], k=2)) == [1000, 1001]
    fitted = MatchRanker(taxonomy=taxonomy, model=model, max_iter=30, random_state=0)
    assert fitted.fit(jobs, workers, veterans_ignored_logs(workers, jobs)) is fitted
    assert ids(fitted.rank_workers(job, [veteran, newcomer], k=2)) == [1001, 1000]
    assert hasattr(fitted, "worker_linear_") and fitted.n_features_in_ == 18
    assert (fitted.worker_model_ is not None) == (model == "hgb")


def test_flattened_trees_score_exactly_like_the_boosted_model(taxonomy):
    workers, jobs = market()
    fitted = MatchRanker(taxonomy=taxonomy, max_iter=30, random_state=0).fit(
        jobs, workers, veterans_ignored_logs(workers, jobs)
    )
    x = np.random.default_rng(0).normal(size=(50, fitted.n_features_in_))
    for compiled, model in zip(
        fitted.rerankers_, (fitted.worker_model_, fitted.employer_model_), strict=True
    ):
        assert type(compiled).__name__ == "CompiledTrees"
        np.testing.assert_allclose(
            compiled.decision_function(x), model.decision_function(x), rtol=1e-9
        )


def test_fit_with_one_kind_of_outcome_keeps_the_prior(ranker):
    workers, jobs = market()
    logs = [Interaction(j.id, w.id, applied=False, hired=False) for j in jobs for w in workers]
    fitted = clone(ranker).fit(jobs, workers, logs)
    assert fitted.worker_model_ is None
    assert ids(fitted.rank_workers(jobs[0], workers)) == ids(ranker.rank_workers(jobs[0], workers))


def test_reasons_are_message_ids_the_caller_translates(ranker):
    """The library writes no language: each reason is a msgid with values, in the catalog list."""
    workers, jobs = market()
    matches = ranker.rank_workers(jobs[0], workers, k=3)
    assert all(r.msgid in MESSAGES for m in matches for r in m.reasons)
    first = matches[0].reasons[0]
    assert first.msgid == "%(km).1f km away" and str(first).endswith(" km away")
    catalog = {"%(km).1f km away": "距离 %(km).1f 公里", "October": "10月"}
    assert first.render(lambda m: catalog.get(m, m)) == f"距离 {first.values['km']:.1f} 公里"
    month = Phrase.of("Not available in %(month)s", month=Phrase("October"))
    assert month.render(lambda m: catalog.get(m, m)) == "Not available in 10月"


def test_get_params_clone_and_set_params(taxonomy):
    ranker = MatchRanker(taxonomy=taxonomy, combine="geometric", alpha=0.7, n_shortlist=50)
    params = ranker.get_params()
    assert (
        params["combine"] == "geometric"
        and params["alpha"] == 0.7
        and params["taxonomy"] is taxonomy
    )
    twin = clone(ranker)
    assert twin.get_params()["n_shortlist"] == 50 and not hasattr(twin, "worker_linear_")
    assert twin.set_params(combine="min").combine == "min"


def test_unknown_combine_is_refused(ranker):
    workers, jobs = market()
    with pytest.raises(ValueError, match="combine"):
        clone(ranker).set_params(combine="sum").fit(
            jobs, workers, veterans_ignored_logs(workers, jobs)
        )


def test_combination_needs_both_sides(ranker):
    """With 'min', a worker the employer would not want cannot ride on their own eagerness."""
    job = make_job(skills=("cleaning.cleaner",), daily_pay_fen=30_000)
    eager = make_worker(1, km=1, skills=("cleaning.cleaner",), completed=10, no_shows=8, rating=2.0)
    solid = make_worker(2, km=6, skills=("cleaning.cleaner",), completed=10, rating=4.8)
    ranker = clone(ranker).set_params(combine="min")
    assert ids(ranker.rank_workers(job, [eager, solid], k=2)) == [2, 1]


def test_pickle_round_trip_keeps_the_rankings(taxonomy):
    workers, jobs = market()
    fitted = MatchRanker(taxonomy=taxonomy, max_iter=30, random_state=0).fit(
        jobs, workers, veterans_ignored_logs(workers, jobs)
    )
    before = fitted.rank_workers(jobs[1], workers, k=5)
    restored = pickle.loads(pickle.dumps(fitted))
    assert restored.rank_workers(jobs[1], workers, k=5) == before


def test_index_list_and_cache_give_the_same_ranking(ranker):
    workers, jobs = market(n_workers=200)
    index = ranker.build_index(workers)
    assert ranker.rank_workers(jobs[2], index) == ranker.rank_workers(jobs[2], workers)
    first = ranker._cached("workers", workers)
    assert ranker._cached("workers", workers) is first  # the same list is indexed once
    assert ranker._cached("workers", list(workers)) is not first
    job_index = ranker.build_job_index(jobs)
    assert ranker.rank_jobs(workers[0], job_index) == ranker.rank_jobs(workers[0], jobs)


def test_both_directions_score_a_pair_alike(ranker):
    """A worker's score for a job is the same whether ranking workers or ranking jobs.

    Ranking jobs, an offer far below the worker's expectation is demoted by a fixed offset.
    """
    workers, jobs = market()
    for worker, job in ((workers[3], jobs[3]), (workers[0], jobs[5])):
        as_candidate = next(m for m in ranker.rank_workers(job, workers, k=40) if m.id == worker.id)
        as_gig = next(m for m in ranker.rank_jobs(worker, jobs, k=12) if m.id == job.id)
        far = job.daily_pay_fen < FAR_BELOW_EXPECTED * (worker.expected_daily_pay_fen or 0)
        assert as_candidate.score - far * DEMOTED_PENALTY == pytest.approx(as_gig.score)


def test_learns_who_actually_applies(taxonomy):
    """Two workers identical on paper: the one who kept applying is shown first after fit."""
    twins = [
        make_worker(i, km=2, skills=("cleaning.cleaner",), completed=5, rating=4.5) for i in (1, 2)
    ]
    others, jobs = market()
    logs = veterans_ignored_logs(others, jobs) + [
        Interaction(j.id, w.id, applied=w.id == 2, hired=w.id == 2 and i % 2 == 0)
        for i, j in enumerate(jobs)
        for w in twins
    ]
    fitted = MatchRanker(taxonomy=taxonomy, max_iter=30, random_state=0).fit(
        jobs, [*others, *twins], logs
    )
    assert ids(fitted.rank_workers(make_job("next", skills=("cleaning.cleaner",)), twins, k=2)) == [
        2,
        1,
    ]


def test_rare_skill_falls_back_to_everyone_nearby(ranker):
    """Too few skill-related workers: near unrelated ones fill the list before anyone infeasible."""
    job = make_job(skills=("fishing.net_mending",))
    mender = make_worker(1, km=5, skills=("fishing.net_mending",))
    cooks = [make_worker(i, km=1, skills=("catering.cook",)) for i in range(2, 14)]
    far = make_worker(99, km=40, skills=("fishing.net_mending",))
    matches = ranker.rank_workers(job, [far, *cooks, mender], k=10)
    assert matches[0].id == 1 and len(matches) == 10
    assert all(m.feasible for m in matches) and 99 not in ids(matches)
