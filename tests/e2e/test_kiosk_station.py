"""In Chromium at the kiosk: slips print on their own paper, sign-up starts at the station's
town, and staff can sign out so the next person does not inherit their session."""

from __future__ import annotations

import re

import pytest

from marketplace.kiosk import services
from marketplace.models import db
from tests.e2e.kiosk_steps import PORTRAIT, go, kiosk_page
from tests.factories import make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e
MM = 72 / 25.4  # PDF points per millimetre


def _page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(round(float(w) / MM), round(float(h) / MM)) for w, h in boxes]


def test_slips_print_on_80mm_and_a4_paper(app, live_server, browser):
    """The receipt slip prints 80 mm wide; the A4 slip on A4 sheets."""
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(make_employer("象山海鲜加工厂", verified=True), title="休渔期补网工")
    ref = services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=make_worker().id)
    db.session.commit()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)

    page.goto(f"{live_server}/kiosk/referrals/{ref.id}/slip")
    page.emulate_media(media="print")
    receipt = _page_sizes_mm(page.pdf(prefer_css_page_size=True))
    assert receipt == [(80, 200)], receipt  # one receipt, the whole slip on it

    page.goto(f"{live_server}/kiosk/referrals/{ref.id}/slip?paper=a4")
    sheets = _page_sizes_mm(page.pdf(prefer_css_page_size=True))
    assert sheets and all(size == (210, 297) for size in sheets), sheets


def test_walk_in_signup_starts_at_the_station_town(app, live_server, browser):
    """The home-town picker of a walk-in sign-up shows the station's own town."""
    station = nearest_station()
    staff = make_staff(station)
    db.session.commit()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    page.goto(f"{live_server}/kiosk/signup")
    chosen = page.locator("#town_id option:checked").inner_text()
    assert station.town.name_zh in chosen


def test_staff_sign_out_from_the_kiosk(app, live_server, browser):
    """The sign-out button ends the session: the kiosk asks for a sign-in again."""
    staff = make_staff(nearest_station())
    db.session.commit()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    button = page.get_by_role("button", name="退出登录")
    assert button.is_visible()
    go(page, button.click)
    assert "/account/login" in page.url and "您已退出登录" in page.content()
    page.goto(f"{live_server}/kiosk/referrals")
    assert "/account/login" in page.url


def test_referral_rows_name_the_person_and_an_untouched_save_records_nothing(
    app, live_server, browser
):
    """The referrals screen shows the worker's name; Save with no outcome chosen changes nothing."""
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(make_employer("象山海鲜加工厂", verified=True), title="休渔期补网工")
    services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=make_worker("应海波").id)
    db.session.commit()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    page.goto(f"{live_server}/kiosk/referrals")
    row = page.get_by_test_id("referral").first
    assert row.get_by_test_id("person").inner_text() == "应海波"
    assert row.locator("select[name=status]").input_value() == ""
    go(page, lambda: row.get_by_role("button", name="保存").click())
    assert "请先选择结果" in page.content()
    assert page.get_by_test_id("referral").first.get_by_test_id("status").inner_text() == "已推荐"
