"""The six terms every flexible-work agreement states — N(十五), POLICY §3.

Source, N(十五) (Ningbo notice of 2021-12-28): 引导用人单位与未建立劳动关系的从业人员，开展权利义务
协商，合理确定服务时间、报酬、休息休假、劳动保护等基本权益。协商不一致的，各级劳动争议调解仲裁机构、
工会组织和调解组织要依法为灵活就业人员提供权益保护. POLICY §3 reads it as six terms: service time,
pay, pay date, rest and holidays, labour protection, and dispute resolution — mediation first, then
arbitration (POLICY §9: "mediation first, then referral to arbitration").

A template version is checked by rendering it with sample facts and reading each clause's text:
a term counts as stated only when its clause shows the sample value (so a clause that exists but
drops the value is refused). This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TERMS", "Sample", "missing_term"]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


@dataclass(frozen=True)
class Sample:
    """The sample values the rendered template must show, clause by clause."""

    shift_date: str
    shift_start: str
    shift_end: str
    pay_amount: str
    pay_due: str


# N(十五): each term, the clause that must state it, and the refusal when it does not.
TERMS: dict[str, str] = {
    "time": N_("The template must state the service time: the date, start and end of the work."),
    "pay": N_("The template must state the pay."),
    "pay_date": N_("The template must state the pay date."),
    "rest": N_("The template must state rest and holidays."),
    "protection": N_(
        "The template must state labour protection: safety equipment and work-injury insurance."
    ),
    "dispute": N_(
        "The template must state how disputes are settled: mediation first, then arbitration."
    ),
}


def _states_dispute(text: str) -> bool:
    """Mediation (调解) is named, arbitration (仲裁) too, and mediation comes first."""
    mediation, arbitration = text.find("调解"), text.find("仲裁")
    return 0 <= mediation < arbitration


def missing_term(sections: dict[str, str], sample: Sample) -> str | None:
    """The msgid of the first N(十五) term the rendered clauses do not state, or None."""
    time, pay = sections.get("time", ""), sections.get("pay", "")
    protection = sections.get("protection", "")
    checks = {
        "time": all(v in time for v in (sample.shift_date, sample.shift_start, sample.shift_end)),
        "pay": sample.pay_amount in pay,
        "pay_date": sample.pay_due in pay,
        "rest": "休息" in sections.get("rest", ""),
        "protection": "工伤保险" in protection and "防护" in protection,
        "dispute": _states_dispute(sections.get("dispute", "")),
    }
    for term, stated in checks.items():
        if not stated:
            return TERMS[term]
    return None
