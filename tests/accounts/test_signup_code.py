"""Sign-up proves the mobile number: the account exists only once the SMS code is entered."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from marketplace import scheduler
from marketplace.accounts import codes
from marketplace.models import MobileCode, User, db, utcnow
from tests.accounts.steps import code_sent_to, sms_to
from tests.factories import make_worker

MOBILE = "13800001234"
PASSWORD = "longenough1"


def _form(client, mobile: str = MOBILE, role: str = "worker"):
    return client.post(
        "/account/signup",
        data={
            "role": role,
            "display_name": "王五",
            "mobile": mobile,
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )


def _users() -> int:
    db.session.commit()
    return db.session.scalar(select(func.count()).select_from(User))


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_form_sends_a_code_and_creates_no_account(client):
    """After the form: an SMS in Chinese with the code, the code page, and no account yet."""
    r = _form(client)
    assert r.status_code == 302 and r.headers["Location"].endswith("/account/signup/verify")
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "138****1234" in page and "输入验证码" in page
    [sms] = sms_to(MOBILE)
    code = code_sent_to(MOBILE)
    assert sms == f"【甬零工】验证码 {code}，10 分钟内有效。请勿告诉他人。"
    assert _users() == 0
    waiting = db.session.scalar(select(MobileCode))
    assert waiting.password_hash.startswith("$argon2id$")
    assert code not in waiting.code_hash and PASSWORD not in repr(waiting.__dict__)
    with client.session_transaction() as session:
        assert PASSWORD not in repr(dict(session))


def test_the_right_code_creates_the_account_and_signs_in(client):
    """The code from the SMS creates the account with the form's role and name, signed in."""
    _form(client, role="employer")
    r = client.post("/account/signup/verify", data={"code": code_sent_to(MOBILE)})
    assert r.status_code == 302 and r.headers["Location"].endswith("/employer/profile")
    user = db.session.scalar(select(User).where(User.mobile == MOBILE))
    assert user.role.value == "employer" and user.display_name == "王五"
    assert client.get("/inbox/").status_code == 200  # signed in
    assert db.session.scalar(select(MobileCode.password_hash)) is None  # kept on the account only


def test_a_wrong_code_says_how_many_tries_are_left(client):
    """A wrong code is refused with the tries left; no account is made."""
    _form(client)
    r = client.post("/account/signup/verify", data={"code": _wrong(code_sent_to(MOBILE))})
    assert r.status_code == 400
    assert "验证码不对，还可以再试 4 次" in r.get_data(as_text=True)
    assert _users() == 0


def test_five_wrong_codes_kill_the_code(client):
    """After five wrong entries even the right code is refused; a new code works."""
    _form(client)
    code = code_sent_to(MOBILE)
    for _ in range(5):
        assert client.post("/account/signup/verify", data={"code": _wrong(code)}).status_code == 400
    r = client.post("/account/signup/verify", data={"code": code})
    assert r.status_code == 400 and "输错次数太多" in r.get_data(as_text=True)
    assert _users() == 0
    r = client.post("/account/signup/resend")
    assert r.status_code == 302 and r.headers["Location"].endswith("/account/signup/verify")
    new_code = code_sent_to(MOBILE)
    r = client.post("/account/signup/verify", data={"code": new_code})
    assert r.status_code == 302 and _users() == 1


def test_an_expired_code_is_refused(client, monkeypatch):
    """Eleven minutes later the code no longer creates the account."""
    _form(client)
    code = code_sent_to(MOBILE)
    later = utcnow() + timedelta(minutes=11)
    monkeypatch.setattr(codes, "utcnow", lambda: later)
    r = client.post("/account/signup/verify", data={"code": code})
    assert r.status_code == 400 and "验证码已过期" in r.get_data(as_text=True)
    assert _users() == 0


def test_a_resent_code_replaces_the_old_one(client):
    """Sending the code again sends a new SMS; only the newest code works."""
    _form(client)
    first = code_sent_to(MOBILE)
    client.post("/account/signup/resend")
    assert len(sms_to(MOBILE)) == 2
    second = code_sent_to(MOBILE)
    if first != second:
        r = client.post("/account/signup/verify", data={"code": first})
        assert r.status_code == 400 and _users() == 0
    r = client.post("/account/signup/verify", data={"code": second})
    assert r.status_code == 302 and _users() == 1


def test_a_number_gets_five_codes_an_hour(client):
    """The sixth code within the hour is refused, with a message, and no SMS leaves."""
    _form(client)
    for _ in range(4):
        assert client.post("/account/signup/resend").status_code == 302
    r = client.post("/account/signup/resend", follow_redirects=True)
    assert "过去一小时内已收到 5 条验证码" in r.get_data(as_text=True)
    assert len(sms_to(MOBILE)) == 5
    r = _form(client)
    assert r.status_code == 400 and "过去一小时内已收到 5 条验证码" in r.get_data(as_text=True)
    assert len(sms_to(MOBILE)) == 5


def test_a_registered_number_is_refused_as_before_and_gets_no_sms(client):
    """The form still says the number is registered, and nothing is sent to it."""
    worker = make_worker()
    db.session.commit()
    r = _form(client, mobile=worker.mobile)
    assert r.status_code == 400 and "已注册" in r.get_data(as_text=True)
    assert sms_to(worker.mobile) == []


def test_the_sms_is_in_the_language_of_the_page(client):
    """Someone signing up in English gets the code in English."""
    client.get("/account/signup?lang=en")
    _form(client)
    [sms] = sms_to(MOBILE)
    assert sms.startswith("[Yong gig work] Your sign-up code is ")
    assert "valid for 10 minutes" in sms


def test_the_code_page_without_a_sign_up_leads_to_the_form(client):
    """Opening the code page directly goes back to the sign-up form."""
    r = client.get("/account/signup/verify")
    assert r.status_code == 302 and r.headers["Location"].endswith("/account/signup")


def test_a_code_sent_for_another_browser_does_not_finish_this_sign_up(app):
    """Two sign-ups of one number: each browser's code finishes only its own sign-up."""
    mine, theirs = app.test_client(), app.test_client()
    _form(mine)
    my_code = code_sent_to(MOBILE)
    _form(theirs, role="employer")
    their_code = code_sent_to(MOBILE)
    if my_code != their_code:
        assert mine.post("/account/signup/verify", data={"code": their_code}).status_code == 400
    r = mine.post("/account/signup/verify", data={"code": my_code})
    assert r.headers["Location"].endswith("/worker/profile")
    r = theirs.post("/account/signup/verify", data={"code": their_code})
    assert r.status_code == 400 and "已注册" in r.get_data(as_text=True)


def test_an_unfinished_sign_up_is_forgotten_after_a_day(client):
    """The scheduler deletes a sign-up never finished (and its hashed password) after a day."""
    _form(client)
    _form(client, mobile="13800005678")
    old = db.session.scalar(select(MobileCode).where(MobileCode.mobile == MOBILE))
    old.created_at = utcnow() - timedelta(days=1, minutes=1)
    db.session.commit()
    assert scheduler.run_job("prune_codes") == "1 old codes deleted"
    assert db.session.scalars(select(MobileCode.mobile)).all() == ["13800005678"]
