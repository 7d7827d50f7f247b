"""Scheduled jobs of work: the eve reminder, and unconfirmed hours that stand after a while."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.errors import DomainError
from marketplace.i18n import local_to_utc
from marketplace.models import Application, AppStatus, Shift, db
from marketplace.notifications.services import notify
from marketplace.schedule import Job
from marketplace.work import lifecycle
from marketplace.work.attendance import suggested_minutes


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


def hours_stand(now_utc: datetime) -> int:
    """Hours left unconfirmed past the set time stand as checked in/out, or as scheduled.

    P 五(三), N(十五): pay must not wait on the employer's confirmation. The worker can still
    report other hours; the difference then becomes a wage case, not a silence.
    """
    hours = int(current_app.config.get("HOURS_STAND_AFTER_HOURS", 48))
    limit = now_utc - timedelta(hours=hours)
    apps = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(
            Application.status == AppStatus.ACCEPTED,
            Application.confirmed_at.is_(None),
            Shift.ends_at <= limit,
        )
        .options(selectinload(Application.shift).selectinload(Shift.gig))
    ).all()
    stood = 0
    for app in apps:
        try:
            with db.session.begin_nested():
                lifecycle.set_hours(app, suggested_minutes(app))
        except DomainError:
            continue  # settled meanwhile (paid, rated or disputed): nothing to stand
        if app.pay_due_on is None:
            app.pay_due_on = lifecycle.pay_date(app)
        notify(app.worker_id, "hours_stood", app.shift.gig.title, f"/applications/{app.id}")
        stood += 1
    db.session.flush()
    return stood


def _hours_stand(now: datetime) -> str:
    return f"{hours_stand(local_to_utc(now))} shifts' hours stand"


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
    Job(
        "hours_stand",
        _hours_stand,
        {"minute": 15},
        "%Y-%m-%d %H",
        "Let checked or scheduled hours stand when the employer has not confirmed them in time.",
    ),
)
