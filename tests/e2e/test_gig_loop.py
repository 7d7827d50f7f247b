"""The whole gig loop in real Chromium, in Chinese: an employer and a worker in two contexts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.employers import verification
from marketplace.i18n import to_local
from marketplace.models import User, db, utcnow
from tests.accounts.steps import code_sent_to
from tests.factories import credit_code, id_number
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e
PASSWORD = "e2e-pass-123"


def _submit(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def _sign(page, name: str) -> None:
    page.fill("#typed_name", name)
    page.check("#consent")
    _submit(page, "签署协议")


def _choose(page, select: str, text: str) -> None:
    """Pick the first option of a select whose label contains ``text``."""
    value = page.locator(f"{select} option", has_text=text).first.get_attribute("value")
    page.select_option(select, value=value)


def _signup(page, base: str, role: str, mobile: str) -> None:
    page.goto(f"{base}/account/signup")
    page.check(f"input[name=role][value={role}]")
    page.fill("#mobile", mobile)
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    _submit(page, "获取短信验证码")
    page.fill("#code", code_sent_to(mobile))
    _submit(page, "创建账号")


def _employer_profile(page) -> None:
    page.check("input[name=kind][value=company]")
    page.fill("#name", "石浦海产合作社")
    page.fill("#credit_code", credit_code(4242))
    page.fill("#contact_name", "林经理")
    _choose(page, "#town_id", "石浦镇")
    page.fill("#address", "石浦渔港中路 8 号")
    _submit(page, "保存资料")


def _post_gig(page, base: str) -> None:
    start = to_local(utcnow()) + timedelta(minutes=30)
    page.goto(f"{base}/gigs/new")
    page.fill("#title", "休渔期补网工")
    page.fill("#description", "在码头修补渔网，提供手套和午饭。")
    _choose(page, "#category_id", "渔业与水产加工")
    page.locator("details summary", has_text="渔业与水产加工").first.click()
    page.locator("details[open] input[name=skills]").first.check()
    _choose(page, "#town_id", "石浦镇")
    page.check("input[name=work_form][value=temporary]")
    page.check("input[name=season_tag][value=moratorium]")
    page.fill("#pay", "220")
    page.check("input[name=pay_unit][value=day]")
    page.check("#injury_insurance")
    page.fill("#shifts-0-day", start.date().isoformat())
    page.fill("#shifts-0-start", start.strftime("%H:%M"))
    page.fill("#shifts-0-end", (start + timedelta(hours=3)).strftime("%H:%M"))
    page.fill("#shifts-0-slots", "2")
    for question, answer in (
        ("q_qualified", "yes"),
        ("q_employer_rules", "no"),
        ("q_core_business", "no"),
        ("q_manages_process", "yes"),
    ):
        page.check(f"input[name={question}][value={answer}]")
    _submit(page, "检查并继续")
    assert "应当签订书面协议" in page.get_by_test_id("assessment-outcome").inner_text()
    page.check("#confirm_assessment")
    _submit(page, "发布")


def _worker_profile(page) -> None:
    page.fill("#real_name", "陈阿海")
    page.fill("#id_number", id_number(serial=314))
    page.check("input[name=hukou][value=ningbo]")
    _choose(page, "#town_id", "石浦镇")
    page.fill("#max_travel_km", "20")
    page.locator("details summary", has_text="渔业与水产加工").first.click()
    page.locator("details[open] input[name=skills]").first.check()
    page.fill("#skills_text", "补网 织网 晒鲞")
    page.fill("#expected_daily_pay", "200")
    for day in range(7):
        page.check(f"input[name=weekdays][value='{day}']")
    _submit(page, "保存资料")


def _verified_by_staff(mobile: str) -> None:
    """Station staff approve the employer (the kiosk screens have their own browser test)."""
    employer = db.session.scalar(select(User).where(User.mobile == mobile))
    station = nearest_station()
    verification.approve(make_staff(station), station, employer.id)
    db.session.commit()


def test_employer_and_worker_complete_a_gig(live_server, browser, shots):
    """Post, find, apply, accept, check in and out, confirm, pay, rate — all in the browser."""
    base = live_server
    boss = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    hand = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 800})
    employer, worker = boss.new_page(), hand.new_page()

    _signup(employer, base, "employer", "13600000001")
    shots(employer, "employer-profile-form")
    _employer_profile(employer)
    assert "待审核" in employer.content()
    shots(employer, "employer-dashboard")
    _post_gig(employer, base)
    assert "休渔期补网工" in employer.content()
    assert employer.get_by_test_id("gig-status").inner_text() == "待审核"  # not public yet
    _verified_by_staff("13600000001")
    employer.reload()
    assert employer.get_by_test_id("gig-status").inner_text() == "招聘中"
    code = employer.get_by_test_id("checkin-code").first.inner_text().strip()
    shots(employer, "gig-manage")

    _signup(worker, base, "worker", "13600000002")
    _worker_profile(worker)
    shots(worker, "worker-dashboard")
    worker.goto(f"{base}/gigs?season_tag=moratorium")
    worker.get_by_role("link", name="休渔期补网工").click()
    assert "220.00" in worker.content() and "工伤保险" in worker.content()
    shots(worker, "gig-page")
    _submit(worker, "报名")
    assert "已报名" in worker.content()

    employer.reload()
    assert "陈阿海" in employer.content()
    _submit(employer, "录用")
    assert employer.get_by_test_id("applicant-status").first.inner_text().startswith("已录用")
    manage = employer.url
    employer.get_by_test_id("applicant").get_by_role("link").first.click()
    employer.get_by_test_id("agreement-link").click()
    _sign(employer, "林经理")  # check-in waits for the agreement both sides signed
    employer.goto(manage)

    worker.goto(f"{base}/inbox/")
    assert re.search("录用", worker.content())
    shots(worker, "worker-inbox")
    worker.goto(f"{base}/dashboard")
    worker.get_by_test_id("upcoming").get_by_role("link").first.click()
    shift_page = worker.url
    worker.get_by_test_id("agreement-link").click()
    _sign(worker, "陈阿海")
    worker.goto(shift_page)
    worker.fill("#code", code)
    _submit(worker, "签到")
    assert worker.get_by_test_id("checked-in").is_visible()
    shots(worker, "checked-in")
    worker.fill("#code", code)
    _submit(worker, "签退")
    assert worker.get_by_test_id("checked-out").is_visible()

    employer.get_by_test_id("applicant").get_by_role("link").first.click()
    employer.fill("#hours", "3")
    _submit(employer, "确认工时")
    assert employer.get_by_test_id("hours").inner_text() == "3.00"
    employer.fill("#amount", "220")
    _submit(employer, "登记付款")
    assert "220.00" in employer.get_by_test_id("paid").inner_text()
    employer.check("input[name=stars][value='5']")
    employer.fill("#comment", "手脚麻利，补网细致")
    _submit(employer, "提交评价")
    shots(employer, "application-paid-rated")

    worker.reload()
    worker.check("input[name=stars][value='4']")
    worker.fill("#comment", "结算及时")
    _submit(worker, "提交评价")
    worker.goto(f"{base}/dashboard")
    paid = worker.get_by_test_id("paid").inner_text()
    assert "220.00" in paid
    assert "手脚麻利" in worker.get_by_test_id("ratings").inner_text()
    shots(worker, "worker-dashboard-after")

    employer.goto(f"{base}/dashboard")
    assert "结算及时" in employer.get_by_test_id("ratings").inner_text()
    shots(employer, "employer-dashboard-after")
    worker.goto(f"{base}/gigs?lang=en")
    assert "Find gigs" in worker.content()
    shots(worker, "browse-english")
    boss.close()
    hand.close()
