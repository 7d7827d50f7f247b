"""Employers earn trust before they see people: what an employer may do before verification.

Until station staff verify an employer, its gigs wait as drafts (待审核: seen by the employer
and staff only) and it sees no worker's name, town or contact. Verification publishes the
waiting gigs. ``HOUSEHOLDS_ACT_BEFORE_VERIFICATION`` lets a city relax this for households.
"""

from __future__ import annotations

from flask import current_app, g
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.models import (
    EmployerKind,
    EmployerProfile,
    Gig,
    GigStatus,
    Role,
    User,
    WorkerProfile,
    db,
    utcnow,
)


def is_trusted(profile: EmployerProfile | None) -> bool:
    """Verified by staff, or a household where the city lets households act before that."""
    if profile is None:
        return False
    if profile.is_verified:
        return True
    relaxed = current_app.config.get("HOUSEHOLDS_ACT_BEFORE_VERIFICATION", False)
    return bool(relaxed) and profile.kind == EmployerKind.HOUSEHOLD


def status_for_new_gig(profile: EmployerProfile) -> GigStatus:
    """A trusted employer's gig opens at once; anyone else's waits as a draft."""
    return GigStatus.OPEN if is_trusted(profile) else GigStatus.DRAFT


def may_see_gig(user: User | None, gig: Gig) -> bool:
    """A draft is seen by its employer and by station staff; every other gig by anyone."""
    if gig.status != GigStatus.DRAFT:
        return True
    if user is None or not user.is_authenticated:
        return False
    return user.id == gig.employer_id or user.role in (Role.STAFF, Role.ADMIN)


def publish_waiting_gigs(employer_id: int) -> int:
    """Open the employer's drafts (close those whose shifts are all past); how many opened."""
    drafts = db.session.scalars(
        select(Gig).where(Gig.employer_id == employer_id, Gig.status == GigStatus.DRAFT)
    ).all()
    now = utcnow()
    opened = 0
    for gig in drafts:
        upcoming = any(s.starts_at > now for s in gig.shifts)
        gig.status = GigStatus.OPEN if upcoming else GigStatus.CLOSED
        opened += upcoming
    if drafts:
        db.session.flush()
        versions.bump(versions.GIGS)
    return opened


def names_shown() -> bool:
    """Whether the signed-in user may see workers' names: anyone but an untrusted employer."""
    user = current_user
    if not user or not user.is_authenticated or user.role != Role.EMPLOYER:
        return True
    known = g.get("names_shown")  # asked once per row of a list: look the employer up once
    if known is None or known[0] != user.id:
        known = g.names_shown = (user.id, is_trusted(db.session.get(EmployerProfile, user.id)))
    return known[1]


def shown_name(worker: WorkerProfile, number: int | None = None) -> str:
    """The worker's real name, or a stand-in while the viewing employer is not verified."""
    if names_shown():
        return worker.real_name
    if number is None:
        return gettext("Name shown after verification")
    return gettext("Worker %(n)d", n=number)
