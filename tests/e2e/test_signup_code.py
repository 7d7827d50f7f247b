"""Sign-up and a forgotten password in real Chromium, with the code read from the SMS outbox."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.models import User, db
from tests.accounts.steps import code_sent_to

pytestmark = pytest.mark.e2e
MOBILE = "13600000077"
PASSWORD = "e2e-pass-123"
NEW_PASSWORD = "e2e-pass-456"


def _submit(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def _users() -> int:
    db.session.commit()
    return db.session.scalar(select(func.count()).select_from(User))


def test_sign_up_with_the_sms_code_then_reset_the_password(live_server, browser, shots):
    """The form sends a code; only the code makes the account; 忘记密码 sets a new password."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server}/account/signup")
    page.check("input[name=role][value=worker]")
    page.fill("#display_name", "陈阿海")
    page.fill("#mobile", MOBILE)
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    _submit(page, "获取短信验证码")
    assert "136****0077" in page.content()
    shots(page, "enter-the-code")
    assert _users() == 0

    page.fill("#code", "000000" if code_sent_to(MOBILE) != "000000" else "111111")
    _submit(page, "创建账号")
    assert "验证码不对，还可以再试 4 次" in page.get_by_role("alert").first.inner_text()
    page.fill("#code", code_sent_to(MOBILE))
    _submit(page, "创建账号")
    assert page.url.endswith("/worker/profile")
    assert "欢迎" in page.content() and _users() == 1
    shots(page, "signed-up")

    _submit(page, "退出登录")
    page.goto(f"{live_server}/account/login")
    page.get_by_role("link", name="忘记密码？").click()
    page.fill("#mobile", MOBILE)
    _submit(page, "发送验证码")
    page.fill("#code", code_sent_to(MOBILE))
    page.fill("#new", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    shots(page, "new-password")
    _submit(page, "保存")
    assert page.url.endswith("/account/login")
    page.fill("#mobile", MOBILE)
    page.fill("#password", NEW_PASSWORD)
    _submit(page, "登录")
    assert page.url.endswith("/worker/profile")  # signed in: the profile still waits
    context.close()
