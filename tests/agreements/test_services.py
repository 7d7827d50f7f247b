"""Agreement drafts, limits on changes, signatures and verification (POLICY §3, N(十五))."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.agreements import services, signing, templating
from marketplace.errors import DomainError, Forbidden
from marketplace.models import Agreement, AgreementStatus, AgreementTemplate, db
from marketplace.policy.labour_relation import AgreementKind, Answers
from tests.factories import make_employer

LABOUR = Answers(True, True, True, True)


def _sign(user, agreement, name, consent=True, ip="203.0.113.7"):
    digest = templating.content_hash(services.text_of(agreement))
    return signing.sign(user, agreement.id, name, consent, digest, ip)


def test_accepting_creates_a_filled_draft_from_the_gig_template_policy_3(accepted):
    """Every value is filled: parties with masked ID and credit code, time, pay, protection."""
    worker, employer, application, agreement = accepted()
    assert agreement.status == AgreementStatus.DRAFT
    assert agreement.template.kind == AgreementKind.TEMPORARY
    text = services.text_of(agreement)
    assert "临时性用工书面协议" in text and "陈阿海" in text and "石浦海产合作社" in text
    assert application.worker.id_number_masked in text and "**********" in text
    assert "200.00 元/天" in text and worker.mobile in text and employer.mobile in text
    assert "已为乙方单险种参加工伤保险" in text and "劳动人事争议仲裁委员会" in text
    assert "{{" not in text and "None" not in text


@pytest.mark.parametrize(
    ("overrides", "kind", "title"),
    [
        (
            {"work_form": "seasonal", "season_tag": "moratorium"},
            AgreementKind.SEASONAL,
            "季节性用工协议",
        ),
        ({"answers": Answers(False, False, False, False)}, AgreementKind.SERVICE, "劳务协议"),
    ],
)
def test_template_is_chosen_by_outcome_and_work_form_policy_3(accepted, overrides, kind, title):
    """Seasonal work gets 季节性用工协议; unmanaged work gets 劳务协议."""
    from marketplace.models import SeasonTag, WorkForm

    if "work_form" in overrides:
        overrides = {"work_form": WorkForm.SEASONAL, "season_tag": SeasonTag.MORATORIUM}
    *_, agreement = accepted(**overrides)
    assert agreement.template.kind == kind
    assert title in services.text_of(agreement)


def test_no_gig_agreement_for_a_labour_contract_policy_3(accepted):
    """All three criteria of 12号文 Art. 1: recruitment for a labour contract, no agreement."""
    *_, agreement = accepted(answers=LABOUR)
    assert agreement is None


def test_employer_may_raise_pay_and_edit_free_text_but_not_lower_pay(accepted):
    """Never below the post; free text within limits; protection and dispute clauses stay."""
    _, employer, _, agreement = accepted()
    clauses = templating.clauses_of(agreement)
    with pytest.raises(services.PayBelowPost):
        services.edit(employer, agreement.id, 19999, clauses)
    with pytest.raises(DomainError):
        services.edit(employer, agreement.id, 20000, {**clauses, "other_terms": "长" * 501})
    with pytest.raises(DomainError):
        services.edit(employer, agreement.id, 20000, {**clauses, "work_content": " "})
    same = services.edit(
        employer, agreement.id, 22000, {**clauses, "safety_equipment": "防滑靴、手套"}
    )
    text = services.text_of(same)
    assert same.id == agreement.id and "220.00 元/天" in text and "防滑靴、手套" in text
    assert 'data-clause="protection"' in text and 'data-clause="dispute"' in text


def test_worker_cannot_edit(accepted):
    """Only the employer adjusts clauses."""
    worker, _, _, agreement = accepted()
    with pytest.raises(Forbidden):
        services.edit(worker, agreement.id, 30000, templating.clauses_of(agreement))


def test_signing_needs_the_profile_name_and_consent(accepted):
    """Typed full name matching the profile, and the consent box."""
    worker, employer, _, agreement = accepted()
    with pytest.raises(signing.NameMismatch):
        _sign(worker, agreement, "陈阿山")
    with pytest.raises(signing.ConsentMissing):
        _sign(worker, agreement, "陈阿海", consent=False)
    with pytest.raises(signing.NameMismatch):
        _sign(employer, agreement, "陈阿海")
    with pytest.raises(signing.AgreementChanged):
        signing.sign(worker, agreement.id, "陈阿海", True, "0" * 64)


def test_both_signatures_in_any_order_put_it_in_force_with_hash(accepted):
    """Employer first, then worker; the account, time and IP are recorded."""
    worker, employer, _, agreement = accepted()
    _sign(employer, agreement, "李经理")
    assert agreement.status == AgreementStatus.DRAFT and agreement.content_hash
    frozen = agreement.rendered_text
    _sign(worker, agreement, " 陈 阿海 ")
    assert agreement.status == AgreementStatus.IN_FORCE and agreement.in_force_at
    assert agreement.rendered_text == frozen
    assert templating.content_hash(frozen) == agreement.content_hash
    sig = agreement.signature_of(agreement.signatures[0].party)
    assert sig.ip == "203.0.113.7" and sig.signed_at
    assert {s.signer_id for s in agreement.signatures} == {worker.id, employer.id}
    with pytest.raises(DomainError):
        _sign(worker, agreement, "陈阿海")


def test_a_change_after_signing_is_a_new_version_both_sign_again(accepted):
    """The signed text never changes; the change becomes revision 2; then 1 is superseded."""
    worker, employer, _, agreement = accepted()
    _sign(worker, agreement, "陈阿海")
    _sign(employer, agreement, "石浦海产合作社")
    signed_hash = agreement.content_hash
    revised = services.edit(employer, agreement.id, 25000, templating.clauses_of(agreement))
    assert revised.revision == 2 and revised.status == AgreementStatus.DRAFT
    assert agreement.status == AgreementStatus.IN_FORCE and agreement.content_hash == signed_hash
    _sign(worker, revised, "陈阿海")
    _sign(employer, revised, "李经理")
    assert revised.status == AgreementStatus.IN_FORCE
    assert agreement.status == AgreementStatus.SUPERSEDED
    assert services.verify(signed_hash).valid and "250.00" in revised.rendered_text


def test_verification_and_tampering(accepted):
    """A signed agreement verifies; changing its stored text makes verification fail."""
    worker, employer, _, agreement = accepted()
    _sign(worker, agreement, "陈阿海")
    assert not services.verify(agreement.content_hash).valid  # one signature is not enough
    _sign(employer, agreement, "李经理")
    db.session.commit()
    assert services.verify(agreement.content_hash).valid
    assert not services.verify("f" * 64).valid
    agreement.rendered_text = agreement.rendered_text.replace("200.00", "100.00")
    db.session.commit()
    assert not services.verify(agreement.content_hash).valid


def test_admin_publishes_a_new_version_agreements_keep_theirs(accepted):
    """Version 2 for new drafts; the existing agreement stays on version 1."""
    *_, agreement = accepted()
    from marketplace.accounts.services import register
    from marketplace.models import Role

    admin = register("13800000099", "secret-pass-1", Role.ADMIN, "管理员")
    source = agreement.template.source.replace(
        "临时性用工书面协议</h1>", "临时性用工书面协议（2027版）</h1>"
    )
    v2 = services.publish_template(admin, AgreementKind.TEMPORARY, source, "标题加年份")
    assert v2.version == 2 and agreement.template.version == 1
    assert "2027版" not in services.text_of(agreement)
    *_, newer = accepted(worker_name="王小明")
    assert newer.template_id == v2.id and "2027版" in services.text_of(newer)
    versions = db.session.scalars(select(AgreementTemplate.version)).all()
    assert sorted(versions) == [1, 2]


@pytest.mark.parametrize(
    "breakage",
    ["drop-dispute", "drop-protection", "drop-pay", "syntax", "unknown-name"],
)
def test_a_template_without_required_clauses_is_refused_n15(app, breakage):
    """N(十五): pay, protection and dispute resolution always stay in every version."""
    from marketplace.accounts.services import register
    from marketplace.models import Role

    admin = register("13800000098", "secret-pass-1", Role.ADMIN, "管理员")
    _, source = templating.file_source(AgreementKind.SERVICE)
    broken = {
        "drop-dispute": source.replace('data-clause="dispute"', 'data-clause="other"'),
        "drop-protection": source.replace("工伤保险", "保险"),
        "drop-pay": source.replace("{{ pay.amount }}", ""),
        "syntax": source + "{% if %}",
        "unknown-name": source + "{{ nothing.here }}",
    }[breakage]
    with pytest.raises(DomainError):
        services.publish_template(admin, AgreementKind.SERVICE, broken)
    with pytest.raises(Forbidden):
        services.publish_template(make_employer(), AgreementKind.SERVICE, source)
    assert db.session.scalar(select(Agreement.id)) is None
