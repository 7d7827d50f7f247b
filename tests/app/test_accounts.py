"""Sign-up, sign-in, safe redirects, cookies and CSRF (throttling: test_throttle.py)."""

from sqlalchemy import select

from marketplace.models import Role, User, db
from tests.accounts.steps import sign_up
from tests.conftest import make_test_app
from tests.factories import PASSWORD, make_worker


def test_signup_creates_worker_and_signs_in(client):
    """A worker signs up with a mobile number and the SMS code and lands on the profile form."""
    r = sign_up(client, "138 0000 1234", "longenough1", name="王五")
    assert r.status_code == 302 and r.headers["Location"].endswith("/worker/profile")
    user = db.session.scalar(select(User).where(User.mobile == "13800001234"))
    assert user.role == Role.WORKER and user.display_name == "王五"
    assert user.password_hash.startswith("$argon2id$")


def test_signup_rejects_bad_mobile_in_chinese_and_changes_nothing(client):
    """A malformed mobile number is refused with a Chinese message; no account is made."""
    r = client.post(
        "/account/signup",
        data={
            "role": "worker",
            "mobile": "12345",
            "password": "longenough1",
            "confirm": "longenough1",
        },
    )
    assert r.status_code == 400
    assert "手机号" in r.get_data(as_text=True)
    assert db.session.scalar(select(User)) is None


def test_signup_refuses_duplicate_mobile(client, app):
    """The same mobile number cannot register twice."""
    worker = make_worker()
    db.session.commit()
    r = client.post(
        "/account/signup",
        data={
            "role": "employer",
            "mobile": worker.mobile,
            "password": "longenough1",
            "confirm": "longenough1",
        },
    )
    assert r.status_code == 400
    assert "已注册" in r.get_data(as_text=True)


def test_short_password_refused(client):
    """Passwords shorter than 8 characters are refused."""
    r = client.post(
        "/account/signup",
        data={
            "role": "worker",
            "mobile": "13800001235",
            "password": "short",
            "confirm": "short",
        },
    )
    assert r.status_code == 400
    assert db.session.scalar(select(User)) is None


def test_login_follows_only_safe_next(client, app):
    """``next`` is followed when it is a local path, ignored when it points elsewhere."""
    worker = make_worker()
    db.session.commit()
    data = {"mobile": worker.mobile, "password": PASSWORD}
    r = client.post("/account/login?next=//evil.example/x", data=data)
    assert r.headers["Location"].endswith("/dashboard")
    client.post("/account/logout")
    r = client.post("/account/login?next=/gigs", data=data)
    assert r.headers["Location"].endswith("/gigs")


def test_session_cookie_is_httponly_and_samesite(client, app):
    """The session cookie cannot be read by scripts and is not sent cross-site."""
    worker = make_worker()
    db.session.commit()
    r = client.post("/account/login", data={"mobile": worker.mobile, "password": PASSWORD})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_forms_require_csrf_token(tmp_path):
    """With CSRF on, a POST without the token changes nothing."""
    app = make_test_app(
        f"sqlite:///{tmp_path / 'csrf.db'}", tmp_path / "inst", WTF_CSRF_ENABLED=True
    )
    with app.app_context():
        db.create_all()
        client = app.test_client()
        r = client.post(
            "/account/signup",
            data={
                "role": "worker",
                "mobile": "13800001236",
                "password": "longenough1",
                "confirm": "longenough1",
            },
        )
        assert r.status_code in (302, 400)
        assert db.session.scalar(select(User)) is None
        page = client.get("/account/signup").get_data(as_text=True)
        assert 'name="csrf_token"' in page


def test_english_switch(client):
    """The language link switches the interface to English and it stays so."""
    assert "登录" in client.get("/account/login").get_data(as_text=True)
    assert "Sign in" in client.get("/account/login?lang=en").get_data(as_text=True)
    assert "Sign in" in client.get("/account/login").get_data(as_text=True)
