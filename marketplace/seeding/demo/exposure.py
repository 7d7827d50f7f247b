"""Demo impressions: which workers each gig was shown to, so `flask matching train` has logs."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from marketplace.seeding.demo.plans import GigPlan
from marketplace.seeding.demo.staffing import AppPlan, Staffing

SHOWN_PER_GIG = 10  # a candidate list's length: applicants plus workers who passed it by


def impression_rows(
    rng: random.Random, plans: list[GigPlan], apps: list[AppPlan], staffing: Staffing
) -> list[dict]:
    """Rows for the impression table: each gig's applicants and nearby workers who did not act."""
    applicants: dict[int, set[int]] = defaultdict(set)
    for app in apps:
        applicants[app.gig.id].add(app.worker_id)
    rows = []
    for plan in plans:
        shown = set(applicants[plan.id])
        pool = staffing.by_district.get(plan.town.district_id) or staffing.everyone
        others = [w for w in rng.sample(pool, min(len(pool), SHOWN_PER_GIG * 2)) if w not in shown]
        shown.update(others[: max(0, SHOWN_PER_GIG - len(shown))])
        first_start = min(s.starts_at for s in plan.shifts)
        for position, worker_id in enumerate(sorted(shown, key=lambda _w: rng.random())):
            rows.append(
                {
                    "surface": "gig_candidates",
                    "gig_id": plan.id,
                    "worker_id": worker_id,
                    "position": position,
                    "score": 0.0,
                    "model_version": "demo",
                    "shown_at": first_start - timedelta(days=3),
                }
            )
    return rows
