"""A synthetic two-sided market with hidden, nonlinear true preferences.

Nothing here is computed from the ranker's features. Each worker has hidden true skills with a
hidden quality, a hidden activity level, a hidden distance tolerance around their stated radius,
a hidden reservation wage around their stated expectation, a hidden taste per skill family,
a hidden show-up rate and a latent taste vector. What the ranker sees (listed skills, free
text, rating, completed shifts, no-shows, expected pay) is *sampled* from these hidden values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from synthetic import BASE_DAY, World

from matching import Job, Worker

LATENT_DIM = 3


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _great_circle_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


@dataclass
class Hidden:
    """The truth about workers that the ranker never sees."""

    quality: np.ndarray  # (n_workers, n_skills) true skill quality, 0 = lacks the skill
    family_taste: np.ndarray  # (n_workers, n_families)
    activity: np.ndarray
    tolerance_km: np.ndarray
    reservation_fen: np.ndarray
    show_rate: np.ndarray
    taste: np.ndarray  # (n_workers, LATENT_DIM)
    appeal: np.ndarray  # (n_workers, LATENT_DIM) what employers' latent taste responds to


class Market:
    """Workers, jobs and the true probabilities of applying and of being hired."""

    def __init__(self, world: World, n_workers: int, n_jobs: int, seed: int = 0) -> None:
        self.world = world
        self.rng = np.random.default_rng(seed)
        fams = sorted({c.split(".")[0] for c in world.codes})
        self.family_of = np.array([fams.index(c.split(".")[0]) for c in world.codes])
        self.n_fam = len(fams)
        self.hidden = self._hidden(n_workers)
        self.workers = self._workers(n_workers)
        windows = [w.available[0] if w.available else (date.min, date.min) for w in self.workers]
        self.has_window = np.array([bool(w.available) for w in self.workers])
        self.window_start = np.array([a.toordinal() for a, _ in windows])
        self.window_end = np.array([b.toordinal() for _, b in windows])
        self.jobs, self.job_skill, self.job_taste = self._jobs(n_jobs)

    # -- the hidden truth and what it shows
    def _hidden(self, n: int) -> Hidden:
        rng, world = self.rng, self.world
        quality = np.zeros((n, len(world.codes)))
        for i in range(n):
            base = rng.beta(2.5, 1.5)  # a good worker tends to be good at all their trades
            for s in world.skill_set(rng, int(rng.integers(1, 4))):
                quality[i, s] = np.clip(base + rng.normal(0, 0.1), 0.05, 1.0)
        radius = rng.choice([5.0, 10.0, 15.0, 20.0, 30.0], n)
        return Hidden(
            quality=quality,
            family_taste=rng.normal(0, 0.35, (n, self.n_fam)),
            activity=rng.normal(0, 0.6, n),
            tolerance_km=radius * rng.lognormal(0, 0.15, n),
            reservation_fen=rng.lognormal(np.log(22_000), 0.2, n),
            show_rate=rng.beta(12, 1.5, n),
            taste=rng.normal(0, 1 / np.sqrt(LATENT_DIM), (n, LATENT_DIM)),
            appeal=rng.normal(0, 1 / np.sqrt(LATENT_DIM), (n, LATENT_DIM)),
        )

    def _workers(self, n: int) -> list[Worker]:
        rng, h, world = self.rng, self.hidden, self.world
        lat, lon = world.places(rng, n, jitter_km=3.0)
        self.lat, self.lon = lat, lon
        self.radius = np.minimum(h.tolerance_km / rng.lognormal(0, 0.15, n), 40.0).round()
        out = []
        for i in range(n):
            true = np.flatnonzero(h.quality[i])
            listed = [s for s in true if rng.random() < (0.9 if h.quality[i, s] > 0.4 else 0.5)]
            if rng.random() < 0.15:
                listed.append(int(rng.integers(len(world.codes))))
            text = (
                str(rng.choice(world.synonyms[int(rng.choice(true))])) if rng.random() < 0.5 else ""
            )
            completed = int(rng.poisson(np.exp(1.6 + 0.8 * h.activity[i])))
            mean_q = h.quality[i, true].mean()
            out.append(
                Worker(
                    id=i,
                    lat=float(lat[i]),
                    lon=float(lon[i]),
                    skills=tuple(world.codes[s] for s in sorted(set(listed))),
                    text=text,
                    max_travel_km=float(max(self.radius[i], 3.0)),
                    expected_daily_pay_fen=int(h.reservation_fen[i] * rng.lognormal(0, 0.1))
                    // 100
                    * 100
                    if rng.random() < 0.8
                    else None,
                    available=self._window(rng),
                    completed=completed,
                    no_shows=int(rng.binomial(completed, 1 - h.show_rate[i])),
                    rating=round(float(np.clip(3.2 + 1.8 * mean_q + rng.normal(0, 0.2), 1, 5)), 1)
                    if completed
                    else None,
                )
            )
        return out

    def _window(self, rng: np.random.Generator) -> tuple[tuple[date, date], ...]:
        if rng.random() < 0.2:
            a = BASE_DAY + timedelta(days=int(rng.integers(-30, 150)))
            return ((a, a + timedelta(days=int(rng.integers(30, 120)))),)
        return ()

    def _jobs(self, n: int) -> tuple[list[Job], np.ndarray, np.ndarray]:
        rng, world = self.rng, self.world
        lat, lon = world.places(rng, n, jitter_km=3.0)
        self.job_lat, self.job_lon = lat, lon
        skills = np.zeros((n, len(world.codes)), dtype=bool)
        jobs = []
        for i in range(n):
            codes = world.skill_set(rng, int(rng.integers(1, 3)))
            skills[i, codes] = True
            start = BASE_DAY + timedelta(days=int(i * 240 / n))  # later ids start later
            jobs.append(
                Job(
                    id=i,
                    lat=float(lat[i]),
                    lon=float(lon[i]),
                    start=start,
                    end=start + timedelta(days=int(rng.choice([0, 0, 1, 2, 4]))),
                    daily_pay_fen=int(rng.lognormal(np.log(22_000), 0.25)) // 100 * 100,
                    skills=tuple(world.codes[c] for c in codes),
                    text=str(rng.choice(world.synonyms[codes[0]])),
                )
            )
        return jobs, skills, rng.normal(0, 1 / np.sqrt(LATENT_DIM), (n, LATENT_DIM))

    # -- true probabilities
    def true_probs(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """P(apply | shown) and P(hire | apply) of every worker for job ``j`` (0 if infeasible)."""
        h, job = self.hidden, self.jobs[j]
        d = _great_circle_km(self.lat, self.lon, self.job_lat[j], self.job_lon[j])
        need = np.flatnonzero(self.job_skill[j])
        own = h.quality[:, need].max(axis=1)
        fam = np.unique(self.family_of[need])
        kin = h.quality[:, np.isin(self.family_of, fam)].max(axis=1, initial=0.0)
        fit = np.maximum(own, 0.4 * kin)
        tol = h.tolerance_km
        apply = (
            -3.2
            + h.activity
            + 3.0 * fit
            + h.family_taste[:, fam].mean(axis=1)
            - 4.0 * _sigmoid((d - 0.6 * tol) / (0.12 * tol))
            + 1.5 * np.tanh(3 * np.log(job.daily_pay_fen / h.reservation_fen))
            + 0.4 * h.taste @ self.job_taste[j]
        )
        hire = (
            -0.5
            + 4.0 * (own - 0.5)
            + 8.0 * (h.show_rate - 0.88)
            + 0.5 * h.appeal @ self.job_taste[j]
            - 0.08 * np.maximum(d - 10.0, 0.0)
        )
        return _sigmoid(apply) * self.feasible(j, d), _sigmoid(hire)

    def feasible(self, j: int, d: np.ndarray) -> np.ndarray:
        """Within the stated radius and free for the whole job (the marketplace's hard rules)."""
        job = self.jobs[j]
        free = ~self.has_window | (
            (self.window_start <= job.start.toordinal()) & (job.end.toordinal() <= self.window_end)
        )
        return (d <= self.radius.clip(3.0)) & free
