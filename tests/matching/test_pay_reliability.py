"""Pay against expectation, and reliability smoothed so newcomers are not buried."""

from __future__ import annotations

from .conftest import ids, make_job, make_worker


def test_worker_sees_better_paid_gigs_first_with_the_margin(ranker):
    worker = make_worker(expected_daily_pay_fen=20_000, skills=("cleaning.cleaner",))
    jobs = [
        make_job("low", daily_pay_fen=16_000, skills=("cleaning.cleaner",)),
        make_job("high", daily_pay_fen=22_000, skills=("cleaning.cleaner",)),
    ]
    matches = ranker.rank_jobs(worker, jobs, k=2)
    assert ids(matches) == ["high", "low"]
    assert "日薪高于期望 10%" in matches[0].reasons
    assert "日薪低于期望 20%" in matches[1].reasons
    en = ranker.rank_jobs(worker, jobs, k=2, lang="en")
    assert "Daily pay 10% above expectation" in en[0].reasons


def test_newcomer_is_not_buried_under_an_unreliable_veteran(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    newcomer = make_worker(1, km=3, skills=("cleaning.cleaner",))
    flaky = make_worker(2, km=3, skills=("cleaning.cleaner",), completed=10, no_shows=6, rating=3.0)
    matches = ranker.rank_workers(job, [flaky, newcomer], k=2)
    assert ids(matches) == [1, 2]
    assert "新人，暂无评价" in matches[0].reasons


def test_proven_worker_edges_out_a_newcomer(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    newcomer = make_worker(1, km=3, skills=("cleaning.cleaner",))
    proven = make_worker(2, km=3, skills=("cleaning.cleaner",), completed=12, rating=4.8)
    matches = ranker.rank_workers(job, [newcomer, proven], k=2)
    assert ids(matches) == [2, 1]
    assert "评分 4.8（12 单）" in matches[0].reasons
    assert "Rated 4.8 (12 shifts)" in ranker.rank_workers(job, [proven], k=1, lang="en")[0].reasons


def test_one_bad_rating_does_not_sink_a_newcomer(ranker):
    """Smoothing: a single 3-star shift weighs like one shift, not like a verdict."""
    job = make_job(skills=("cleaning.cleaner",))
    unlucky = make_worker(1, km=2, skills=("cleaning.cleaner",), completed=1, rating=3.0)
    average = make_worker(2, km=2.5, skills=("cleaning.cleaner",), completed=20, rating=4.3)
    top = ranker.rank_workers(job, [unlucky, average], k=2)
    assert abs(top[0].score - top[1].score) < 0.5
