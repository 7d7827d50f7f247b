"""Gather a worker's facts into the pure entitlement answers (我能享受哪些政策)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from marketplace.models import (
    Application,
    AppStatus,
    BenefitFacts,
    Gig,
    Shift,
    User,
    WorkerProfile,
    db,
)
from marketplace.policy import entitlements as rule
from marketplace.policy import support
from marketplace.policy.subsidy import EDUCATION_LEVELS
from marketplace.rights.registration import facts_of, group_of, registrations_of, today


@dataclass
class Entitlements:
    """The answers shown on the page."""

    group: str
    group_assumed: bool
    retirement: rule.Answer
    pension: rule.Answer
    medical: rule.Answer
    subsidy: rule.Answer
    gigs: list[Gig]
    union: rule.Answer
    title: rule.Answer
    start_up: rule.Answer
    housing: rule.Answer
    assistance: rule.Answer


@dataclass
class FactsInput:
    """What the worker says about themself on the entitlements page."""

    retirement_group: str | None
    left_school_on: date | None
    education: str | None
    pays_as_individual: bool
    insured_elsewhere: bool
    business_started_on: date | None = None


def save_facts(profile: WorkerProfile, data: FactsInput) -> BenefitFacts:
    """Keep the worker's answers; only a woman chooses her retirement group (men are 'male')."""
    facts = facts_of(profile)
    if profile.sex != "male" and data.retirement_group in ("female_50", "female_55"):
        facts.retirement_group = data.retirement_group
    facts.left_school_on = data.left_school_on
    facts.education = data.education if data.education in EDUCATION_LEVELS else None
    facts.pays_as_individual = data.pays_as_individual
    facts.insured_elsewhere = data.insured_elsewhere
    facts.business_started_on = data.business_started_on
    db.session.flush()
    return facts


def set_hard_to_employ(
    staff: User, profile: WorkerProfile, hard_to_employ: bool, subsidy_approved_on: date | None
) -> BenefitFacts:
    """Station staff set the 就业困难人员 status and the subsidy approval date, signed by them."""
    facts = facts_of(profile)
    facts.hard_to_employ = hard_to_employ
    facts.hard_to_employ_set_by_id = staff.id
    facts.subsidy_approved_on = subsidy_approved_on
    db.session.flush()
    return facts


def person_of(profile: WorkerProfile) -> tuple[rule.Person, bool]:
    """The policy's view of the worker, and whether the retirement group was assumed."""
    facts = facts_of(profile)
    group = group_of(profile, facts)
    assumed = profile.sex != "male" and facts.retirement_group is None
    person = rule.Person(
        hukou=profile.hukou.value,
        birth=profile.birth_date,
        group=group,
        residence_permit_since=profile.residence_permit_since,
        registered=any(r.ended_on is None for r in registrations_of(profile)),
        insured_elsewhere=facts.insured_elsewhere,
        hard_to_employ=facts.hard_to_employ,
        left_school_on=facts.left_school_on,
        education=facts.education,
        pays_as_individual=facts.pays_as_individual,
        subsidy_approved_on=facts.subsidy_approved_on,
        business_started_on=facts.business_started_on,
        skill_categories=frozenset(s.category.code for s in profile.skills),
    )
    return person, assumed


def worker_gigs(profile: WorkerProfile) -> list[Gig]:
    """Gigs the worker was accepted for, to show which employers insure work injury (N(十))."""
    return list(
        db.session.scalars(
            select(Gig)
            .join(Shift, Shift.gig_id == Gig.id)
            .join(Application, Application.shift_id == Shift.id)
            .where(
                Application.worker_id == profile.user_id,
                Application.status == AppStatus.ACCEPTED,
            )
            .distinct()
            .order_by(Gig.id.desc())
            .limit(30)
        )
    )


def entitlements_of(profile: WorkerProfile) -> Entitlements:
    """Every answer for the page."""
    person, assumed = person_of(profile)
    on = today()
    return Entitlements(
        group=person.group,
        group_assumed=assumed,
        retirement=rule.retirement(person),
        pension=rule.pension(person),
        medical=rule.medical(person, on),
        subsidy=rule.social_subsidy(person, on),
        gigs=worker_gigs(profile),
        union=support.trade_union(person),
        title=support.professional_title(person),
        start_up=support.start_up(person, on),
        housing=support.housing_and_schooling(person, on),
        assistance=support.social_assistance(),
    )
