"""Rest guard: a worker's accepted shifts, across all employers, leave time to rest.

Sources: 《中华人民共和国劳动法》 (Labour Law) art. 36: at most 8 hours of work a day; art. 41:
overtime at most 1 hour a day, or 3 hours for special reasons. The marketplace takes 8 + 3 = 11
hours in one calendar day as the reference cap for a worker's shifts with all employers together,
and a minimum rest between the last shift of one day and the first of the next; both figures are
settings (``REST_DAILY_CAP_HOURS``, ``REST_MIN_BETWEEN_DAYS_HOURS``) whose defaults are here.

This module is pure: no Flask, no database. A broken limit raises ``RestViolation``, a
``ValueError`` whose ``msgid`` and ``params`` the web layer translates.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from marketplace.policy.part_time import ShiftSpan

WORKING_DAY_HOURS = 8  # Labour Law art. 36
MAX_OVERTIME_HOURS_A_DAY = 3  # Labour Law art. 41 (special reasons)
DEFAULT_DAILY_CAP_HOURS = WORKING_DAY_HOURS + MAX_OVERTIME_HOURS_A_DAY  # 11
DEFAULT_MIN_REST_BETWEEN_DAYS_HOURS = 8


def N_(message: str) -> str:
    """Mark a message for translation (extracted with ``-k N_``)."""
    return message


class RestViolation(ValueError):
    """The shifts leave the worker too little rest."""

    def __init__(self, msgid: str, **params: object) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(msgid % params if params else msgid)


def minutes_by_day(shifts: list[ShiftSpan]) -> dict[date, int]:
    """Minutes of work in each calendar day (local time); a night shift counts on both days."""
    days: defaultdict[date, int] = defaultdict(int)
    for s in shifts:
        start = s.starts_at
        while start < s.ends_at:
            midnight = datetime.combine(start.date() + timedelta(days=1), time.min, start.tzinfo)
            end = min(midnight, s.ends_at)
            days[start.date()] += int((end - start).total_seconds() // 60)
            start = end
    return dict(days)


def _hours(minutes: float) -> str:
    return f"{minutes / 60:g}"


def check_rest(shifts: list[ShiftSpan], daily_cap_hours: int, min_rest_hours: int) -> None:
    """At most ``daily_cap_hours`` in a calendar day; ``min_rest_hours`` between working days."""
    for day, minutes in sorted(minutes_by_day(shifts).items()):
        if minutes > daily_cap_hours * 60:
            raise RestViolation(
                N_(
                    "These shifts add up to %(hours)s hours on %(day)s with all employers; at "
                    "most %(max)s hours in a day (Labour Law art. 36, 41)."
                ),
                hours=_hours(minutes),
                day=day.isoformat(),
                max=daily_cap_hours,
            )
    ordered = sorted(shifts, key=lambda s: s.starts_at)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.starts_at.date() == before.starts_at.date():
            continue
        rest = (after.starts_at - before.ends_at).total_seconds() / 60
        if 0 <= rest < min_rest_hours * 60:
            raise RestViolation(
                N_(
                    "Only %(hours)s hours of rest between the shift ending %(end)s and the next "
                    "day's shift; at least %(min)s hours are needed."
                ),
                hours=_hours(rest),
                end=before.ends_at.strftime("%m-%d %H:%M"),
                min=min_rest_hours,
            )
