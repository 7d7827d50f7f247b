"""In Chromium at a portrait kiosk: station → find a person → refer → the printed slip.

Every kiosk page on the way is checked by axe-core (WCAG 2 A/AA and best practice): none may
have a serious or critical violation. The results are saved beside the screenshots.
"""

from __future__ import annotations

import pytest

from marketplace.models import JobNeed, Referral, db
from tests.e2e import axe
from tests.e2e.kiosk_steps import COUNT_PRINTS, PORTRAIT, choose_station, go, qr_texts, sign_in
from tests.factories import make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e


def test_staff_find_refer_and_print(app, live_server, browser, shots):
    """Sign in, choose the station, find a worker by mobile, refer, and print the slip."""
    axe.available()
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(make_employer("象山海鲜加工厂", verified=True), title="休渔期补网工")
    worker = make_worker("张三")
    db.session.commit()

    context = browser.new_context(locale="zh-CN", viewport=PORTRAIT)
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    sign_in(page, live_server, staff)
    assert page.url.endswith("/kiosk/start")
    shots(page, "start")
    axe.check(page, "start")
    choose_station(page)
    assert station.name_zh in page.inner_text("header")
    shots(page, "home")
    policy = page.reload().headers["content-security-policy"]
    assert "script-src 'self'" in policy  # axe is injected past the app's own policy
    axe.check(page, "home")

    page.fill("#q", worker.mobile)
    go(page, lambda: page.locator("form.find button[type=submit]").click())
    hits = page.get_by_test_id("hits").inner_text()
    assert "张三" in hits and worker.mobile not in hits
    shots(page, "find")
    axe.check(page, "find")
    go(page, lambda: page.get_by_test_id("hits").locator("a").first.click())
    assert "休渔期补网工" in page.get_by_test_id("near-gig").first.inner_text()
    shots(page, "person")
    axe.check(page, "person")
    go(page, lambda: page.locator("form.refer button[type=submit]").first.click())
    slip = page.get_by_test_id("slip")
    assert "象山海鲜加工厂" in slip.inner_text() and slip.locator("svg").count() == 1
    assert qr_texts(slip.locator("figure.qr")) == [f"{live_server}/gigs/{gig.id}"]
    shots(page, "slip")
    axe.check(page, "slip")
    page.locator("[data-print]").click()
    assert page.evaluate("window.__prints") == 1
    page.emulate_media(media="print")
    assert not page.locator("nav.no-print").is_visible()
    shots(page, "slip-print")
    context.close()

    db.session.expire_all()
    ref = db.session.query(Referral).one()
    assert (ref.worker_id, ref.gig_id, ref.station_id) == (worker.id, gig.id, station.id)


def test_record_a_need_refer_and_follow_up(app, live_server, browser, shots):
    """Record a need on the form, refer it from its page, then see it in the lists."""
    axe.available()
    station = nearest_station()
    staff = make_staff(station)
    make_gig(make_employer("北仑港务", verified=True), title="码头理货员")
    db.session.commit()

    context = browser.new_context(locale="zh-CN", viewport=PORTRAIT)
    page = context.new_page()
    sign_in(page, live_server, staff)
    choose_station(page)
    go(page, lambda: page.locator("main a[href$='/kiosk/needs/new']").click())
    shots(page, "need-form")
    axe.check(page, "need-form")
    page.get_by_label("姓名").fill("李四")
    page.get_by_label("手机号").fill("13812345678")
    page.get_by_label("想做的工作").fill("码头装卸")
    go(page, lambda: page.locator("main button[type=submit]").click())
    assert "李四" in page.locator("h1").inner_text()
    assert "码头理货员" in page.get_by_test_id("near-gig").first.inner_text()
    shots(page, "need")
    axe.check(page, "need")
    go(page, lambda: page.locator("form.refer button[type=submit]").first.click())
    assert "码头理货员" in page.get_by_test_id("slip").inner_text()

    go(page, lambda: page.goto(f"{live_server}/kiosk/needs"))
    assert "李四" in page.get_by_test_id("needs").inner_text()
    shots(page, "needs")
    axe.check(page, "needs")
    go(page, lambda: page.goto(f"{live_server}/kiosk/referrals"))
    assert "李四 → 码头理货员" in page.get_by_test_id("referral").inner_text()
    shots(page, "referrals")
    axe.check(page, "referrals")
    context.close()

    db.session.expire_all()
    need = db.session.query(JobNeed).one()
    assert db.session.query(Referral).one().need_id == need.id
