"""Sessions end: a copied cookie stops working at sign-out, a new password, 'sign out
everywhere', a station's sign-out for a worker; staff sessions end after a set time."""

from __future__ import annotations

import time

import pytest
from flask import g
from sqlalchemy import select

from marketplace.accounts import sessions
from marketplace.models import AuditLog, db
from tests.factories import PASSWORD, make_worker
from tests.kiosk.conftest import make_staff, nearest_station

PRIVATE = "/account/password"  # any page that needs a signed-in account


def _replay(app, cookie: str):
    """Another device presenting a copy of the session cookie."""
    g.pop("_login_user", None)  # the tests share one app context: forget the cached account
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get(PRIVATE)


def _signed_in_cookie(client, login, user) -> str:
    login(client, user)
    assert client.get(PRIVATE).status_code == 200
    g.pop("_login_user", None)  # the next client starts signed out
    return client.get_cookie("session").value


def _is_turned_away(response) -> bool:
    return response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_a_copied_cookie_stops_working_at_sign_out(app, client, login):
    cookie = _signed_in_cookie(client, login, make_worker())
    assert _replay(app, cookie).status_code == 200  # the copy works while the session lives

    client.post("/account/logout")

    assert _is_turned_away(_replay(app, cookie))


def test_a_new_password_ends_the_other_sessions_but_keeps_this_one(app, client, login):
    worker = make_worker()
    cookie = _signed_in_cookie(app.test_client(), login, worker)  # the lost phone
    login(client, worker)
    changed = client.post(
        "/account/password",
        data={"old": PASSWORD, "new": "新密码-2026-yong", "confirm": "新密码-2026-yong"},
    )
    assert changed.status_code == 302

    assert _is_turned_away(_replay(app, cookie))
    g.pop("_login_user", None)
    assert client.get(PRIVATE).status_code == 200


def test_sign_out_everywhere(app, client, login):
    worker = make_worker()
    cookie = _signed_in_cookie(app.test_client(), login, worker)
    login(client, worker)
    page = client.get(PRIVATE).get_data(as_text=True)
    assert 'data-testid="end-sessions"' in page and "在所有设备上退出" in page

    client.post("/account/sessions/end")

    assert _is_turned_away(_replay(app, cookie))
    g.pop("_login_user", None)
    assert _is_turned_away(client.get(PRIVATE))


def test_signing_in_starts_a_new_session(app, client, login):
    """Nothing planted in the session before sign-in survives it, except the language."""
    worker = make_worker()
    with client.session_transaction() as planted:
        planted["sid"] = "chosen-by-an-attacker"
        planted["lang"] = "en"
        planted["kiosk_station_id"] = 1
    login(client, worker)
    with client.session_transaction() as now:
        assert now["sid"] != "chosen-by-an-attacker" and len(now["sid"]) >= 16
        assert now["lang"] == "en" and "kiosk_station_id" not in now


def test_an_old_cookie_without_a_version_is_not_accepted(app, client):
    worker = make_worker()
    db.session.commit()
    with client.session_transaction() as forged:
        forged["_user_id"] = str(worker.id)  # how sessions named the account before versions
        forged["_fresh"] = True
    assert sessions.load(str(worker.id)) is None
    assert _is_turned_away(client.get(PRIVATE))


@pytest.mark.parametrize("minutes_ago, ended", [(5, False), (9 * 60, True)])
def test_staff_sessions_end_after_the_set_time(app, client, login, minutes_ago, ended):
    """STAFF_SESSION_MINUTES (8 hours by default) after sign-in a staff member signs in again."""
    login(client, make_staff(nearest_station()))
    with client.session_transaction() as kept:
        kept[sessions.SIGNED_IN_AT] = time.time() - minutes_ago * 60
    g.pop("_login_user", None)
    response = client.get("/kiosk/start")
    assert _is_turned_away(response) is ended


def test_a_worker_keeps_a_long_session(app, client, login):
    """The staff limit is for shared kiosks: a worker's own phone stays signed in."""
    login(client, make_worker())
    with client.session_transaction() as kept:
        kept[sessions.SIGNED_IN_AT] = time.time() - 3 * 24 * 3600
    g.pop("_login_user", None)
    assert client.get(PRIVATE).status_code == 200


def test_a_station_signs_a_worker_out_everywhere(app, client, login):
    """A worker who lost a phone asks at a station; the button ends every session, logged."""
    station = nearest_station()
    worker = make_worker("丢手机的老王")
    cookie = _signed_in_cookie(app.test_client(), login, worker)
    staff = make_staff(station)
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": station.id})
    person = client.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert 'data-testid="end-sessions"' in person

    done = client.post(f"/kiosk/workers/{worker.id}/sessions/end")

    assert done.status_code == 302
    assert _is_turned_away(_replay(app, cookie))
    logged = db.session.scalars(select(AuditLog).where(AuditLog.action == "kiosk_end_sessions"))
    assert [(a.actor_id, a.subject) for a in logged] == [(staff.id, f"user:{worker.id}")]


def test_an_administrator_lock_ends_every_session_and_sign_in(app, client, login):
    """`flask users lock` (the same service the back office will call): sessions and sign-in end."""
    worker = make_worker()
    cookie = _signed_in_cookie(app.test_client(), login, worker)
    runner = app.test_cli_runner()

    locked = runner.invoke(args=["users", "lock", worker.mobile, "--reason", "冒用他人身份"])

    assert locked.exit_code == 0, locked.output
    assert _is_turned_away(_replay(app, cookie))
    refused = client.post("/account/login", data={"mobile": worker.mobile, "password": PASSWORD})
    assert refused.status_code == 400
    logged = db.session.scalars(select(AuditLog).where(AuditLog.action == "account_lock"))
    assert [(a.subject, a.detail) for a in logged] == [(f"user:{worker.id}", "冒用他人身份")]
    assert runner.invoke(args=["users", "unlock", worker.mobile]).exit_code == 0
    g.pop("_login_user", None)
    login(client, worker)
    assert runner.invoke(args=["users", "lock", "13000000000"]).exit_code != 0
