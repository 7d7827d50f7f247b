"""Part-time employment 非全日制用工: the limits a part-time post must keep (POLICY §4).

Source: 《中华人民共和国劳动合同法》 (Labour Contract Law):

* Art. 68: part-time work is paid mainly by the hour, on average at most four hours a day and
  at most 24 hours a week with the same employer.
* Art. 72: the hourly pay may not be below the local hourly minimum wage, and pay is settled
  at least every 15 days.

Source: 劳社部发〔2003〕12号《关于非全日制用工若干问题的意见》 art. 12: the employer pays
work-injury insurance for its part-time workers.

This module is pure: no Flask, no database. A broken limit raises ``PartTimeViolation``, a
``ValueError`` whose ``msgid`` and ``params`` the web layer translates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

MAX_AVERAGE_MINUTES_PER_DAY = 4 * 60  # Labour Contract Law art. 68: 4 hours a day on average
MAX_MINUTES_PER_WEEK = 24 * 60  # Labour Contract Law art. 68: 24 hours a week
MAX_PAY_CYCLE_DAYS = 15  # Labour Contract Law art. 72: settled at least every 15 days
HOURLY_UNIT = "hour"  # Labour Contract Law art. 68/72: paid by the hour


def N_(message: str) -> str:
    """Mark a message for translation (extracted with ``-k N_``)."""
    return message


class PartTimeViolation(ValueError):
    """A part-time post breaks a limit of the Labour Contract Law."""

    def __init__(self, msgid: str, **params: object) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(msgid % params if params else msgid)


@dataclass(frozen=True)
class ShiftSpan:
    """A shift in local (Asia/Shanghai) wall-clock time."""

    starts_at: datetime
    ends_at: datetime

    @property
    def minutes(self) -> int:
        """Length in whole minutes."""
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"


def check_hours(shifts: list[ShiftSpan]) -> None:
    """Art. 68: at most 4 h a day on average (per working day) and 24 h in any week."""
    by_day: defaultdict[date, int] = defaultdict(int)
    by_week: defaultdict[tuple[int, ...], int] = defaultdict(int)  # (ISO year, week)
    for s in shifts:
        by_day[s.starts_at.date()] += s.minutes
        by_week[s.starts_at.isocalendar()[:2]] += s.minutes
    if not by_day:
        return
    average = sum(by_day.values()) / len(by_day)
    if average > MAX_AVERAGE_MINUTES_PER_DAY:
        raise PartTimeViolation(
            N_(
                "Part-time work (非全日制) averages at most %(max)s hours a day (Labour Contract "
                "Law art. 68); these shifts average %(hours)s hours."
            ),
            max=_hours(MAX_AVERAGE_MINUTES_PER_DAY),
            hours=f"{average / 60:.2f}",
        )
    worst = max(by_week.values())
    if worst > MAX_MINUTES_PER_WEEK:
        raise PartTimeViolation(
            N_(
                "Part-time work (非全日制) is at most %(max)s hours a week with one employer "
                "(Labour Contract Law art. 68); one week of these shifts has %(hours)s hours."
            ),
            max=_hours(MAX_MINUTES_PER_WEEK),
            hours=_hours(worst),
        )


def check_pay(pay_unit: str, pay_fen: int, hourly_minimum_fen: int, pay_within_days: int) -> None:
    """Art. 68/72: paid by the hour, not below the hourly minimum, settled within 15 days."""
    if pay_unit != HOURLY_UNIT:
        raise PartTimeViolation(
            N_("Part-time work (非全日制) is paid by the hour (Labour Contract Law art. 68, 72).")
        )
    if pay_fen < hourly_minimum_fen:
        raise PartTimeViolation(
            N_(
                "Part-time pay may not be below the local hourly minimum wage of %(minimum)s "
                "yuan (Labour Contract Law art. 72)."
            ),
            minimum=f"{hourly_minimum_fen // 100}.{hourly_minimum_fen % 100:02d}",
        )
    if pay_within_days > MAX_PAY_CYCLE_DAYS:
        raise PartTimeViolation(
            N_(
                "Part-time pay is settled at least every %(max)s days (Labour Contract Law "
                "art. 72)."
            ),
            max=MAX_PAY_CYCLE_DAYS,
        )


def check_injury_insurance(provided: bool) -> None:
    """劳社部发〔2003〕12号 art. 12: a part-time post comes with work-injury insurance."""
    if not provided:
        raise PartTimeViolation(
            N_(
                "A part-time (非全日制) post must provide work-injury insurance "
                "(劳社部发〔2003〕12号 art. 12)."
            )
        )


def check_part_time(
    shifts: list[ShiftSpan],
    pay_unit: str,
    pay_fen: int,
    hourly_minimum_fen: int,
    pay_within_days: int,
) -> None:
    """Every limit of Labour Contract Law art. 68–72 that a part-time post must keep."""
    check_pay(pay_unit, pay_fen, hourly_minimum_fen, pay_within_days)
    check_hours(shifts)
