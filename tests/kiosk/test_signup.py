"""Assisted sign-up at the kiosk: account, profile, pledge, one-time password, need conversion."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.errors import DomainError
from marketplace.kiosk import services, signup
from marketplace.models import AssistedSignup, AuditLog, JobNeed, User, WorkerProfile, db, utcnow
from marketplace.workers.services import WorkerProfileInput
from tests.factories import PASSWORD, id_number, make_employer, mobile, town


def _profile(name: str = "李阿姨", **changes) -> WorkerProfileInput:
    data = {
        "real_name": name,
        "id_number": id_number(birth=date(1978, 3, 5)),
        "hukou": "ningbo",
        "town_id": town().id,
    }
    data.update(changes)
    return WorkerProfileInput(**data)


def _input(name: str = "李阿姨", **changes) -> signup.SignupInput:
    data = {
        "mobile": mobile(),
        "profile": _profile(name),
        "pledge_name": name,
        "pledge_agreed": True,
    }
    data.update(changes)
    return signup.SignupInput(**data)


def _form(**changes) -> dict:
    data = {
        "real_name": "李阿姨",
        "mobile": mobile(),
        "id_number": id_number(birth=date(1978, 3, 5)),
        "hukou": "ningbo",
        "town_id": town().id,
        "max_travel_km": "10",
        "weekdays": ["0", "1", "2"],
        "pledge_agreed": "y",
        "pledge_name": "李阿姨",
    }
    data.update(changes)
    return data


def test_sign_up_creates_worker_with_profile_pledge_and_one_time_password(app, staff, station):
    issued = signup.sign_up(staff, station, _input(), "10.0.0.9")
    db.session.commit()

    user = db.session.get(User, issued.user.id)
    assert user.role == "worker" and user.must_change_password
    assert re.fullmatch(r"\d{8}", issued.password)
    assert issued.password not in user.password_hash
    profile = db.session.get(WorkerProfile, user.id)
    assert profile.real_name == "李阿姨" and profile.id_number_masked.startswith("3")
    row = db.session.scalar(select(AssistedSignup))
    assert (row.user_id, row.station_id, row.staff_id) == (user.id, station.id, staff.id)
    assert row.pledge_name == "李阿姨" and row.pledge_signed_at is not None
    log = db.session.scalar(select(AuditLog).where(AuditLog.action == "kiosk_signup"))
    assert log.actor_id == staff.id and log.detail == f"station:{station.code}"


@pytest.mark.parametrize(
    "changes",
    [
        {"pledge_agreed": False},
        {"pledge_name": "李"},
        {"pledge_name": ""},
    ],
)
def test_sign_up_needs_the_signed_pledge(app, staff, station, changes):
    with pytest.raises(signup.PledgeNotSigned):
        signup.sign_up(staff, station, _input(**changes))


def test_one_time_passwords_differ(app):
    assert len({signup.one_time_password() for _ in range(20)}) > 15


def test_converting_a_need_links_it_to_the_account_once(app, staff, station):
    need = services.record_need(
        staff, station, services.NeedInput(name="王大伯", mobile=mobile(), desired_work="补网")
    )
    issued = signup.sign_up(staff, station, _input("王大伯", need_id=need.id))
    assert db.session.get(JobNeed, need.id).converted_user_id == issued.user.id
    assert db.session.scalar(select(AssistedSignup)).need_id == need.id
    with pytest.raises(signup.NeedAlreadyConverted):
        signup.sign_up(staff, station, _input("王大伯", need_id=need.id))


def test_reissue_replaces_the_password(app, client, staff, station):
    issued = signup.sign_up(staff, station, _input())
    again = signup.reissue_password(staff, station, issued.user.id)
    db.session.commit()
    assert again.password != issued.password
    response = client.post(
        "/account/login", data={"mobile": issued.user.mobile, "password": issued.password}
    )
    assert response.status_code == 400
    response = client.post(
        "/account/login", data={"mobile": issued.user.mobile, "password": again.password}
    )
    assert response.headers["Location"].endswith("/account/password")


def test_reissue_refuses_other_roles(app, staff, station):
    employer = make_employer("某公司")
    with pytest.raises(DomainError):
        signup.reissue_password(staff, station, employer.id)


def test_kiosk_signup_page_prints_the_login_slip(kiosk, staff, station):
    page = kiosk.get("/kiosk/signup?lang=en")
    assert page.status_code == 200
    assert "Pledge" in page.text and "category-tile" in page.text

    form = _form()
    response = kiosk.post("/kiosk/signup?lang=en", data=form)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    password = re.search(r'data-testid="slip-password">(\d{8})<', response.text).group(1)
    assert form["mobile"] in response.text and "<svg" in response.text
    user = db.session.scalar(select(User).where(User.mobile == form["mobile"]))
    assert user is not None and user.must_change_password
    assert db.session.get(WorkerProfile, user.id).weekdays == 0b111
    assert len(password) == 8


def test_bad_signup_changes_nothing_and_says_why(kiosk):
    before = db.session.scalar(select(db.func.count()).select_from(User))
    response = kiosk.post("/kiosk/signup?lang=en", data=_form(pledge_name="别人"))
    assert response.status_code == 400
    assert "type their full name" in response.text
    response = kiosk.post("/kiosk/signup?lang=en", data=_form(id_number="330203198001011234"))
    assert response.status_code == 400
    assert db.session.scalar(select(db.func.count()).select_from(User)) == before


def test_signup_with_a_made_up_division_says_so_in_chinese_and_creates_nothing(kiosk):
    """GB 11643 / GB/T 2260: 990101 is no division; the page says so and no account is made."""

    def counts():
        return [
            db.session.scalar(select(db.func.count()).select_from(m)) for m in (User, WorkerProfile)
        ]

    before = counts()
    made_up = id_number(birth=date(1978, 3, 5), region="990101")
    response = kiosk.post("/kiosk/signup", data=_form(id_number=made_up))
    assert response.status_code == 400
    assert "身份证号码前六位不是中国的行政区划代码" in response.text
    assert counts() == before


def test_one_time_password_must_be_changed_at_first_sign_in(kiosk, client, station, staff):
    issued = signup.sign_up(staff, station, _input())
    db.session.commit()
    kiosk.post("/account/logout")
    response = kiosk.post(
        "/account/login", data={"mobile": issued.user.mobile, "password": issued.password}
    )
    assert response.headers["Location"].endswith("/account/password")
    blocked = kiosk.get("/gigs")
    assert blocked.status_code == 302 and blocked.headers["Location"].endswith("/account/password")
    page = kiosk.get("/account/password?lang=en")
    assert "one-time password" in page.text
    same = kiosk.post(
        "/account/password",
        data={"old": issued.password, "new": issued.password, "confirm": issued.password},
    )
    assert same.status_code == 400 and db.session.get(User, issued.user.id).must_change_password
    done = kiosk.post(
        "/account/password", data={"old": issued.password, "new": PASSWORD, "confirm": PASSWORD}
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, issued.user.id).must_change_password
    assert kiosk.get("/gigs").status_code == 200


def test_need_page_offers_conversion_and_prefills(kiosk, staff, station):
    need = services.record_need(
        staff, station, services.NeedInput(name="王大伯", mobile="13912345678", desired_work="补网")
    )
    db.session.commit()
    page = kiosk.get(f"/kiosk/needs/{need.id}")
    assert f"/kiosk/signup?need={need.id}" in page.text
    form = kiosk.get(f"/kiosk/signup?need={need.id}").text
    assert 'value="王大伯"' in form and 'value="13912345678"' in form
    response = kiosk.post(
        "/kiosk/signup",
        data=_form(real_name="王大伯", pledge_name="王大伯", mobile="13912345678", need_id=need.id),
    )
    assert response.status_code == 200
    db.session.expire_all()
    converted = db.session.get(JobNeed, need.id).converted_user_id
    assert converted is not None
    assert f"/kiosk/workers/{converted}" in kiosk.get(f"/kiosk/needs/{need.id}").text


def test_new_password_button_prints_a_slip_and_is_audited(kiosk, staff, station):
    issued = signup.sign_up(staff, station, _input())
    db.session.commit()
    record = kiosk.get(f"/kiosk/workers/{issued.user.id}").text
    assert f"/kiosk/workers/{issued.user.id}/password" in record
    confirm = kiosk.get(f"/kiosk/workers/{issued.user.id}/password")
    assert "李阿姨" in confirm.text and 'data-testid="slip-password"' not in confirm.text
    assert (
        db.session.scalar(select(AuditLog).where(AuditLog.action == "kiosk_new_password")) is None
    )
    response = kiosk.post(f"/kiosk/workers/{issued.user.id}/password")
    assert response.status_code == 200 and 'data-testid="slip-password"' in response.text
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "kiosk_new_password"))


@pytest.mark.parametrize("role", ["worker", "employer"])
def test_only_staff_sign_people_up(client, login, role):
    from tests.factories import make_worker

    user = make_worker("张三") if role == "worker" else make_employer("某公司")
    db.session.commit()
    login(client, user)
    assert client.get("/kiosk/signup").status_code == 403
    assert client.post("/kiosk/signup", data=_form()).status_code == 403
    assert client.post(f"/kiosk/workers/{user.id}/password").status_code == 403


def test_an_unused_one_time_password_expires_after_a_week(app, client, staff, station):
    issued = signup.sign_up(staff, station, _input())
    until = issued.user.one_time_password_until
    assert timedelta(days=6, hours=23) < until - utcnow() <= timedelta(days=7)
    issued.user.one_time_password_until = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = client.post(
        "/account/login?lang=en",
        data={"mobile": issued.user.mobile, "password": issued.password},
    )
    assert response.status_code == 400 and "one-time password has expired" in response.text
    again = signup.reissue_password(staff, station, issued.user.id)
    db.session.commit()
    response = client.post(
        "/account/login", data={"mobile": issued.user.mobile, "password": again.password}
    )
    assert response.headers["Location"].endswith("/account/password")
    client.post(
        "/account/password", data={"old": again.password, "new": PASSWORD, "confirm": PASSWORD}
    )
    db.session.expire_all()
    assert db.session.get(User, issued.user.id).one_time_password_until is None


def test_slip_says_until_when_the_password_works(kiosk):
    response = kiosk.post("/kiosk/signup", data=_form())
    assert 'data-testid="slip-expires"' in response.text
