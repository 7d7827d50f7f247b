"""Accidents at work: which cover a shift has, and the steps and deadlines that follow an injury.

Sources:

* 《工伤保险条例》(国务院令第586号修订, 2010) 第十七条第一款: the employer applies for work-injury
  recognition (工伤认定) to the social-insurance administration within 30 days of the accident;
  第十七条第二款: if it does not, the injured worker, close relatives or the trade union may apply
  within 1 year of the accident; 第二十条: the administration decides within 60 days of accepting
  the application. The same rules apply where a flexible worker is insured for work injury alone
  (单险种工伤保险, N(十); 浙江省 extends work-injury cover to such workers).
* 《工伤保险条例》第六十二条第二款: an employer that should have insured its employee and did not
  pays the work-injury benefits itself.
* 《中华人民共和国民法典》第一千一百九十二条: in a service relationship between individuals
  (劳务关系) without work-injury insurance, an injured provider and the receiver bear the loss
  according to their respective fault; a third party's fault makes the third party liable.
* A commercial accident policy (意外险) bought by the platform or employer: its claim steps and
  deadlines are those of the policy, not a regulation; the page says so and names no figure.

This module is pure: no Flask, no database. Texts are English msgids marked for extraction.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta


def N_(message: str) -> str:
    """Mark a message for translation (extracted with ``-k N_``)."""
    return message


EMPLOYER_APPLIES_WITHIN_DAYS = 30  # 《工伤保险条例》第十七条第一款
WORKER_APPLIES_WITHIN_YEARS = 1  # 《工伤保险条例》第十七条第二款
DECISION_WITHIN_DAYS = 60  # 《工伤保险条例》第二十条
CITE_EMPLOYER = "《工伤保险条例》第十七条第一款"
CITE_WORKER = "《工伤保险条例》第十七条第二款"
CITE_DECISION = "《工伤保险条例》第二十条"
CITE_CIVIL = "《中华人民共和国民法典》第一千一百九十二条"
CITE_UNINSURED = "《工伤保险条例》第六十二条第二款"


class Cover(enum.StrEnum):
    """What insures a shift against injury."""

    WORK_INJURY = "work_injury"  # 工伤保险, incl. 单险种工伤保险
    ACCIDENT = "accident"  # the platform's commercial accident insurance (意外险)
    NONE = "none"


def cover_for(work_injury_insurance: bool, platform_accident_insurance: bool) -> Cover:
    """The shift's cover: the employer's work-injury insurance first, else the platform's policy."""
    if work_injury_insurance:
        return Cover.WORK_INJURY
    return Cover.ACCIDENT if platform_accident_insurance else Cover.NONE


@dataclass(frozen=True)
class Step:
    """One step after an accident: who, what, by when (None: no fixed date), and the source."""

    who: str  # "employer", "worker", "authority", "insurer", "both"
    what: str  # msgid
    due: date | None
    citation: str


def one_year_after(day: date) -> date:
    """The same date a year later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + WORKER_APPLIES_WITHIN_YEARS)
    except ValueError:
        return day.replace(year=day.year + WORKER_APPLIES_WITHIN_YEARS, day=28)


def steps(cover: Cover, accident_on: date) -> tuple[Step, ...]:
    """What must happen after an accident on ``accident_on`` under ``cover``, in order."""
    if cover == Cover.WORK_INJURY:
        return (
            Step(
                "employer",
                N_(
                    "The employer applies for work-injury recognition (工伤认定) to the "
                    "social-insurance administration."
                ),
                accident_on + timedelta(days=EMPLOYER_APPLIES_WITHIN_DAYS),
                CITE_EMPLOYER,
            ),
            Step(
                "worker",
                N_(
                    "If the employer has not applied, the worker, a close relative or the trade "
                    "union may apply directly."
                ),
                one_year_after(accident_on),
                CITE_WORKER,
            ),
            Step(
                "authority",
                N_("The administration decides within 60 days of accepting the application."),
                None,
                CITE_DECISION,
            ),
        )
    if cover == Cover.ACCIDENT:
        return (
            Step(
                "insurer",
                N_(
                    "Report the accident to the insurer as the policy says; keep medical "
                    "records and receipts. The deadlines are the policy's own."
                ),
                None,
                "",
            ),
        )
    return (
        Step(
            "both",
            N_(
                "No insurance covers this shift. In a labour relationship the employer pays what "
                "work-injury insurance would have paid; otherwise the worker and the employer "
                "bear the loss according to their fault. A gig station can help mediate."
            ),
            None,
            f"{CITE_UNINSURED}；{CITE_CIVIL}",
        ),
    )
