"""Service functions the scheduler runs: reminders before the registration deadline, gig closing."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, update

from marketplace import index_versions as versions
from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    AppStatus,
    BenefitFacts,
    Gig,
    GigStatus,
    Registration,
    Shift,
    WorkerProfile,
    db,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.policy import registration as rule
from marketplace.policy.subsidy import subsidy_end_month
from marketplace.rights.registration import group_of

# Issue 6: subsidy end reminders 3 months before the last subsidised month.
SUBSIDY_REMINDER_MONTHS = 3

# POLICY §2: "reminds before it" — our choice of two reminders, 14 and 3 days before.
REMINDER_DAYS_BEFORE = (14, 3)


def registration_reminders(on: date) -> int:
    """Remind workers whose first completed marketplace shift's deadline is 14 or 3 days away."""
    first_start = (
        select(Application.worker_id, func.min(Shift.starts_at).label("first"))
        .join(Shift, Shift.id == Application.shift_id)
        .where(Application.status == AppStatus.ACCEPTED, Application.confirmed_at.is_not(None))
        .where(
            ~select(Registration.id).where(Registration.worker_id == Application.worker_id).exists()
        )
        .group_by(Application.worker_id)
    )
    sent = 0
    for worker_id, first in db.session.execute(first_start):
        started = local_start_day(first)
        if rule.days_left(started, on) in REMINDER_DAYS_BEFORE:
            notify(
                worker_id,
                "registration_reminder",
                rule.deadline(started).isoformat(),
                "/registration",
            )
            sent += 1
    return sent


def local_start_day(starts_at_utc: datetime) -> date:
    """The Asia/Shanghai day of a stored UTC time."""
    return to_local(starts_at_utc).date()


def close_finished_gigs(now: datetime | None = None) -> int:
    """Close open gigs whose shifts have all ended."""
    now = now or utcnow()
    still_running = select(Shift.id).where(Shift.gig_id == Gig.id, Shift.ends_at > now).exists()
    result = db.session.execute(
        update(Gig)
        .where(Gig.status == GigStatus.OPEN, ~still_running)
        .values(status=GigStatus.CLOSED)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount:
        versions.bump(versions.GIGS)
    return result.rowcount


def subsidy_end_reminders(on: date) -> int:
    """Tell workers whose subsidy's last month is 3 months after ``on``'s month (N(十一))."""
    rows = db.session.execute(
        select(BenefitFacts, WorkerProfile)
        .join(WorkerProfile, WorkerProfile.user_id == BenefitFacts.worker_id)
        .where(BenefitFacts.subsidy_approved_on.is_not(None))
    )
    sent = 0
    for facts, profile in rows:
        group = group_of(profile, facts)
        try:
            year, month = subsidy_end_month(facts.subsidy_approved_on, profile.birth_date, group)
        except ValueError:
            continue  # no subsidised month at all
        if (year * 12 + month) - (on.year * 12 + on.month) == SUBSIDY_REMINDER_MONTHS:
            notify(profile.user_id, "subsidy_ending", f"{year}-{month:02d}", "/entitlements")
            sent += 1
    return sent
