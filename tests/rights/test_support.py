"""The entitlements page's support sections (trade union, 职称, 创业, housing and schooling,
社会救助), each with its source; start-up periods from the date the worker gives."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select

from marketplace.models import BenefitFacts, Hukou, Skill, db
from marketplace.policy.subsidy import add_years
from marketplace.rights.registration import today
from tests.app.test_chinese_ui import _english
from tests.factories import make_worker

NOTICE = "《宁波市关于进一步做好支持灵活就业工作的通知》"
PRACTICE = "《宁波市对灵活就业人员的支持政策和主要做法》"
# testid → (Chinese heading, the citation as the Chinese page reads it)
SECTIONS = {
    "union": ("工会", f"依据：{PRACTICE}第五部分第（二）项"),
    "title": ("专业技术职称", f"依据：{NOTICE}第八条；{PRACTICE}第四部分第（三）项"),
    "start-up": ("创业扶持", f"依据：{PRACTICE}第二部分第（一）项"),
    "housing": ("安居与子女入学", f"依据：{NOTICE}第十二、十三条"),
    "assistance": ("社会救助", f"依据：{NOTICE}第十一条"),
}


def section(page: str, testid: str) -> str:
    """The card with ``testid`` (as in the kiosk tests)."""
    found = re.search(rf'<section class="card" data-testid="{testid}">.*?</section>', page, re.S)
    assert found, testid
    return found.group(0)


def skill(prefix: str) -> int:
    """A seeded skill of the category ``prefix``."""
    return db.session.scalars(select(Skill.id).where(Skill.code.like(f"{prefix}.%"))).first()


def test_each_section_is_shown_in_chinese_with_its_source(app, client, login):
    """Five sections, each titled and cited in Chinese, none claiming a yes it cannot know."""
    worker = make_worker("周师傅")
    login(client, worker)

    page = client.get("/entitlements").get_data(as_text=True)

    for testid, (heading, citation) in SECTIONS.items():
        card = section(page, testid)
        assert heading in card and citation in card, testid
        assert not _english(card), (testid, _english(card))
        assert '<span class="tag">是</span>' not in card, testid
    assert "需咨询" in section(page, "assistance")
    assert "12333" in section(page, "assistance")
    assert not re.search(r"(N\(|P )[一二三四五六七八九十]", page)


def test_a_worker_without_a_business_date_is_told_what_to_enter(app, client, login):
    """No date: the section says which field to fill in, and the form has that field."""
    login(client, make_worker())

    page = client.get("/entitlements").get_data(as_text=True)

    card = section(page, "start-up")
    assert "需填写日期" in card and "“我在宁波自主创业的开始日期”" in card
    assert "可申请至" not in card
    assert re.search(r'<label[^>]*for="business_started_on"[^>]*>我在宁波自主创业的开始日期', page)


def test_the_business_date_gives_the_last_days_of_loan_and_subsidies(app, client, login):
    """Four years in: the loan until the fifth anniversary, the subsidies ended on the third."""
    worker = make_worker()
    login(client, worker)
    started = today() - timedelta(days=4 * 365)

    client.post("/entitlements", data={"business_started_on": started.isoformat()})
    page = client.get("/entitlements?lang=en").get_data(as_text=True)

    card = section(page, "start-up")
    assert f"You started your business on {started}." in card
    assert f"may apply until {add_years(started, 5)}" in card
    assert f"for you they ended on {add_years(started, 3)}" in card
    assert '<span class="tag">Yes</span>' in card
    db.session.expire_all()
    assert db.session.get(BenefitFacts, worker.id).business_started_on == started


def test_a_business_started_over_five_years_ago_is_out_of_the_period(app, client, login):
    """Past the fifth anniversary: no loan, no subsidy, tagged as over."""
    worker = make_worker()
    login(client, worker)
    started = add_years(today(), -5) - timedelta(days=1)

    client.post("/entitlements", data={"business_started_on": started.isoformat()})
    card = section(client.get("/entitlements").get_data(as_text=True), "start-up")

    assert "已过期限" in card and "可申请至" not in card
    assert f"您的期限已于 {add_years(started, 5)} 结束" in card


def test_what_the_product_knows_is_said_in_the_sections(app, client, login):
    """A courier from another province with a permit: his union, titles and permit are named."""
    since = date(2024, 9, 1)
    worker = make_worker(
        "骑手小周",
        skill_ids=[skill("delivery")],
        hukou=Hukou.OTHER,
        residence_permit_since=since,
    )
    login(client, worker)

    page = client.get("/entitlements").get_data(as_text=True)

    assert "快递行业工会联合会" in section(page, "union")
    assert "快递工程专业助理工程师" in section(page, "title")
    housing = section(page, "housing")
    assert "租赁落户" in housing and f"您自 {since} 起持有宁波居住证" in housing
