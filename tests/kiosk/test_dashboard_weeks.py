"""A week that began last month is said to, so it is not read as bigger than its month."""

from __future__ import annotations

import re

from marketplace.kiosk import dashboard, routes_dashboard
from tests.kiosk.test_dashboard import at, need, tile

SPANNING = at("2025-04-02 10:00")  # a Wednesday; the week began Monday 31 March
INSIDE = at("2025-03-12 10:00")  # a Wednesday; the week began Monday 10 March


def _page(kiosk, monkeypatch, now) -> str:
    monkeypatch.setattr(routes_dashboard, "utcnow", lambda: now)
    return kiosk.get("/kiosk/dashboard").get_data(as_text=True)


def _span(page: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}">([^<]*)<', page)
    assert found
    return found.group(1)


def test_week_that_began_last_month_says_so(kiosk, station, staff, monkeypatch):
    """Needs on 31 March and 1 April: week 2, month 1, and the page explains why."""
    for when in ("2025-03-31 09:00", "2025-04-01 09:00"):
        need(station, staff, at(when))
    page = _page(kiosk, monkeypatch, SPANNING)
    assert tile(page, "needs-week") == 2 and tile(page, "needs-month") == 1
    week = _span(page, "week-span")
    assert "03-31" in week and "上个月" in week
    assert "04-01" in _span(page, "month-span")


def test_week_inside_its_month_has_no_warning(kiosk, station, staff, monkeypatch):
    """A week wholly inside the month only gives its first day."""
    page = _page(kiosk, monkeypatch, INSIDE)
    week = _span(page, "week-span")
    assert "03-10" in week and "上个月" not in week
    assert not dashboard.bounds(INSIDE).week_began_last_month
    assert dashboard.bounds(SPANNING).week_began_last_month
