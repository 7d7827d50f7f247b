"""Gigs near a station: ranked for the person at the kiosk, and open ones with free slots."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.gigs.search import haversine_km
from marketplace.i18n import local_to_utc, to_local
from marketplace.matchmaking.index import market_index
from marketplace.matchmaking.wording import said
from marketplace.models import Gig, GigStatus, JobNeed, Shift, Station, db, utcnow
from matching import Match, Worker

NEAR_KM = 20.0  # how far from the station a gig may be to count as "near" at the kiosk
RANKED_GIGS = 10
WINDOW_DAYS = {"today": 1, "week": 7}
UPCOMING_DAYS = WINDOW_DAYS["week"]  # open gigs count if a shift with free slots starts this soon
KM_PER_DEGREE_LAT = 111.0


@dataclass
class NearGig:
    """A gig near the station, ranked for the person, with its free shifts in the window."""

    gig: Gig
    match: Match
    shifts: list[Shift]
    reasons: tuple[str, ...] = ()  # the match's reasons in the reader's language


def _window_end(window: str):
    days = WINDOW_DAYS.get(window, WINDOW_DAYS["week"])
    today = to_local(utcnow()).replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    return local_to_utc(today + timedelta(days=days))


def _need_record(need: JobNeed, station: Station) -> Worker:
    category = need.category.name_zh if need.category else ""
    return Worker(
        id=f"need:{need.id}",
        lat=station.lat,
        lon=station.lon,
        text=f"{need.desired_work} {category}",
        max_travel_km=NEAR_KM,
    )


def gigs_near(
    station: Station,
    worker_id: int | None = None,
    need_row: JobNeed | None = None,
    window: str = "week",
) -> list[NearGig]:
    """Open gigs with a free shift in the window near the station, ranked for the person."""
    snap = market_index().get()
    if worker_id is not None:
        me = snap.workers_by_id.get(worker_id)
        if me is None:
            return []
        me = replace(me, lat=station.lat, lon=station.lon, max_travel_km=NEAR_KM)
    else:
        me = _need_record(need_row, station)
    if not snap.jobs:
        return []
    matches = snap.ranker.rank_jobs(me, snap.job_index, k=RANKED_GIGS * 3)
    shifts = _open_shifts([m.id for m in matches], _window_end(window))
    stmt = select(Gig).where(Gig.id.in_(list(shifts))).options(selectinload(Gig.employer))
    gigs = {g.id: g for g in db.session.scalars(stmt)}
    kept = [m for m in matches if m.feasible and m.id in gigs][:RANKED_GIGS]
    return [
        NearGig(gigs[m.id], m, shifts[m.id], said(m.reasons, snap.ranker.taxonomy)) for m in kept
    ]


def _open_shifts(gig_ids: list, until) -> dict[int, list[Shift]]:
    found: dict[int, list[Shift]] = {}
    for shift in db.session.scalars(
        select(Shift)
        .join(Gig)
        .where(
            Gig.id.in_(gig_ids),
            Gig.status == GigStatus.OPEN,
            Shift.starts_at > utcnow(),
            Shift.starts_at < until,
            Shift.filled < Shift.slots,
        )
        .order_by(Shift.starts_at)
    ):
        found.setdefault(shift.gig_id, []).append(shift)
    return found


# --- open gigs near the station (the station dashboard) ---------------------------


@dataclass(frozen=True)
class Opening:
    """An open gig near the station whose upcoming shifts still have free slots."""

    gig: Gig
    distance_km: float
    next_start: datetime  # UTC
    shifts: int
    free_slots: int


def openings(station: Station, now: datetime, radius_km: float = NEAR_KM) -> list[Opening]:
    """Open gigs within ``radius_km`` with free slots in shifts starting in the next week."""
    dlat = radius_km / KM_PER_DEGREE_LAT
    dlon = dlat / max(math.cos(math.radians(station.lat)), 0.01)
    shifts = db.session.scalars(
        select(Shift)
        .join(Gig, Gig.id == Shift.gig_id)
        .where(
            Gig.status == GigStatus.OPEN,
            Gig.lat.between(station.lat - dlat, station.lat + dlat),
            Gig.lon.between(station.lon - dlon, station.lon + dlon),
            Shift.starts_at > now,
            Shift.starts_at < now + timedelta(days=UPCOMING_DAYS),
            Shift.filled < Shift.slots,
        )
        .order_by(Shift.starts_at)
    ).all()
    by_gig: dict[int, list[Shift]] = {}
    for shift in shifts:
        by_gig.setdefault(shift.gig_id, []).append(shift)
    gigs = db.session.scalars(
        select(Gig)
        .where(Gig.id.in_(list(by_gig)))
        .options(selectinload(Gig.employer), selectinload(Gig.town))
    )
    found = []
    for gig in gigs:
        km = haversine_km(station.lat, station.lon, gig.lat, gig.lon)
        if km <= radius_km:
            mine = by_gig[gig.id]
            free = sum(s.free_slots for s in mine)
            found.append(Opening(gig, round(km, 1), mine[0].starts_at, len(mine), free))
    return sorted(found, key=lambda o: (o.next_start, o.distance_km, o.gig.id))
