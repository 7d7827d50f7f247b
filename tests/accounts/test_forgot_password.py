"""Forgot password: a code by SMS to the account's mobile sets a new password."""

from __future__ import annotations

import re

from marketplace.kiosk.signup import reissue_password
from marketplace.models import db
from tests.accounts.steps import code_sent_to, sms_to
from tests.factories import PASSWORD, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

NEW = "brand-new-pass-9"
UNKNOWN = "13700009999"


def _ask(client, mobile: str):
    return client.post("/account/forgot", data={"mobile": mobile}, follow_redirects=True)


def _reset(client, code: str, new: str = NEW):
    return client.post("/account/forgot/verify", data={"code": code, "new": new, "confirm": new})


def _sign_in(client, mobile: str, password: str):
    return client.post("/account/login", data={"mobile": mobile, "password": password})


def _asked(app):
    """A worker who asked for a reset code: (worker, their browser, the code in the SMS)."""
    worker = make_worker()
    db.session.commit()
    client = app.test_client()
    _ask(client, worker.mobile)
    return worker, client, code_sent_to(worker.mobile)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_sign_in_page_links_to_forgot_password(client):
    """忘记密码 is on the sign-in page and opens the form asking for the mobile."""
    page = client.get("/account/login").get_data(as_text=True)
    assert 'href="/account/forgot"' in page and "忘记密码" in page
    assert "手机号" in client.get("/account/forgot").get_data(as_text=True)


def test_a_code_sets_a_new_password_and_the_old_one_stops_working(app):
    """The code from the SMS and a new password: the new one signs in, the old one does not."""
    worker = make_worker()
    db.session.commit()
    client = app.test_client()
    page = _ask(client, worker.mobile).get_data(as_text=True)
    assert "如果这个号码已注册，我们已通过短信向它发送了验证码" in page
    [sms] = sms_to(worker.mobile)
    assert sms.startswith("【甬零工】您正在重置密码，验证码 ") and "10 分钟内有效" in sms
    r = _reset(client, code_sent_to(worker.mobile))
    assert r.status_code == 302 and r.headers["Location"].endswith("/account/login")
    fresh = app.test_client()
    assert _sign_in(fresh, worker.mobile, PASSWORD).status_code == 400
    assert _sign_in(fresh, worker.mobile, NEW).status_code == 302


def test_a_reset_ends_every_session_of_the_account(app):
    """The account's session version moves on, so sessions made before no longer count."""
    worker, client, code = _asked(app)
    before = worker.session_version
    _reset(client, code)
    db.session.refresh(worker)
    assert worker.session_version == before + 1


def test_an_unknown_number_gets_the_same_answer_and_no_sms(app):
    """A number without an account: the same pages, the same refusals, and nothing sent."""
    worker = make_worker()
    db.session.commit()
    answers = {}
    for mobile in (worker.mobile, UNKNOWN):
        client = app.test_client()
        answers[mobile] = [
            _ask(client, mobile),
            _reset(client, "000000"),  # wrong (or, once in a million, right) either way
            client.post("/account/forgot/resend", follow_redirects=True),
        ]

    def shown(response) -> str:
        text = response.get_data(as_text=True)
        for number in (worker.mobile, UNKNOWN):
            text = text.replace(f"{number[:3]}****{number[-4:]}", "MOBILE")
        return re.sub(r'name="csrf_token"[^>]*>', "", text)

    for known, unknown in zip(answers[worker.mobile], answers[UNKNOWN], strict=True):
        assert known.status_code == unknown.status_code
        assert shown(known) == shown(unknown)
    assert sms_to(UNKNOWN) == []
    assert len(sms_to(worker.mobile)) == 2


def test_an_unknown_number_reaches_the_hourly_cap_like_a_known_one(app):
    """Both kinds of number are refused at the sixth code within the hour, with one message."""
    worker = make_worker()
    db.session.commit()
    for mobile in (worker.mobile, UNKNOWN):
        client = app.test_client()
        for _ in range(5):
            assert "如果这个号码已注册" in _ask(client, mobile).get_data(as_text=True)
        r = client.post("/account/forgot", data={"mobile": mobile})
        assert r.status_code == 400
        assert "过去一小时内已收到 5 条验证码" in r.get_data(as_text=True)
    assert len(sms_to(worker.mobile)) == 5 and sms_to(UNKNOWN) == []


def test_a_weak_new_password_is_refused_and_the_code_still_works(app):
    """A too-short password is refused with the usual rule; the same code then works."""
    worker, client, code = _asked(app)
    r = _reset(client, code, "short")
    assert r.status_code == 400 and "至少" in r.get_data(as_text=True)
    assert _reset(client, code).status_code == 302


def test_five_wrong_codes_kill_the_reset(app):
    """Five wrong codes: the right one no longer changes the password."""
    worker, client, code = _asked(app)
    for _ in range(5):
        assert _reset(client, _wrong(code)).status_code == 400
    r = _reset(client, code)
    assert r.status_code == 400 and "输错次数太多" in r.get_data(as_text=True)
    assert _sign_in(app.test_client(), worker.mobile, PASSWORD).status_code == 302


def test_a_reset_lifts_the_lock_and_the_slip_password(app):
    """A locked account with a station's one-time password: after the reset it signs in
    with the new password and is not sent to change it again."""
    worker = make_worker()
    station = nearest_station()
    reissue_password(make_staff(station), station, worker.id)
    db.session.commit()
    client = app.test_client()
    for _ in range(5):
        _sign_in(client, worker.mobile, "wrong-pass")
    assert "分钟" in _sign_in(client, worker.mobile, "wrong-pass").get_data(as_text=True)
    _ask(client, worker.mobile)
    assert _reset(client, code_sent_to(worker.mobile)).status_code == 302
    r = _sign_in(client, worker.mobile, NEW)
    assert r.status_code == 302 and r.headers["Location"].endswith("/dashboard")


def test_the_reset_sms_is_in_the_accounts_language(app):
    """An account that chose English gets the code in English."""
    worker = make_worker()
    worker.locale = "en"
    db.session.commit()
    _ask(app.test_client(), worker.mobile)
    [sms] = sms_to(worker.mobile)
    assert sms.startswith("[Yong gig work] Your code to reset the password is ")
