"""Scheduled jobs of rights: wage arrears, registration and subsidy reminders (POLICY §2, §9)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    AppStatus,
    BenefitFacts,
    Registration,
    Shift,
    WorkerProfile,
    db,
)
from marketplace.notifications.services import notify
from marketplace.policy import registration as rule
from marketplace.policy.subsidy import subsidy_end_month
from marketplace.rights.accidents import send_reminders
from marketplace.rights.cases import detect_arrears
from marketplace.rights.registration import group_of
from marketplace.schedule import Job

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


def _wage_arrears(now: datetime) -> str:
    return f"{len(detect_arrears(now.date()))} cases opened"


def _registration_reminders(now: datetime) -> str:
    return f"{registration_reminders(now.date())} reminders sent"


def _accident_reminders(now: datetime) -> str:
    return f"{send_reminders(now.date())} reminders sent"


def _subsidy_reminders(now: datetime) -> str:
    return f"{subsidy_end_reminders(now.date())} reminders sent"


JOBS = (
    Job(
        "wage_arrears",
        _wage_arrears,
        {"hour": 6, "minute": 0},
        "%Y-%m-%d",
        "Open wage-arrears cases for shifts unpaid past pay date + grace (POLICY §9).",
    ),
    Job(
        "registration_reminders",
        _registration_reminders,
        {"hour": 9, "minute": 0},
        "%Y-%m-%d",
        "Remind workers 14 and 3 days before the registration deadline (N(二)).",
    ),
    Job(
        "subsidy_reminders",
        _subsidy_reminders,
        {"hour": 9, "minute": 30},
        "%Y-%m",  # daily trigger, but claimed once a month: a missed day is caught up
        "Remind workers 3 months before their social-insurance subsidy ends (N(十一)).",
    ),
    Job(
        "accident_reminders",
        _accident_reminders,
        {"hour": 9, "minute": 45},
        "%Y-%m-%d",
        "Remind employers to apply for work-injury recognition within 30 days of an accident, "
        "then tell the worker they may apply (《工伤保险条例》第十七条).",
    ),
)
