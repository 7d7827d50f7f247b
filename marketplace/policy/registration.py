"""Flexible-employment and unemployment registration (POLICY §2, N(二)).

Source, N(二) (Ningbo notice of 2021-12-28): 劳动者从事灵活就业、有相对稳定收入，具有本市户籍或
持有我市有效居住证的，可于实现就业后60日内……办理灵活就业登记，按规定填报个人信息、灵活就业内容等
信息，并对信息的真实性做出书面承诺，无需提供就业证明材料。灵活就业人员失业后可按规定在户籍地、
常住地、就业地、参保地中任意一地办理失业登记。

Working age (POLICY §1, N(一)): from 16 (Labour Law art. 15) until the statutory retirement month
of ``marketplace.policy.retirement``.

Our readings, documented so they can be checked:

* The 60 days count from the start day: the deadline is ``started_on + 60 days``; a registration
  on the deadline day is on time, after it late (accepted, but marked — POLICY §2).
* We hold only the date a 居住证 was issued, not its expiry: a permit counts as valid from that
  date.
* Unemployment registration: N(二) lets the worker choose
  户籍地、常住地、就业地、参保地中任意一地, so
  all four places are always offered; the worker says which one applies, and the office where they
  register checks it. The app does not narrow the list from what it happens to know (it may not
  know where the worker lives or is insured).

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from marketplace.policy.retirement import retirement_month
from marketplace.policy.working_age import MIN_WORKING_AGE

__all__ = [
    "DEADLINE_DAYS",
    "PLACES",
    "Decision",
    "can_register",
    "deadline",
    "days_left",
    "is_late",
    "unemployment_places",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


FIGURES_CSV = Path(__file__).resolve().parents[2] / "seeds" / "policy_figures.csv"


def _figure(key: str) -> int:
    """The newest value of ``key`` in seeds/policy_figures.csv."""
    with FIGURES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["key"] == key]
    return int(max(rows, key=lambda r: r["effective_on"])["value"])


# N(二): 可于实现就业后60日内……办理灵活就业登记.
DEADLINE_DAYS: int = _figure("registration.deadline_days")

MSG_NO_RESIDENCE = N_(
    "Registration in Ningbo needs Ningbo household registration (hukou) or a valid Ningbo "
    "residence permit. Apply for a residence permit first."
)
MSG_PERMIT_NOT_YET = N_("Your residence permit is valid only from %(since)s.")
MSG_TOO_YOUNG = N_("You must be at least %(age)s years old to register.")
MSG_RETIRED = N_("You have reached the statutory retirement age (%(year)s-%(month)02d).")
MSG_NO_STABLE_INCOME = N_(
    "Registration is for flexible work with a relatively stable income. "
    "Come back when the work gives you a regular income."
)
MSG_STARTS_LATER = N_("The work must already have started.")

# N(二): the four places of unemployment registration.
PLACES: dict[str, str] = {
    "hukou": N_("Place of household registration (户籍地)"),
    "residence": N_("Place of habitual residence (常住地)"),
    "employment": N_("Place of employment (就业地)"),
    "insurance": N_("Place where you pay social insurance (参保地)"),
}


@dataclass(frozen=True)
class Decision:
    """Whether a registration is allowed; ``reasons`` are (msgid, params) when refused."""

    ok: bool
    reasons: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def _age_years(birth: date, on: date) -> int:
    """Whole years of age on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def can_register(
    *,
    ningbo_hukou: bool,
    residence_permit_since: date | None,
    birth: date,
    group: str,
    stable_income: bool,
    started_on: date,
    on: date,
) -> Decision:
    """Decide N(二) eligibility on ``on``: residence, working age, stable income, work started."""
    reasons: list[tuple[str, dict[str, object]]] = []
    if not ningbo_hukou:
        if residence_permit_since is None:
            reasons.append((MSG_NO_RESIDENCE, {}))
        elif residence_permit_since > on:
            reasons.append((MSG_PERMIT_NOT_YET, {"since": residence_permit_since.isoformat()}))
    if _age_years(birth, on) < MIN_WORKING_AGE:
        reasons.append((MSG_TOO_YOUNG, {"age": MIN_WORKING_AGE}))
    year, month = retirement_month(birth, group)
    if (on.year, on.month) >= (year, month):
        reasons.append((MSG_RETIRED, {"year": year, "month": month}))
    if not stable_income:
        reasons.append((MSG_NO_STABLE_INCOME, {}))
    if started_on > on:
        reasons.append((MSG_STARTS_LATER, {}))
    return Decision(ok=not reasons, reasons=reasons)


def deadline(started_on: date) -> date:
    """The last day to register on time: start + 60 days (N(二))."""
    return started_on + timedelta(days=DEADLINE_DAYS)


def days_left(started_on: date, on: date) -> int:
    """Days from ``on`` to the deadline; negative once it has passed."""
    return (deadline(started_on) - on).days


def is_late(started_on: date, registered_on: date) -> bool:
    """True when registered after the deadline day (allowed, but flagged — POLICY §2)."""
    return registered_on > deadline(started_on)


def unemployment_places() -> list[str]:
    """The four N(二) places of unemployment registration, in the notice's order."""
    return list(PLACES)
