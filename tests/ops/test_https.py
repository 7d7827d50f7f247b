"""HTTPS deployments: the client's address behind a proxy, HSTS, upload size, no caching."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.models import AuditLog, db
from tests.factories import make_worker
from tests.kiosk.conftest import make_staff, nearest_station

CLIENT = "203.0.113.7"
PROXY = "10.0.0.2"


def _open_worker_record_through(app, login, forwarded_for: str) -> str:
    """Staff open a worker's full record at the kiosk; the address the audit log keeps."""
    station = nearest_station()
    staff = make_staff(station)
    worker = make_worker()
    db.session.commit()
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    login(client, staff)
    assert client.post("/kiosk/start", data={"station_id": station.id}).status_code == 302
    assert client.get(f"/kiosk/workers/{worker.id}").status_code == 200
    db.session.expire_all()
    entry = db.session.scalars(select(AuditLog).where(AuditLog.action == "kiosk_view_worker")).one()
    return entry.ip


def test_behind_one_trusted_proxy_the_audit_log_keeps_the_clients_address(app_with, login):
    """TRUSTED_PROXIES=1: the address the proxy saw, not the proxy's, nor one the client forged."""
    app = app_with(TRUSTED_PROXIES=1)
    assert _open_worker_record_through(app, login, f"198.51.100.9, {CLIENT}") == CLIENT


def test_without_trusted_proxies_a_forwarded_header_is_ignored(app, login):
    """TRUSTED_PROXIES=0 (the default): X-Forwarded-For cannot put another address in the log."""
    assert _open_worker_record_through(app, login, CLIENT) == PROXY


def test_hsts_is_sent_when_configured(app_with, client):
    """HSTS_SECONDS set: every answer tells browsers to use HTTPS only; unset: no header."""
    assert "Strict-Transport-Security" not in client.get("/gigs").headers
    secure = app_with(HSTS_SECONDS=31536000).test_client()
    assert secure.get("/gigs").headers["Strict-Transport-Security"] == "max-age=31536000"
    assert secure.get("/healthz").headers["Strict-Transport-Security"] == "max-age=31536000"


def test_a_signed_in_user_gets_nothing_a_cache_may_keep(app, client, login):
    """Every page for a signed-in user is no-store; public pages for visitors may be cached."""
    assert "no-store" not in client.get("/gigs").headers.get("Cache-Control", "")
    assert client.get("/agreements/verify/" + "0" * 64).headers["Cache-Control"] == "no-store"
    assert client.get("/account/login").headers["Cache-Control"] == "no-store"
    login(client, make_worker())
    for path in ("/gigs", "/dashboard", "/worker/profile", "/no-such-page"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path
    assert "no-store" not in client.get("/static/css/site.css").headers.get("Cache-Control", "")


def test_a_request_larger_than_the_limit_gets_a_413_page_in_the_users_language(app_with):
    """MAX_CONTENT_LENGTH: a bigger POST is refused with a message, not a crash."""
    client = app_with(MAX_CONTENT_LENGTH=10_000).test_client()
    response = client.post("/account/login", data={"mobile": "1" * 20_000, "password": "x"})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "提交的内容太大" in page and response.headers["X-Request-ID"] in page
    response = client.post("/account/login?lang=en", data={"notes": "x" * 20_000})
    assert "too large" in response.get_data(as_text=True)
    small = client.post("/account/login", data={"mobile": "13800000001", "password": "x"})
    assert small.status_code in (200, 400)


def test_the_default_limit_is_two_megabytes(client):
    """Without a setting, 3 MB is refused with the message page."""
    response = client.post("/account/login", data={"notes": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "提交的内容太大" in response.get_data(as_text=True)
