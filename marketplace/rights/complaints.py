"""Complaints and disputes (POLICY §9, N(十五)): the same workflow and audit trail as wage cases.

open → the respondent answers → the complainant accepts (resolved) or not → staff mediate →
resolved, or referred to labour arbitration. Every step is a CaseEvent; nothing is deleted.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.models import (
    Application,
    AppStatus,
    CaseEvent,
    CaseStatus,
    Complaint,
    ComplaintCategory,
    Shift,
    User,
    db,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.rights.cases import FINAL, STAFF, WrongStep

AGAINST = ("gig", "employer", "worker")


def _event(complaint: Complaint, actor: User, action: str, note: str = "") -> None:
    db.session.add(CaseEvent(complaint=complaint, actor_id=actor.id, action=action, note=note))


def _link(complaint: Complaint) -> str:
    return f"/complaints/{complaint.id}"


def file_complaint(
    actor: User,
    application_id: int,
    against: str,
    category: ComplaintCategory,
    description: str,
    on_behalf_of: str | None = None,
) -> Complaint:
    """File a complaint about a shift; a party files for themselves, staff for either party."""
    app = db.session.get(Application, application_id)
    if app is None:
        raise NotFound()
    employer_id = app.shift.gig.employer_id
    if actor.role in STAFF:
        if on_behalf_of not in ("worker", "employer"):
            raise DomainError(N_("Say for whom you file the complaint."))
        complainant_id = app.worker_id if on_behalf_of == "worker" else employer_id
    elif actor.id in (app.worker_id, employer_id):
        complainant_id = actor.id
    else:
        raise Forbidden()
    if app.status != AppStatus.ACCEPTED:
        raise DomainError(N_("Complaints are about shifts the worker was accepted for."))
    if against not in AGAINST:
        raise DomainError(N_("Choose what the complaint is against."))
    worker_side = complainant_id == app.worker_id
    if worker_side == (against == "worker"):
        raise DomainError(N_("A complaint is against the other party."))
    if not description.strip():
        raise DomainError(N_("Describe what happened."))
    complaint = Complaint(
        application_id=app.id,
        complainant_id=complainant_id,
        respondent_id=employer_id if worker_side else app.worker_id,
        filed_by_id=actor.id,
        against=against,
        category=category,
        description=description.strip()[:4000],
    )
    db.session.add(complaint)
    _event(complaint, actor, "opened", complaint.description)
    db.session.flush()
    for uid in (complaint.complainant_id, complaint.respondent_id):
        notify(uid, "complaint_updated", app.shift.gig.title, _link(complaint))
    return complaint


def complaint_for(user: User, complaint_id: int) -> Complaint:
    """A complaint its two parties or station staff may see."""
    complaint = db.session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFound()
    if user.role not in STAFF and user.id not in (
        complaint.complainant_id,
        complaint.respondent_id,
    ):
        raise Forbidden()
    return complaint


def _move(complaint: Complaint, expected: tuple[CaseStatus, ...], new: CaseStatus) -> None:
    if complaint.status not in expected:
        raise WrongStep()
    complaint.status = new
    if new in FINAL:
        complaint.closed_at = utcnow()


def _tell(complaint: Complaint, actor: User) -> None:
    title = complaint.application.shift.gig.title
    for uid in {complaint.complainant_id, complaint.respondent_id} - {actor.id}:
        notify(uid, "complaint_updated", title, _link(complaint))


def respond(user: User, complaint_id: int, answer: str) -> Complaint:
    """The respondent answers the complaint."""
    complaint = complaint_for(user, complaint_id)
    if user.id != complaint.respondent_id:
        raise Forbidden()
    if not answer.strip():
        raise DomainError(N_("Write your answer."))
    _move(complaint, (CaseStatus.OPEN,), CaseStatus.DISPUTED)
    _event(complaint, user, "answered", answer.strip()[:4000])
    db.session.flush()
    _tell(complaint, user)
    return complaint


def complainant_replies(user: User, complaint_id: int, accepts: bool, note: str = "") -> Complaint:
    """The complainant accepts the answer (resolved) or asks the station to mediate."""
    complaint = complaint_for(user, complaint_id)
    if user.id != complaint.complainant_id:
        raise Forbidden()
    new = CaseStatus.RESOLVED if accepts else CaseStatus.MEDIATION
    _move(complaint, (CaseStatus.DISPUTED,), new)
    _event(complaint, user, "agreed" if accepts else "not_agreed", note.strip()[:1000])
    db.session.flush()
    _tell(complaint, user)
    return complaint


def staff_step(user: User, complaint_id: int, outcome: str, note: str) -> Complaint:
    """Station staff mediate, resolve, or refer to labour arbitration."""
    complaint = complaint_for(user, complaint_id)
    if user.role not in STAFF:
        raise Forbidden()
    targets = {
        "mediate": CaseStatus.MEDIATION,
        "resolve": CaseStatus.RESOLVED,
        "refer": CaseStatus.ARBITRATION,
    }
    if outcome not in targets or not note.strip():
        raise WrongStep()
    _move(complaint, tuple(s for s in CaseStatus if s not in FINAL), targets[outcome])
    _event(complaint, user, outcome, note.strip()[:1000])
    db.session.flush()
    _tell(complaint, user)
    return complaint


def complaints_for(user: User) -> list[Complaint]:
    """The complaints a user is party to, or all of them for staff; open ones first."""
    stmt = (
        select(Complaint)
        .order_by(Complaint.closed_at.is_not(None), Complaint.opened_at.desc())
        .options(
            selectinload(Complaint.application)
            .selectinload(Application.shift)
            .selectinload(Shift.gig)
        )
    )
    if user.role not in STAFF:
        stmt = stmt.where(
            (Complaint.complainant_id == user.id) | (Complaint.respondent_id == user.id)
        )
    return list(db.session.scalars(stmt.limit(200)))
