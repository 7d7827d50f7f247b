"""Worker profile rules: identity checks, encryption, uniqueness."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.errors import N_, DomainError, from_value_error
from marketplace.i18n import to_local
from marketplace.models import BenefitFacts, Hukou, Season, User, WorkerProfile, db, utcnow
from marketplace.policy import working_age
from marketplace.policy.identity import parse_id_number
from marketplace.reference import get_town, skills_by_ids
from marketplace.security import encrypt_id_number, id_number_index


class IdNumberTaken(DomainError):
    message = N_("This ID number is already registered to another account.")


class IdNumberRequired(DomainError):
    message = N_("Enter your ID card number.")


@dataclass
class WorkerProfileInput:
    """What the profile form collected."""

    real_name: str
    id_number: str
    hukou: Hukou
    town_id: int
    max_travel_km: int = 10
    residence_permit_since: date | None = None
    skill_ids: list[int] = field(default_factory=list)
    skills_text: str = ""
    expected_daily_pay_fen: int | None = None
    weekdays: list[int] = field(default_factory=lambda: list(range(7)))
    season_ids: list[int] = field(default_factory=list)
    available_from: date | None = None
    available_until: date | None = None


def profile_of(user: User) -> WorkerProfile | None:
    """The worker's profile, if filled in."""
    return db.session.get(WorkerProfile, user.id)


def _identity(data: WorkerProfileInput, profile: WorkerProfile | None, user: User) -> dict:
    text = data.id_number.strip()
    if not text:
        if profile is None:
            raise IdNumberRequired()
        return {}
    try:
        parsed = parse_id_number(text, min_age=0)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    today = to_local(utcnow()).date()
    check_working_age(user.id, parsed.birth_date, parsed.sex, today)
    digest = id_number_index(parsed.number)
    owner = db.session.scalar(
        select(WorkerProfile.user_id).where(WorkerProfile.id_number_hash == digest)
    )
    if owner is not None and owner != user.id:
        raise IdNumberTaken()
    return {
        "id_number_enc": encrypt_id_number(parsed.number),
        "id_number_hash": digest,
        "id_number_masked": parsed.masked,
        "birth_date": parsed.birth_date,
        "sex": parsed.sex,
    }


def check_working_age(
    worker_id: int, birth: date, sex: str, first_day: date, last_day: date | None = None
) -> None:
    """Refuse work outside the person's own working age (POLICY §1, policy.working_age)."""
    facts = db.session.get(BenefitFacts, worker_id)
    group = working_age.group_for(sex, facts.retirement_group if facts else None)
    refused = working_age.refusal(birth, group, first_day, last_day)
    if refused is not None:
        msgid, params = refused
        raise DomainError(msgid, **params)


def _check_rest(data: WorkerProfileInput) -> None:
    if get_town(data.town_id) is None:
        raise DomainError(N_("Choose a town or street from the list."))
    if data.available_from and data.available_until and data.available_until < data.available_from:
        raise DomainError(N_("'Available until' must not be before 'available from'."))
    if not data.weekdays:
        raise DomainError(N_("Choose at least one day."))
    if data.hukou == Hukou.NINGBO and data.residence_permit_since:
        raise DomainError(N_("A residence permit is only for people without Ningbo 户籍."))
    if data.residence_permit_since and data.residence_permit_since > date.today():
        raise DomainError(N_("The residence permit date cannot be in the future."))


def save_profile(user: User, data: WorkerProfileInput) -> WorkerProfile:
    """Create or update the worker's profile after checking every rule."""
    profile = profile_of(user)
    identity = _identity(data, profile, user)
    _check_rest(data)
    if profile is None:
        profile = WorkerProfile(user_id=user.id, **identity)
        db.session.add(profile)
    else:
        for key, value in identity.items():
            setattr(profile, key, value)
    profile.real_name = data.real_name.strip()
    profile.hukou = data.hukou
    profile.residence_permit_since = data.residence_permit_since
    profile.town_id = data.town_id
    profile.max_travel_km = data.max_travel_km
    profile.skills = skills_by_ids(data.skill_ids)
    profile.skills_text = data.skills_text.strip()
    profile.expected_daily_pay_fen = data.expected_daily_pay_fen
    profile.weekdays = sum(1 << d for d in set(data.weekdays) if 0 <= d < 7)
    profile.seasons = (
        list(db.session.scalars(select(Season).where(Season.id.in_(data.season_ids))))
        if data.season_ids
        else []
    )
    profile.available_from = data.available_from
    profile.available_until = data.available_until
    if not user.display_name:
        user.display_name = profile.real_name
    db.session.flush()
    versions.bump(versions.WORKERS)
    return profile
