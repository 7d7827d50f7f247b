"""The seasons a worker said they are free in (休渔期, 农闲期), shown on the dashboard while they
are near or on — the same alert the scheduler sends two weeks before, kept in view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from marketplace.matchmaking.jobs import SEASON_ALERT_KINDS
from marketplace.matchmaking.records import season_windows
from marketplace.models import Gig, GigStatus, Season, SeasonTag, Shift, WorkerProfile, db, utcnow

SHOW_DAYS_BEFORE = 30  # a season is shown from a month before it starts until it ends


@dataclass(frozen=True)
class SeasonNote:
    """One season near or on: its dates and how many open gigs are listed for it."""

    season: Season
    starts: date
    ends: date
    on_now: bool
    open_gigs: int


def _open_gigs(kind: str) -> int:
    return (
        db.session.scalar(
            select(func.count(func.distinct(Gig.id)))
            .join(Shift, Shift.gig_id == Gig.id)
            .where(
                Gig.status == GigStatus.OPEN,
                Gig.season_tag == SeasonTag(kind),
                Shift.starts_at > utcnow(),
            )
        )
        or 0
    )


def season_notes(profile: WorkerProfile, today: date) -> list[SeasonNote]:
    """The worker's seasons that start within a month or are on now, soonest first."""
    notes = []
    for season in profile.seasons:
        if season.kind not in SEASON_ALERT_KINDS:
            continue
        for start, end in season_windows(season, today):
            if start - timedelta(days=SHOW_DAYS_BEFORE) <= today <= end:
                notes.append(
                    SeasonNote(season, start, end, start <= today, _open_gigs(season.kind))
                )
                break
    return sorted(notes, key=lambda n: n.starts)
