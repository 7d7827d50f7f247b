"""A wage case goes to arbitration after mediation, or with the recorded reason it skipped it:
POLICY §9 (mediation first, then arbitration), N(十五), 劳动争议调解仲裁法 art. 5 and 27."""

import pytest

from marketplace.accounts.services import register as register_account
from marketplace.errors import DomainError
from marketplace.models import CaseStatus, Role
from marketplace.policy.disputes import MSG_MEDIATE_FIRST, arbitration_refusal
from marketplace.rights import cases
from tests.factories import mobile


def _staff():
    return register_account(mobile(), "secret-pass-1", Role.STAFF, "驿站工作人员")


def test_open_case_cannot_jump_to_arbitration_without_a_reason(app, parties):
    """POLICY §9: an open case referred straight to arbitration is refused, nothing recorded."""
    _, worker, application = parties
    case = cases.report_unpaid(worker, application.id)
    with pytest.raises(DomainError) as refused:
        cases.staff_step(_staff(), case.id, "refer", "直接转仲裁")
    assert refused.value.message == MSG_MEDIATE_FIRST
    assert case.status == CaseStatus.OPEN
    assert [e.action for e in case.events] == ["opened"]


def test_after_mediation_the_case_goes_to_arbitration(app, parties):
    """POLICY §9: mediate first, then refer — the referral needs no further reason."""
    _, worker, application = parties
    staff = _staff()
    case = cases.report_unpaid(worker, application.id)
    cases.staff_step(staff, case.id, "mediate", "约双方周三到驿站调解")
    cases.staff_step(staff, case.id, "refer", "调解不成")
    assert case.status == CaseStatus.ARBITRATION
    assert [e.action for e in case.events] == ["opened", "mediate", "refer"]


def test_skipping_mediation_records_the_reason_劳动争议调解仲裁法_art5(app, parties, client, login):
    """Art. 5: 不愿调解的，可以申请仲裁 — the reason is kept and shown on the case page."""
    _, worker, application = parties
    staff = _staff()
    case = cases.report_unpaid(worker, application.id)
    cases.staff_step(staff, case.id, "refer", "用人单位拒绝调解", skip_reason="unwilling")
    assert case.status == CaseStatus.ARBITRATION
    assert [e.action for e in case.events] == ["opened", "skip:unwilling", "refer"]
    login(client, worker)
    page = client.get(f"/wage-cases/{case.id}?lang=en").get_data(as_text=True)
    assert "A party does not want mediation" in page


def test_the_pure_rule():
    """Mediated, or a known reason: allowed; otherwise refused; an unknown reason is no reason."""
    assert arbitration_refusal(True, None) is None
    assert arbitration_refusal(False, "time_limit") is None
    assert arbitration_refusal(False, None) == MSG_MEDIATE_FIRST
    assert arbitration_refusal(False, "because") == MSG_MEDIATE_FIRST
