"""Follow referrals to their outcome: from the marketplace's own records, or as staff record it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.errors import N_, DomainError
from marketplace.matchmaking.records import NO_SHOW_GRACE
from marketplace.models import (
    Application,
    AppStatus,
    Referral,
    ReferralStatus,
    Shift,
    User,
    WorkerProfile,
    db,
    utcnow,
)

REFERRALS_SHOWN = 200


def outcome_of(application: Application | None) -> ReferralStatus | None:
    """What an application says about a referral; None when there is none."""
    if application is None:
        return None
    if application.confirmed_at is not None:
        return ReferralStatus.COMPLETED
    if application.status == AppStatus.ACCEPTED:
        missed = application.checked_in_at is None and (
            application.shift.ends_at < utcnow() - NO_SHOW_GRACE
        )
        return ReferralStatus.NO_SHOW if missed else ReferralStatus.HIRED
    if application.status == AppStatus.NO_SHOW:
        return ReferralStatus.NO_SHOW
    if application.status in (AppStatus.REJECTED, AppStatus.WITHDRAWN):
        return ReferralStatus.DECLINED
    return ReferralStatus.APPLIED


def _applications(refs: list[Referral]) -> dict[tuple[int, int | None, int], Application]:
    """Each referred worker's application to the referred shift, in one query.

    Keys are (worker, shift, gig) for a referral to a shift and (worker, None, gig) for one to a
    whole gig (the newest application to any of its shifts).
    """
    workers = {r.worker_id for r in refs if r.worker_id}
    gigs = {r.gig_id for r in refs if r.worker_id}
    if not workers:
        return {}
    found: dict[tuple[int, int | None, int], Application] = {}
    for app in db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(Application.worker_id.in_(workers), Shift.gig_id.in_(gigs))
        .options(selectinload(Application.shift))
        .order_by(Application.created_at, Application.id)
    ):
        found[(app.worker_id, app.shift_id, app.shift.gig_id)] = app
        found[(app.worker_id, None, app.shift.gig_id)] = app
    return found


def refresh(refs: list[Referral]) -> int:
    """Bring worker referrals up to date from applications; returns how many changed."""
    apps = _applications(refs)
    changed = 0
    for ref in refs:
        if ref.worker_id is None:
            continue
        status = outcome_of(apps.get((ref.worker_id, ref.shift_id, ref.gig_id)))
        if status is not None and status != ref.status:
            ref.status = status
            changed += 1
    db.session.flush()
    return changed


def person_names(refs: list[Referral]) -> dict[int, str]:
    """Each referral's person by name: the need's name, or the worker's real name."""
    workers = {r.worker_id for r in refs if r.worker_id}
    real: dict[int, str] = {}
    if workers:
        rows = db.session.execute(
            select(WorkerProfile.user_id, WorkerProfile.real_name).where(
                WorkerProfile.user_id.in_(workers)
            )
        )
        real = {user_id: name for user_id, name in rows}
    return {
        r.id: r.need.name if r.need is not None else real.get(r.worker_id or 0, "") for r in refs
    }


def referrals(limit: int = REFERRALS_SHOWN) -> list[Referral]:
    """Referrals from every station, newest first, refreshed from the records."""
    refs = list(
        db.session.scalars(
            select(Referral)
            .options(
                selectinload(Referral.gig),
                selectinload(Referral.station),
                selectinload(Referral.need),
            )
            .order_by(Referral.created_at.desc(), Referral.id.desc())
            .limit(limit)
        )
    )
    refresh(refs)
    return refs


def set_status(staff: User, ref: Referral, status: ReferralStatus) -> Referral:
    """Staff record the outcome of a referral the marketplace cannot see (e.g. a need's)."""
    if status == ReferralStatus.REFERRED:
        raise DomainError(N_("A referral cannot go back to referred."))
    ref.status = status
    ref.updated_at = utcnow()
    db.session.flush()
    return ref
