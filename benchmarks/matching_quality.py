"""Ranking quality of MatchRanker on a synthetic market with hidden two-sided preferences.

Logs come from a logging policy (the prior's top 20 with 30% of slots replaced by random
feasible workers); outcomes are sampled from the hidden truth (``market.py``). The ranker is
fitted on the earlier 80% of jobs and evaluated on the latest 20%: for each held-out job every
worker gets a freshly sampled outcome (hired or not), and each method ranks the whole pool.
The baselines (random, distance only, skills only) rank the feasible workers only; the
oracle ranks by the true P(apply) * P(hire | apply). "NDCG@10 on true p" uses those true
probabilities as graded relevance instead of one sampled outcome (less noisy).

Run: ``.venv/bin/python benchmarks/matching_quality.py`` (about a minute; ``N_JOBS``,
``EPSILON`` and ``SEED`` in the environment change log volume, exploration and draw).
Prints a table.
"""

from __future__ import annotations

import os
import time

import numpy as np
from market import Market
from synthetic import SEEDS, World

from matching import Interaction, MatchRanker, Taxonomy, load_seasons
from matching.evaluation import ndcg_at_k, recall_at_k, split_by_job_and_time

N_WORKERS, N_JOBS, SHOWN, EPSILON, K, SEED = (
    3000,
    int(os.environ.get("N_JOBS", 16000)),
    20,
    float(os.environ.get("EPSILON", 0.3)),
    10,
    int(os.environ.get("SEED", 7)),
)


def log_impressions(
    market: Market, ranker: MatchRanker, rng: np.random.Generator
) -> list[Interaction]:
    """Show each job's top ``SHOWN`` by the prior, some swapped for random feasible workers."""
    logs = []
    for j, job in enumerate(market.jobs):
        p_apply, p_hire = market.true_probs(j)
        feasible = np.flatnonzero(p_apply > 0)
        shown = [m.id for m in ranker.rank_workers(job, market.workers, k=SHOWN) if m.feasible]
        for slot in range(len(shown)):
            if rng.random() < EPSILON and feasible.size:
                shown[slot] = int(rng.choice(feasible))
        for w in dict.fromkeys(shown):
            applied = rng.random() < p_apply[w]
            logs.append(Interaction(job.id, int(w), applied, applied and rng.random() < p_hire[w]))
    return logs


def baselines(market: Market, j: int, rng: np.random.Generator) -> dict[str, list[int]]:
    """Rankings of the feasible pool by random order, distance alone and skills alone."""
    job, workers = market.jobs[j], market.workers
    pool = np.flatnonzero(market.true_probs(j)[0] > 0)
    dist = np.hypot(market.lat[pool] - job.lat, (market.lon[pool] - job.lon) * 0.87)
    need = set(job.skills)
    overlap = (
        np.array([len(need.intersection(workers[w].skills)) for w in pool])
        + rng.random(pool.size) * 0.1
    )
    return {
        "random": list(rng.permutation(pool)),
        "distance only": list(pool[np.argsort(dist)]),
        "skills only": list(pool[np.argsort(-overlap)]),
    }


def evaluate(
    market: Market, test_ids: list[int], rankers: dict[str, MatchRanker], rng
) -> dict[str, dict]:
    """Mean NDCG@K and recall@K per method over held-out jobs with at least one sampled hire."""
    scores: dict[str, dict[str, list[float]]] = {}
    for j in test_ids:
        p_apply, p_hire = market.true_probs(j)
        p = p_apply * p_hire
        hired = np.flatnonzero(rng.random(p.size) < p)
        if not hired.size:
            continue
        sampled = dict.fromkeys(hired.tolist(), 1.0)
        expected = {int(w): float(p[w]) for w in np.flatnonzero(p)}
        runs = baselines(market, j, rng)
        for name, ranker in rankers.items():
            runs[name] = [m.id for m in ranker.rank_workers(market.jobs[j], market.workers, k=K)]
        runs["oracle (true preference)"] = list(np.argsort(-p)[:K])
        for name, ranked in runs.items():
            s = scores.setdefault(name, {"ndcg": [], "recall": [], "expected": []})
            s["ndcg"].append(ndcg_at_k(ranked, sampled, K))
            s["recall"].append(recall_at_k(ranked, hired.tolist(), K))
            s["expected"].append(ndcg_at_k(ranked, expected, K))
    return {
        name: {m: float(np.mean(v)) for m, v in s.items()} | {"jobs": len(s["ndcg"])}
        for name, s in scores.items()
    }


def main() -> None:
    t0 = time.perf_counter()
    rng = np.random.default_rng(SEED)
    market = Market(World.load(), N_WORKERS, N_JOBS, seed=SEED)
    params = dict(
        taxonomy=Taxonomy.from_csv(SEEDS / "skills.csv"),
        seasons=load_seasons(SEEDS / "seasons.csv"),
        min_availability=1.0,  # the market's jobs need the worker every day
    )
    prior = MatchRanker(**params)
    logs = log_impressions(market, prior, rng)
    split = split_by_job_and_time(market.jobs, logs, test_size=0.2)
    t_fit = time.perf_counter()
    trained = MatchRanker(**params, random_state=0).fit(
        split.train_jobs, market.workers, split.train
    )
    linear = MatchRanker(**params, model="logistic").fit(
        split.train_jobs, market.workers, split.train
    )
    t_fit = time.perf_counter() - t_fit
    rankers = {
        "prior (cold start)": prior,
        "trained, logistic only": linear,
        "trained (hgb re-rank)": trained,
    }
    results = evaluate(market, [int(j.id) for j in split.test_jobs], rankers, rng)
    oracle = results["oracle (true preference)"]
    n_applied = sum(i.applied for i in split.train)
    n_hired = sum(i.hired for i in split.train)
    n_train, n_test = len(split.train_jobs), len(split.test_jobs)
    print(
        f"\nMatchRanker quality: {N_WORKERS} workers, {N_JOBS} jobs ({n_train} train /"
        f" {n_test} held-out, latest by start date); {len(split.train)} logged impressions,"
        f" {n_applied} applications, {n_hired} hires; ε = {EPSILON}"
    )
    print(f"| {'method':<26} | NDCG@{K} | recall@{K} | NDCG@{K} / oracle | NDCG@{K} on true p |")
    print(f"|{'-' * 28}|{'-' * 9}|{'-' * 11}|{'-' * 18}|{'-' * 20}|")
    order = ["random", "distance only", "skills only", *rankers, "oracle (true preference)"]
    for name in order:
        r = results[name]
        ratio = r["ndcg"] / oracle["ndcg"]
        print(
            f"| {name:<26} | {r['ndcg']:7.3f} | {r['recall']:9.3f} | {ratio:16.2f} |"
            f" {r['expected']:18.3f} |"
        )
    total = time.perf_counter() - t0
    print(
        f"{oracle['jobs']} held-out jobs with a sampled hire; fit {t_fit:.1f} s, all {total:.0f} s"
    )


if __name__ == "__main__":
    main()
