"""Accidents on a shift: reported by the worker, the employer or station staff; the steps and
deadlines of work-injury recognition follow, with reminders (rules: marketplace/policy/injury.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from marketplace.accounts.services import audit
from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.i18n import to_local
from marketplace.models import AccidentReport, Application, AppStatus, Gig, Role, User, db, utcnow
from marketplace.notifications.services import notify
from marketplace.policy import injury
from marketplace.policy.injury import Cover

STAFF = (Role.STAFF, Role.ADMIN)
MAX_TEXT = 2000
EARLIEST_BEFORE_SHIFT = timedelta(hours=12)  # travelling to the shift counts, within reason
# Days after the accident on which the employer is reminded to apply, before the 30-day limit.
REMINDER_DAYS = (7, 20, 27)


class NotOnThisShift(DomainError):
    message = N_("An accident can be reported for an accepted shift that has started.")


class BadAccidentTime(DomainError):
    message = N_("The accident's time must be during or around the shift, and not in the future.")


class DescribeAccident(DomainError):
    message = N_("Say what happened (at most %(n)s characters).")


class BadApplicationDate(DomainError):
    message = N_("The date of the application cannot be before the accident or in the future.")


class AlreadyClosed(DomainError):
    message = N_("This accident report is closed.")


def shift_cover(gig: Gig) -> Cover:
    """The cover of the gig's shifts: the employer's work-injury insurance, else the platform's."""
    platform = bool(current_app.config.get("PLATFORM_ACCIDENT_INSURANCE"))
    return injury.cover_for(gig.injury_insurance, platform)


def _party_or_staff(user: User, app: Application) -> None:
    if user.role not in STAFF and user.id not in (app.worker_id, app.shift.gig.employer_id):
        raise Forbidden()


def report(
    user: User, application_id: int, occurred_at: datetime, description: str, injured: bool
) -> AccidentReport:
    """Report an accident on an accepted shift that has started; both sides and staff are told."""
    app = db.session.get(Application, application_id)
    if app is None:
        raise NotFound()
    _party_or_staff(user, app)
    now = utcnow()
    if app.status != AppStatus.ACCEPTED or app.shift.starts_at - EARLIEST_BEFORE_SHIFT > now:
        raise NotOnThisShift()
    if occurred_at > now or occurred_at < app.shift.starts_at - EARLIEST_BEFORE_SHIFT:
        raise BadAccidentTime()
    text = description.strip()
    if not text or len(text) > MAX_TEXT:
        raise DescribeAccident(n=MAX_TEXT)
    made = AccidentReport(
        application=app,
        reported_by_id=user.id,
        occurred_at=occurred_at,
        description=text,
        injured=injured,
        cover=shift_cover(app.shift.gig),
    )
    db.session.add(made)
    db.session.flush()
    for party in {app.worker_id, app.shift.gig.employer_id} - {user.id}:
        notify(party, "accident_reported", app.shift.gig.title, f"/accidents/{made.id}")
    return made


def open_report(user: User, report_id: int, ip: str = "") -> AccidentReport:
    """A report for the worker, the employer and station staff (staff views are logged)."""
    found = db.session.get(AccidentReport, report_id)
    if found is None:
        raise NotFound()
    _party_or_staff(user, found.application)
    if user.role in STAFF:
        audit(user, "accident_view", f"accident:{found.id}", ip=ip)
    return found


def accident_day(found: AccidentReport) -> date:
    return to_local(found.occurred_at).date()


def steps(found: AccidentReport) -> tuple[injury.Step, ...]:
    return injury.steps(found.cover, accident_day(found))


def record_application(user: User, report_id: int, applied_on: date) -> AccidentReport:
    """The employer, or the worker, records the day they applied for work-injury recognition."""
    found = open_report(user, report_id)
    if found.closed_at is not None:
        raise AlreadyClosed()
    if applied_on < accident_day(found) or applied_on > to_local(utcnow()).date():
        raise BadApplicationDate()
    app = found.application
    if user.id == app.shift.gig.employer_id:
        found.employer_applied_on = applied_on
    elif user.id == app.worker_id:
        found.worker_applied_on = applied_on
    else:
        raise Forbidden()
    db.session.flush()
    return found


def close(staff: User, report_id: int, note: str) -> AccidentReport:
    """Station staff close a report once it is settled, saying how."""
    if staff.role not in STAFF:
        raise Forbidden()
    found = open_report(staff, report_id)
    if found.closed_at is not None:
        raise AlreadyClosed()
    text = note.strip()
    if not text or len(text) > MAX_TEXT:
        raise DescribeAccident(n=MAX_TEXT)
    found.closed_at, found.closed_by_id, found.close_note = utcnow(), staff.id, text
    db.session.flush()
    return found


def open_reports() -> list[AccidentReport]:
    """Every report not yet closed, oldest accident first."""
    return list(
        db.session.scalars(
            select(AccidentReport)
            .where(AccidentReport.closed_at.is_(None))
            .order_by(AccidentReport.occurred_at, AccidentReport.id)
        )
    )


def send_reminders(today: date) -> int:
    """Remind employers to apply before the 30-day limit; then tell the worker they may apply."""
    sent = 0
    waiting = select(AccidentReport).where(
        AccidentReport.closed_at.is_(None),
        AccidentReport.cover == Cover.WORK_INJURY,
        AccidentReport.employer_applied_on.is_(None),
        AccidentReport.worker_applied_on.is_(None),
    )
    for found in db.session.scalars(waiting):
        days = (today - accident_day(found)).days
        stage = sum(1 for d in REMINDER_DAYS if days >= d)
        late = days > injury.EMPLOYER_APPLIES_WITHIN_DAYS
        app, link = found.application, f"/accidents/{found.id}"
        if late and found.reminders_sent <= len(REMINDER_DAYS):
            notify(app.worker_id, "accident_worker_may_apply", app.shift.gig.title, link)
            found.reminders_sent = len(REMINDER_DAYS) + 1
            sent += 1
        elif not late and stage > found.reminders_sent:
            notify(app.shift.gig.employer_id, "accident_apply_reminder", app.shift.gig.title, link)
            found.reminders_sent = stage
            sent += 1
    db.session.flush()
    return sent
