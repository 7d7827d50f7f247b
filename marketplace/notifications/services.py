"""Notifications: stored as a kind plus subject, worded in the reader's language when shown."""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import func, select, update

from marketplace.errors import N_
from marketplace.models import Notification, User, db, rows_changed, utcnow
from marketplace.notifications import outbox

MESSAGES = {
    "application_received": N_("New application for “%(subject)s”."),
    "application_accepted": N_("You were accepted for “%(subject)s”."),
    "application_rejected": N_("Your application for “%(subject)s” was not accepted."),
    "application_withdrawn": N_("A worker withdrew from “%(subject)s”."),
    "marked_no_show": N_(
        "You were recorded as not coming to “%(subject)s”. If you had a reason, appeal on the "
        "shift's page."
    ),
    "accident_reported": N_("An accident was reported on “%(subject)s”."),
    "accident_apply_reminder": N_(
        "Apply for work-injury recognition for the accident on “%(subject)s”: the law gives "
        "the employer 30 days."
    ),
    "accident_worker_may_apply": N_(
        "The employer has not applied for work-injury recognition for “%(subject)s” within 30 "
        "days: you, a relative or the trade union may apply within a year of the accident."
    ),
    "no_show_appealed": N_("The worker appealed the no-show for “%(subject)s”."),
    "no_show_upheld": N_("Station staff decided the no-show for “%(subject)s” stands."),
    "no_show_overturned": N_(
        "Station staff accepted the reason: the no-show for “%(subject)s” does not count."
    ),
    "hours_stood": N_(
        "Your checked hours for “%(subject)s” stand: the employer did not confirm them in time."
    ),
    "hours_confirmed": N_("Your hours for “%(subject)s” were confirmed."),
    "payment_recorded": N_("Payment for “%(subject)s” was recorded."),
    "rating_received": N_("You received a rating for “%(subject)s”."),
    "invited": N_("You are invited to “%(subject)s”."),
    "shift_tomorrow": N_(
        "Reminder: your shift for “%(subject)s” is tomorrow. Withdraw now if you cannot come."
    ),
    "shift_tomorrow_employer": N_("Reminder: workers come tomorrow for “%(subject)s”."),
    "season_starting": N_("%(subject)s starts in two weeks: see the gigs for it."),
    "wage_case_opened": N_("A wage-arrears case was opened for “%(subject)s”."),
    "wage_case_updated": N_("The wage case for “%(subject)s” has a new step."),
    "complaint_updated": N_("A complaint about “%(subject)s” has a new step."),
    "subsidy_ending": N_("The last month of your social-insurance subsidy is %(subject)s."),
    "registration_reminder": N_("Register your flexible employment by %(subject)s."),
    "kiosk_referral": N_("A gig station referred a worker to “%(subject)s”."),
    "employer_verified": N_("Station staff verified your employer profile “%(subject)s”."),
    "employer_rejected": N_("Your employer profile was not verified: %(subject)s"),
}


def notify(user_id: int, kind: str, subject: str, link: str = "") -> Notification:
    """Put a message in a user's inbox."""
    if kind not in MESSAGES:
        raise ValueError(f"unknown notification kind {kind!r}")
    note = Notification(user_id=user_id, kind=kind, subject=subject[:120], link=link)
    db.session.add(note)
    db.session.flush()
    user = db.session.get_one(User, user_id)
    outbox.enqueue(note, outbox.render_for(user, lambda: text_of(note)))
    return note


def text_of(note: Notification) -> str:
    """The message in the reader's language."""
    return gettext(MESSAGES[note.kind], subject=note.subject)


def inbox(user: User, limit: int = 100) -> list[Notification]:
    """The newest notifications first."""
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def unread_count(user: User) -> int:
    """How many notifications the user has not read."""
    return (
        db.session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user.id, Notification.read_at.is_(None)
            )
        )
        or 0
    )


def mark_all_read(user: User) -> int:
    """Mark every notification read; returns how many changed."""
    changed = rows_changed(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return changed
