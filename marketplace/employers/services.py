"""Employer profile rules: credit codes for organisations, re-verification on change."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from marketplace.errors import N_, DomainError, from_value_error
from marketplace.models import EmployerKind, EmployerProfile, User, Verification, db
from marketplace.policy.credit_code import normalise_credit_code
from marketplace.reference import get_town

ORGANISATIONS = (EmployerKind.COMPANY, EmployerKind.PLATFORM)


class CreditCodeRequired(DomainError):
    message = N_("Companies and platforms must give their unified social credit code.")


class CreditCodeTaken(DomainError):
    message = N_("This credit code is already registered to another account.")


@dataclass
class EmployerProfileInput:
    """What the employer profile form collected."""

    kind: EmployerKind
    name: str
    credit_code: str
    contact_name: str
    town_id: int
    address: str


def profile_of(user: User) -> EmployerProfile | None:
    """The employer's profile, if filled in."""
    return db.session.get(EmployerProfile, user.id)


def _credit_code(data: EmployerProfileInput, user: User) -> str | None:
    text = data.credit_code.strip()
    if data.kind not in ORGANISATIONS and not text:
        return None
    if not text:
        raise CreditCodeRequired()
    try:
        code = normalise_credit_code(text)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    owner = db.session.scalar(
        select(EmployerProfile.user_id).where(EmployerProfile.credit_code == code)
    )
    if owner is not None and owner != user.id:
        raise CreditCodeTaken()
    return code


def save_profile(user: User, data: EmployerProfileInput) -> EmployerProfile:
    """Create or update the profile; a new name or code, or a save after a refusal, re-verifies."""
    code = _credit_code(data, user)
    if get_town(data.town_id) is None:
        raise DomainError(N_("Choose a town or street from the list."))
    profile = profile_of(user)
    if profile is None:
        profile = EmployerProfile(user_id=user.id, verification=Verification.PENDING)
        db.session.add(profile)
    elif profile.verification == Verification.REJECTED or (
        (profile.credit_code, profile.name, profile.kind) != (code, data.name.strip(), data.kind)
    ):
        profile.verification = Verification.PENDING
        profile.verified_at = None
    profile.kind = data.kind
    profile.name = data.name.strip()
    profile.credit_code = code
    profile.contact_name = data.contact_name.strip()
    profile.town_id = data.town_id
    profile.address = data.address.strip()
    if not user.display_name:
        user.display_name = profile.name
    db.session.flush()
    return profile
