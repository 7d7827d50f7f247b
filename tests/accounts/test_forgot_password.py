"""Forgot password: a code by SMS to the account's mobile sets a new password."""

from __future__ import annotations

import re

from flask import g

from marketplace.kiosk.signup import reissue_password
from marketplace.models import db
from tests.accounts.steps import code_sent_to, sms_to
from tests.conftest import make_test_app
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


def test_a_reset_ends_every_session_of_the_account(app, login):
    """A browser signed in before the reset (a lost phone, say) is signed out by it."""
    worker = make_worker()
    elsewhere = app.test_client()
    login(elsewhere, worker)
    assert elsewhere.get("/inbox/").status_code == 200
    g.pop("_login_user", None)  # the tests share one app context: forget the cached account
    client = app.test_client()
    _ask(client, worker.mobile)
    assert _reset(client, code_sent_to(worker.mobile)).status_code == 302
    g.pop("_login_user", None)
    r = elsewhere.get("/inbox/")
    assert r.status_code == 302 and "/account/login" in r.headers["Location"]


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


def test_a_reset_lifts_the_wait_and_the_slip_password(app):
    """After too many wrong passwords, and holding a station's one-time password: after the
    reset the new password signs in at once and is not sent to be changed again."""
    worker = make_worker()
    station = nearest_station()
    reissue_password(make_staff(station), station, worker.id)
    db.session.commit()
    client = app.test_client()
    for _ in range(5):
        _sign_in(client, worker.mobile, "wrong-pass")
    r = _sign_in(client, worker.mobile, "wrong-pass")
    assert r.status_code == 429 and "分钟" in r.get_data(as_text=True)
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


def test_codes_asked_and_entered_from_one_address_are_limited(app, tmp_path):
    """CODES_PER_ADDRESS counts sending and entering codes from one address, on every number."""
    limited = make_test_app(
        app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "instance", CODES_PER_ADDRESS="3 per hour"
    )
    client = limited.test_client()
    here = {"REMOTE_ADDR": "192.0.2.50"}
    for number in ("13700000001", "13700000002"):
        r = client.post("/account/forgot", data={"mobile": number}, environ_base=here)
        assert r.status_code == 302
    r = client.post(
        "/account/forgot/verify",
        data={"code": "000000", "new": NEW, "confirm": NEW},
        environ_base=here,
    )
    assert r.status_code == 400
    r = client.post("/account/forgot", data={"mobile": "13700000003"}, environ_base=here)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "尝试次数过多" in r.get_data(as_text=True)
    other = {"REMOTE_ADDR": "192.0.2.51"}
    r = client.post("/account/forgot", data={"mobile": "13700000003"}, environ_base=other)
    assert r.status_code == 302
