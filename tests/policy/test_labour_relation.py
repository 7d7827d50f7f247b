"""The labour-relationship assessment, POLICY §3: 劳社部发〔2005〕12号 Art. 1 and Ningbo N(三)."""

from __future__ import annotations

import itertools

import pytest

from marketplace.policy.labour_relation import (
    CITATION_LABOUR_RELATION,
    AgreementKind,
    Answers,
    Outcome,
    agreement_kind,
    assess,
)

ALL_ANSWERS = [Answers(*combo) for combo in itertools.product((True, False), repeat=4)]


def _id(a: Answers) -> str:
    return "-".join(
        f"{name}={'y' if getattr(a, name) else 'n'}"
        for name in ("qualified", "employer_rules", "core_business", "manages_process")
    )


def _expected(a: Answers) -> Outcome:
    if a.qualified and a.employer_rules and a.core_business:
        return Outcome.LABOUR_CONTRACT
    return Outcome.WRITTEN_AGREEMENT if a.manages_process else Outcome.SERVICE_AGREEMENT


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids=_id)
def test_every_combination_lsbf_2005_12_art1_and_ningbo_n3(answers):
    """All 16 answer combinations give the outcome of 12号文 Art. 1 and N(三), cited."""
    result = assess(answers)
    assert result.outcome == _expected(answers)
    assert CITATION_LABOUR_RELATION in result.citation
    assert result.reasons


def test_all_three_criteria_lsbf_2005_12_art1_mean_labour_contract_whatever_management():
    """(a), (b) and (c) hold → labour contract, even with no management answer."""
    for manages in (True, False):
        result = assess(Answers(True, True, True, manages))
        assert result.outcome == Outcome.LABOUR_CONTRACT
        assert any("劳动合同" in r for r in result.reasons)


def test_managed_work_without_all_criteria_needs_written_agreement_ningbo_n3():
    """Not all criteria, but the employer manages the work process → 书面协议 (N(三))."""
    result = assess(Answers(True, True, False, True))
    assert result.outcome == Outcome.WRITTEN_AGREEMENT
    assert "The work is not part of your business." in result.reasons
    assert "（三）" in result.citation


def test_unmanaged_work_gets_service_agreement_policy_3_household_handyman():
    """A household hiring a handyman, no management of the process → 劳务协议 recommended."""
    assert assess(Answers(False, False, False, False)).outcome == Outcome.SERVICE_AGREEMENT


@pytest.mark.parametrize(
    ("outcome", "form", "kind"),
    [
        (Outcome.LABOUR_CONTRACT, "temporary", None),
        (Outcome.LABOUR_CONTRACT, "seasonal", None),
        (Outcome.LABOUR_CONTRACT, "flexible", None),
        (Outcome.LABOUR_CONTRACT, "part_time", AgreementKind.PT_CONTRACT),
        (Outcome.WRITTEN_AGREEMENT, "temporary", AgreementKind.TEMPORARY),
        (Outcome.WRITTEN_AGREEMENT, "flexible", AgreementKind.TEMPORARY),
        (Outcome.WRITTEN_AGREEMENT, "seasonal", AgreementKind.SEASONAL),
        (Outcome.WRITTEN_AGREEMENT, "part_time", AgreementKind.PART_TIME),
        (Outcome.SERVICE_AGREEMENT, "temporary", AgreementKind.SERVICE),
        (Outcome.SERVICE_AGREEMENT, "seasonal", AgreementKind.SERVICE),
    ],
)
def test_template_follows_outcome_and_work_form_policy_3(outcome, form, kind):
    """POLICY §3: a full-time labour contract is signed directly, so no agreement here; POLICY §4
    and Labour Contract Law art. 68–72: part-time labour gets the 非全日制劳动合同; else the
    template of the work form."""
    assert agreement_kind(outcome, form) == kind
