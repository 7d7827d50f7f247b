"""Scheduled jobs of gigs: close the gigs whose shifts have all ended."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from marketplace import index_versions as versions
from marketplace.models import Gig, GigStatus, Shift, rows_changed, utcnow
from marketplace.schedule import Job


def close_finished_gigs(now: datetime | None = None) -> int:
    """Close open gigs whose shifts have all ended."""
    now = now or utcnow()
    still_running = select(Shift.id).where(Shift.gig_id == Gig.id, Shift.ends_at > now).exists()
    changed = rows_changed(
        update(Gig)
        .where(Gig.status == GigStatus.OPEN, ~still_running)
        .values(status=GigStatus.CLOSED)
        .execution_options(synchronize_session=False)
    )
    if changed:
        versions.bump(versions.GIGS)
    return changed


def _close_gigs(_now: datetime) -> str:
    return f"{close_finished_gigs()} gigs closed"


JOBS = (
    Job(
        "close_gigs",
        _close_gigs,
        {"minute": 5},
        "%Y-%m-%dT%H",
        "Close gigs whose shifts have all ended.",
    ),
)
