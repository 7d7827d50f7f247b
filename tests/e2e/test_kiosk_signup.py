"""In Chromium: staff sign up a walk-in at the kiosk, the slip prints, the person signs in."""

from __future__ import annotations

import re
from datetime import date

import pytest

from marketplace.models import AssistedSignup, User, db
from tests.e2e import axe
from tests.e2e.kiosk_steps import PORTRAIT, go, kiosk_page, qr_texts
from tests.factories import id_number, mobile
from tests.kiosk.conftest import make_staff, nearest_station

pytestmark = pytest.mark.e2e


def test_assisted_signup_prints_slip_and_first_sign_in_forces_a_new_password(
    app, live_server, browser, shots
):
    """Category tiles, pledge on screen, slip with a one-time password, forced change."""
    staff = make_staff(nearest_station())
    db.session.commit()
    phone = mobile()
    page = kiosk_page(browser, live_server, staff, PORTRAIT)
    context = page.context

    go(page, lambda: page.get_by_role("link", name="为来访者注册").first.click())
    page.fill("#real_name", "陈阿姨")
    page.fill("#mobile", phone)
    page.fill("#id_number", id_number(birth=date(1972, 4, 2)))
    page.locator("details.category-tile summary").first.click()
    page.locator("details.category-tile[open] label.tile").first.click()
    page.locator("input[name=seasons]").first.check()
    axe.check(page, "signup")
    shots(page, "signup-form")

    page.locator("#pledge_agreed").check()
    page.fill("#pledge_name", "陈阿姨")
    go(page, lambda: page.locator("form.signup button[type=submit]").click())
    slip = page.get_by_test_id("signup-slip")
    text = slip.inner_text()
    assert phone in text and slip.locator("svg").count() == 1
    assert qr_texts(slip.locator("figure.qr")) == [f"{live_server}/account/login"]
    password = page.get_by_test_id("slip-password").inner_text().strip()
    assert re.fullmatch(r"\d{8}", password)
    axe.check(page, "signup-slip")
    page.get_by_role("button", name="打印登录凭条").click()
    assert page.evaluate("window.__prints") == 1
    shots(page, "signup-slip")
    context.close()

    person = browser.new_context(locale="zh-CN", viewport={"width": 412, "height": 915})
    phone_page = person.new_page()
    phone_page.goto(f"{live_server}/account/login")
    phone_page.fill("#mobile", phone)
    phone_page.fill("#password", password)
    go(phone_page, lambda: phone_page.press("#password", "Enter"))
    assert phone_page.url.endswith("/account/password")
    assert phone_page.get_by_test_id("first-password").is_visible()
    shots(phone_page, "first-sign-in")
    phone_page.fill("#old", password)
    phone_page.fill("#new", "my-own-pass-1")
    phone_page.fill("#confirm", "my-own-pass-1")
    go(phone_page, lambda: phone_page.locator("main button[type=submit]").click())
    assert not phone_page.url.endswith("/account/password")
    person.close()

    db.session.expire_all()
    user = db.session.query(User).filter_by(mobile=phone).one()
    assert not user.must_change_password
    assert db.session.query(AssistedSignup).filter_by(user_id=user.id).one().pledge_name == "陈阿姨"
