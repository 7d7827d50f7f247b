"""What each dashboard lists, gathered in a few queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from marketplace.models import (
    Application,
    AppStatus,
    EmployerProfile,
    Gig,
    GigStatus,
    Payment,
    Rating,
    Shift,
    User,
    Verification,
    WorkerProfile,
    db,
    utcnow,
)
from marketplace.work import limits


@dataclass
class Board:
    """Lists shown on a dashboard."""

    upcoming: list[Application] = field(default_factory=list)
    pending: list[Application] = field(default_factory=list)
    to_confirm: list[Application] = field(default_factory=list)
    payments_due: list[Application] = field(default_factory=list)
    paid: list[Application] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    gigs: list[Gig] = field(default_factory=list)
    average_stars: float | None = None
    scheduled_minutes: int = 0  # the worker's accepted shifts in the next 7 days, all employers


def _apps(*conditions, order=None, limit: int = 20) -> list[Application]:
    stmt = (
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .join(Gig, Gig.id == Shift.gig_id)
        .where(*conditions)
        .options(  # one query a list: the rows it names are one each per application
            contains_eager(Application.shift).contains_eager(Shift.gig),
            joinedload(Application.worker),
            joinedload(Application.payment),
        )
        .order_by(order if order is not None else Shift.starts_at)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def _ratings(user: User) -> tuple[list[Rating], float | None]:
    recent = list(
        db.session.scalars(
            select(Rating)
            .where(Rating.ratee_id == user.id)
            .order_by(Rating.created_at.desc())
            .limit(10)
        )
    )
    avg = db.session.scalar(select(func.avg(Rating.stars)).where(Rating.ratee_id == user.id))
    return recent, float(avg) if avg is not None else None


def worker_board(user: User) -> Board:
    """Upcoming shifts, open applications, pay due and received, ratings."""
    now = utcnow()
    mine = Application.worker_id == user.id
    accepted = Application.status == AppStatus.ACCEPTED
    board = Board(
        upcoming=_apps(mine, accepted, Shift.ends_at > now),
        pending=_apps(
            mine,
            Application.status.in_([AppStatus.APPLIED, AppStatus.INVITED]),
            Shift.starts_at > now,
        ),
        payments_due=_apps(
            mine,
            accepted,
            Application.confirmed_at.is_not(None),
            ~Application.payment.has(),
            order=Application.pay_due_on,
        ),
        paid=_apps(mine, Application.payment.has(), order=Shift.starts_at.desc(), limit=10),
    )
    board.ratings, board.average_stars = _ratings(user)
    board.scheduled_minutes = limits.scheduled_minutes(user.id, now, now + timedelta(days=7))
    return board


def employer_board(user: User) -> Board:
    """Gigs, applicants waiting, shifts to confirm, payments due, ratings."""
    now = utcnow()
    mine = Gig.employer_id == user.id
    accepted = Application.status == AppStatus.ACCEPTED
    board = Board(
        upcoming=_apps(mine, accepted, Shift.ends_at > now),
        pending=_apps(mine, Application.status == AppStatus.APPLIED, Shift.starts_at > now),
        to_confirm=_apps(mine, accepted, Shift.ends_at <= now, Application.confirmed_at.is_(None)),
        payments_due=_apps(
            mine,
            accepted,
            Application.confirmed_at.is_not(None),
            ~Application.payment.has(),
            order=Application.pay_due_on,
        ),
        gigs=list(
            db.session.scalars(
                select(Gig)
                .where(mine, Gig.status == GigStatus.OPEN)
                .order_by(Gig.created_at.desc())
                .limit(20)
            )
        ),
    )
    board.ratings, board.average_stars = _ratings(user)
    return board


def market_counts() -> dict[str, int]:
    """City-wide figures for staff and administrators."""
    count = lambda model: db.session.scalar(select(func.count()).select_from(model)) or 0  # noqa: E731
    return {
        "workers": count(WorkerProfile),
        "employers": count(EmployerProfile),
        "open_gigs": db.session.scalar(
            select(func.count()).select_from(Gig).where(Gig.status == GigStatus.OPEN)
        )
        or 0,
        "payments": count(Payment),
        "unverified": db.session.scalar(
            select(func.count())
            .select_from(EmployerProfile)
            .where(EmployerProfile.verification == Verification.PENDING)
        )
        or 0,
    }
