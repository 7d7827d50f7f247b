"""Which no-shows stand, and the pause on applying they bring (the rule in work/noshow.py).

Only a no-show that *stands* counts — towards the worker's reliability in the ranking and towards
the pause on applying: one the worker did not appeal within ``NO_SHOW_APPEAL_DAYS``, or one staff
upheld after an appeal. ``NO_SHOW_PAUSE_AFTER`` standing no-shows within ``NO_SHOW_WINDOW_DAYS``
pause applying for ``NO_SHOW_PAUSE_DAYS`` from the last one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from marketplace.errors import N_, DomainError
from marketplace.i18n import to_local
from marketplace.models import (
    AppealStatus,
    Application,
    AppStatus,
    NoShowAppeal,
    db,
    utcnow,
)


class ApplyingPaused(DomainError):
    message = N_(
        "Applying is paused until %(date)s: %(count)s of your no-shows in the last %(days)s days "
        "stand. You can still take shifts you already hold."
    )


@dataclass(frozen=True)
class Rule:
    """The rule as a city set it, for the pages that state it in advance."""

    appeal_days: int
    pause_after: int
    window_days: int
    pause_days: int


def rule() -> Rule:
    cfg = current_app.config
    return Rule(
        cfg["NO_SHOW_APPEAL_DAYS"],
        cfg["NO_SHOW_PAUSE_AFTER"],
        cfg["NO_SHOW_WINDOW_DAYS"],
        cfg["NO_SHOW_PAUSE_DAYS"],
    )


def appeal_deadline(app: Application) -> datetime:
    """The last moment to appeal: the set number of days after the no-show was recorded."""
    assert app.decided_at is not None
    return app.decided_at + timedelta(days=rule().appeal_days)


def may_appeal(app: Application, now: datetime | None = None) -> bool:
    """A no-show with no appeal yet, still within the time to appeal."""
    now = now or utcnow()
    return app.status == AppStatus.NO_SHOW and app.appeal is None and now <= appeal_deadline(app)


def standing_clause(now: datetime) -> ColumnElement[bool]:
    """SQL: the application (outer-joined with its appeal) is a no-show that stands."""
    unappealed_until = now - timedelta(days=rule().appeal_days)
    return and_(
        Application.status == AppStatus.NO_SHOW,
        or_(
            NoShowAppeal.status == AppealStatus.UPHELD,
            and_(NoShowAppeal.id.is_(None), Application.decided_at < unappealed_until),
        ),
    )


def _stood_at(app: Application) -> datetime:
    """When the no-show came to stand: staff's decision, else the end of the time to appeal."""
    if app.appeal is not None and app.appeal.decided_at is not None:
        return app.appeal.decided_at
    return appeal_deadline(app)


def paused_until(worker_id: int, now: datetime | None = None) -> tuple[datetime, int] | None:
    """The end of a pause on applying, and the standing no-shows behind it, if one applies."""
    now, r = now or utcnow(), rule()
    standing = db.session.scalars(
        select(Application)
        .outerjoin(NoShowAppeal, NoShowAppeal.application_id == Application.id)
        .where(
            Application.worker_id == worker_id,
            Application.decided_at >= now - timedelta(days=r.window_days),
            standing_clause(now),
        )
    ).all()
    if len(standing) < r.pause_after:
        return None
    until = max(_stood_at(app) for app in standing) + timedelta(days=r.pause_days)
    return (until, len(standing)) if until > now else None


def check_not_paused(worker_id: int) -> None:
    """Refuse applying while a pause is on."""
    paused = paused_until(worker_id)
    if paused is not None:
        until, count = paused
        raise ApplyingPaused(
            date=to_local(until).date().isoformat(), count=count, days=rule().window_days
        )
