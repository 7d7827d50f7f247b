"""In Chromium: a worker registers flexible employment with the pledge and reports unpaid wages."""

from __future__ import annotations

import pytest

from marketplace.models import CaseStatus, Registration, WageCase, db
from marketplace.rights import cases
from tests.e2e.kiosk_steps import COUNT_PRINTS
from tests.factories import PASSWORD, make_employer, make_worker
from tests.rights.conftest import worked_shift

pytestmark = pytest.mark.e2e


def _submit(page, form: str) -> None:
    page.locator(f"{form} button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def test_worker_registers_and_reports_unpaid_wages(app, live_server, browser, shots):
    """Dashboard prompt → registration with the signed pledge → 没有收到工资 → a case."""
    employer, worker = make_employer(verified=True), make_worker("张三")
    application = worked_shift(employer, worker)
    db.session.commit()

    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server}/account/login")
    page.fill("#mobile", worker.mobile)
    page.fill("#password", PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server}/dashboard")
    assert page.get_by_test_id("registration-countdown").is_visible()
    shots(page, "dashboard-prompt")

    page.get_by_test_id("register-prompt").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_test_id("pledge").is_visible()
    page.check("#stable_income")
    page.check("#pledge_agreed")
    page.fill("#pledge_name", "张三")
    shots(page, "registration-form")
    _submit(page, "[data-testid=registration-form]")
    assert page.url.endswith("/registration/mine")
    assert page.get_by_test_id("registrations").inner_text().count("休渔期补网工") >= 1
    shots(page, "registered")

    page.goto(f"{live_server}/dashboard")
    page.locator(f"a[href='/applications/{application.id}/unpaid']").click()
    page.wait_for_load_state("networkidle")
    page.fill("#note", "说好一周内付，到现在没收到")
    _submit(page, "main form.card")
    assert page.get_by_test_id("case-status").is_visible()
    assert "没收到" in page.get_by_test_id("case-events").inner_text()
    shots(page, "case")
    context.close()

    db.session.expire_all()
    reg = db.session.query(Registration).one()
    assert reg.pledge_name == "张三" and reg.application_id == application.id
    case = db.session.query(WageCase).one()
    assert case.status == CaseStatus.OPEN and case.worker_id == worker.id


def test_the_case_summary_prints_under_the_sites_csp(app, live_server, browser, shots):
    """The summary's layout and its print button work with the CSP on: no violation reported."""
    employer, worker = make_employer(verified=True), make_worker("张三")
    application = worked_shift(employer, worker)
    case = cases.report_unpaid(worker, application.id, "没收到")
    db.session.commit()

    context = browser.new_context(locale="zh-CN")
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console", lambda msg: blocked.append(msg.text) if "Content Security" in msg.text else 0
    )
    page.goto(f"{live_server}/account/login")
    page.fill("#mobile", worker.mobile)
    page.fill("#password", PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server}/wage-cases/{case.id}/summary")
    page.wait_for_load_state("networkidle")
    facts = page.locator("dl.facts")
    assert facts.evaluate("el => getComputedStyle(el).display") == "grid"
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.__prints") == 1
    shots(page, "case-summary")
    context.close()
    assert blocked == []
