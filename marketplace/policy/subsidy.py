"""Social-insurance subsidy 社会保险补贴 for flexible workers (POLICY §7, N(十一), P).

Sources:

* N(十一) (Ningbo notice of 2021-12-28): 对就业困难人员、离校2年内未就业高校毕业生从事灵活就业，
  以个人身份依法缴纳社会保险的，按规定给予社会保险补贴。补贴期限最长不超过3年，对初次核定享受补贴政策
  时距法定退休年龄不足5年的人员，补贴期限可延长至退休。
* P 三(二) (the city's summary of practice): 每人每月 450 元的社保补贴.

The figures live in ``seeds/policy_figures.csv`` (key, value, unit, source, effective_on); this
module reads the ``subsidy.*`` rows once, at import. When a key has several rows, the one with the
latest ``effective_on`` is used.

Who qualifies is judged **at first approval** (初次核定), not on the day the page is read: N(十一)
speaks of "初次核定享受补贴政策时". A graduate who was within the 2-year window when approved keeps
the subsidy for its whole period. Before any approval, the page judges "as if approved today".

高校毕业生 (N(十一)) means a graduate of a 高等学校: 中华人民共和国高等教育法 art. 16 divides
高等学历教育 into 专科、本科、研究生 education, so only the education levels in
``HIGHER_EDUCATION_LEVELS`` count; a secondary-school leaver is not a 高校毕业生.

How the period is counted (our reading of N(十一), documented so it can be checked):

* "距法定退休年龄不足5年" is measured by date, from the approval **date** to the retirement
  **date**: the day the person reaches the statutory age of ``marketplace.policy.retirement``
  (birth date + the 改革后法定退休年龄 in months; a day missing in the target month becomes the
  month's last day, 民法典 art. 202). "不足5年" means the retirement date comes before the date
  5 years after approval; exactly 5 years is not "under 5 years".
* The subsidy is paid for whole calendar months. **First month**: the approval month counts as
  month 1, whatever the day of approval. "最长不超过3年": at most 36 months.
* **Last month** when it runs "延长至退休": the month before the retirement month (the
  改革后退休时间 of the official 对照表). From the retirement month the person is a retiree (退休)
  and no longer pays social insurance as a flexible worker, so nothing is subsidised for it.
  The same reading gives 0 months when approval falls in or after the retirement month. The
  36-month limit also never runs past retirement.

Messages are user-facing English msgids marked with ``N_``; translate them with ``gettext``.
This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

import calendar
import csv
from datetime import date
from pathlib import Path
from typing import Any

from marketplace.policy.retirement import retirement_date, retirement_month

__all__ = [
    "EDUCATION_LEVELS",
    "GRADUATE_WINDOW_YEARS",
    "HIGHER_EDUCATION_LEVELS",
    "MAX_SUBSIDY_MONTHS",
    "NEAR_RETIREMENT_MONTHS",
    "N_",
    "NoSubsidy",
    "SUBSIDY_MONTHLY_FEN",
    "add_years",
    "eligible",
    "near_retirement",
    "read_figures",
    "subsidy_end_month",
    "subsidy_months",
    "subsidy_months_left",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


class NoSubsidy(ValueError):
    """A ValueError whose message is a translatable msgid plus %-style params."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(msgid % params if params else msgid)


# --- Figures from seeds/policy_figures.csv -------------------------------------

FIGURES_CSV = Path(__file__).resolve().parents[2] / "seeds" / "policy_figures.csv"


def read_figures(path: Path, prefix: str) -> dict[str, int]:
    """Return {key: int value} for rows whose key starts with ``prefix``; newest row wins."""
    newest: dict[str, tuple[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = row["key"]
            if not key.startswith(prefix):
                continue
            effective_on = row["effective_on"]  # ISO dates compare correctly as strings
            if key not in newest or effective_on >= newest[key][0]:
                newest[key] = (effective_on, int(row["value"]))
    return {key: value for key, (_, value) in newest.items()}


_FIGURES = read_figures(FIGURES_CSV, "subsidy.")

# P 三(二): 450 CNY per person per month, in fen.
SUBSIDY_MONTHLY_FEN: int = _FIGURES["subsidy.monthly_fen"]
# N(十一): 补贴期限最长不超过3年.
MAX_SUBSIDY_MONTHS: int = _FIGURES["subsidy.max_months"]
# N(十一): 距法定退休年龄不足5年 → the subsidy may run until retirement.
NEAR_RETIREMENT_MONTHS: int = _FIGURES["subsidy.near_retirement_months"]
# N(十一): 离校2年内未就业高校毕业生.
GRADUATE_WINDOW_YEARS: int = _FIGURES["subsidy.graduate_window_years"]


# Education levels asked on the entitlements page, lowest first, with their labels.
EDUCATION_LEVELS: dict[str, str] = {
    "primary": N_("Primary school or less"),
    "junior_secondary": N_("Junior secondary school (初中)"),
    "senior_secondary": N_("Senior secondary or vocational school (高中、中专、技校)"),
    "junior_college": N_("Junior college (大专)"),
    "bachelor": N_("Bachelor's degree (本科)"),
    "postgraduate": N_("Postgraduate (研究生)"),
}
# 高等教育法 art. 16: 高等学历教育分为专科教育、本科教育和研究生教育 — the 高校毕业生 of N(十一).
HIGHER_EDUCATION_LEVELS: frozenset[str] = frozenset({"junior_college", "bachelor", "postgraduate"})


# --- User-facing messages (msgids) --------------------------------------------

MSG_HARD_TO_EMPLOY = N_("You are registered as a person with employment difficulties.")
# The graduate window (GRADUATE_WINDOW_YEARS) is kept out of the wording so that a change of the
# figure in seeds/ cannot make a message wrong; the page shows the figure beside it.
MSG_RECENT_GRADUATE = N_("You are a recent graduate: you left school within the allowed period.")
MSG_NOT_IN_GROUP = N_(
    "The subsidy is only for people with employment difficulties and for recent graduates."
)
MSG_GRADUATE_TOO_LONG_AGO = N_(
    "You left school too long ago to count as a recent graduate, and you are not registered "
    "as a person with employment difficulties."
)
MSG_NOT_HIGHER_EDUCATION = N_(
    "Only graduates of a university or college (大专 or higher) count as recent graduates."
)
MSG_EDUCATION_UNKNOWN = N_(
    "Tell us your education level: only graduates of a university or college count as "
    "recent graduates."
)
MSG_NOT_FLEXIBLE = N_("You must be in flexible work.")
MSG_NOT_INDIVIDUAL = N_("You must pay social insurance yourself, as an individual.")
MSG_AT_RETIREMENT = N_("You have reached the statutory retirement age, so no subsidy is paid.")


# --- Month arithmetic ----------------------------------------------------------


def _month_index(year: int, month: int) -> int:
    """Count months from year 0 so that month arithmetic is plain integer arithmetic."""
    return year * 12 + (month - 1)


def _year_month(index: int) -> tuple[int, int]:
    """Invert ``_month_index``."""
    year, month0 = divmod(index, 12)
    return year, month0 + 1


def _add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later; a missing day becomes the month end (民法典 202)."""
    year, month = _year_month(_month_index(day.year, day.month) + months)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """Return the same day ``years`` later; 29 Feb becomes 28 Feb (民法典 art. 202: month end)."""
    return _add_months(day, years * 12)


# --- The period ----------------------------------------------------------------


def _months_to_retirement(approved: date, birth: date, group: str) -> int:
    """Whole months from the approval month to the retirement month (negative once past it)."""
    return _month_index(*retirement_month(birth, group)) - _month_index(
        approved.year, approved.month
    )


def near_retirement(approved: date, birth: date, group: str) -> bool:
    """True if the retirement date is less than 5 years after the approval date (N(十一))."""
    return retirement_date(birth, group) < _add_months(approved, NEAR_RETIREMENT_MONTHS)


def subsidy_months(approved: date, birth: date, group: str) -> int:
    """Return how many whole months, from the approval month, the subsidy may run (N(十一))."""
    remaining = _months_to_retirement(approved, birth, group)
    if remaining <= 0:
        return 0
    if near_retirement(approved, birth, group):
        return remaining  # under 5 years: until retirement, even beyond 36 months
    return min(MAX_SUBSIDY_MONTHS, remaining)


def subsidy_end_month(approved: date, birth: date, group: str) -> tuple[int, int]:
    """Return (year, month) of the last subsidised month; raise NoSubsidy if there is none."""
    months = subsidy_months(approved, birth, group)
    if months == 0:
        raise NoSubsidy(MSG_AT_RETIREMENT)
    return _year_month(_month_index(approved.year, approved.month) + months - 1)


def subsidy_months_left(approved: date, birth: date, group: str, on: date) -> int:
    """Return the subsidised months from ``on``'s month to the end; the current month counts."""
    used = _month_index(on.year, on.month) - _month_index(approved.year, approved.month)
    total = subsidy_months(approved, birth, group)
    return min(total, max(0, total - used))


# --- Who qualifies ---------------------------------------------------------------


def _left_recently(left_school_on: date | None, on: date) -> bool:
    """True if ``on`` is within GRADUATE_WINDOW_YEARS of leaving school (民法典 art. 201, 202)."""
    if left_school_on is None or left_school_on > on:
        return False
    return on <= add_years(left_school_on, GRADUATE_WINDOW_YEARS)


def _not_a_graduate_reason(left_school_on: date | None, education: str | None, on: date) -> str:
    """Why someone who is not 就业困难人员 is not a recent 高校毕业生 either."""
    if left_school_on is None or left_school_on > on:
        return MSG_NOT_IN_GROUP
    if not _left_recently(left_school_on, on):
        return MSG_GRADUATE_TOO_LONG_AGO
    if education is None:
        return MSG_EDUCATION_UNKNOWN
    return MSG_NOT_HIGHER_EDUCATION


def eligible(
    on: date,
    *,
    hard_to_employ: bool,
    left_school_on: date | None,
    education: str | None,
    works_flexibly: bool,
    pays_as_individual: bool,
) -> tuple[bool, list[str]]:
    """Decide N(十一) eligibility at first approval ``on``; return (ok, grounds or what is missing).

    ``on`` is the first approval date (初次核定), or today when nothing is approved yet.
    """
    grounds: list[str] = []
    if hard_to_employ:
        grounds.append(MSG_HARD_TO_EMPLOY)
    if _left_recently(left_school_on, on) and education in HIGHER_EDUCATION_LEVELS:
        grounds.append(MSG_RECENT_GRADUATE)

    missing: list[str] = []
    if not grounds:
        missing.append(_not_a_graduate_reason(left_school_on, education, on))
    if not works_flexibly:
        missing.append(MSG_NOT_FLEXIBLE)
    if not pays_as_individual:
        missing.append(MSG_NOT_INDIVIDUAL)

    if missing:
        return False, missing
    return True, grounds
