"""Agreement rules: drafts on acceptance, limits on changes, signatures, access and verification."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from marketplace.accounts.services import audit
from marketplace.agreements import templating
from marketplace.employers.trust import is_trusted
from marketplace.errors import N_, DomainError, Forbidden, NotFound, from_value_error
from marketplace.models import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    Application,
    EmployerProfile,
    Party,
    Role,
    User,
    db,
    utcnow,
)
from marketplace.policy.labour_relation import AgreementKind

MAX_CLAUSE_CHARS = 500
OVERSEERS = (Role.STAFF, Role.ADMIN)  # POLICY §3 access: station staff and administrators


class PayBelowPost(DomainError):
    message = N_("The agreement may not pay less than the gig post (%(pay)s yuan).")


class AwaitingVerification(DomainError):
    message = N_(
        "An agreement shows the worker's name, ID and mobile: it opens once station staff "
        "have verified your organisation."
    )


class NotEditable(DomainError):
    message = N_("This agreement has been replaced by a newer version.")


def current_template(kind: AgreementKind) -> AgreementTemplate:
    """The newest published version of a template; version 1 comes from the shipped file."""
    template = db.session.scalar(
        select(AgreementTemplate)
        .where(AgreementTemplate.kind == kind)
        .order_by(AgreementTemplate.version.desc())
        .limit(1)
    )
    if template is None:
        version, source = templating.file_source(kind)
        template = AgreementTemplate(kind=kind, version=version, source=source, note="")
        db.session.add(template)
        db.session.flush()
    return template


def current_agreement(app: Application) -> Agreement | None:
    """The newest revision of an application's agreement, if there is one."""
    return db.session.scalar(
        select(Agreement)
        .where(Agreement.application_id == app.id)
        .order_by(Agreement.revision.desc())
        .limit(1)
    )


def create_draft(app: Application) -> Agreement | None:
    """On acceptance: a draft from the gig's template; none when a full-time labour contract is
    signed directly with the employer (a part-time one is drafted here, POLICY §4)."""
    gig = app.shift.gig
    kind = gig.agreement_kind
    if kind is None:  # POLICY §3: full-time labour relationship → labour contract off the platform
        return None
    existing = current_agreement(app)
    if existing is not None:  # accepted again after a withdrawal: keep what was agreed
        return existing
    agreement = Agreement(
        application_id=app.id,
        template=current_template(kind),
        revision=1,
        pay_fen=gig.pay_fen,
        clauses_json=json.dumps(templating.default_clauses(gig.description), ensure_ascii=False),
        status=AgreementStatus.DRAFT,
        created_at=utcnow(),
    )
    db.session.add(agreement)
    db.session.flush()
    return agreement


def party_of(user: User, agreement: Agreement) -> Party | None:
    """Which side the user signs for, if any."""
    app = agreement.application
    if user.id == app.worker_id:
        return Party.WORKER
    if user.id == app.shift.gig.employer_id:
        return Party.EMPLOYER
    return None


def readable_agreement(user: User, agreement_id: int) -> Agreement:
    """An agreement its two parties, station staff and admins may read (not logged here)."""
    agreement = db.session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFound()
    _check_reader(user, agreement)
    return agreement


def _check_reader(user: User, agreement: Agreement) -> None:
    """Its parties, staff and admins; an employer not yet trusted sees no worker's details."""
    party = party_of(user, agreement)
    if party is None and user.role not in OVERSEERS:
        raise Forbidden()
    if party == Party.EMPLOYER and not is_trusted(db.session.get(EmployerProfile, user.id)):
        raise AwaitingVerification()


def log_view(user: User, agreement: Agreement, ip: str = "") -> None:
    """Audit-log a view of the agreement by someone who is not one of its parties."""
    if party_of(user, agreement) is None:
        audit(user, "agreement_view", f"agreement:{agreement.id}", ip=ip)


def open_agreement(user: User, agreement_id: int, ip: str = "") -> Agreement:
    """An agreement for its two parties, station staff and admins; staff views are logged."""
    agreement = readable_agreement(user, agreement_id)
    log_view(user, agreement, ip)
    return agreement


def agreement_for_application(user: User, app_id: int) -> Agreement:
    """The current agreement of an application the user may see."""
    app = db.session.get(Application, app_id)
    agreement = current_agreement(app) if app is not None else None
    if agreement is None:
        raise NotFound()
    _check_reader(user, agreement)
    return agreement


def text_of(agreement: Agreement) -> str:
    """The frozen text once anyone signed, else the live draft."""
    return agreement.rendered_text or templating.render(agreement)


def _check_clauses(clauses: dict[str, str]) -> dict[str, str]:
    cleaned = {k: (clauses.get(k) or "").strip() for k in templating.EDITABLE_CLAUSES}
    if not cleaned["work_content"]:
        raise DomainError(N_("Describe the work."))
    if not cleaned["pay_method"]:
        raise DomainError(N_("Say how the pay is paid."))
    if any(len(v) > MAX_CLAUSE_CHARS for v in cleaned.values()):
        raise DomainError(N_("Each clause may have at most %(n)s characters."), n=MAX_CLAUSE_CHARS)
    return cleaned


def edit(user: User, agreement_id: int, pay_fen: int, clauses: dict[str, str]) -> Agreement:
    """The employer adjusts pay (never lower) and free-text clauses; signed text is kept."""
    agreement = open_agreement(user, agreement_id)
    if party_of(user, agreement) != Party.EMPLOYER:
        raise Forbidden()
    if (
        agreement.status == AgreementStatus.SUPERSEDED
        or current_agreement(agreement.application) is not agreement
    ):
        raise NotEditable()
    gig = agreement.application.shift.gig
    if pay_fen < gig.pay_fen:
        raise PayBelowPost(pay=templating.fen_to_yuan(gig.pay_fen))
    text = json.dumps(_check_clauses(clauses), ensure_ascii=False)
    if agreement.rendered_text is None:
        agreement.pay_fen, agreement.clauses_json = pay_fen, text
        db.session.flush()
        return agreement
    # Signed text never changes: a change is a new revision that both sign again.
    if agreement.status == AgreementStatus.DRAFT:
        agreement.status = AgreementStatus.SUPERSEDED
    revised = Agreement(
        application_id=agreement.application_id,
        template_id=agreement.template_id,
        revision=agreement.revision + 1,
        pay_fen=pay_fen,
        clauses_json=text,
        status=AgreementStatus.DRAFT,
        created_at=utcnow(),
    )
    db.session.add(revised)
    db.session.flush()
    return revised


@dataclass(frozen=True)
class Verification:
    """What the public verification page may show: no personal data."""

    valid: bool
    agreement: Agreement | None = None


def verify(digest: str) -> Verification:
    """A signed agreement whose stored text still has this SHA-256; tampering fails it."""
    agreement = db.session.scalar(select(Agreement).where(Agreement.content_hash == digest))
    if agreement is None or agreement.rendered_text is None:
        return Verification(False)
    intact = templating.content_hash(agreement.rendered_text) == digest and all(
        s.content_hash == digest for s in agreement.signatures
    )
    signed = agreement.status in (AgreementStatus.IN_FORCE, AgreementStatus.SUPERSEDED)
    return Verification(intact and signed, agreement if intact else None)


def templates_overview() -> list[AgreementTemplate]:
    """The newest version of every template kind (created from the files when missing)."""
    return [current_template(kind) for kind in AgreementKind]


def template_versions(kind: AgreementKind) -> int:
    """How many versions of a template exist."""
    return (
        db.session.scalar(
            select(func.count(AgreementTemplate.id)).where(AgreementTemplate.kind == kind)
        )
        or 0
    )


def publish_template(
    user: User, kind: AgreementKind, source: str, note: str = ""
) -> AgreementTemplate:
    """An admin publishes a new version; signed agreements keep the version they used."""
    if user.role != Role.ADMIN:
        raise Forbidden()
    try:
        templating.validate_source(source)
    except templating.TemplateInvalid as exc:
        raise from_value_error(exc) from exc
    latest = current_template(kind)
    template = AgreementTemplate(
        kind=kind,
        version=latest.version + 1,
        source=source,
        note=note.strip()[:200],
        published_by_id=user.id,
        published_at=utcnow(),
    )
    db.session.add(template)
    db.session.flush()
    audit(user, "template_publish", f"agreement_template:{kind.value}:{template.version}")
    return template
