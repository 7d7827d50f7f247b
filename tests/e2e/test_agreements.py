"""Agreements in real Chromium, in Chinese: accept → both sign → PDF → public verification."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from marketplace.models import db
from marketplace.work.services import apply_to_shift
from tests.factories import PASSWORD, make_employer, make_gig, make_worker

pytestmark = pytest.mark.e2e


def _submit(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def _login(page, base: str, mobile: str) -> None:
    page.goto(f"{base}/account/login")
    page.fill("#mobile", mobile)
    page.fill("#password", PASSWORD)
    _submit(page, "登录")


def _sign(page, name: str) -> None:
    page.fill("#typed_name", name)
    page.check("#consent")
    _submit(page, "签署协议")


def test_accept_sign_download_and_verify(app, live_server, browser, shots):
    """The employer accepts; both sign on their own screens; the PDF verifies by its QR link."""
    employer = make_employer("石浦海产合作社", verified=True)
    gig = make_gig(employer, title="休渔期补网工", injury_insurance=True)
    worker = make_worker("陈阿海")
    apply_to_shift(worker, gig.shifts[0].id)
    db.session.commit()
    base = live_server
    boss = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    hand = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 800})
    emp, wrk = boss.new_page(), hand.new_page()

    _login(emp, base, employer.mobile)
    emp.goto(f"{base}/gigs/{gig.id}/manage")
    _submit(emp, "录用")
    emp.get_by_test_id("applicant").get_by_role("link").first.click()
    emp.get_by_test_id("agreement-link").click()
    text = emp.get_by_test_id("agreement-text").inner_text()
    assert "临时性用工书面协议" in text and "200.00 元/天" in text and "工伤保险" in text
    shots(emp, "employer-draft")
    _sign(emp, "李经理")
    assert "对方签名后协议生效" in emp.content()

    _login(wrk, base, worker.mobile)
    wrk.goto(f"{base}/dashboard")
    wrk.get_by_test_id("upcoming").get_by_role("link").first.click()
    wrk.get_by_test_id("agreement-link").click()
    assert "李经理" in wrk.get_by_test_id("signature-employer").inner_text()
    shots(wrk, "worker-before-signing")
    _sign(wrk, "陈阿海")
    assert wrk.get_by_test_id("agreement-status").inner_text() == "已生效"
    digest = wrk.get_by_test_id("content-hash").inner_text().strip()
    shots(wrk, "worker-signed")

    with wrk.expect_download() as download:
        wrk.get_by_test_id("pdf-link").click()
    body = open(download.value.path(), "rb").read()
    flat = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    assert "临时性用工书面协议" in flat and "200.00" in flat and digest in flat

    wrk.get_by_test_id("verify-link").click()
    wrk.wait_for_load_state("networkidle")
    assert wrk.url.endswith(f"/agreements/verify/{digest}")
    assert wrk.get_by_test_id("verify-ok").is_visible()
    assert wrk.get_by_test_id("verify-title").inner_text() == "休渔期补网工"
    assert "陈阿海" not in wrk.content()
    shots(wrk, "verify-page")
    boss.close()
    hand.close()
