"""The rules of a shift's life: apply, decide, withdraw. Slots are taken atomically."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from marketplace import index_versions as versions
from marketplace.agreements.services import create_draft
from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    AppStatus,
    Gig,
    GigStatus,
    Shift,
    User,
    WorkerProfile,
    db,
    rows_changed,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.work import lifecycle, limits, reliability
from marketplace.work.lifecycle import AlreadyApplied, NotPending, ShiftFull, ShiftStarted
from marketplace.workers.services import check_working_age


class Overlap(DomainError):
    message = N_("You already have an accepted shift at this time.")


class WorkerBusy(DomainError):
    message = N_("This worker already holds a shift at this time (with any employer).")


def _gig_link(gig: Gig) -> str:
    return f"/gigs/{gig.id}"


def application_of(user: User, shift: Shift) -> Application | None:
    """The worker's application to a shift, if any."""
    return db.session.scalar(
        select(Application).where(
            Application.shift_id == shift.id, Application.worker_id == user.id
        )
    )


def applications_to_shifts(user: User, shifts: list[Shift]) -> dict[int, Application]:
    """The worker's applications to any of ``shifts``, by shift id (one query)."""
    if not shifts:
        return {}
    rows = db.session.scalars(
        select(Application).where(
            Application.worker_id == user.id, Application.shift_id.in_([s.id for s in shifts])
        )
    )
    return {a.shift_id: a for a in rows}


def _check_overlap(worker_id: int, shift: Shift, refusal: type[DomainError] = Overlap) -> None:
    clash = db.session.scalar(
        select(Application.id)
        .join(Shift, Shift.id == Application.shift_id)
        .where(
            Application.worker_id == worker_id,
            Application.status == AppStatus.ACCEPTED,
            Shift.id != shift.id,
            Shift.starts_at < shift.ends_at,
            Shift.ends_at > shift.starts_at,
        )
    )
    if clash is not None:
        raise refusal()


def apply_to_shift(user: User, shift_id: int) -> Application:
    """A worker asks for a shift of an open gig that has not started and has room."""
    profile = db.session.get(WorkerProfile, user.id)
    if profile is None:
        raise DomainError(N_("Fill in your worker profile before applying."))
    shift = db.session.get(Shift, shift_id)
    if shift is None:
        raise NotFound()
    if shift.gig.status != GigStatus.OPEN:
        raise DomainError(N_("This gig is closed."))
    if shift.starts_at <= utcnow():
        raise ShiftStarted()
    reliability.check_not_paused(user.id)
    mine = application_of(user, shift)
    if mine is not None and not lifecycle.may(
        lifecycle.Actor.WORKER, mine.status, AppStatus.APPLIED
    ):
        raise AlreadyApplied()  # a double click or a second tab: a message, not an error page
    if shift.filled >= shift.slots:
        raise ShiftFull()
    _check_overlap(user.id, shift)
    app = lifecycle.open_application(shift, user.id, AppStatus.APPLIED, lifecycle.Actor.WORKER)
    db.session.flush()
    notify(
        shift.gig.employer_id,
        "application_received",
        shift.gig.title,
        f"/gigs/{shift.gig.id}/manage",
    )
    return app


def employer_application(user: User, application_id: int) -> Application:
    """An application to one of the employer's gigs."""
    app = db.session.get(Application, application_id)
    if app is None:
        raise NotFound()
    if app.shift.gig.employer_id != user.id:
        raise Forbidden()
    return app


def worker_application(user: User, application_id: int) -> Application:
    """One of the worker's own applications."""
    app = db.session.get(Application, application_id)
    if app is None:
        raise NotFound()
    if app.worker_id != user.id:
        raise Forbidden()
    return app


def party_application(user: User, application_id: int) -> Application:
    """An application the user is a party to (its worker or its employer)."""
    app = db.session.get(Application, application_id)
    if app is None:
        raise NotFound()
    if user.id not in (app.worker_id, app.shift.gig.employer_id):
        raise Forbidden()
    return app


def _take_slot(shift_id: int) -> None:
    """Fill one slot if one is free; the WHERE clause makes it safe under concurrency."""
    changed = rows_changed(
        update(Shift)
        .where(Shift.id == shift_id, Shift.filled < Shift.slots)
        .values(filled=Shift.filled + 1)
        .execution_options(synchronize_session=False)
    )
    if changed != 1:
        raise ShiftFull()


def _free_slot(shift_id: int) -> None:
    db.session.execute(
        update(Shift)
        .where(Shift.id == shift_id, Shift.filled > 0)
        .values(filled=Shift.filled - 1)
        .execution_options(synchronize_session=False)
    )


def accept(user: User, application_id: int) -> Application:
    """The employer takes the worker; fails with ShiftFull when the slots are gone."""
    app = employer_application(user, application_id)
    if app.shift.starts_at <= utcnow():
        raise ShiftStarted()
    first, last = to_local(app.shift.starts_at).date(), to_local(app.shift.ends_at).date()
    check_working_age(app.worker_id, app.worker.birth_date, app.worker.sex, first, last)
    lifecycle.lock_worker(app.worker_id)
    _check_overlap(app.worker_id, app.shift, WorkerBusy)
    limits.check_acceptance(app.worker_id, app.shift)
    lifecycle.decide(app, AppStatus.ACCEPTED)
    _check_overlap(app.worker_id, app.shift, WorkerBusy)  # after the move: sees a twin's accept
    limits.check_acceptance(app.worker_id, app.shift)
    _take_slot(app.shift_id)
    db.session.flush()
    versions.bump(versions.GIGS)
    db.session.refresh(app)
    db.session.refresh(app.shift)
    notify(app.worker_id, "application_accepted", app.shift.gig.title, _gig_link(app.shift.gig))
    create_draft(app)  # POLICY §3/§4: the agreement draft, unless signed off the platform
    return app


def reject(user: User, application_id: int) -> Application:
    """The employer declines the worker."""
    app = employer_application(user, application_id)
    lifecycle.decide(app, AppStatus.REJECTED)
    notify(app.worker_id, "application_rejected", app.shift.gig.title, _gig_link(app.shift.gig))
    return app


def withdraw(user: User, application_id: int) -> Application:
    """The worker withdraws before the shift and check-in, freeing the slot if they held one."""
    app = worker_application(user, application_id)
    held = lifecycle.withdraw(app)
    if held:
        _free_slot(app.shift_id)
    db.session.flush()
    versions.bump(versions.GIGS)
    db.session.refresh(app)
    db.session.refresh(app.shift)
    notify(
        app.shift.gig.employer_id,
        "application_withdrawn",
        app.shift.gig.title,
        f"/gigs/{app.shift.gig.id}/manage",
    )
    return app


def mark_no_show(user: User, application_id: int) -> Application:
    """The employer records that an accepted worker never came; the slot is freed."""
    app = employer_application(user, application_id)
    lifecycle.no_show(app, lifecycle.Actor.EMPLOYER)
    _free_slot(app.shift_id)
    db.session.flush()
    versions.bump(versions.WORKERS)
    db.session.refresh(app.shift)
    notify(app.worker_id, "marked_no_show", app.shift.gig.title, f"/applications/{app.id}")
    return app


def applications_for_gig(gig: Gig) -> dict[int, list[Application]]:
    """Applications per shift id, with workers loaded, for the employer's page."""
    rows = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(Shift.gig_id == gig.id)
        .options(selectinload(Application.worker), selectinload(Application.payment))
        .order_by(Application.created_at)
    )
    grouped: dict[int, list[Application]] = defaultdict(list)
    for app in rows:
        grouped[app.shift_id].append(app)
    return grouped


def confirm_coming(user: User, application_id: int) -> Application:
    """The worker confirms, before the shift, that they will come."""
    app = worker_application(user, application_id)
    if app.status != AppStatus.ACCEPTED:
        raise NotPending(N_("Only an accepted shift can be confirmed."))
    if app.shift.starts_at <= utcnow():
        raise ShiftStarted()
    app.coming_confirmed_at = utcnow()
    db.session.flush()
    return app
