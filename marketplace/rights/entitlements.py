"""Gather a worker's facts into the pure entitlement answers (我能享受哪些政策)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from marketplace.models import Application, AppStatus, Gig, Shift, WorkerProfile, db
from marketplace.policy import entitlements as rule
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
        pays_as_individual=facts.pays_as_individual,
        subsidy_approved_on=facts.subsidy_approved_on,
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
    )
