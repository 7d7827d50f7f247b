"""The check-in QR code in real Chromium: it decodes from the screen for ids of every length."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from marketplace.models import Application, AppStatus, db
from marketplace.work.attendance import application_from_token
from tests.e2e.kiosk_steps import qr_texts
from tests.factories import PASSWORD, make_employer, make_gig, make_worker, shift_in

pytestmark = pytest.mark.e2e

# 1, 3, 6, 9 and 10 digits: the token (and so the QR version) grows with the id.
APPLICATION_IDS = [7, 412, 305118, 123456789, 2100000001]


def _login(page, base: str, mobile: str) -> None:
    page.goto(f"{base}/account/login")
    page.fill("#mobile", mobile)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="登录", exact=True).first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [360, 1280])
def test_checkin_qr_decodes_for_ids_of_every_length(app, live_server, browser, shots, width):
    """Each accepted application's QR code reads back, from a screenshot, as its own scan link."""
    employer = make_employer("石浦海产合作社", verified=True)
    gig = make_gig(employer, shifts=[shift_in(days=2 + n) for n in range(len(APPLICATION_IDS))])
    worker = make_worker("陈阿海")
    for shift, app_id in zip(gig.shifts, APPLICATION_IDS, strict=True):
        db.session.add(
            Application(
                id=app_id, shift_id=shift.id, worker_id=worker.id, status=AppStatus.ACCEPTED
            )
        )
    db.session.commit()
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    _login(page, live_server, worker.mobile)
    scanned = {}
    for app_id in APPLICATION_IDS:
        page.goto(f"{live_server}/applications/{app_id}")
        qr = page.get_by_test_id("qr")
        svg = qr.locator("svg")
        drawn = svg.bounding_box()
        own = svg.evaluate("(el) => [el.width.baseVal.value, el.height.baseVal.value]")
        assert (drawn["width"], drawn["height"]) == (own[0], own[1]), "the code is scaled"
        assert drawn["x"] >= 0 and drawn["x"] + drawn["width"] <= width, "the code is cut off"
        shots(page, f"qr-{app_id}")
        texts = qr_texts(qr)
        assert len(texts) == 1, f"application {app_id}: nothing decoded"
        scanned[app_id] = urlparse(texts[0]).path
    context.close()

    # The employer who opens each decoded link lands on that application's check-in.
    boss = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    emp = boss.new_page()
    _login(emp, live_server, employer.mobile)
    for app_id, path in scanned.items():
        assert path.startswith("/scan/")
        assert application_from_token(employer, path.removeprefix("/scan/")).id == app_id
        emp.goto(f"{live_server}{path}")
        assert emp.locator("h1").inner_text() == "陈阿海"
        assert emp.get_by_role("button", name="签到").is_visible()
    boss.close()
