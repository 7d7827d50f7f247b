"""Latency of MatchRanker on a city-sized market: 100,000 workers and 20,000 open gigs.

Run: ``.venv/bin/python benchmarks/matching_latency.py``. Prints a table; asserts nothing.
"""

from __future__ import annotations

import resource
import time

import numpy as np
from synthetic import SEEDS, World, make_jobs, make_workers

from matching import Interaction, MatchRanker, Taxonomy, load_seasons
from matching.index import WorkerIndex

N_WORKERS, N_JOBS, N_QUERIES, K = 100_000, 20_000, 400, 10


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def bandwidth_gb_s() -> float:
    """Best-of-5 memcpy bandwidth of a 256 MB numpy copy (bytes read per second)."""
    src = np.ones(32 * 2**20)
    dst = np.empty_like(src)
    best = min(_timed(lambda: np.copyto(dst, src)) for _ in range(5))
    return src.nbytes / best / 1e9


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def scanned_bytes(wi: WorkerIndex) -> int:
    """Bytes a full scan of the worker features reads."""
    arrays = [wi.xyz, wi.cos_radius, wi.radius_km, wi.win_start, wi.win_end, wi.weekdays, wi.exp_log_pay,
              wi.pay_known, wi.reliability, wi.rating, wi.log_completed, wi.skills_csc.data,
              wi.skills_csc.indices]  # fmt: skip
    return sum(a.nbytes for a in arrays)


def train(ranker: MatchRanker, workers, jobs, rng: np.random.Generator) -> None:
    """Fit on logs of 400 gigs shown 30 candidates each (outcomes favour near, skilled matches)."""
    sample = workers[:10_000]
    logs = []
    for job in jobs[:400]:
        for rank, m in enumerate(ranker.rank_workers(job, sample, k=30)):
            applied = rng.random() < 0.5 / (1 + rank / 5) * (
                0.5 + 0.5 * ("技能" in " ".join(m.reasons))
            )
            logs.append(Interaction(job.id, m.id, applied, applied and rng.random() < 0.5))
    ranker.fit(jobs[:400], sample, logs)


def latency(fn, queries) -> np.ndarray:
    """Milliseconds per call, after a warm-up."""
    for q in queries[:20]:
        fn(q)
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1e3)
    return np.array(out)


def main() -> None:
    rng = np.random.default_rng(0)
    world = World.load()
    base_rss = rss_mb()
    workers = make_workers(world, N_WORKERS, seed=1)
    jobs = make_jobs(world, N_JOBS, seed=2)
    records_rss = rss_mb()
    ranker = MatchRanker(
        taxonomy=Taxonomy.from_csv(SEEDS / "skills.csv"),
        seasons=load_seasons(SEEDS / "seasons.csv"),
    )
    train(ranker, workers, jobs, rng)
    ranker.set_params(taxonomy=Taxonomy.from_csv(SEEDS / "skills.csv"))  # cold text cache
    t = time.perf_counter()
    wi = ranker.build_index(workers)
    build_w = time.perf_counter() - t
    t = time.perf_counter()
    ji = ranker.build_job_index(jobs)
    build_j = time.perf_counter() - t
    index_rss = rss_mb()
    qjobs = [jobs[i] for i in rng.choice(N_JOBS, N_QUERIES, replace=False)]
    qworkers = [workers[i] for i in rng.choice(N_WORKERS, N_QUERIES, replace=False)]
    rw = latency(lambda j: ranker.rank_workers(j, wi, k=K), qjobs)
    rj = latency(lambda w: ranker.rank_jobs(w, ji, k=K), qworkers)
    lists = latency(lambda j: ranker.rank_workers(j, workers, k=K), qjobs[:50])
    prior = MatchRanker(taxonomy=ranker.taxonomy)
    rp = latency(lambda j: prior.rank_workers(j, wi, k=K), qjobs)
    floor_ms = scanned_bytes(wi) / (bandwidth_gb_s() * 1e9) * 1e3
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _table(
        rw,
        rj,
        rp,
        lists,
        build_w,
        build_j,
        floor_ms,
        scanned_bytes(wi),
        base_rss,
        records_rss,
        index_rss,
        peak,
        wi,
        ji,
    )


def _table(
    rw, rj, rp, lists, build_w, build_j, floor_ms, nbytes, base, records, index, peak, wi, ji
) -> None:
    def row(name: str, value: str, target: str = "") -> None:
        print(f"| {name:<52} | {value:>14} | {target:>12} |")

    print(
        f"\nMatchRanker latency: {len(wi):,} workers, {len(ji):,} open gigs, k={K}, {N_QUERIES} queries"
    )
    print(f"| {'measure':<52} | {'value':>14} | {'target':>12} |")
    print(f"|{'-' * 54}|{'-' * 16}|{'-' * 14}|")
    row("rank_workers, fitted (hgb re-rank), median", f"{np.median(rw):.2f} ms", "≤ 5 ms")
    row("rank_workers, fitted (hgb re-rank), p95", f"{np.percentile(rw, 95):.2f} ms", "≤ 15 ms")
    row(
        "rank_workers, prior (before fit), median / p95",
        f"{np.median(rp):.2f} / {np.percentile(rp, 95):.2f} ms",
    )
    row("rank_workers on the cached plain list, median", f"{np.median(lists):.2f} ms")
    row("rank_jobs, fitted, median", f"{np.median(rj):.2f} ms", "≤ 5 ms")
    row("rank_jobs, fitted, p95", f"{np.percentile(rj, 95):.2f} ms")
    row("build worker index (100k, cold text cache)", f"{build_w:.2f} s", "≤ 10 s")
    row("build job index (20k)", f"{build_j:.2f} s")
    row("resident memory: interpreter + libraries", f"{base:.0f} MB")
    row("resident memory: + records (workers, gigs)", f"{records:.0f} MB")
    row("resident memory: + both indexes", f"{index:.0f} MB")
    row("peak resident memory (ru_maxrss)", f"{peak:.0f} MB", "≤ 500 MB")
    row(f"bandwidth floor: full scan of {nbytes / 2**20:.1f} MB of features", f"{floor_ms:.3f} ms")


if __name__ == "__main__":
    main()
