"""Scheduled jobs of work: remind both sides the evening before an accepted shift."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.i18n import local_to_utc
from marketplace.models import Application, AppStatus, Shift, db
from marketplace.notifications.services import notify
from marketplace.schedule import Job


def shift_eve_reminders(on: date) -> int:
    """Remind both sides of every accepted shift starting tomorrow (Beijing time)."""
    start = local_to_utc(datetime.combine(on + timedelta(days=1), time.min))
    apps = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(
            Application.status == AppStatus.ACCEPTED,
            Shift.starts_at >= start,
            Shift.starts_at < start + timedelta(days=1),
        )
        .options(selectinload(Application.shift).selectinload(Shift.gig))
    )
    sent = 0
    for app in apps:
        gig = app.shift.gig
        notify(app.worker_id, "shift_tomorrow", gig.title, f"/applications/{app.id}")
        notify(gig.employer_id, "shift_tomorrow_employer", gig.title, f"/gigs/{gig.id}/manage")
        sent += 2
    return sent


def _shift_eve(now: datetime) -> str:
    return f"{shift_eve_reminders(now.date())} reminders sent"


JOBS = (
    Job(
        "shift_eve",
        _shift_eve,
        {"hour": 18, "minute": 0},
        "%Y-%m-%d",
        "Remind both sides the evening before an accepted shift.",
    ),
)
