"""Station staff verify employers: a queue with the credit-code check, approve or reject."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from marketplace.accounts.services import audit
from marketplace.employers.services import ORGANISATIONS
from marketplace.employers.trust import publish_waiting_gigs
from marketplace.errors import N_, DomainError, NotFound
from marketplace.models import EmployerProfile, Gig, Station, User, Verification, db, utcnow
from marketplace.notifications.services import notify
from marketplace.policy.credit_code import normalise_credit_code
from marketplace.policy.identity import IdentityError

QUEUE_LIMIT = 200
RECENT_GIGS_DAYS = 90  # "recent gigs" on the detail page: posted in the last three months
REASON_MAX = 1000
PROFILE_LINK = "/employer/profile"


class CreditCheck(enum.StrEnum):
    """The GB 32100-2015 check of an employer's 统一社会信用代码."""

    VALID = "valid"
    NOT_NEEDED = "not_needed"  # individuals and households need no credit code
    MISSING = "missing"  # a company or platform without one
    INVALID = "invalid"  # present but fails GB 32100: ``credit_fault`` says which part


class AlreadyDecided(DomainError):
    message = N_(
        "This employer is not waiting for verification any more; "
        "only waiting employers can be approved or rejected."
    )


class CreditCodeFails(DomainError):
    message = N_(
        "The credit code fails the GB 32100 check, so this employer cannot be approved. "
        "Reject it with a reason so the employer can correct it."
    )


class CreditCodeMissing(DomainError):
    message = N_(
        "Companies and platforms need a credit code before they can be approved. "
        "Reject it with a reason so the employer can add it."
    )


class ReasonRequired(DomainError):
    message = N_("Write the reason for the rejection: the employer sees it.")


class ReasonTooLong(DomainError):
    message = N_("The reason may be at most %(max)d characters.")


@dataclass
class QueueRow:
    """A waiting employer with the check result and how many others share its name."""

    profile: EmployerProfile
    check: CreditCheck
    same_name: int = 0
    fault: str = ""  # msgid: what is wrong with the credit code when the check is INVALID


@dataclass
class EmployerDetail:
    """One employer as staff see it before deciding."""

    profile: EmployerProfile
    check: CreditCheck
    same_name: list[EmployerProfile] = field(default_factory=list)
    recent_gigs: int = 0
    all_gigs: int = 0
    fault: str = ""  # msgid: what is wrong with the credit code when the check is INVALID


def credit_fault(profile: EmployerProfile) -> str:
    """What is wrong with the stored credit code (a msgid for staff), or "" when it passes."""
    if not profile.credit_code:
        return ""
    try:
        normalise_credit_code(profile.credit_code)
    except IdentityError as exc:
        return exc.msgid
    return ""


def credit_check(profile: EmployerProfile) -> CreditCheck:
    """Check the employer's credit code against GB 32100-2015 and the rule for its kind."""
    if profile.credit_code:
        return CreditCheck.INVALID if credit_fault(profile) else CreditCheck.VALID
    return CreditCheck.MISSING if profile.kind in ORGANISATIONS else CreditCheck.NOT_NEEDED


def _name_key(name: str) -> str:
    return name.strip().lower()


def _name_counts(names: set[str]) -> dict[str, int]:
    """How many employer profiles carry each of ``names`` (compared case-insensitively)."""
    if not names:
        return {}
    key = func.lower(func.trim(EmployerProfile.name))
    rows = db.session.execute(select(key, func.count()).where(key.in_(sorted(names))).group_by(key))
    return {name: count for name, count in rows}


def queue(limit: int = QUEUE_LIMIT) -> list[QueueRow]:
    """Employers waiting for verification, oldest first, each with its credit-code check."""
    pending = list(
        db.session.scalars(
            select(EmployerProfile)
            .options(selectinload(EmployerProfile.town))
            .where(EmployerProfile.verification == Verification.PENDING)
            .order_by(EmployerProfile.created_at, EmployerProfile.user_id)
            .limit(limit)
        )
    )
    counts = _name_counts({_name_key(p.name) for p in pending})
    return [
        QueueRow(p, credit_check(p), counts.get(_name_key(p.name), 1) - 1, credit_fault(p))
        for p in pending
    ]


def _profile(employer_id: int, lock: bool = False) -> EmployerProfile:
    profile = db.session.get(EmployerProfile, employer_id, with_for_update=lock)
    if profile is None:
        raise NotFound()
    return profile


def _gig_count(employer_id: int, since=None) -> int:
    stmt = select(func.count(Gig.id)).where(Gig.employer_id == employer_id)
    if since is not None:
        stmt = stmt.where(Gig.created_at >= since)
    return db.session.scalar(stmt) or 0


def detail(staff: User, station: Station, employer_id: int, ip: str = "") -> EmployerDetail:
    """An employer's details for staff (the view is logged: it shows the contact's mobile)."""
    profile = _profile(employer_id)
    audit(staff, "kiosk_view_employer", f"employer:{employer_id}", f"station:{station.code}", ip)
    key = _name_key(profile.name)
    others = db.session.scalars(
        select(EmployerProfile)
        .where(
            func.lower(func.trim(EmployerProfile.name)) == key,
            EmployerProfile.user_id != profile.user_id,
        )
        .order_by(EmployerProfile.created_at)
    )
    return EmployerDetail(
        profile=profile,
        check=credit_check(profile),
        same_name=list(others),
        recent_gigs=_gig_count(employer_id, utcnow() - timedelta(days=RECENT_GIGS_DAYS)),
        all_gigs=_gig_count(employer_id),
        fault=credit_fault(profile),
    )


def _waiting(employer_id: int) -> EmployerProfile:
    """The employer, locked for the decision; AlreadyDecided unless it is still pending."""
    profile = _profile(employer_id, lock=True)
    if profile.verification != Verification.PENDING:
        raise AlreadyDecided()
    return profile


def _log(staff: User, station: Station, profile: EmployerProfile, detail: str, ip: str) -> None:
    subject = f"employer:{profile.user_id}"
    audit(staff, "kiosk_verify_employer", subject, f"station:{station.code} {detail}", ip)


def approve(staff: User, station: Station, employer_id: int, ip: str = "") -> EmployerProfile:
    """Verify a waiting employer and publish its waiting gigs; refused if its credit code fails."""
    profile = _waiting(employer_id)
    check = credit_check(profile)
    if check == CreditCheck.INVALID:
        raise CreditCodeFails()
    if check == CreditCheck.MISSING:
        raise CreditCodeMissing()
    profile.verification = Verification.VERIFIED
    profile.verified_at = utcnow()
    profile.verification_note = ""
    db.session.flush()
    publish_waiting_gigs(profile.user_id)
    _log(staff, station, profile, "decision:verified", ip)
    notify(profile.user_id, "employer_verified", profile.name, PROFILE_LINK)
    return profile


def _short(text: str, limit: int = 120) -> str:
    """The reason cut to fit a notification's subject, marked when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reject(
    staff: User, station: Station, employer_id: int, reason: str, ip: str = ""
) -> EmployerProfile:
    """Refuse a waiting employer with a reason the employer sees on the profile and inbox."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    if len(reason) > REASON_MAX:
        raise ReasonTooLong(max=REASON_MAX)
    profile = _waiting(employer_id)
    profile.verification = Verification.REJECTED
    profile.verified_at = None
    profile.verification_note = reason
    db.session.flush()
    _log(staff, station, profile, f"decision:rejected reason:{reason}", ip)
    notify(profile.user_id, "employer_rejected", _short(reason), PROFILE_LINK)
    return profile
