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
* 《中华人民共和国劳动合同法》 (Labour Contract Law) art. 68–72: part-time work (非全日制用工) is a
  labour relationship — on average at most 4 hours a day and 24 a week with one employer (art.
  68); an oral agreement is lawful and the worker may hold contracts with other employers (art.
  69); no probation period (art. 70); either party ends it at any time by notice, with no
  economic compensation (art. 71); hourly pay not below the local hourly minimum, settled at
  least every 15 days (art. 72). POLICY §4: although an oral agreement is lawful, the marketplace
  offers a written part-time labour contract (非全日制劳动合同), signed here like the agreements.
* 劳社部发〔2003〕12号《关于非全日制用工若干问题的意见》 art. 12: the employer pays work-injury
  insurance for a part-time worker in a labour relationship.
* A labour relationship in any other work form is full-time employment: the employer signs the
  labour contract with the worker directly, and the marketplace makes no agreement (POLICY §3).

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
    PT_CONTRACT = "pt_contract"  # 非全日制劳动合同 (Labour Contract Law art. 68–72)


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
    """The template a gig's agreement uses; None when a full-time labour contract is due."""
    if outcome == Outcome.LABOUR_CONTRACT:
        # Labour Contract Law art. 68–72, POLICY §4: part-time work gets a written part-time
        # labour contract; any other labour relationship is signed directly (POLICY §3).
        return AgreementKind.PT_CONTRACT if work_form == "part_time" else None
    if outcome == Outcome.SERVICE_AGREEMENT:
        return AgreementKind.SERVICE
    return {
        "part_time": AgreementKind.PART_TIME,
        "seasonal": AgreementKind.SEASONAL,
    }.get(work_form, AgreementKind.TEMPORARY)
