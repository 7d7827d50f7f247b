"""Labour relationship or agreement: the assessment every job post answers (POLICY §3).

Sources:

* 劳社部发〔2005〕12号《关于确立劳动关系有关事项的通知》 Article 1: a labour relationship
  exists when (a) both parties are legally qualified as employer and worker, (b) the
  employer's rules apply to the worker, who is managed by the employer and does paid work
  the employer arranges, and (c) the work is part of the employer's business.
* 宁波市《关于进一步做好支持灵活就业工作的通知》(2021-12-28) N(三): an employer that manages
  the work process of a worker who does not fully meet those criteria signs a written
  agreement (书面协议) with them; N(十五): the agreement settles service time, pay, rest and
  holidays and labour protection.

This module is pure: no Flask, no database. Reasons are English msgids marked for extraction.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message for translation (extracted with ``-k N_``)."""
    return message


CITATION_LABOUR_RELATION = "劳社部发〔2005〕12号 第一条"
CITATION_WRITTEN_AGREEMENT = "宁波市支持灵活就业通知（2021-12-28）第（三）、（十五）项"


class Outcome(enum.StrEnum):
    """What the relationship between the parties to a gig calls for."""

    LABOUR_CONTRACT = "labour_contract"  # 劳动合同
    WRITTEN_AGREEMENT = "written_agreement"  # 书面协议
    SERVICE_AGREEMENT = "service_agreement"  # 劳务协议 (recommended)


class AgreementKind(enum.StrEnum):
    """The agreement templates; the value is the template's file name."""

    TEMPORARY = "temporary"  # 临时性用工书面协议
    SEASONAL = "seasonal"  # 季节性用工协议
    PART_TIME = "part_time"  # 非全日制用工协议
    SERVICE = "service"  # 劳务协议


@dataclass(frozen=True)
class Answers:
    """The employer's answers to the three criteria and the work-process question."""

    qualified: bool  # 12号文 Art. 1 (a): both parties legally qualified
    employer_rules: bool  # 12号文 Art. 1 (b): rules apply, managed, paid work arranged
    core_business: bool  # 12号文 Art. 1 (c): the work is part of the employer's business
    manages_process: bool  # N(三): sets hours, supervises, gives rules for the work


@dataclass(frozen=True)
class Assessment:
    """The outcome, the reasons (msgids) and where the rule comes from."""

    outcome: Outcome
    reasons: tuple[str, ...]
    citation: str


_CRITERIA = (
    ("qualified", N_("Both parties are legally qualified as employer and worker.")),
    ("employer_rules", N_("Your rules apply to the worker, who works under your management.")),
    ("core_business", N_("The work is part of your business.")),
)
_MISSING = {
    "qualified": N_("Not both parties are legally qualified as employer and worker."),
    "employer_rules": N_("Your rules do not apply to the worker in the way they do to staff."),
    "core_business": N_("The work is not part of your business."),
}


def assess(answers: Answers) -> Assessment:
    """Decide between labour contract, written agreement and service agreement."""
    missing = tuple(_MISSING[name] for name, _ in _CRITERIA if not getattr(answers, name))
    if not missing:
        # 劳社部发〔2005〕12号 Art. 1: all three criteria hold → a labour relationship.
        return Assessment(
            Outcome.LABOUR_CONTRACT,
            tuple(text for _, text in _CRITERIA)
            + (N_("All three criteria hold: the law requires a labour contract (劳动合同)."),),
            CITATION_LABOUR_RELATION,
        )
    if answers.manages_process:
        # N(三): not fully a labour relationship, but the work process is managed.
        return Assessment(
            Outcome.WRITTEN_AGREEMENT,
            missing
            + (N_("You manage the work process, so a written agreement (书面协议) is required."),),
            f"{CITATION_LABOUR_RELATION}；{CITATION_WRITTEN_AGREEMENT}",
        )
    # No management of the work process, e.g. a household hiring a handyman (POLICY §3).
    return Assessment(
        Outcome.SERVICE_AGREEMENT,
        missing
        + (N_("You do not manage the work process: a service agreement (劳务协议) is advised."),),
        f"{CITATION_LABOUR_RELATION}；{CITATION_WRITTEN_AGREEMENT}",
    )


def agreement_kind(outcome: Outcome, work_form: str) -> AgreementKind | None:
    """The template a gig's agreement uses; None when a labour contract is required."""
    if outcome == Outcome.LABOUR_CONTRACT:
        return None  # POLICY §3: no gig agreement for a labour relationship
    if outcome == Outcome.SERVICE_AGREEMENT:
        return AgreementKind.SERVICE
    return {
        "part_time": AgreementKind.PART_TIME,
        "seasonal": AgreementKind.SEASONAL,
    }.get(work_form, AgreementKind.TEMPORARY)
