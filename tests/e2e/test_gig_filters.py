"""The gig list's town pickers in real Chromium: the towns come from /gigs/towns, not the page."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.models import Town, db
from tests.factories import make_employer, make_gig, town

pytestmark = pytest.mark.e2e


def _towns(page, select: str) -> list[str]:
    return page.locator(f"{select} option").all_inner_texts()


def test_district_then_town_and_distance_from_any_town(live_server, browser, shots, app):
    """Choosing 象山县 fills the town picker with its towns; "distance from" offers them all."""
    employer = make_employer("石浦海产合作社")
    make_gig(employer, title="休渔期补网工", town_id=town("石浦镇").id)
    db.session.commit()
    every_town = db.session.scalar(select(func.count()).select_from(Town))
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server}/gigs")
    assert _towns(page, "#town_id") == ["全部"]  # the page itself ships no towns
    page.wait_for_function(
        f"document.querySelectorAll('#near_town_id option').length === {every_town + 1}"
    )
    xiangshan = page.locator("#district_id option", has_text="象山县").get_attribute("value")
    page.select_option("#district_id", value=xiangshan)
    page.wait_for_function("document.querySelectorAll('#town_id option').length > 1")
    in_xiangshan = len(town("石浦镇").district.towns)
    assert (
        "石浦镇" in _towns(page, "#town_id") and len(_towns(page, "#town_id")) == in_xiangshan + 1
    )
    shipu = page.locator("#near_town_id option", has_text="石浦镇").first.get_attribute("value")
    page.select_option("#near_town_id", value=shipu)
    page.select_option("#sort", value="distance")
    page.get_by_role("button", name="搜索", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "休渔期补网工" in page.content()
    assert page.get_by_test_id("distance").first.inner_text().endswith("公里")
    shots(page, "gig-filters")
    context.close()
