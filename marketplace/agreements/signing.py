"""Signing agreements: on the phone by either party, or on a station kiosk with staff as witness.

Each signature keeps the typed name, the hash of the text shown, time and IP; when both parties
have signed the agreement is in force and any earlier one for the same application superseded.
"""

from __future__ import annotations

from sqlalchemy import select

from marketplace.agreements import templating
from marketplace.agreements.services import open_agreement, party_of, text_of
from marketplace.errors import N_, DomainError, Forbidden
from marketplace.models import (
    Agreement,
    AgreementSignature,
    AgreementStatus,
    Application,
    EmployerProfile,
    Party,
    User,
    WorkerProfile,
    db,
    utcnow,
)


class NameMismatch(DomainError):
    message = N_("Type your full name exactly as it is in your profile.")


class ConsentMissing(DomainError):
    message = N_("Tick the box to agree before signing.")


class AgreementChanged(DomainError):
    message = N_("The agreement changed since you opened it. Read it again, then sign.")


def _expected_name(user: User, party: Party) -> set[str]:
    if party == Party.WORKER:
        profile = db.session.get(WorkerProfile, user.id)
        return {profile.real_name} if profile else set()
    employer = db.session.get(EmployerProfile, user.id)
    return {employer.contact_name, employer.name} if employer else set()


def _normalise(name: str) -> str:
    return "".join(name.split())


def sign(
    user: User, agreement_id: int, typed_name: str, consent: bool, shown_hash: str, ip: str = ""
) -> Agreement:
    """A party signs the text they were shown; both signatures put the agreement in force."""
    agreement = open_agreement(user, agreement_id)
    party = party_of(user, agreement)
    if party is None:
        raise Forbidden()
    return _sign(agreement, party, user, typed_name, consent, shown_hash, ip=ip)


def sign_at_kiosk(
    staff: User,
    station_id: int,
    agreement_id: int,
    worker: User,
    typed_name: str,
    consent: bool,
    shown_hash: str,
    ip: str = "",
) -> Agreement:
    """A worker signs on a station kiosk with staff present; the staff member is the witness."""
    agreement = open_agreement(staff, agreement_id, ip)
    if party_of(worker, agreement) != Party.WORKER:
        raise Forbidden()
    return _sign(
        agreement,
        Party.WORKER,
        worker,
        typed_name,
        consent,
        shown_hash,
        ip=ip,
        witness_id=staff.id,
        station_id=station_id,
    )


def _sign(
    agreement: Agreement,
    party: Party,
    signer: User,
    typed_name: str,
    consent: bool,
    shown_hash: str,
    *,
    ip: str,
    witness_id: int | None = None,
    station_id: int | None = None,
) -> Agreement:
    if agreement.status != AgreementStatus.DRAFT:
        raise DomainError(N_("This agreement cannot be signed any more."))
    if agreement.signature_of(party) is not None:
        raise DomainError(N_("You have already signed this agreement."))
    if not consent:
        raise ConsentMissing()
    if _normalise(typed_name) not in {_normalise(n) for n in _expected_name(signer, party)}:
        raise NameMismatch()
    text = text_of(agreement)
    digest = templating.content_hash(text)
    if shown_hash != digest:
        raise AgreementChanged()
    agreement.rendered_text, agreement.content_hash = text, digest
    agreement.signatures.append(
        AgreementSignature(
            party=party,
            signer_id=signer.id,
            typed_name=typed_name.strip(),
            content_hash=digest,
            signed_at=utcnow(),
            ip=ip[:45],
            witness_id=witness_id,
            station_id=station_id,
        )
    )
    if {s.party for s in agreement.signatures} == set(Party):
        _put_in_force(agreement)
    db.session.flush()
    return agreement


def drafts_for_worker(worker_id: int) -> list[Agreement]:
    """Agreements waiting for the worker's signature (for the kiosk)."""
    drafts = db.session.scalars(
        select(Agreement)
        .join(Application, Application.id == Agreement.application_id)
        .where(Application.worker_id == worker_id, Agreement.status == AgreementStatus.DRAFT)
    )
    return [a for a in drafts if a.signature_of(Party.WORKER) is None]


def _put_in_force(agreement: Agreement) -> None:
    agreement.status = AgreementStatus.IN_FORCE
    agreement.in_force_at = utcnow()
    for older in db.session.scalars(
        select(Agreement).where(
            Agreement.application_id == agreement.application_id,
            Agreement.id != agreement.id,
            Agreement.status == AgreementStatus.IN_FORCE,
        )
    ):
        older.status = AgreementStatus.SUPERSEDED
