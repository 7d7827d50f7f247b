"""Turn database rows into the plain records the ranker reads (matching.Worker / matching.Job)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    Gig,
    GigStatus,
    NoShowAppeal,
    Rating,
    Season,
    Shift,
    WorkerProfile,
    db,
    utcnow,
)
from marketplace.work.reliability import standing_clause
from matching import Job, Worker

NO_SHOW_GRACE = timedelta(days=1)


def season_windows(season: Season, today: date) -> list[tuple[date, date]]:
    """The season's dates this year and next; a window across New Year ends the next year."""
    windows = []
    for year in (today.year - 1, today.year, today.year + 1):
        start = date(year, int(season.start_mmdd[:2]), int(season.start_mmdd[3:]))
        end_year = year + 1 if season.end_mmdd < season.start_mmdd else year
        end = date(end_year, int(season.end_mmdd[:2]), int(season.end_mmdd[3:]))
        if end >= today:
            windows.append((start, end))
    return windows


def availability(profile: WorkerProfile, today: date) -> tuple[tuple[date, date], ...]:
    """Date windows the worker can work in; empty means any time.

    Chosen seasons give yearly windows; an explicit from/until range narrows them (or stands
    alone when no season is chosen, or when it does not meet any season).
    """
    seasonal = [w for season in profile.seasons for w in season_windows(season, today)]
    if not (profile.available_from or profile.available_until):
        return tuple(sorted(seasonal))
    lo = profile.available_from or today
    hi = profile.available_until or date(today.year + 5, 12, 31)
    narrowed = [(max(s, lo), min(e, hi)) for s, e in seasonal if max(s, lo) <= min(e, hi)]
    return tuple(sorted(narrowed)) if narrowed else ((lo, hi),)


def _track_records() -> tuple[dict[int, int], dict[int, int], dict[int, float]]:
    """Completed shifts, no-shows and mean stars received, per worker, in three queries."""
    now = utcnow()
    completed = dict(
        db.session.execute(
            select(Application.worker_id, func.count())
            .where(Application.confirmed_at.is_not(None))
            .group_by(Application.worker_id)
        ).all()
    )
    # Only no-shows that stand count: not appealed in time, or upheld by station staff. An
    # accepted worker with no no-show recorded is taken to have worked (the hours stand).
    no_shows = dict(
        db.session.execute(
            select(Application.worker_id, func.count())
            .outerjoin(NoShowAppeal, NoShowAppeal.application_id == Application.id)
            .where(standing_clause(now))
            .group_by(Application.worker_id)
        ).all()
    )
    stars = {
        w: float(s)
        for w, s in db.session.execute(
            select(Rating.ratee_id, func.avg(Rating.stars)).group_by(Rating.ratee_id)
        ).all()
    }
    return completed, no_shows, stars


def worker_records() -> list[Worker]:
    """Every worker with a profile, as ranker records."""
    today = to_local(utcnow()).date()
    completed, no_shows, stars = _track_records()
    profiles = db.session.scalars(
        select(WorkerProfile).options(
            selectinload(WorkerProfile.town),
            selectinload(WorkerProfile.skills),
            selectinload(WorkerProfile.seasons),
        )
    )
    return [
        Worker(
            id=p.user_id,
            lat=p.town.lat,
            lon=p.town.lon,
            skills=tuple(s.code for s in p.skills),
            text=p.skills_text or "",
            max_travel_km=float(p.max_travel_km),
            expected_daily_pay_fen=p.expected_daily_pay_fen,
            available=availability(p, today),
            weekdays=p.weekdays,
            completed=completed.get(p.user_id, 0),
            no_shows=no_shows.get(p.user_id, 0),
            rating=stars.get(p.user_id),
        )
        for p in profiles
    ]


def job_record(gig: Gig, shifts: list[Shift] | None = None) -> Job:
    """A gig as a ranker record, dated by its upcoming shifts (or all, if none remain)."""
    shifts = shifts if shifts is not None else gig.shifts
    days = [to_local(s.starts_at).date() for s in shifts] or [to_local(utcnow()).date()]
    return Job(
        id=gig.id,
        lat=gig.lat,
        lon=gig.lon,
        start=min(days),
        end=max(days),
        daily_pay_fen=gig.daily_pay_fen,
        skills=tuple(s.code for s in gig.skills),
        text=f"{gig.title} {gig.description}",
        category=gig.category.code,
    )


def open_job_records() -> list[Job]:
    """Every open gig with a future shift that has room, as ranker records."""
    now = utcnow()
    upcoming: dict[int, list[Shift]] = defaultdict(list)
    for shift in db.session.scalars(
        select(Shift)
        .join(Gig)
        .where(Gig.status == GigStatus.OPEN, Shift.starts_at > now, Shift.filled < Shift.slots)
    ):
        upcoming[shift.gig_id].append(shift)
    gigs = (
        db.session.scalars(
            select(Gig)
            .where(Gig.id.in_(list(upcoming)))
            .options(selectinload(Gig.skills), selectinload(Gig.category))
        )
        if upcoming
        else []
    )
    return [job_record(g, upcoming[g.id]) for g in gigs]
