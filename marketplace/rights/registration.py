"""Flexible-employment registration (灵活就业登记) and unemployment registration, N(二)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.errors import N_, DomainError, NotFound
from marketplace.i18n import to_local
from marketplace.models import (
    Application,
    AppStatus,
    BenefitFacts,
    Hukou,
    Registration,
    Shift,
    Town,
    User,
    WorkerProfile,
    db,
    utcnow,
)
from marketplace.policy import registration as rule
from marketplace.policy.retirement import GROUPS
from marketplace.rights import wages


class NotEligible(DomainError):
    """N(二) refuses the registration; the first reason is the message."""


class PledgeMissing(DomainError):
    message = N_("Type your full name exactly as in your profile and agree to the pledge.")


@dataclass
class RegistrationInput:
    """What the registration form collected."""

    work_content: str
    started_on: date
    stable_income: bool
    pledge_name: str
    pledge_agreed: bool
    retirement_group: str
    application_id: int | None = None
    employer_name: str = ""


def today() -> date:
    """Today in Ningbo."""
    return to_local(utcnow()).date()


def facts_of(profile: WorkerProfile) -> BenefitFacts:
    """The worker's benefit facts, created empty on first use."""
    facts = db.session.get(BenefitFacts, profile.user_id)
    if facts is None:
        facts = BenefitFacts(worker_id=profile.user_id)
        db.session.add(facts)
        db.session.flush()
    return facts


def group_of(profile: WorkerProfile, facts: BenefitFacts | None) -> str:
    """Retirement group: men are 'male'; for women the chosen group, else female_55 assumed."""
    if profile.sex == "male":
        return "male"
    if facts is not None and facts.retirement_group in ("female_50", "female_55"):
        return facts.retirement_group
    return "female_55"  # flexible workers are not in 50-age posts unless they say so


def completed_marketplace_work(profile: WorkerProfile) -> list[Application]:
    """Accepted shifts with confirmed hours: the marketplace work one may register."""
    return list(
        db.session.scalars(
            select(Application)
            .join(Shift, Shift.id == Application.shift_id)
            .where(
                Application.worker_id == profile.user_id,
                Application.status == AppStatus.ACCEPTED,
                Application.confirmed_at.is_not(None),
            )
            .options(selectinload(Application.shift).selectinload(Shift.gig))
            .order_by(Shift.starts_at)
        )
    )


def registrations_of(profile: WorkerProfile) -> list[Registration]:
    """The worker's registrations, newest first."""
    return list(
        db.session.scalars(
            select(Registration)
            .where(Registration.worker_id == profile.user_id)
            .order_by(Registration.created_at.desc(), Registration.id.desc())
        )
    )


def check(profile: WorkerProfile, data: RegistrationInput, on: date) -> rule.Decision:
    """Run the N(二) rule on the profile and the form."""
    return rule.can_register(
        ningbo_hukou=profile.hukou == Hukou.NINGBO,
        residence_permit_since=profile.residence_permit_since,
        birth=profile.birth_date,
        group=data.retirement_group,
        stable_income=data.stable_income,
        started_on=data.started_on,
        on=on,
    )


def register(
    actor: User, profile: WorkerProfile, data: RegistrationInput, station_id: int | None = None
) -> Registration:
    """Record a registration with its signed pledge; late ones are accepted and flagged.

    ``station_id`` is the station whose staff took it at the counter (None when the worker did).
    """
    if profile.sex == "male":
        data = replace(data, retirement_group="male")  # men have one retirement group
    if data.retirement_group not in GROUPS:
        raise DomainError(N_("Choose a retirement group."))
    if not data.pledge_agreed or data.pledge_name.strip() != profile.real_name:
        raise PledgeMissing()
    if not data.work_content.strip():
        raise DomainError(N_("Say what work you do."))
    on = today()
    decision = check(profile, data, on)
    if not decision.ok:
        msgid, params = decision.reasons[0]
        raise NotEligible(msgid, **params)
    if data.application_id is not None:
        app = db.session.get(Application, data.application_id)
        if app is None or app.worker_id != profile.user_id:
            raise NotFound()
        employer_name = app.shift.gig.employer.name
    else:
        employer_name = data.employer_name.strip()
        if not employer_name:
            raise DomainError(N_("Say for whom you work."))
    facts = facts_of(profile)
    if profile.sex != "male":
        facts.retirement_group = data.retirement_group
    town = db.session.get(Town, profile.town_id)
    reg = Registration(
        worker_id=profile.user_id,
        work_content=data.work_content.strip()[:200],
        application_id=data.application_id,
        employer_name=employer_name[:120],
        started_on=data.started_on,
        stable_income=data.stable_income,
        retirement_group=data.retirement_group,
        pledge_name=data.pledge_name.strip(),
        pledge_signed_at=utcnow(),
        deadline_on=rule.deadline(data.started_on),
        late=rule.is_late(data.started_on, on),
        district_id=town.district_id,
        station_id=station_id,
        registered_by_id=actor.id,
    )
    db.session.add(reg)
    db.session.flush()
    return reg


def own_registration(profile: WorkerProfile, registration_id: int) -> Registration:
    """One of the worker's registrations."""
    reg = db.session.get(Registration, registration_id)
    if reg is None or reg.worker_id != profile.user_id:
        raise NotFound()
    return reg


def places_for(profile: WorkerProfile) -> list[str]:
    """The unemployment-registration places offered: all four of N(二), any one may be chosen."""
    return rule.unemployment_places()


def register_unemployment(
    profile: WorkerProfile, registration_id: int, ended_on: date, place: str
) -> Registration:
    """Record the end of the flexible work and the chosen place of unemployment registration."""
    reg = own_registration(profile, registration_id)
    if reg.ended_on is not None:
        raise DomainError(N_("The end of this work is already recorded."))
    if place not in places_for(profile):
        raise DomainError(N_("Choose one of the places offered."))
    if ended_on < reg.started_on or ended_on > today():
        raise DomainError(N_("The end date must be between the start and today."))
    reg.ended_on = ended_on
    reg.unemployment_place = place
    reg.unemployment_registered_at = utcnow()
    db.session.flush()
    return reg


def prompt(profile: WorkerProfile) -> dict | None:
    """Dashboard prompt: after the first completed marketplace shift, if not registered yet."""
    if registrations_of(profile):
        return None
    done = completed_marketplace_work(profile)
    if not done:
        return None
    started = to_local(done[0].shift.starts_at).date()
    return {
        "started_on": started,
        "deadline_on": rule.deadline(started),
        "days_left": rule.days_left(started, today()),
    }


def staff_list(district_id: int | None = None, station_id: int | None = None) -> list[Registration]:
    """Registrations for staff, optionally of one district and/or station, newest first."""
    stmt = (
        select(Registration)
        .options(
            selectinload(Registration.worker),
            selectinload(Registration.district),
            selectinload(Registration.station),
        )
        .order_by(Registration.created_at.desc(), Registration.id.desc())
    )
    if district_id:
        stmt = stmt.where(Registration.district_id == district_id)
    if station_id:
        stmt = stmt.where(Registration.station_id == station_id)
    return list(db.session.scalars(stmt))


def dashboard_panel(profile: WorkerProfile) -> dict:
    """What the worker dashboard shows: the registration prompt and shifts unpaid past due."""
    return {
        "prompt": prompt(profile),
        "unpaid": wages.unpaid_of(profile.user_id, today()),
    }
