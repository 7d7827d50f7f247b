"""In Chromium at a portrait kiosk: staff open the employer queue, approve one, reject one."""

from __future__ import annotations

import pytest

from marketplace.employers.services import profile_of
from marketplace.models import Verification, db
from tests.e2e.kiosk_steps import PORTRAIT, go, kiosk_page
from tests.factories import make_employer
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e
REASON = "营业执照上的名称与填写的不一致"


def test_staff_approve_and_reject_employers(app, live_server, browser, shots):
    """The queue shows both employers; one is approved, the other rejected with a reason."""
    staff = make_staff(nearest_station())
    good = make_employer("象山海鲜加工厂", verified=False)
    doubtful = make_employer("石浦渔具店", verified=False)
    db.session.commit()

    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    context = page.context
    go(page, lambda: page.locator("header a[href='/kiosk/employers']").click())
    queue = page.get_by_test_id("employer-queue").inner_text()
    assert "象山海鲜加工厂" in queue and "石浦渔具店" in queue
    shots(page, "queue")

    go(page, lambda: page.get_by_role("link", name="象山海鲜加工厂").click())
    assert profile_of(good).credit_code in page.get_by_test_id("employer").inner_text()
    shots(page, "employer")
    go(page, lambda: page.get_by_test_id("approve").click())
    assert "象山海鲜加工厂" not in page.get_by_test_id("employer-queue").inner_text()
    shots(page, "approved")

    go(page, lambda: page.get_by_role("link", name="石浦渔具店").click())
    page.fill("textarea[name=reason]", REASON)
    shots(page, "reason")
    go(page, lambda: page.get_by_test_id("reject").click())
    assert page.get_by_test_id("queue-empty").is_visible()
    shots(page, "queue-empty")
    context.close()

    db.session.expire_all()
    assert profile_of(good).verification == Verification.VERIFIED
    assert profile_of(doubtful).verification_note == REASON
