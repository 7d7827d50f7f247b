"""Part-time work in a labour relationship gets a written 非全日制劳动合同 signed here (POLICY §4,
Labour Contract Law art. 68–72, 劳社部发〔2003〕12号 art. 12); a labour relationship in any other
work form is still a labour contract the employer signs directly (POLICY §3)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.agreements import services, templating
from marketplace.gigs.services import hourly_minimum_fen
from marketplace.i18n import to_local
from marketplace.models import Application, Gig, Role, WorkForm, db, utcnow
from marketplace.policy.labour_relation import AgreementKind, Answers, Outcome
from tests.factories import PASSWORD, gig_form, make_employer, make_worker, mobile, move_shift, town

# 劳社部发〔2005〕12号 Art. 1 (a)–(c) all hold: a labour relationship.
LABOUR = {"q_qualified": "yes", "q_employer_rules": "yes", "q_core_business": "yes"}
# What a worker reads in the contract, clause by clause (Labour Contract Law art. 68–72).
KEY_CLAUSES = (
    "非全日制劳动合同",
    "每周累计不超过 24 小时",  # art. 68
    "不得影响先订立的劳动合同的履行",  # art. 69
    "不约定试用期",  # art. 70
    "随时通知对方终止用工",  # art. 71
    "不向乙方支付经济补偿",  # art. 71
    "最低小时工资标准",  # art. 72
    "最长不超过 15 天",  # art. 72
    "由甲方缴纳工伤保险费",  # 劳社部发〔2003〕12号 art. 12
    "劳动人事争议仲裁委员会申请劳动争议仲裁",
)


def _part_time_labour_form(**fields) -> dict:
    """A 4-hour part-time shift paid the hourly minimum every 15 days, all three criteria yes."""
    day = (to_local(utcnow()) + timedelta(days=3)).date()
    minimum = hourly_minimum_fen(town(), day)
    return gig_form(
        title="超市晚班理货",
        description="整理货架、补货、清点库存。",
        work_form="part_time",
        pay=f"{minimum / 100:.2f}",
        pay_unit="hour",
        pay_within_days="15",
        injury_insurance="y",
        **{"shifts-0-start": "18:00", "shifts-0-end": "22:00"},
        **LABOUR,
        **fields,
    )


def _as(client, login, user):
    client.post("/account/logout")
    login(client, user)


@pytest.fixture
def posted(client, login):
    """The employer posts the part-time gig through the form: preview, confirm, publish."""
    employer = make_employer("宁波海曙便民超市有限公司")
    login(client, employer)
    preview = client.post(
        "/gigs/new", data=_part_time_labour_form(assessed_outcome=None, confirm_assessment=None)
    )
    assert preview.status_code == 200
    published = client.post(
        "/gigs/new", data=_part_time_labour_form(assessed_outcome="labour_contract")
    )
    assert published.status_code == 302, published.get_data(as_text=True)[:500]
    gig = db.session.scalar(select(Gig))
    return employer, gig, preview.get_data(as_text=True)


@pytest.fixture
def hired(posted, client, login):
    """A worker applies and the employer accepts, both over HTTP."""
    employer, gig, _ = posted
    worker = make_worker("陈阿海")
    _as(client, login, worker)
    assert client.post(f"/shifts/{gig.shifts[0].id}/apply").status_code == 302
    application = db.session.scalar(select(Application))
    _as(client, login, employer)
    assert client.post(f"/applications/{application.id}/accept").status_code == 302
    db.session.expire_all()
    return employer, worker, gig, application


def test_posting_shows_the_part_time_labour_contract_before_publishing_art68(posted):
    """The preview says a 非全日制劳动合同 is drafted here, not “no gig agreement”."""
    _, gig, preview = posted
    assert "应当订立劳动合同" in preview and "非全日制劳动合同" in preview
    assert "平台不为此岗位生成零工协议" not in preview
    assert gig.relation_outcome == Outcome.LABOUR_CONTRACT
    assert gig.work_form == WorkForm.PART_TIME


def test_gig_page_in_chinese_says_part_time_labour_contract_art70_art71(posted, client):
    """Workers read that the relationship is a labour one with a part-time contract signed here."""
    _, gig, _ = posted
    client.post("/account/logout")
    page = client.get(f"/gigs/{gig.id}").get_data(as_text=True)
    assert "非全日制劳动合同" in page and "建立劳动关系" in page and "不约定试用期" in page
    assert "不生成零工协议" not in page


def test_accepting_drafts_the_contract_with_the_clauses_a_worker_reads(hired):
    """The draft uses the pt_contract template and states art. 68–72 and work injury."""
    _, _, gig, application = hired
    agreement = services.current_agreement(application)
    assert agreement is not None and agreement.template.kind == AgreementKind.PT_CONTRACT
    text = services.text_of(agreement)
    missing = [clause for clause in KEY_CLAUSES if clause not in text]
    assert not missing, missing
    assert "陈阿海" in text and "宁波海曙便民超市有限公司" in text and "18:00 至 22:00" in text
    assert "整理货架、补货" in text
    assert text.find("调解") < text.find("仲裁")  # mediation first, then arbitration
    assert "{{" not in text and "None" not in text


def test_application_page_offers_the_contract_to_read_and_sign(hired, client, login):
    """The worker's shift page says it is a labour relationship and links to the contract."""
    _, worker, _, application = hired
    _as(client, login, worker)
    page = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert "劳动关系：在平台上签订非全日制劳动合同" in page
    assert 'data-testid="agreement-link"' in page and "由用人单位直接与您签订" not in page
    contract = client.get(f"/agreements/application/{application.id}", follow_redirects=True)
    body = contract.get_data(as_text=True)
    assert "非全日制劳动合同" in body and 'data-testid="sign-form"' in body


def _sign(client, login, user, name, agreement):
    _as(client, login, user)
    digest = templating.content_hash(services.text_of(agreement))
    r = client.post(
        f"/agreements/{agreement.id}/sign",
        data={"typed_name": name, "consent": "y", "content_hash": digest},
    )
    assert r.status_code == 302


def _check_in(client, login, worker, application):
    _as(client, login, worker)
    r = client.post(
        f"/applications/{application.id}/check",
        data={"code": application.shift.checkin_code},
        follow_redirects=True,
    )
    db.session.expire_all()
    return r.get_data(as_text=True)


def test_check_in_is_refused_until_both_sign_the_contract(hired, client, login):
    """No check-in on an unsigned or half-signed contract; once both signed, check-in works."""
    employer, worker, gig, application = hired
    move_shift(gig.shifts[0], utcnow() - timedelta(minutes=30), hours=4)
    db.session.commit()
    assert "签署" in _check_in(client, login, worker, application)
    assert application.checked_in_at is None
    agreement = services.current_agreement(application)
    _sign(client, login, worker, "陈阿海", agreement)
    assert "签署" in _check_in(client, login, worker, application)
    assert application.checked_in_at is None
    _sign(client, login, employer, "宁波海曙便民超市有限公司", agreement)
    db.session.expire_all()
    assert services.current_agreement(application).status.value == "in_force"
    _check_in(client, login, worker, application)
    assert application.checked_in_at is not None


def test_full_time_labour_contract_still_has_no_agreement_policy_3(accepted, client, login):
    """A temporary gig with all three criteria: signed directly with the employer, as before."""
    worker, _, application, agreement = accepted(answers=Answers(True, True, True, True))
    assert agreement is None
    login(client, worker)
    page = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert "由用人单位直接与您签订" in page and "非全日制劳动合同" not in page
    gig_page = client.get(f"/gigs/{application.shift.gig_id}").get_data(as_text=True)
    assert "不生成零工协议" in gig_page and "非全日制劳动合同" not in gig_page


def test_admin_lists_and_publishes_the_part_time_contract_template(hired, client, login):
    """Admins publish versions per kind: the contract has its row; a draft keeps its version."""
    _, _, _, application = hired
    admin = register(mobile(), PASSWORD, Role.ADMIN, "管理员")
    _as(client, login, admin)
    listing = client.get("/agreements/templates").get_data(as_text=True)
    assert "非全日制劳动合同" in listing and "/agreements/templates/pt_contract/publish" in listing
    _, source = templating.file_source(AgreementKind.PT_CONTRACT)
    revised = source.replace("本合同不约定试用期", "双方不约定试用期")
    r = client.post("/agreements/templates/pt_contract/publish", data={"source": revised})
    assert r.status_code == 302
    assert services.current_template(AgreementKind.PT_CONTRACT).version == 2
    drafted = services.current_agreement(application)
    assert drafted.template.version == 1  # an agreement keeps the version it was drafted on
