"""What a worked shift is owed and when it is late: the pay date decides (N(十五), P 五(三)).

The employer's goodwill does not decide: a shift counts as worked from check-in/out, or as
scheduled when the worker was accepted and no no-show was recorded; an unconfirmed or partly
paid shift is owed like any other once its pay date has passed.
"""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from marketplace.models import Application, AppStatus, Shift, WageCase, db, utcnow
from marketplace.work.attendance import amount_due_fen


def grace_days() -> int:
    """Days after the pay date before arrears open a case (setting WAGE_GRACE_DAYS, default 0)."""
    return int(current_app.config.get("WAGE_GRACE_DAYS", 0))


def paid_fen(app: Application) -> int:
    """What the employer recorded paying for the shift."""
    return app.payment.amount_fen if app.payment is not None else 0


def owed_fen(app: Application) -> int:
    """What is still owed: the agreed amount for the worked time less what was paid."""
    return max(0, amount_due_fen(app) - paid_fen(app))


def is_partial(app: Application) -> bool:
    """A recorded payment below the agreed amount: the rest stays owed."""
    return app.payment is not None and owed_fen(app) > 0


def _worked_and_due(before: date, *where: ColumnElement[bool]) -> list[Application]:
    """Accepted shifts that are over, whose pay date is before ``before``, with no case yet."""
    return list(
        db.session.scalars(
            select(Application)
            .join(Shift, Shift.id == Application.shift_id)
            .where(
                Application.status == AppStatus.ACCEPTED,
                Application.pay_due_on < before,
                Shift.ends_at <= utcnow(),
                ~select(WageCase.id).where(WageCase.application_id == Application.id).exists(),
                *where,
            )
            .options(selectinload(Application.payment), selectinload(Application.shift))
            .order_by(Application.id)
        )
    )


def in_arrears(on: date) -> list[Application]:
    """Shifts still owed (in full or in part) once pay date + grace has passed on ``on``."""
    cutoff = date.fromordinal(on.toordinal() - grace_days())
    return [app for app in _worked_and_due(cutoff) if owed_fen(app) > 0]


def reportable(app: Application, on: date) -> bool:
    """The worker may report unpaid or underpaid wages: worked, owed, and the pay date passed."""
    if app.status != AppStatus.ACCEPTED or app.shift.ends_at > utcnow():
        return False
    if app.pay_due_on is None or app.pay_due_on >= on:
        return app.confirmed_at is not None and app.payment is None  # early report, as before
    return owed_fen(app) > 0


def unpaid_of(worker_id: int, on: date) -> list[Application]:
    """The worker's shifts owed past their pay date that no case covers yet (dashboard)."""
    mine = _worked_and_due(on, Application.worker_id == worker_id)
    return [app for app in mine if owed_fen(app) > 0]
