"""`flask matching train`: learn from what users were shown and what they did with it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.matchmaking import models_store, records
from marketplace.matchmaking.index import market_index, seasons_from_db, taxonomy_from_db
from marketplace.models import Application, AppStatus, Gig, Impression, Shift, db, utcnow
from matching import Interaction, MatchRanker
from matching.evaluation import evaluate_logged, split_by_job_and_time

MIN_INTERACTIONS = 50
APPLIED = (AppStatus.APPLIED, AppStatus.ACCEPTED, AppStatus.REJECTED, AppStatus.WITHDRAWN)


@dataclass
class TrainingReport:
    """What training found and where the model went."""

    interactions: int
    jobs: int
    prior: dict[str, float]
    trained: dict[str, float]
    version: str | None


def logged_interactions() -> list[Interaction]:
    """One interaction per (gig, worker) shown or applied: applied, hired, completed."""
    pairs: dict[tuple[int, int], Interaction] = {}
    for gig_id, worker_id in db.session.execute(
        select(Impression.gig_id, Impression.worker_id).distinct()
    ):
        pairs[(gig_id, worker_id)] = Interaction(gig_id, worker_id, applied=False, hired=False)
    now = utcnow()
    rows = db.session.execute(
        select(
            Shift.gig_id,
            Application.worker_id,
            Application.status,
            Application.confirmed_at,
            Shift.ends_at,
        ).join(Shift, Shift.id == Application.shift_id)
    )
    for gig_id, worker_id, status, confirmed_at, ends_at in rows:
        hired = status == AppStatus.ACCEPTED
        done = (confirmed_at is not None) if hired and ends_at < now else None
        previous = pairs.get((gig_id, worker_id))
        pairs[(gig_id, worker_id)] = Interaction(
            gig_id,
            worker_id,
            applied=status in APPLIED or bool(previous and previous.applied),
            hired=hired or bool(previous and previous.hired),
            completed=done,
        )
    return list(pairs.values())


def _jobs(gig_ids: set[int]):
    gigs = db.session.scalars(
        select(Gig)
        .where(Gig.id.in_(gig_ids))
        .options(selectinload(Gig.skills), selectinload(Gig.category), selectinload(Gig.shifts))
    )
    return [records.job_record(g) for g in gigs]


def train(random_state: int = 0, min_interactions: int = MIN_INTERACTIONS) -> TrainingReport:
    """Fit on the logged interactions, compare with the prior on held-out gigs, save the model."""
    interactions = logged_interactions()
    jobs = _jobs({it.job_id for it in interactions})
    workers = records.worker_records()
    if len(interactions) < min_interactions or len(jobs) < 5:
        return TrainingReport(len(interactions), len(jobs), {}, {}, None)
    taxonomy, seasons = taxonomy_from_db(), seasons_from_db()
    split = split_by_job_and_time(jobs, interactions)
    prior = MatchRanker(taxonomy=taxonomy, seasons=seasons)
    trained = MatchRanker(taxonomy=taxonomy, seasons=seasons, random_state=random_state)
    trained.fit(split.train_jobs, workers, split.train)
    report_prior = evaluate_logged(prior, split.test_jobs, workers, split.test)
    report_trained = evaluate_logged(trained, split.test_jobs, workers, split.test)
    final = MatchRanker(taxonomy=taxonomy, seasons=seasons, random_state=random_state)
    final.fit(jobs, workers, interactions)
    metrics = {
        "interactions": len(interactions),
        "jobs": len(jobs),
        "prior": report_prior,
        "trained": report_trained,
    }
    version = models_store.save(final, metrics, current_app.instance_path)
    market_index().invalidate()
    return TrainingReport(len(interactions), len(jobs), report_prior, report_trained, version)
