"""Pay against expectation, and reliability smoothed so newcomers are not buried."""

from __future__ import annotations

from dataclasses import replace

from .conftest import CENTRE, ids, make_job, make_worker, said


def test_worker_sees_better_paid_gigs_first_with_the_margin(ranker):
    worker = make_worker(expected_daily_pay_fen=20_000, skills=("cleaning.cleaner",))
    jobs = [
        make_job("low", daily_pay_fen=16_000, skills=("cleaning.cleaner",)),
        make_job("high", daily_pay_fen=22_000, skills=("cleaning.cleaner",)),
    ]
    matches = ranker.rank_jobs(worker, jobs, k=2)
    assert ids(matches) == ["high", "low"]
    assert "Daily pay 10% above expectation" in said(matches[0])
    assert "Daily pay 20% below expectation" in said(matches[1])


def test_newcomer_is_not_buried_under_an_unreliable_veteran(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    newcomer = make_worker(1, km=3, skills=("cleaning.cleaner",))
    flaky = make_worker(2, km=3, skills=("cleaning.cleaner",), completed=10, no_shows=6, rating=3.0)
    matches = ranker.rank_workers(job, [flaky, newcomer], k=2)
    assert ids(matches) == [1, 2]
    assert "New here, not yet rated" in said(matches[0])


def test_proven_worker_edges_out_a_newcomer(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    newcomer = make_worker(1, km=3, skills=("cleaning.cleaner",))
    proven = make_worker(2, km=3, skills=("cleaning.cleaner",), completed=12, rating=4.8)
    matches = ranker.rank_workers(job, [newcomer, proven], k=2)
    assert ids(matches) == [2, 1]
    assert "Rated 4.8 (12 shifts)" in said(matches[0])


def test_one_bad_rating_does_not_sink_a_newcomer(ranker):
    """Smoothing: a single 3-star shift weighs like one shift, not like a verdict."""
    job = make_job(skills=("cleaning.cleaner",))
    unlucky = make_worker(1, km=2, skills=("cleaning.cleaner",), completed=1, rating=3.0)
    average = make_worker(2, km=2.5, skills=("cleaning.cleaner",), completed=20, rating=4.3)
    top = ranker.rank_workers(job, [unlucky, average], k=2)
    assert abs(top[0].score - top[1].score) < 0.5


def test_gig_far_below_expectation_never_tops_a_fitting_gig_that_pays(ranker):
    """Pay under 80% of the expectation is said first and ranks after every fitting gig."""
    worker = make_worker(expected_daily_pay_fen=30_000, skills=("cleaning.cleaner",), km=0)
    cheap_near = make_job("cheap", daily_pay_fen=20_000, skills=("cleaning.cleaner",))
    fair = make_job("fair", daily_pay_fen=28_000, skills=("cleaning.greening",))
    fair_far = replace(fair, lat=CENTRE[0] + 0.15)  # about 17 km north, a kin skill only
    matches = ranker.rank_jobs(worker, [cheap_near, fair_far], k=2)
    assert ids(matches) == ["fair", "cheap"] and all(m.feasible for m in matches)
    assert said(matches[1])[0] == "Daily pay 33% below expectation"
    assert said(matches[0])[0].endswith("km away")  # 7% below is not far below: not first


def test_only_far_below_gigs_still_show_with_the_shortfall_first(ranker):
    worker = make_worker(expected_daily_pay_fen=30_000, skills=("cleaning.cleaner",))
    cheap = make_job("cheap", daily_pay_fen=20_000, skills=("cleaning.cleaner",))
    (match,) = ranker.rank_jobs(worker, [cheap], k=1)
    assert match.feasible and said(match)[0] == "Daily pay 33% below expectation"
