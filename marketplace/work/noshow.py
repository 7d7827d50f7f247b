"""A fair no-show rule: the worker is told, may appeal with a reason, station staff decide.

A pending appeal or an accepted reason (a typhoon keeps the boats in, an illness) counts for
nothing; a no-show counts once it stands (work/reliability.py), and the rule is shown to workers
before it applies. The application keeps its one lifecycle (work/lifecycle.py): an appeal changes
no state of the application, only whether its no-show counts.
"""

from __future__ import annotations

from sqlalchemy import select, update

from marketplace import index_versions as versions
from marketplace.errors import N_, DomainError, NotFound
from marketplace.models import (
    AppealReason,
    AppealStatus,
    AppStatus,
    NoShowAppeal,
    User,
    db,
    rows_changed,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.work.reliability import appeal_deadline
from marketplace.work.services import worker_application

MAX_EXPLANATION = 1000


class NotANoShow(DomainError):
    message = N_("Only a recorded no-show can be appealed.")


class AlreadyAppealed(DomainError):
    message = N_("You have already appealed this no-show.")


class AppealTooLate(DomainError):
    message = N_("The time to appeal ended on %(date)s.")


class ReasonNeeded(DomainError):
    message = N_("Choose why you could not come.")


class ExplanationNeeded(DomainError):
    message = N_("Say in a few words what happened (at most %(n)s characters).")


class DecisionReasonNeeded(DomainError):
    message = N_("Write the reason for the decision (at most %(n)s characters).")


class AlreadyDecided(DomainError):
    message = N_("This appeal has already been decided.")


def appeal(user: User, application_id: int, reason: AppealReason, explanation: str) -> NoShowAppeal:
    """The worker gives the reason they could not come; staff decide."""
    app = worker_application(user, application_id)
    if app.status != AppStatus.NO_SHOW:
        raise NotANoShow()
    if app.appeal is not None:
        raise AlreadyAppealed()
    if utcnow() > appeal_deadline(app):
        raise AppealTooLate(date=appeal_deadline(app).date().isoformat())
    text = explanation.strip()
    if len(text) > MAX_EXPLANATION or (reason == AppealReason.OTHER and not text):
        raise ExplanationNeeded(n=MAX_EXPLANATION)
    made = NoShowAppeal(application=app, reason=reason, explanation=text)
    db.session.add(made)
    db.session.flush()  # a second appeal at once meets the unique application id
    gig = app.shift.gig
    notify(gig.employer_id, "no_show_appealed", gig.title, f"/applications/{app.id}")
    return made


def pending_appeals() -> list[NoShowAppeal]:
    """Every appeal waiting for station staff, oldest first."""
    return list(
        db.session.scalars(
            select(NoShowAppeal)
            .where(NoShowAppeal.status == AppealStatus.PENDING)
            .order_by(NoShowAppeal.appealed_at, NoShowAppeal.id)
        )
    )


def get_appeal(appeal_id: int) -> NoShowAppeal:
    found = db.session.get(NoShowAppeal, appeal_id)
    if found is None:
        raise NotFound()
    return found


def decide(staff: User, appeal_id: int, upheld: bool, note: str) -> NoShowAppeal:
    """Staff decide once: the no-show stands (upheld) or does not count (overturned)."""
    found = get_appeal(appeal_id)
    text = note.strip()
    if not text or len(text) > MAX_EXPLANATION:
        raise DecisionReasonNeeded(n=MAX_EXPLANATION)
    status = AppealStatus.UPHELD if upheld else AppealStatus.OVERTURNED
    changed = rows_changed(
        update(NoShowAppeal)
        .where(NoShowAppeal.id == found.id, NoShowAppeal.status == AppealStatus.PENDING)
        .values(status=status, decided_by_id=staff.id, decided_at=utcnow(), decision_note=text)
        .execution_options(synchronize_session=False)
    )
    if changed != 1:
        raise AlreadyDecided()
    db.session.refresh(found)
    versions.bump(versions.WORKERS)  # reliability in the ranking may change
    app = found.application
    kind = "no_show_upheld" if upheld else "no_show_overturned"
    for user_id in (app.worker_id, app.shift.gig.employer_id):
        notify(user_id, kind, app.shift.gig.title, f"/applications/{app.id}")
    return found
