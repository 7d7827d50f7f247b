"""Recommendations for workers, candidates for employers, invitations; impressions logged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.matchmaking.index import market_index
from marketplace.matchmaking.wording import said
from marketplace.models import (
    Application,
    AppStatus,
    Gig,
    GigStatus,
    Impression,
    Shift,
    User,
    WorkerProfile,
    db,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.work import lifecycle
from matching import Match, Taxonomy

Item = TypeVar("Item")
RECOMMENDATIONS = 6
CANDIDATES = 10


@dataclass
class Ranked(Generic[Item]):
    """A ranked gig or worker with the ranker's reasons, in the reader's language."""

    item: Item
    match: Match
    reasons: tuple[str, ...] = ()


def _log(surface: str, pairs: list[tuple[int, int, Match]], version: str) -> None:
    """Record what was shown, in order, so training learns from real exposure."""
    if not pairs:
        return
    now = utcnow()
    rows = [
        {
            "surface": surface,
            "gig_id": gig_id,
            "worker_id": worker_id,
            "position": i,
            "score": float(m.score),
            "model_version": version,
            "shown_at": now,
        }
        for i, (gig_id, worker_id, m) in enumerate(pairs)
    ]
    db.session.execute(insert(Impression), rows)  # one statement for the whole list


def _engaged(*conditions) -> set[tuple[int, int]]:
    """(gig, worker) pairs with a live application or invitation on an upcoming shift."""
    rows = db.session.execute(
        select(Shift.gig_id, Application.worker_id)
        .join(Shift, Shift.id == Application.shift_id)
        .where(Application.status != AppStatus.WITHDRAWN, Shift.starts_at > utcnow(), *conditions)
    )
    return {(g, w) for g, w in rows}


def _top(
    matches: list[Match], taken: set[int], k: int, taxonomy: Taxonomy | None, key, *options
) -> list[Ranked[Any]]:
    """The first ``k`` matches not already taken, each with its row (by primary ``key``)."""
    kept = [m for m in matches if m.id not in taken][:k]
    model = key.class_
    stmt = select(model).where(key.in_([m.id for m in kept])).options(*options)
    rows = {getattr(row, key.key): row for row in db.session.scalars(stmt)}
    return [Ranked(rows[m.id], m, said(m.reasons, taxonomy)) for m in kept if m.id in rows]


def recommend_gigs(user: User, k: int = RECOMMENDATIONS) -> list[Ranked[Gig]]:
    """Open gigs ranked for the worker, with reasons, leaving out gigs already applied to."""
    snap = market_index().get()
    me = snap.workers_by_id.get(user.id)
    if me is None or not snap.jobs:
        return []
    taken = {g for g, _w in _engaged(Application.worker_id == user.id)}
    matches = snap.ranker.rank_jobs(me, snap.job_index, k=k + len(taken))
    shown = _top(
        matches, taken, k, snap.ranker.taxonomy, Gig.id,
        selectinload(Gig.town), selectinload(Gig.employer),
    )  # fmt: skip
    _log("worker_recs", [(r.item.id, user.id, r.match) for r in shown], snap.model_version)
    return shown


def candidates(user: User, gig: Gig, k: int = CANDIDATES) -> list[Ranked[WorkerProfile]]:
    """Workers ranked for the employer's gig, with reasons (the gig must be the user's)."""
    if gig.employer_id != user.id:
        raise Forbidden()
    snap = market_index().get()
    job = snap.jobs_by_id.get(gig.id)
    if job is None or not snap.workers:
        return []
    taken = {w for _g, w in _engaged(Shift.gig_id == gig.id)}
    matches = snap.ranker.rank_workers(job, snap.worker_index, k=k + len(taken))
    shown = _top(
        matches, taken, k, snap.ranker.taxonomy, WorkerProfile.user_id,
        selectinload(WorkerProfile.town),
    )  # fmt: skip
    _log("gig_candidates", [(gig.id, r.item.user_id, r.match) for r in shown], snap.model_version)
    return shown


def invite(user: User, shift_id: int, worker_id: int) -> Application:
    """The employer invites a worker to a shift; the worker accepting it counts as applying."""
    shift = db.session.get(Shift, shift_id)
    if shift is None or db.session.get(WorkerProfile, worker_id) is None:
        raise NotFound()
    if shift.gig.employer_id != user.id:
        raise Forbidden()
    if shift.gig.status != GigStatus.OPEN or shift.starts_at <= utcnow():
        raise DomainError(N_("This shift no longer takes workers."))
    invited = lifecycle.open_application(
        shift, worker_id, AppStatus.INVITED, lifecycle.Actor.EMPLOYER
    )
    db.session.flush()
    notify(worker_id, "invited", shift.gig.title, f"/gigs/{shift.gig.id}")
    return invited


def invitations(user: User) -> list[Application]:
    """Open invitations to the worker, soonest shift first."""
    return list(
        db.session.scalars(
            select(Application)
            .join(Shift, Shift.id == Application.shift_id)
            .where(
                Application.worker_id == user.id,
                Application.status == AppStatus.INVITED,
                Shift.starts_at > utcnow(),
            )
            .options(selectinload(Application.shift).selectinload(Shift.gig))
            .order_by(Shift.starts_at)
        )
    )
