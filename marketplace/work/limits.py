"""Hours a worker may be accepted for: part-time limits per employer, rest across all employers.

Checked when an employer accepts a worker (POLICY §4; Labour Contract Law art. 68; Labour Law
art. 36, 41). The pure rules are in ``policy/part_time.py`` and ``policy/rest.py``; this module
gathers the worker's accepted shifts and says, in the refusal, why the worker cannot be accepted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from marketplace.errors import from_value_error
from marketplace.i18n import to_local
from marketplace.models import Application, AppStatus, Gig, Shift, WorkForm, db
from marketplace.policy import part_time, rest

NEIGHBOUR_DAYS = timedelta(days=2)  # shifts further apart than this cannot touch rest or a day


def _span(shift: Shift) -> part_time.ShiftSpan:
    return part_time.ShiftSpan(to_local(shift.starts_at), to_local(shift.ends_at))


def _held(worker_id: int, *where) -> list[Shift]:
    return list(
        db.session.scalars(
            select(Shift)
            .join(Application, Application.shift_id == Shift.id)
            .join(Gig, Gig.id == Shift.gig_id)
            .where(
                Application.worker_id == worker_id,
                Application.status == AppStatus.ACCEPTED,
                *where,
            )
        )
    )


def check_part_time_with_employer(worker_id: int, shift: Shift) -> None:
    """Art. 68: 4 h a day on average and 24 h a week with one employer, across all its posts."""
    gig = shift.gig
    if gig.work_form != WorkForm.PART_TIME:
        return
    held = _held(worker_id, Gig.employer_id == gig.employer_id, Shift.id != shift.id)
    try:
        part_time.check_hours([_span(s) for s in [*held, shift]])
    except part_time.PartTimeViolation as exc:
        raise from_value_error(exc) from exc


def check_rest(worker_id: int, shift: Shift) -> None:
    """Labour Law art. 36, 41: a daily cap and rest between days, with all employers together."""
    held = _held(
        worker_id,
        Shift.id != shift.id,
        Shift.ends_at > shift.starts_at - NEIGHBOUR_DAYS,
        Shift.starts_at < shift.ends_at + NEIGHBOUR_DAYS,
    )
    cap = int(current_app.config.get("REST_DAILY_CAP_HOURS", rest.DEFAULT_DAILY_CAP_HOURS))
    gap = int(
        current_app.config.get(
            "REST_MIN_BETWEEN_DAYS_HOURS", rest.DEFAULT_MIN_REST_BETWEEN_DAYS_HOURS
        )
    )
    try:
        rest.check_rest([_span(s) for s in [*held, shift]], cap, gap)
    except rest.RestViolation as exc:
        raise from_value_error(exc) from exc


def check_acceptance(worker_id: int, shift: Shift) -> None:
    """Every limit on the hours a worker may hold, for accepting them into ``shift``."""
    check_part_time_with_employer(worker_id, shift)
    check_rest(worker_id, shift)


def scheduled_minutes(worker_id: int, start: datetime, end: datetime) -> int:
    """Minutes of accepted shifts (all employers) starting in [start, end) — the worker's week."""
    held = _held(worker_id, Shift.starts_at >= start, Shift.starts_at < end)
    return sum(_span(s).minutes for s in held)
