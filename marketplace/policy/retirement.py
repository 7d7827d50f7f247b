"""Statutory retirement age under the 2025 gradual reform (POLICY §8).

Sources:

* 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (NPC Standing Committee
  decision of 2024-09-13), https://www.gov.cn/yaowen/liebiao/202409/content_6974294.htm , and its
  annex 国务院关于渐进式延迟法定退休年龄的办法, art. 1: 从2025年1月1日起，男职工和原法定退休年龄为
  五十五周岁的女职工，法定退休年龄每四个月延迟一个月，分别逐步延迟至六十三周岁和五十八周岁；原法定退休
  年龄为五十周岁的女职工，法定退休年龄每二个月延迟一个月，逐步延迟至五十五周岁。
* The 办法's attached tables (对照表): 1. 男职工, 2. 原法定退休年龄五十五周岁的女职工,
  3. 原法定退休年龄五十周岁的女职工 延迟法定退休年龄对照表. Each row is a band of birth months
  (4 months for tables 1-2, 2 months for table 3) with its 改革后法定退休年龄, 改革后退休时间 and
  延迟月数. The first delayed band is the one whose original retirement month is 2025-01
  (men born 1965-01..04 → 60岁1个月, retiring 2025-02..05); the last band reaches the cap
  (men born 1976-09..12 → 63岁; women-55 born 1981-09..12 → 58岁; women-50 born 1984-11..12 → 55岁).

* 办法 art. 2: 从2030年1月1日起，将职工按月领取基本养老金最低缴费年限由15年逐步提高至20年，每年
  提高6个月 — the table is ``seeds/pension_minimum_contribution.csv`` (by the year the statutory
  age is reached; before 2030 the 15 years of 社会保险法 art. 16).
* 办法 art. 3: 职工达到最低缴费年限，可以自愿选择弹性提前退休，提前时间最长不超过三年，且退休年龄
  不得低于女职工五十周岁、五十五周岁及男职工六十周岁的原法定退休年龄。职工达到法定退休年龄，所在
  单位与职工协商一致的，可以弹性延迟退休，延迟时间最长不超过三年。

The rule, as the tables apply it: take the month in which the person reaches the *original* age
(birth month + 60/55/50 years). If it is before 2025-01 there is no delay. Otherwise the delay is
1 month, plus 1 more for every full step (4 or 2 months) that this original month lies after
2025-01, up to the cap (36, 36 or 60 months). The statutory age is reached, and the person
retires, in the month ``birth month + age in months`` (the 改革后退休时间 column). The day of
birth does not matter.

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

__all__ = [
    "GROUPS",
    "CONTRIBUTION_TABLE",
    "FLEXIBLE_MONTHS",
    "GROUP_LABELS",
    "REFORM_START",
    "delay_months",
    "flexible_window",
    "minimum_contribution_months",
    "original_age_months",
    "retirement_age_months",
    "retirement_date",
    "retirement_month",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


# 决定 一 / 办法 art. 1: "从2025年1月1日起" — the first original retirement month that is delayed.
REFORM_START: tuple[int, int] = (2025, 1)

# 办法 art. 3: 弹性提前退休 / 弹性延迟退休, 提前（延迟）时间最长不超过三年.
FLEXIBLE_MONTHS = 36

CONTRIBUTION_CSV = (
    Path(__file__).resolve().parents[2] / "seeds" / "pension_minimum_contribution.csv"
)


def _read_contribution_table(path: Path) -> list[tuple[int, int]]:
    """Return [(from_year, months)] of the minimum-contribution table, oldest first."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(int(r["from_year"]), int(r["months"])) for r in csv.DictReader(handle)]
    return sorted(rows)


# 办法 art. 2: 15 years, rising by 6 months a year from 2030 to 20 years.
CONTRIBUTION_TABLE = _read_contribution_table(CONTRIBUTION_CSV)


@dataclass(frozen=True)
class _Schedule:
    """One group of 办法 art. 1: original age, final age, birth months per 1-month step."""

    original_age_years: int
    final_age_years: int
    months_per_step: int

    @property
    def max_delay_months(self) -> int:
        """The cap: the whole difference between the final and the original age."""
        return (self.final_age_years - self.original_age_years) * 12


_SCHEDULES: dict[str, _Schedule] = {
    # 办法 art. 1 and 附件 table 1 (男职工): 60 → 63, 1 month per 4.
    "male": _Schedule(original_age_years=60, final_age_years=63, months_per_step=4),
    # 办法 art. 1 and 附件 table 2 (原法定退休年龄五十五周岁的女职工): 55 → 58, 1 month per 4.
    "female_55": _Schedule(original_age_years=55, final_age_years=58, months_per_step=4),
    # 办法 art. 1 and 附件 table 3 (原法定退休年龄五十周岁的女职工): 50 → 55, 1 month per 2.
    "female_50": _Schedule(original_age_years=50, final_age_years=55, months_per_step=2),
}

GROUPS: tuple[str, ...] = tuple(_SCHEDULES)

GROUP_LABELS: dict[str, str] = {
    "male": N_("Male employee"),
    "female_55": N_("Female employee whose original retirement age was 55"),
    "female_50": N_("Female employee whose original retirement age was 50"),
}


def _month_index(year: int, month: int) -> int:
    """Count months from year 0 so that month arithmetic is plain integer arithmetic."""
    return year * 12 + (month - 1)


def _schedule(group: str) -> _Schedule:
    """Return the schedule for ``group``; raise ValueError for an unknown group."""
    try:
        return _SCHEDULES[group]
    except KeyError:
        raise ValueError(f"unknown retirement group {group!r}; expected one of {GROUPS}") from None


def original_age_months(group: str) -> int:
    """Return the pre-reform statutory age of ``group`` in months (60, 55 or 50 years)."""
    return _schedule(group).original_age_years * 12


def delay_months(birth: date, group: str) -> int:
    """Return the 延迟月数 of the 对照表 for someone born in ``birth``'s month."""
    schedule = _schedule(group)
    original_retirement = _month_index(birth.year, birth.month) + schedule.original_age_years * 12
    months_after_start = original_retirement - _month_index(*REFORM_START)
    if months_after_start < 0:
        # Reached the original age before 2025-01: retires at the original age.
        return 0
    steps = months_after_start // schedule.months_per_step + 1
    return min(steps, schedule.max_delay_months)


def retirement_age_months(birth: date, group: str) -> int:
    """Return the statutory retirement age in months (改革后法定退休年龄), e.g. 721 = 60岁1个月."""
    return original_age_months(group) + delay_months(birth, group)


def retirement_month(birth: date, group: str) -> tuple[int, int]:
    """Return (year, month) in which the statutory age is reached (改革后退休时间)."""
    index = _month_index(birth.year, birth.month) + retirement_age_months(birth, group)
    year, month0 = divmod(index, 12)
    return year, month0 + 1


def retirement_date(birth: date, group: str) -> date:
    """Return the day the statutory age is reached: birth date + the age in months.

    A birthday missing in the target month (e.g. the 31st) becomes that month's last day, as
    民法典 art. 202 counts a period ending in a month without the corresponding day.
    """
    year, month = retirement_month(birth, group)
    return date(year, month, min(birth.day, calendar.monthrange(year, month)[1]))


def minimum_contribution_months(year: int) -> int:
    """Minimum contribution for a monthly pension when the statutory age is reached in ``year``.

    办法 art. 2; years before the table's first row use its first row (15 years).
    """
    months = CONTRIBUTION_TABLE[0][1]
    for from_year, value in CONTRIBUTION_TABLE:
        if year >= from_year:
            months = value
    return months


def flexible_window(birth: date, group: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Return the earliest and latest (year, month) of 弹性退休 (办法 art. 3).

    Earliest: up to 3 years before the statutory month, never below the original age, and only
    with the minimum contribution years. Latest: up to 3 years after, if the employer agrees.
    """
    start = _month_index(birth.year, birth.month)
    age = retirement_age_months(birth, group)
    earliest = start + max(original_age_months(group), age - FLEXIBLE_MONTHS)
    latest = start + age + FLEXIBLE_MONTHS
    return _year_month(earliest), _year_month(latest)


def _year_month(index: int) -> tuple[int, int]:
    """Invert ``_month_index``."""
    year, month0 = divmod(index, 12)
    return year, month0 + 1
