"""In Chromium at a portrait kiosk: station → find a person → refer → the printed slip."""

from __future__ import annotations

import pytest

from marketplace.models import Referral, db
from tests.factories import PASSWORD, make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e

PORTRAIT = {"width": 1080, "height": 1920}


def _go(page, action) -> None:
    action()
    page.wait_for_load_state("networkidle")


def test_staff_find_refer_and_print(app, live_server, browser, shots):
    """Sign in, choose the station, find a worker by mobile, refer, and see the slip."""
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(make_employer("象山海鲜加工厂", verified=True), title="休渔期补网工")
    worker = make_worker("张三")
    db.session.commit()

    context = browser.new_context(locale="zh-CN", viewport=PORTRAIT)
    page = context.new_page()
    page.goto(f"{live_server}/account/login?next=/kiosk/")
    page.fill("#mobile", staff.mobile)
    page.fill("#password", PASSWORD)
    _go(page, lambda: page.press("#password", "Enter"))
    page.goto(f"{live_server}/kiosk/")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/kiosk/start")
    page.locator("input[name=station_id]").first.check()
    shots(page, "start")
    _go(page, lambda: page.locator("main button[type=submit]").click())
    assert station.name_zh in page.inner_text("header")

    page.fill("#q", worker.mobile)
    shots(page, "find")
    _go(page, lambda: page.locator("form.find button[type=submit]").click())
    hits = page.get_by_test_id("hits").inner_text()
    assert "张三" in hits and worker.mobile not in hits
    _go(page, lambda: page.get_by_test_id("hits").locator("a").first.click())
    assert "休渔期补网工" in page.get_by_test_id("near-gig").first.inner_text()
    shots(page, "person")
    _go(page, lambda: page.locator("form.refer button[type=submit]").first.click())
    slip = page.get_by_test_id("slip")
    assert "象山海鲜加工厂" in slip.inner_text() and slip.locator("svg").count() == 1
    shots(page, "slip")
    page.emulate_media(media="print")
    assert not page.locator("nav.no-print").is_visible()
    shots(page, "slip-print")
    context.close()

    db.session.expire_all()
    ref = db.session.query(Referral).one()
    assert (ref.worker_id, ref.gig_id, ref.station_id) == (worker.id, gig.id, station.id)
