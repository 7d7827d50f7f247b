"""In Chromium at a landscape kiosk screen: the station dashboard draws its charts.

The charts come from the vendored Chart.js under /static; the page's CSP allows no inline script,
so any blocked script or error shows in the console and fails the test. Without JavaScript the
same figures stay readable as tables.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from marketplace.models import JobNeed, Referral, ReferralStatus, db, utcnow
from tests.e2e import axe
from tests.e2e.kiosk_steps import (
    LANDSCAPE,
    choose_station,
    go,
    kiosk_page,
    scrolls_sideways,
    sign_in,
    small_text,
)
from tests.factories import category, make_employer, make_gig, make_worker, mobile, shift_in
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e

# Each chart exists in Chart.js and its pixels differ from a blank canvas of the same size.
DRAWN = """(id) => {
  const canvas = document.getElementById(id);
  const blank = document.createElement("canvas");
  blank.width = canvas.width;
  blank.height = canvas.height;
  return {
    chart: Boolean(window.Chart && window.Chart.getChart(canvas)),
    painted: canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL(),
    height: canvas.getBoundingClientRect().height,
  };
}"""


def _station_with_activity():
    """Staff at the test station, with referrals, placements, needs and an open gig near it."""
    station = nearest_station()
    staff = make_staff(station)
    gig = make_gig(
        make_employer("象山海鲜加工厂", verified=True),
        title="码头理货",
        shifts=[shift_in(1, slots=4), shift_in(3, slots=2)],
    )
    worker = make_worker("张三")
    now = utcnow()
    for days, status in [(0, ReferralStatus.HIRED), (1, ReferralStatus.REFERRED)] * 3 + [
        (6, ReferralStatus.COMPLETED),
        (12, ReferralStatus.APPLIED),
    ]:
        when = now - timedelta(days=days)
        db.session.add(
            Referral(
                worker_id=worker.id,
                gig_id=gig.id,
                station_id=station.id,
                staff_id=staff.id,
                status=status,
                created_at=when,
                updated_at=when,
            )
        )
    for code in ("cleaning", "cleaning", None):
        db.session.add(
            JobNeed(
                name="李四",
                mobile=mobile(),
                desired_work="搬运",
                category_id=category(code).id if code else None,
                station_id=station.id,
                staff_id=staff.id,
                created_at=now,
            )
        )
    db.session.commit()
    return staff


def test_dashboard_draws_its_charts_in_landscape(app, live_server, browser, shots):
    """Both charts render from /static with no console error; the page passes axe."""
    axe.available()
    staff = _station_with_activity()
    page = kiosk_page(browser, live_server, staff, LANDSCAPE)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    scripts: list[str] = []
    page.on(
        "request", lambda req: scripts.append(req.url) if req.resource_type == "script" else None
    )

    go(page, lambda: page.locator('nav a[href="/kiosk/dashboard"]').click())
    assert page.url.endswith("/kiosk/dashboard")
    for chart in ("chart-daily", "chart-categories"):
        drawn = page.evaluate(DRAWN, chart)
        assert drawn["chart"] and drawn["painted"] and drawn["height"] >= 300, (chart, drawn)
    assert page.locator("details.dash-table[open]").count() == 0  # charts shown, tables folded
    assert page.get_by_test_id("tile-visitors").locator("dd").inner_text() == "4"
    assert page.get_by_test_id("tile-needs-today").locator("dd").inner_text() == "3"
    assert "码头理货" in page.get_by_test_id("openings").inner_text()
    assert all(url.startswith(live_server + "/static/") for url in scripts), scripts
    assert not errors, errors
    assert not scrolls_sideways(page)
    assert not small_text(page), small_text(page)
    shots(page, "dashboard-landscape")
    axe.check(page, "dashboard-landscape")

    page.get_by_test_id("chart-daily").locator("summary").click()
    assert page.get_by_test_id("chart-daily").locator("tbody tr").count() == 30
    shots(page, "dashboard-table-open")
    axe.check(page, "dashboard-table-open")
    page.context.close()


def test_without_javascript_the_tables_stand_in(app, live_server, browser, shots):
    """With scripts off, no empty chart boxes: the figures are open as tables."""
    staff = _station_with_activity()
    context = browser.new_context(locale="zh-CN", viewport=LANDSCAPE, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, staff)
    choose_station(page)
    page.goto(f"{live_server}/kiosk/dashboard")
    assert page.locator("canvas").count() == 2
    assert not page.locator("canvas").first.is_visible()
    assert page.locator("details.dash-table[open]").count() == 2
    assert page.get_by_test_id("chart-categories").locator("tbody tr").count() == 2
    shots(page, "dashboard-no-js")
    context.close()
