"""我能享受哪些政策: what a worker is entitled to, each answer with its citation (POLICY §7, §8).

Sources (Ningbo notice of 2021-12-28):

* N(九): 在我市就业的灵活就业人员，可按规定以个人身份参加企业职工基本养老保险……省内户籍灵活就业人员
  可在户籍地参加企业职工基本养老保险，也可在办理就业登记后，在我市参加……外省户籍灵活就业人员可在我市
  按规定办理就业登记后参加……持我市居住证满1年的、未在异地参加基本医疗保险的非本市户籍灵活就业人员，
  可按规定参加我市职工基本医疗保险。未参加……的，按规定参加城乡居民基本养老、城乡居民基本医疗保险。
* N(十): platform employers may insure workers for work injury alone (单险种工伤保险).
* N(十一) and P 三(二): the social-insurance subsidy (see ``marketplace.policy.subsidy``).
* The 2024-09-13 NPC Standing Committee decision: the retirement age (``policy.retirement``).

Each answer is an ``Answer``: a msgid with params, and what is missing as more msgids.
This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marketplace.policy import subsidy
from marketplace.policy.retirement import (
    CONTRIBUTION_TABLE,
    FLEXIBLE_MONTHS,
    flexible_window,
    minimum_contribution_months,
    retirement_age_months,
    retirement_month,
)

__all__ = [
    "PERMIT_MONTHS_FOR_MEDICAL",
    "Answer",
    "Person",
    "medical",
    "pension",
    "retirement",
    "social_subsidy",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


# N(九): 持我市居住证满1年 — seeds/policy_figures.csv ``medical.permit_months``.
PERMIT_MONTHS_FOR_MEDICAL: int = subsidy.read_figures(subsidy.FIGURES_CSV, "medical.")[
    "medical.permit_months"
]

Message = tuple[str, dict[str, object]]  # a msgid and its %-format params


@dataclass(frozen=True)
class Person:
    """The facts the answers depend on."""

    hukou: str  # "ningbo", "zhejiang" or "other" (models.Hukou values)
    birth: date
    group: str  # retirement group: "male", "female_50", "female_55"
    residence_permit_since: date | None = None
    registered: bool = False  # holds a flexible-employment registration in Ningbo
    insured_elsewhere: bool = False  # medical insurance in another city
    hard_to_employ: bool = False
    left_school_on: date | None = None
    education: str | None = None  # a key of subsidy.EDUCATION_LEVELS; None if not told
    pays_as_individual: bool = False
    subsidy_approved_on: date | None = None
    business_started_on: date | None = None  # "I run my own business in Ningbo since" (P 二(一))
    skill_categories: frozenset[str] = frozenset()  # codes of seeds/skill_categories.csv


@dataclass
class Answer:
    """One result: a yes/no, its explanation, what is missing, and the citation.

    ``tag`` (a msgid) replaces the yes/no tag where no yes/no can be given, e.g. "Ask" when
    someone else decides on facts the product does not hold.
    """

    ok: bool
    says: list[Message]
    missing: list[Message] = field(default_factory=list)
    citation: str = ""
    tag: str = ""


def _months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (a month is complete on the same day number)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def retirement(person: Person) -> Answer:
    """Statutory retirement age and month, 弹性退休 and the minimum contribution years."""
    age = retirement_age_months(person.birth, person.group)
    year, month = retirement_month(person.birth, person.group)
    (early_year, early_month), (late_year, late_month) = flexible_window(person.birth, person.group)
    needed = minimum_contribution_months(year)
    return Answer(
        ok=True,
        says=[
            (
                N_("Your statutory retirement age is %(years)s years %(months)s months."),
                {"years": age // 12, "months": age % 12},
            ),
            (N_("You reach it in %(year)s-%(month)02d."), {"year": year, "month": month}),
            (
                N_(
                    "Flexible retirement: you may retire up to %(flex_years)s years earlier, from "
                    "%(early_year)s-%(early_month)02d at the earliest, once you have the minimum "
                    "contribution years; or up to %(flex_years)s years later, until "
                    "%(late_year)s-%(late_month)02d, if your employer agrees."
                ),
                {
                    "flex_years": FLEXIBLE_MONTHS // 12,
                    "early_year": early_year,
                    "early_month": early_month,
                    "late_year": late_year,
                    "late_month": late_month,
                },
            ),
            (
                N_(
                    "A monthly pension needs at least %(years)s years %(months)s months of "
                    "contributions when you reach the age in %(year)s."
                ),
                {"years": needed // 12, "months": needed % 12, "year": year},
            ),
            (
                N_(
                    "The minimum rises from %(low)s years to %(high)s years: by %(step)s months "
                    "a year from %(first)s to %(last)s."
                ),
                {
                    "low": CONTRIBUTION_TABLE[0][1] // 12,
                    "step": CONTRIBUTION_TABLE[1][1] - CONTRIBUTION_TABLE[0][1],
                    "high": CONTRIBUTION_TABLE[-1][1] // 12,
                    "first": CONTRIBUTION_TABLE[1][0],
                    "last": CONTRIBUTION_TABLE[-1][0],
                },
            ),
        ],
        citation=N_("NPC Standing Committee decision of 2024-09-13, annex art. 1 to 3 and tables"),
    )


def pension(person: Person) -> Answer:
    """Which employee pension scheme the worker can join as an individual (N(九))."""
    says: list[Message]
    if person.hukou == "ningbo":
        says = [(N_("You can join the employee pension scheme in Ningbo as an individual."), {})]
        return Answer(ok=True, says=says, citation="N(九)")
    if person.registered:
        says = [(N_("You are registered, so you can join the employee pension in Ningbo."), {})]
        return Answer(ok=True, says=says, citation="N(九)")
    missing: list[Message] = [
        (N_("Register your flexible employment first; then you can join in Ningbo."), {})
    ]
    if person.hukou == "zhejiang":
        says = [(N_("You can join the employee pension scheme at your hukou place now."), {})]
        return Answer(ok=True, says=says, missing=missing, citation="N(九)")
    return Answer(ok=False, says=[], missing=missing, citation="N(九)")


def medical(person: Person, on: date) -> Answer:
    """Employee medical insurance in Ningbo, or the resident scheme, and what is missing (N(九))."""
    says: list[Message]
    if person.hukou == "ningbo":
        says = [(N_("You can join the employee medical insurance in Ningbo."), {})]
        return Answer(ok=True, says=says, citation="N(九)")
    resident: Message = (
        N_("Until then you can join the urban and rural resident medical insurance."),
        {},
    )
    missing: list[Message] = []
    if person.residence_permit_since is None or person.residence_permit_since > on:
        missing.append(
            (
                N_("You need a Ningbo residence permit held for at least %(needed)s months."),
                {"needed": PERMIT_MONTHS_FOR_MEDICAL},
            )
        )
    else:
        held = _months_between(person.residence_permit_since, on)
        if held < PERMIT_MONTHS_FOR_MEDICAL:
            missing.append(
                (
                    N_(
                        "After holding a Ningbo residence permit for %(needed)s months you can "
                        "join the employee medical insurance in Ningbo: %(months)s months to go."
                    ),
                    {
                        "needed": PERMIT_MONTHS_FOR_MEDICAL,
                        "months": PERMIT_MONTHS_FOR_MEDICAL - held,
                    },
                )
            )
    if person.insured_elsewhere:
        missing.append((N_("You must not be insured for medical care in another city."), {}))
    if missing:
        return Answer(ok=False, says=[resident], missing=missing, citation="N(九)")
    says = [(N_("You can join the employee medical insurance in Ningbo."), {})]
    return Answer(ok=True, says=says, citation="N(九)")


def social_subsidy(person: Person, on: date) -> Answer:
    """The 450-yuan-a-month social-insurance subsidy: eligible or not, and for how long.

    N(十一) 初次核定: judged on the first approval date once there is one, else as if today.
    """
    approved = person.subsidy_approved_on or on
    ok, messages = subsidy.eligible(
        approved,
        hard_to_employ=person.hard_to_employ,
        left_school_on=person.left_school_on,
        education=person.education,
        works_flexibly=True,
        pays_as_individual=person.pays_as_individual,
    )
    citation = "N(十一); P 三(二)"
    window: list[Message] = []
    if person.left_school_on is not None:
        window.append(
            (
                N_("Graduates count for %(years)s years after leaving school."),
                {"years": subsidy.GRADUATE_WINDOW_YEARS},
            )
        )
    if not ok:
        missing: list[Message] = [(m, {}) for m in messages] + window
        return Answer(ok=False, says=[], missing=missing, citation=citation)
    months = subsidy.subsidy_months(approved, person.birth, person.group)
    says: list[Message] = [(m, {}) for m in messages] + window
    says.append(
        (
            N_("%(yuan)s yuan a month, for %(months)s months from the approval month."),
            {"yuan": subsidy.SUBSIDY_MONTHLY_FEN // 100, "months": months},
        )
    )
    if months:
        year, month = subsidy.subsidy_end_month(approved, person.birth, person.group)
        says.append((N_("The last month is %(year)s-%(month)02d."), {"year": year, "month": month}))
    if person.subsidy_approved_on:
        left = subsidy.subsidy_months_left(approved, person.birth, person.group, on)
        says.append((N_("Used %(used)s, %(left)s left."), {"used": months - left, "left": left}))
    return Answer(ok=True, says=says, citation=citation)
