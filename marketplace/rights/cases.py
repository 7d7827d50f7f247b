"""安薪: wage-arrears cases (POLICY §9, N(十五)). Every step is an event; nothing is deleted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.models import (
    Application,
    CaseEvent,
    CaseSource,
    CaseStatus,
    Payment,
    Role,
    Shift,
    User,
    WageCase,
    db,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.policy import disputes
from marketplace.rights import wages
from marketplace.rights.registration import today
from marketplace.work.attendance import amount_due_fen, worked_minutes
from marketplace.work.services import worker_application

FINAL = (CaseStatus.RESOLVED, CaseStatus.ARBITRATION)
STAFF = (Role.STAFF, Role.ADMIN)


class WrongStep(DomainError):
    message = N_("This step is not possible at this stage of the case.")


def _event(case: WageCase, actor: User | None, action: str, note: str = "") -> CaseEvent:
    event = CaseEvent(case=case, actor_id=actor.id if actor else None, action=action, note=note)
    db.session.add(event)
    return event


def _open(app: Application, source: CaseSource, actor: User | None, note: str) -> WageCase:
    case = WageCase(
        application_id=app.id,
        worker_id=app.worker_id,
        employer_id=app.shift.gig.employer_id,
        source=source,
        amount_due_fen=wages.owed_fen(app),  # what is still owed: all, or the rest of a part
        minutes_worked=worked_minutes(app),
        pay_due_on=app.pay_due_on,
    )
    db.session.add(case)
    _event(case, actor, "opened", note)
    db.session.flush()
    link = f"/wage-cases/{case.id}"
    notify(case.worker_id, "wage_case_opened", app.shift.gig.title, link)
    notify(case.employer_id, "wage_case_opened", app.shift.gig.title, link)
    return case


def detect_arrears(on: date | None = None) -> list[WageCase]:
    """Open a case for each worked shift still owed after pay date + grace. Idempotent.

    The pay date decides, not the employer's confirmation (N(十五)): unconfirmed shifts count
    as checked or scheduled, and a partial payment leaves the rest owed.
    """
    on = on or today()
    opened = []
    for app in wages.in_arrears(on):
        note = ""
        if wages.is_partial(app):
            note = f"partial: paid {wages.paid_fen(app)} of {amount_due_fen(app)} fen"
        opened.append(_open(app, CaseSource.DETECTED, None, note))
    return opened


def report_unpaid(user: User, application_id: int, note: str = "") -> WageCase:
    """The worker says 没有收到工资 (or not all of it); any time after the pay date."""
    app = worker_application(user, application_id)
    existing = db.session.scalar(select(WageCase).where(WageCase.application_id == app.id))
    if existing is not None:
        raise DomainError(N_("A case for this shift is already open."))
    if not wages.reportable(app, today()):
        raise DomainError(
            N_("You can report unpaid wages once the hours are confirmed or the pay date passed.")
        )
    try:
        with db.session.begin_nested():
            return _open(app, CaseSource.REPORTED, user, note.strip()[:1000])
    except IntegrityError as exc:
        raise DomainError(N_("A case for this shift is already open.")) from exc


def case_for(user: User, case_id: int) -> WageCase:
    """A case its worker, its employer or station staff may see."""
    case = db.session.get(WageCase, case_id)
    if case is None:
        raise NotFound()
    if user.role not in STAFF and user.id not in (case.worker_id, case.employer_id):
        raise Forbidden()
    return case


def _move(case: WageCase, expected: tuple[CaseStatus, ...], new: CaseStatus) -> None:
    if case.status not in expected:
        raise WrongStep()
    case.status = new
    if new in FINAL:
        case.closed_at = utcnow()


def _tell_others(case: WageCase, actor: User) -> None:
    title = case.application.shift.gig.title
    for uid in {case.worker_id, case.employer_id} - {actor.id}:
        notify(uid, "wage_case_updated", title, f"/wage-cases/{case.id}")


def employer_paid(user: User, case_id: int, paid_on: date) -> WageCase:
    """The employer says it paid, and when; the worker then confirms or not."""
    case = case_for(user, case_id)
    if user.id != case.employer_id:
        raise Forbidden()
    if paid_on > today():
        raise DomainError(N_("The payment date cannot be in the future."))
    _move(case, (CaseStatus.OPEN,), CaseStatus.PAID_CLAIMED)
    case.employer_paid_on = paid_on
    _event(case, user, "paid", paid_on.isoformat())
    db.session.flush()
    _tell_others(case, user)
    return case


def employer_disputes(user: User, case_id: int, reason: str) -> WageCase:
    """The employer disputes the claim with a reason."""
    case = case_for(user, case_id)
    if user.id != case.employer_id:
        raise Forbidden()
    if not reason.strip():
        raise DomainError(N_("Give the reason."))
    _move(case, (CaseStatus.OPEN,), CaseStatus.DISPUTED)
    _event(case, user, "disputed", reason.strip()[:1000])
    db.session.flush()
    _tell_others(case, user)
    return case


def worker_answers(user: User, case_id: int, agrees: bool, note: str = "") -> WageCase:
    """The worker confirms the employer's answer (resolved) or not (station staff mediate)."""
    case = case_for(user, case_id)
    if user.id != case.worker_id:
        raise Forbidden()
    expected = (CaseStatus.PAID_CLAIMED, CaseStatus.DISPUTED)
    _move(case, expected, CaseStatus.RESOLVED if agrees else CaseStatus.MEDIATION)
    _event(case, user, "agreed" if agrees else "not_agreed", note.strip()[:1000])
    if agrees and case.employer_paid_on and case.application.payment is None:
        db.session.add(
            Payment(
                application=case.application,
                amount_fen=case.amount_due_fen,
                paid_on=case.employer_paid_on,
            )
        )
    db.session.flush()
    _tell_others(case, user)
    return case


def staff_step(
    user: User, case_id: int, outcome: str, note: str, skip_reason: str = ""
) -> WageCase:
    """Station staff mediate, resolve, or refer the case to labour arbitration.

    Arbitration comes after mediation, or with the recorded reason it skipped it (disputes policy).
    """
    case = case_for(user, case_id)
    if user.role not in STAFF:
        raise Forbidden()
    if not note.strip():
        raise DomainError(N_("Write a note of what was done."))
    targets = {
        "mediate": CaseStatus.MEDIATION,
        "resolve": CaseStatus.RESOLVED,
        "refer": CaseStatus.ARBITRATION,
    }
    if outcome not in targets:
        raise WrongStep()
    mediated = case.status == CaseStatus.MEDIATION or any(
        e.action == "mediate" for e in case.events
    )
    if outcome == "refer" and (refused := disputes.arbitration_refusal(mediated, skip_reason)):
        raise DomainError(refused)
    open_steps = tuple(s for s in CaseStatus if s not in FINAL)
    _move(case, open_steps, targets[outcome])
    if outcome == "refer" and not mediated:
        _event(case, user, f"skip:{skip_reason}", "")
    _event(case, user, outcome, note.strip()[:1000])
    db.session.flush()
    _tell_others(case, user)
    return case


def cases_for(user: User) -> list[WageCase]:
    """The cases a user may see: their own, or all for staff (open ones first)."""
    stmt = (
        select(WageCase)
        .order_by(WageCase.closed_at.is_not(None), WageCase.opened_at.desc())
        .options(
            selectinload(WageCase.application)
            .selectinload(Application.shift)
            .selectinload(Shift.gig)
        )
    )
    if user.role not in STAFF:
        stmt = stmt.where((WageCase.worker_id == user.id) | (WageCase.employer_id == user.id))
    return list(db.session.scalars(stmt.limit(200)))
