"""An application's life in one place: its states, who may make each move, and the rules.

Every change of an application's state, from the web, the kiosk, the scheduler, the CLI or the
API, goes through a function here. Each one checks the rules, changes the row with a
compare-and-set UPDATE (its WHERE clause repeats what was checked, so a request that moved the
row first makes the later one refuse instead of overwrite), records the time, and raises a
``DomainError`` with a message in the user's language when the move is refused.

After check-in only attendance, hours, payment, disputes and ratings follow; a record that is
paid, rated or disputed is settled and no later action reopens it.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from marketplace.errors import N_, DomainError, Forbidden
from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    AppStatus,
    Payment,
    Rating,
    Shift,
    WageCase,
    WorkerProfile,
    db,
    rows_changed,
    utcnow,
)


class Actor(enum.StrEnum):
    """Who makes a move."""

    WORKER = "worker"
    EMPLOYER = "employer"
    STAFF = "staff"
    SCHEDULER = "scheduler"


S = AppStatus
W, E = Actor.WORKER, Actor.EMPLOYER

# (from, to) → who may make the move; None is "no application yet".
TRANSITIONS: dict[tuple[AppStatus | None, AppStatus], frozenset[Actor]] = {
    (None, S.APPLIED): frozenset({W}),
    (S.INVITED, S.APPLIED): frozenset({W}),  # the worker takes up an invitation
    (S.WITHDRAWN, S.APPLIED): frozenset({W}),  # applying again after withdrawing
    (None, S.INVITED): frozenset({E}),
    (S.WITHDRAWN, S.INVITED): frozenset({E}),
    (S.APPLIED, S.ACCEPTED): frozenset({E}),
    (S.APPLIED, S.REJECTED): frozenset({E}),
    (S.INVITED, S.WITHDRAWN): frozenset({W}),
    (S.APPLIED, S.WITHDRAWN): frozenset({W}),
    (S.ACCEPTED, S.WITHDRAWN): frozenset({W}),  # before the shift and before check-in only
    (S.ACCEPTED, S.NO_SHOW): frozenset({E, Actor.STAFF}),  # once started, never checked in
}


class ShiftFull(DomainError):
    message = N_("This shift is full.")


class ShiftStarted(DomainError):
    message = N_("This shift has already started.")


class AlreadyApplied(DomainError):
    message = N_("You have already applied to this shift.")


class AlreadyInvited(DomainError):
    message = N_("This worker is already invited or has applied.")


class NotPending(DomainError):
    message = N_("This application has already been decided.")


class CheckedIn(DomainError):
    message = N_("You have checked in: the shift can no longer be withdrawn.")


class Settled(DomainError):
    message = N_("This shift is paid, rated or disputed; its record can no longer change.")


class AgreementUnsigned(DomainError):
    message = N_(
        "The agreement for this shift must be signed by both sides before check-in. "
        "Sign it on the phone or at a station kiosk."
    )


_REFUSAL: dict[AppStatus, type[DomainError]] = {
    S.APPLIED: AlreadyApplied,
    S.INVITED: AlreadyInvited,
    S.ACCEPTED: NotPending,
    S.REJECTED: NotPending,
    S.WITHDRAWN: NotPending,
    S.NO_SHOW: NotPending,
}


def may(actor: Actor, old: AppStatus | None, new: AppStatus) -> bool:
    """Whether the transition table lets this actor move an application from old to new."""
    return actor in TRANSITIONS.get((old, new), frozenset())


def _guard(actor: Actor, old: AppStatus | None, new: AppStatus) -> None:
    if may(actor, old, new):
        return
    if not any(actor in who for (_o, n), who in TRANSITIONS.items() if n == new):
        raise Forbidden()
    raise _REFUSAL[new]()


def settled_clause() -> ColumnElement[bool]:
    """SQL: the application has a payment, a rating or a wage case (it is never reopened)."""
    return (
        exists().where(Payment.application_id == Application.id)
        | exists().where(Rating.application_id == Application.id)
        | exists().where(WageCase.application_id == Application.id)
    )


def is_settled(app: Application) -> bool:
    """Whether the application is paid, rated or disputed."""
    return bool(
        db.session.scalar(select(Application.id).where(Application.id == app.id, settled_clause()))
    )


def _cas(app: Application, *where: ColumnElement[bool], **values: object) -> bool:
    """Change the row only if it still is as read: the status we saw and the extra conditions."""
    changed = rows_changed(
        update(Application)
        .where(Application.id == app.id, Application.status == app.status, *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(app)
    return changed == 1


def lock_worker(worker_id: int) -> None:
    """Hold the worker's row until commit, so two acceptances of one worker run one by one."""
    db.session.execute(
        select(WorkerProfile.user_id).where(WorkerProfile.user_id == worker_id).with_for_update()
    )


def open_application(shift: Shift, worker_id: int, status: AppStatus, actor: Actor) -> Application:
    """A worker applies or an employer invites: a new row, or the withdrawn one taken up again."""
    existing = db.session.scalar(
        select(Application).where(
            Application.shift_id == shift.id, Application.worker_id == worker_id
        )
    )
    now = utcnow()
    if existing is None:
        _guard(actor, None, status)
        try:
            with db.session.begin_nested():  # a concurrent twin insert hits the UNIQUE pair
                app = Application(
                    shift_id=shift.id, worker_id=worker_id, status=status, created_at=now
                )
                db.session.add(app)
        except IntegrityError as exc:
            raise _REFUSAL[status]() from exc
        return app
    _guard(actor, existing.status, status)
    if not _cas(existing, status=status, created_at=now, decided_at=None):
        raise _REFUSAL[status]()
    return existing


def pay_date(app: Application) -> date:
    """The agreed pay date: the shift's last day plus the gig's pay terms, as the agreement says.

    N(十五): the agreement settles the pay date; it, not the employer's confirming the hours,
    decides when unpaid wages become arrears.
    """
    end_local = to_local(app.shift.ends_at).date()
    return end_local + timedelta(days=app.shift.gig.pay_within_days)


def decide(app: Application, new: AppStatus, actor: Actor = E) -> None:
    """The employer accepts (slot taken by the caller) or rejects an application still pending."""
    _guard(actor, app.status, new)
    due = pay_date(app) if new == S.ACCEPTED else None
    if not _cas(app, decided_at=utcnow(), status=new, pay_due_on=due):
        raise NotPending()


def withdraw(app: Application, actor: Actor = W) -> bool:
    """The worker withdraws before the shift and before check-in; True if a slot was held."""
    if app.checked_in_at is not None:
        raise CheckedIn()
    if app.shift.starts_at <= utcnow():
        raise ShiftStarted()
    _guard(actor, app.status, S.WITHDRAWN)
    held = app.status == S.ACCEPTED
    if not _cas(app, Application.checked_in_at.is_(None), status=S.WITHDRAWN, decided_at=utcnow()):
        raise CheckedIn() if app.checked_in_at is not None else NotPending()
    return held


def no_show(app: Application, actor: Actor = E) -> None:
    """The worker never came: recorded once the shift started, never after check-in."""
    if app.shift.starts_at > utcnow():
        raise DomainError(N_("A no-show can be recorded once the shift has started."))
    if app.checked_in_at is not None:
        raise DomainError(N_("The worker checked in; they are not a no-show."))
    _guard(actor, app.status, S.NO_SHOW)
    if is_settled(app) or app.confirmed_at is not None:
        raise Settled()
    if not _cas(
        app,
        Application.checked_in_at.is_(None),
        Application.confirmed_at.is_(None),
        ~settled_clause(),
        status=S.NO_SHOW,
        decided_at=utcnow(),
    ):
        raise NotPending()


def check_in(app: Application, at: datetime, agreement_signed: bool) -> None:
    """Record arrival; the caller has checked the window. Needs a signed agreement if one is due."""
    if app.status != S.ACCEPTED:
        raise DomainError(N_("Only accepted workers can check in."))
    if app.checked_in_at is not None:
        raise DomainError(N_("Already checked in."))
    if not agreement_signed:
        raise AgreementUnsigned()
    if not _cas(app, Application.checked_in_at.is_(None), checked_in_at=at):
        raise DomainError(N_("Only accepted workers can check in."))


def check_out(app: Application, at: datetime) -> None:
    """Record leaving; the caller has checked the window."""
    if app.status != S.ACCEPTED:
        raise DomainError(N_("Only accepted workers can check in."))
    if app.checked_in_at is None:
        raise DomainError(N_("Check in first."))
    if app.checked_out_at is not None:
        raise DomainError(N_("Already checked out."))
    if not _cas(
        app,
        Application.checked_in_at.is_not(None),
        Application.checked_out_at.is_(None),
        checked_out_at=at,
    ):
        raise DomainError(N_("Already checked out."))


def set_hours(app: Application, minutes: int) -> None:
    """Record the time worked: allowed while the shift is not paid, rated or disputed."""
    if app.status != S.ACCEPTED:
        raise DomainError(N_("Only accepted workers can check in."))
    if not worked(app):  # whoever asks, the scheduler included: no hours before the work
        raise DomainError(N_("Hours can be confirmed after check-in or once the shift is over."))
    if app.payment is not None:
        raise DomainError(N_("The shift is already paid; hours can no longer change."))
    if is_settled(app):
        raise Settled()
    if not _cas(app, ~settled_clause(), minutes_confirmed=minutes, confirmed_at=utcnow()):
        raise Settled()


def worked(app: Application, now: datetime | None = None) -> bool:
    """Whether the application stands for worked time: checked in, or accepted and shift over."""
    now = now or utcnow()
    if app.status != S.ACCEPTED:
        return False
    return app.checked_in_at is not None or app.shift.ends_at <= now
