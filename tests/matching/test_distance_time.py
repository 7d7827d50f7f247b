"""Location and dates: great-circle distance, travel radius, weekdays and seasonal windows."""

from __future__ import annotations

from datetime import date

import numpy as np

from matching.availability import available_days, merge_windows
from matching.features import haversine_km

from .conftest import ids, make_job, make_worker, said

MORATORIUM = ((date(2025, 5, 1), date(2025, 9, 16)),)


def test_distance_is_great_circle():
    # Ningbo railway station to Beilun (about 28 km as the crow flies)
    km = haversine_km(29.8633, 121.5459, 29.8990, 121.8447)
    assert 28 < km < 30
    assert abs(haversine_km(29.0, 121.0, 30.0, 121.0) - 111.19) < 0.1


def test_nearer_worker_ranks_higher(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    workers = [
        make_worker(i, km=km, skills=("cleaning.cleaner",)) for i, km in [(1, 12), (2, 2), (3, 6)]
    ]
    matches = ranker.rank_workers(job, workers, k=3)
    assert ids(matches) == [2, 3, 1]
    assert said(matches[0])[0] == "2.0 km away"


def test_beyond_travel_radius_is_excluded_while_enough_remain(ranker):
    job = make_job()
    far = make_worker(99, km=25, max_travel_km=20)
    near = [make_worker(i, km=1 + i) for i in range(3)]
    assert 99 not in ids(ranker.rank_workers(job, [far, *near], k=3))


def test_beyond_radius_comes_last_with_the_reason_when_too_few(ranker):
    job = make_job(skills=("cleaning.cleaner",))
    far = make_worker(99, km=25, max_travel_km=20, skills=("cleaning.cleaner",))
    near = make_worker(1, km=3)
    matches = ranker.rank_workers(job, [far, near], k=2)
    assert ids(matches) == [1, 99]
    assert matches[1].feasible is False and matches[0].feasible is True
    assert said(matches[1])[0] == "Beyond travel range (25.0 km > 20 km)"


def test_fisherman_free_in_moratorium_ranks_high_in_july_not_october(ranker):
    fisherman = make_worker(1, km=8, skills=("fishing.seafood_sorting",), available=MORATORIUM)
    others = [make_worker(i, km=2, skills=("retail.cashier",)) for i in range(2, 12)]
    july = make_job(start=date(2025, 7, 10), days=3, skills=("fishing.seafood_sorting",))
    october = make_job(start=date(2025, 10, 10), days=3, skills=("fishing.seafood_sorting",))
    in_july = ranker.rank_workers(july, [*others, fisherman], k=10)
    assert in_july[0].id == 1
    assert "Free during the fishing moratorium" in said(in_july[0])
    assert 1 not in ids(ranker.rank_workers(october, [*others, fisherman], k=10))
    alone = ranker.rank_workers(october, [fisherman], k=1)
    assert said(alone[0])[0] == "Not available in October"


def test_fisherman_sees_summer_jobs_first(ranker):
    fisherman = make_worker(1, skills=("fishing.deck_hand",), available=MORATORIUM)
    jobs = [
        make_job("oct", start=date(2025, 10, 2), skills=("fishing.net_mending",)),
        make_job("aug", start=date(2025, 8, 2), skills=("fishing.net_mending",)),
    ]
    matches = ranker.rank_jobs(fisherman, jobs, k=2)
    assert ids(matches) == ["aug", "oct"] and not matches[1].feasible


def test_weekday_only_worker_is_not_offered_a_saturday(ranker):
    saturday = make_job(start=date(2025, 7, 12))
    weekdays = make_worker(1, weekdays=0b0011111)
    anyday = [make_worker(i, km=5) for i in range(2, 5)]
    assert 1 not in ids(ranker.rank_workers(saturday, [weekdays, *anyday], k=3))
    assert (
        said(ranker.rank_workers(saturday, [weekdays], k=1)[0])[0] == "Not available on Saturdays"
    )


def test_available_days_counts_weekdays_inside_windows():
    windows = merge_windows(MORATORIUM)
    ws, we = np.array([w[0] for w in windows]), np.array([w[1] for w in windows])
    week = (date(2025, 9, 10).toordinal(), date(2025, 9, 20).toordinal())
    assert available_days(*week, ws, we, 0b1111111) == 7  # 10th to 16th
    assert available_days(*week, ws, we, 0b0000001) == 1  # Monday the 15th
    assert merge_windows(()) == merge_windows([])  # no windows means any time


def test_winter_lull_window_across_new_year(ranker):
    farmer = make_worker(
        1,
        skills=("farming.vegetable_farming",),
        available=((date(2025, 12, 1), date(2026, 2, 28)),),
    )
    january = make_job(start=date(2026, 1, 5), days=2, skills=("farming.vegetable_farming",))
    match = ranker.rank_workers(january, [farmer], k=1)[0]
    assert match.feasible and "Free during the farming lull" in said(match)
