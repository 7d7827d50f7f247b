"""Pages per second of the marketplace against a bare Flask + sqlite3 + Jinja reference.

Run: ``.venv/bin/python benchmarks/web_throughput.py`` (about two minutes: it seeds a demo
market into a temporary SQLite database first; ``--database PATH`` reuses a migrated, seeded
one). It starts gunicorn (2 gthread workers × 4 threads) for the app and for
``benchmarks/bare_reference.py`` on the same database, signs a worker and an employer in,
drives every page with 16 keep-alive connections for a fixed time, one page after the other,
and prints requests/s, p50 and p99 and the ratio to the reference page: the reference gig list
for the list and the dashboards, the reference gig page for the gig page. A second app server
with ``PAGE_CACHE_SECONDS=0`` shows the pages rendered on every request. Asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_WORKER, DEMO_EMPLOYER, DEMO_PASSWORD = "13800000001", "13800000002", "demo1234"
TARGET_RATIO, TARGET_P99_MS = 0.7, 100.0
ROUNDS = 3  # each page is driven in this many slices, interleaved with the others


Target = tuple[int, str, str]  # port, path, session cookie


@dataclass
class Result:
    """What one page served in one run."""

    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        """Successful requests per second."""
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in milliseconds."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0


def _run(args: list[str], env: dict) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def seed_demo(folder: Path) -> Path:
    """A migrated SQLite database with the reference data and the demo market."""
    env = _app_env(folder / "demo.db", folder)
    print("seeding the demo market (flask db upgrade; flask seed --demo) …", flush=True)
    _run([str(BIN / "flask"), "--app", "app", "db", "upgrade"], env)
    _run([str(BIN / "flask"), "--app", "app", "seed", "--demo"], env)
    return folder / "demo.db"


def _app_env(database: Path, folder: Path) -> dict:
    return os.environ | {
        "DATABASE_URL": f"sqlite:///{database}",
        "INSTANCE_PATH": str(folder / "instance"),
        "PYTHONPATH": str(ROOT),
    }


def start_gunicorn(app: str, port: int, env: dict, chdir: Path) -> subprocess.Popen:
    """gunicorn with 2 gthread workers × 4 threads (as README's deployment), once it answers."""
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4"]
        + ["--chdir", str(chdir), "-b", f"127.0.0.1:{port}", "--log-level", "warning", app],
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/gigs")
            conn.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{app} did not answer on port {port}")


def sign_in(port: int, mobile: str) -> str:
    """The session cookie of a demo account, signed in through the sign-in form."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/account/login")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise RuntimeError("no CSRF token on the sign-in page")
    body = f"mobile={mobile}&password={DEMO_PASSWORD}&csrf_token={token.group(1)}"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    conn.request("POST", "/account/login", body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    if response.status != 302:
        raise RuntimeError(f"sign-in of {mobile} answered {response.status}")
    return response.getheader("Set-Cookie", "").split(";")[0]


def _client(port: int, path: str, cookie: str, stop: float, out: list, lock: threading.Lock):
    """One keep-alive connection sending requests until ``stop``."""
    headers = {"Cookie": cookie} if cookie else {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, errors = [], 0
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            ok = False
        if ok:
            latencies.append((time.perf_counter() - started) * 1000)
        else:
            errors += 1
    with lock:
        out.append((latencies, errors))


def _burst(port: int, path: str, cookie: str, connections: int, seconds: float) -> Result:
    out: list = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, path, cookie, stop, out, lock))
        for _ in range(connections)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies = [ms for chunk, _ in out for ms in chunk]
    return Result(len(latencies), sum(e for _, e in out), time.monotonic() - started, latencies)


def drive(targets: list[Target], connections: int, seconds: float, rounds: int) -> list[Result]:
    """Every target in turn, ``rounds`` times, each for ``seconds / rounds`` (after a short
    warm-up): other load on the machine then weighs on every page alike."""
    for target in targets:
        _burst(*target, connections, 0.5)
    results = [Result(0, 0, 0.0, []) for _ in targets]
    for _ in range(rounds):
        for target, total in zip(targets, results, strict=True):
            part = _burst(*target, connections, seconds / rounds)
            total.requests += part.requests
            total.errors += part.errors
            total.seconds += part.seconds
            total.latencies_ms += part.latencies_ms
    return results


def first_gig_id(port: int) -> int:
    """The newest open gig on the list (the same for the app and the reference)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/gigs")
    found = re.search(r'href="/gigs/(\d+)"', conn.getresponse().read().decode())
    if found is None:
        raise RuntimeError("no gig on the list")
    return int(found.group(1))


def report(rows: list[tuple[str, Result, Result | None, Result | None]]) -> None:
    """The table: requests/s, p50, p99, and the ratios to the reference pages."""
    print(
        "\n| page | requests/s | p50 ms | p99 ms | errors | × reference list | × reference page |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, result, bare_list, bare_page in rows:
        ratios = [
            f"{result.per_second / bare.per_second:.2f}" if bare else ""
            for bare in (bare_list, bare_page)
        ]
        print(
            f"| {name} | {result.per_second:.0f} | {result.percentile(50):.1f} "
            f"| {result.percentile(99):.1f} | {result.errors} | {ratios[0]} | {ratios[1]} |"
        )
    print(f"\ntargets: ≥ {TARGET_RATIO}× the reference list, p99 ≤ {TARGET_P99_MS:.0f} ms")


def main() -> None:
    """Seed or reuse a demo database, start both servers, drive every page, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a migrated, seeded SQLite database")
    parser.add_argument("--seconds", type=float, default=9.0, help="per page (default 9)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--port", type=int, default=8531, help="the app's; the reference's + 1, uncached app's + 2"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="web-throughput-") as tmp:
        folder = Path(tmp)
        database = options.database.resolve() if options.database else seed_demo(folder)
        app_env = _app_env(database, folder)
        bare_env = os.environ | {"BARE_DATABASE": str(database)}
        app, bare, uncached = options.port, options.port + 1, options.port + 2
        servers = [
            start_gunicorn("app:app", app, app_env, ROOT),
            start_gunicorn("bare_reference:app", bare, bare_env, ROOT / "benchmarks"),
            start_gunicorn("app:app", uncached, app_env | {"PAGE_CACHE_SECONDS": "0"}, ROOT),
        ]
        try:
            worker = sign_in(app, DEMO_WORKER)
            employer = sign_in(app, DEMO_EMPLOYER)
            gig = first_gig_id(app)
            pages = [
                ("reference: gig list (Flask + sqlite3 + Jinja)", (bare, "/gigs", "")),
                ("reference: gig page", (bare, f"/gigs/{gig}", "")),
                ("/gigs", (app, "/gigs", "")),
                ("/gigs, page cache off", (uncached, "/gigs", "")),
                ("/gigs?q=保洁, page cache off", (uncached, "/gigs?q=%E4%BF%9D%E6%B4%81", "")),
                (f"/gigs/{gig}", (app, f"/gigs/{gig}", "")),
                (f"/gigs/{gig}, page cache off", (uncached, f"/gigs/{gig}", "")),
                (f"/gigs/{gig}, signed-in worker", (app, f"/gigs/{gig}", worker)),
                ("/dashboard (worker)", (app, "/dashboard", worker)),
                ("/dashboard (employer)", (app, "/dashboard", employer)),
            ]
            results = drive(
                [target for _, target in pages], options.connections, options.seconds, ROUNDS
            )
        finally:
            for server in servers:
                server.terminate()
                server.wait()
    bare_list, bare_page = results[0], results[1]
    rows = [
        (name, result, None, None) for (name, _), result in zip(pages[:2], results[:2], strict=True)
    ]
    for (name, (_, path, _)), result in zip(pages[2:], results[2:], strict=True):
        rows.append((name, result, bare_list, bare_page if path.startswith("/gigs/") else None))
    report(rows)


if __name__ == "__main__":
    main()
