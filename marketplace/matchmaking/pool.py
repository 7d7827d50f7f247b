"""Keep good people: an employer's pool of workers from past work, invited again in one tap;
a worker sees 老东家 on gigs of employers they worked for and rated well."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g
from flask_login import current_user
from sqlalchemy import select

from marketplace.errors import N_, DomainError, Forbidden, NotFound
from marketplace.matchmaking.services import invite
from marketplace.models import (
    Application,
    AppStatus,
    Favourite,
    Gig,
    Rating,
    Role,
    Shift,
    User,
    db,
)

WELL_RATED = 4  # stars the worker gave the employer for it to count as a good former employer


class NeverWorkedTogether(DomainError):
    message = N_("Only workers who have worked a shift for you can join your pool.")


def worked_together(employer_id: int, worker_id: int) -> bool:
    """The worker checked in or had hours confirmed on one of the employer's shifts."""
    return (
        db.session.scalar(
            select(Application.id)
            .join(Shift, Shift.id == Application.shift_id)
            .join(Gig, Gig.id == Shift.gig_id)
            .where(
                Gig.employer_id == employer_id,
                Application.worker_id == worker_id,
                Application.status == AppStatus.ACCEPTED,
                (Application.checked_in_at.is_not(None)) | (Application.confirmed_at.is_not(None)),
            )
            .limit(1)
        )
        is not None
    )


def in_pool(employer: User, worker_id: int) -> bool:
    return (
        db.session.scalar(
            select(Favourite.id).where(
                Favourite.employer_id == employer.id, Favourite.worker_id == worker_id
            )
        )
        is not None
    )


def add(employer: User, worker_id: int) -> None:
    """Keep a worker from past work in the pool (adding twice changes nothing)."""
    if not worked_together(employer.id, worker_id):
        raise NeverWorkedTogether()
    if not in_pool(employer, worker_id):
        db.session.add(Favourite(employer_id=employer.id, worker_id=worker_id))
        db.session.flush()


def remove(employer: User, worker_id: int) -> None:
    found = db.session.scalar(
        select(Favourite).where(
            Favourite.employer_id == employer.id, Favourite.worker_id == worker_id
        )
    )
    if found is not None:
        db.session.delete(found)
        db.session.flush()


def pool(employer: User) -> list[Favourite]:
    """The employer's pool, newest first."""
    return list(
        db.session.scalars(
            select(Favourite)
            .where(Favourite.employer_id == employer.id)
            .order_by(Favourite.created_at.desc(), Favourite.id.desc())
        )
    )


@dataclass
class PoolInvitation:
    """How inviting the pool went: who was invited, and who could not be, with why."""

    gig_id: int
    invited: list[User]
    refused: list[tuple[User, str]]


def invite_pool(employer: User, shift_id: int) -> PoolInvitation:
    """Invite every worker in the pool to the shift, through the one lifecycle; say who not."""
    shift = db.session.get(Shift, shift_id)
    if shift is None:
        raise NotFound()
    if shift.gig.employer_id != employer.id:
        raise Forbidden()
    result = PoolInvitation(shift.gig_id, [], [])
    for favourite in pool(employer):
        try:
            with db.session.begin_nested():
                invite(employer, shift_id, favourite.worker_id)
            result.invited.append(favourite.worker)
        except (Forbidden, NotFound):
            raise  # not the employer's shift: nobody is invited
        except DomainError as refusal:
            result.refused.append((favourite.worker, refusal.translated()))
    return result


def former_employers(worker_id: int) -> frozenset[int]:
    """Employers the worker worked for and gave at least WELL_RATED stars."""
    rows = db.session.scalars(
        select(Rating.ratee_id)
        .join(Application, Application.id == Rating.application_id)
        .where(
            Rating.rater_id == worker_id,
            Rating.stars >= WELL_RATED,
            Application.worker_id == worker_id,
            Application.confirmed_at.is_not(None),
        )
    )
    return frozenset(rows)


def old_boss(gig: Gig) -> bool:
    """For a signed-in worker: is this gig's employer a well-rated former employer (老东家)?"""
    if not current_user.is_authenticated or current_user.role != Role.WORKER:
        return False
    known = g.get("former_employers")
    if known is None or known[0] != current_user.id:
        known = g.former_employers = (current_user.id, former_employers(current_user.id))
    return gig.employer_id in known[1]
