"""What a worker is entitled to, read out at the station kiosk (我能享受哪些政策, issue 6)."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.accounts.services import audit
from marketplace.errors import NotFound
from marketplace.models import BenefitFacts, Station, User, WorkerProfile, db
from marketplace.policy.training import Course, courses_for, load_courses
from marketplace.rights.entitlements import Entitlements, entitlements_of
from marketplace.rights.registration import facts_of


@dataclass
class KioskEntitlements:
    """The worker page's answers, plus the staff-set facts they rest on."""

    profile: WorkerProfile
    answers: Entitlements
    facts: BenefitFacts
    courses: list[Course]


def open_entitlements(
    staff: User, station: Station, worker_id: int, ip: str = ""
) -> KioskEntitlements:
    """A worker's entitlements for staff at ``station``; each view is audit-logged."""
    profile = db.session.get(WorkerProfile, worker_id)
    if profile is None:
        raise NotFound()
    audit(staff, "kiosk_view_entitlements", f"user:{worker_id}", f"station:{station.code}", ip)
    return KioskEntitlements(
        profile=profile,
        answers=entitlements_of(profile),
        facts=facts_of(profile),
        courses=courses_for({s.category.code for s in profile.skills}, load_courses()),
    )
