"""Legal working age for flexible workers — POLICY §1 (N(一)), from the person's own dates.

Sources:

* N(一) (Ningbo notice of 2021-12-28): flexible workers are 法定劳动年龄内 — within the legal
  working age.
* Lower bound: 劳动法 art. 15 — 禁止用人单位招用未满十六周岁的未成年人. A person may work from
  their 16th birthday (民法典 art. 202: a period in years ends on the corresponding day).
* Upper bound: the statutory retirement age of ``marketplace.policy.retirement`` (the 2024-09-13
  decision and its 对照表), reached on the person's own retirement date (birth date + the age in
  months). 劳动合同法实施条例 art. 21: 劳动者达到法定退休年龄的，劳动合同终止 — from that day the
  person is outside the working age. The retirement date depends on the birth month and on the
  retirement group; a woman whose group is unknown uses the 55 base (see ``group_for``).

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

from datetime import date

from marketplace.policy.retirement import retirement_date

__all__ = [
    "MIN_WORKING_AGE",
    "MSG_PAST_RETIREMENT",
    "MSG_UNDER_AGE",
    "group_for",
    "refusal",
    "working_until",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


# 劳动法 art. 15: employers may not hire minors under 16.
MIN_WORKING_AGE = 16

MSG_UNDER_AGE = N_(
    "The legal working age starts at %(age)s: this person can work from %(from_day)s."
)
MSG_PAST_RETIREMENT = N_(
    "This person reaches the statutory retirement age on %(retires_on)s, so the work must end "
    "before that day."
)

Message = tuple[str, dict[str, object]]


def group_for(sex: str, chosen: str | None) -> str:
    """The retirement group: men 'male'; women their chosen group, else the 55 base."""
    if sex == "male":
        return "male"
    if chosen in ("female_50", "female_55"):
        return chosen
    # Women insured as individual flexible workers use the 55 base (see retirement page).
    return "female_55"


def _birthday(birth: date, years: int) -> date:
    """The day ``years`` after ``birth``; 29 Feb becomes 28 Feb (民法典 art. 202)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return birth.replace(year=birth.year + years, day=28)


def working_until(birth: date, group: str) -> date:
    """The retirement date: the first day outside the working age."""
    return retirement_date(birth, group)


def refusal(
    birth: date, group: str, first_day: date, last_day: date | None = None
) -> Message | None:
    """Why work from ``first_day`` to ``last_day`` is outside the working age, else None."""
    last_day = last_day or first_day
    adult = _birthday(birth, MIN_WORKING_AGE)
    if first_day < adult:
        return MSG_UNDER_AGE, {"age": MIN_WORKING_AGE, "from_day": adult.isoformat()}
    retires_on = working_until(birth, group)
    if last_day >= retires_on:
        return MSG_PAST_RETIREMENT, {"retires_on": retires_on.isoformat()}
    return None
