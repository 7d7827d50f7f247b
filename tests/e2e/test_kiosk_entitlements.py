"""In Chromium: from the person's record to what they are entitled to, printed on A4 paper."""

from __future__ import annotations

import re
from datetime import date

import pytest

from marketplace.models import db
from tests.e2e import axe
from tests.e2e.kiosk_steps import PORTRAIT, go, kiosk_page
from tests.factories import id_number, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e
A4_POINTS = (595, 842)  # 210 × 297 mm in PDF points


def _page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def test_staff_open_entitlements_and_print_them_on_a4(app, live_server, browser, shots):
    """Person page → entitlements screen → print button; the printout is A4, without the menu."""
    axe.available()
    staff = make_staff(nearest_station())
    worker = make_worker("陈阿海", id_number=id_number(date(1970, 5, 10), serial=31))
    db.session.commit()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)

    page.goto(f"{live_server}/kiosk/workers/{worker.id}")
    go(page, lambda: page.get_by_test_id("rights-links").locator("a").first.click())

    assert page.url.endswith(f"/kiosk/workers/{worker.id}/entitlements")
    assert "2031-10" in page.get_by_test_id("retirement").inner_text()
    shots(page, "entitlements")
    axe.check(page, "entitlements")
    page.locator("[data-print]").click()
    assert page.evaluate("window.__prints") == 1
    page.emulate_media(media="print")
    assert not page.locator("header.kiosk-top").is_visible()
    assert not page.locator("[data-print]").is_visible()
    sizes = _page_sizes(page.pdf(prefer_css_page_size=True))
    assert sizes and all(size == A4_POINTS for size in sizes)
