"""The worker profile: identity checks, encryption at rest, masking, availability."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.models import Role, WorkerProfile, db
from marketplace.security import decrypt_id_number
from tests.factories import id_number, make_worker, town


def _form(**overrides):
    data = {
        "real_name": "陈大海",
        "id_number": id_number(date(1975, 3, 2)),
        "hukou": "ningbo",
        "town_id": str(town().id),
        "max_travel_km": "15",
        "skills_text": "补网 晒鲞",
        "expected_daily_pay": "250",
        "weekdays": ["0", "1", "2", "3", "4"],
    }
    data.update(overrides)
    return data


def _new_worker_client(client, login):
    user = register("13912340000", "secret-pass-1", Role.WORKER, "")
    login(client, user, "secret-pass-1")
    return user


def test_profile_saved_encrypted_and_masked(client, login):
    """The ID number is stored encrypted, never in clear, and shown masked."""
    user = _new_worker_client(client, login)
    number = id_number(date(1975, 3, 2), serial=123)
    r = client.post("/worker/profile", data=_form(id_number=number))
    assert r.status_code == 302
    profile = db.session.get(WorkerProfile, user.id)
    assert number not in profile.id_number_enc
    assert decrypt_id_number(profile.id_number_enc) == number
    assert profile.birth_date == date(1975, 3, 2)
    assert profile.expected_daily_pay_fen == 25000
    assert profile.weekdays == 0b0011111
    page = client.get("/worker/profile").get_data(as_text=True)
    assert number not in page
    assert profile.id_number_masked in page and "*" in profile.id_number_masked


def _wrong_check(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


@pytest.mark.parametrize(
    "number, message",
    [
        # A wrong check character.
        (_wrong_check(id_number(date(1980, 1, 1), serial=5)), "身份证号码最后一位不对"),
        # GB 11643 / GB/T 2260: the first six digits must be a division code (330299 is none).
        (
            id_number(date(1980, 1, 1), serial=5, region="330299"),
            "身份证号码前六位不是中国的行政区划代码",
        ),
    ],
)
def test_bad_id_number_refused_with_message(client, login, number, message):
    """A bad ID number is refused with what is wrong, in Chinese, and no profile is created."""
    user = _new_worker_client(client, login)
    r = client.post("/worker/profile", data=_form(id_number=number))
    assert r.status_code == 400
    assert message in r.get_data(as_text=True)
    assert db.session.get(WorkerProfile, user.id) is None


def test_id_number_from_an_abolished_district_is_accepted(client, login):
    """330204 宁波市江东区 was abolished in 2016; people born there keep the number."""
    user = _new_worker_client(client, login)
    number = id_number(date(1980, 1, 1), serial=5, region="330204")
    r = client.post("/worker/profile", data=_form(id_number=number))
    assert r.status_code == 302
    assert db.session.get(WorkerProfile, user.id).id_number_masked.startswith("3302")


def test_same_id_number_cannot_register_twice(client, login):
    """One person, one worker account."""
    number = id_number(date(1990, 5, 5), serial=77)
    make_worker(id_number=number)
    db.session.commit()
    user = _new_worker_client(client, login)
    r = client.post("/worker/profile", data=_form(id_number=number))
    assert r.status_code == 400
    assert db.session.get(WorkerProfile, user.id) is None


def test_under_16_refused(client, login):
    """Working age starts at 16 (Labour Law art. 15)."""
    _new_worker_client(client, login)
    fifteen = id_number(date(date.today().year - 15, 1, 1))
    r = client.post("/worker/profile", data=_form(id_number=fifteen))
    assert r.status_code == 400


def test_seasons_and_skills_saved(client, login):
    """Taxonomy skills and seasonal windows are kept on the profile."""
    from marketplace.models import Season, Skill

    user = _new_worker_client(client, login)
    skill = db.session.scalars(select(Skill).order_by(Skill.code)).first()
    season = db.session.scalar(select(Season).where(Season.kind == "moratorium"))
    r = client.post("/worker/profile", data=_form(skills=[str(skill.id)], seasons=[str(season.id)]))
    assert r.status_code == 302
    profile = db.session.get(WorkerProfile, user.id)
    assert [s.code for s in profile.skills] == [skill.code]
    assert [s.code for s in profile.seasons] == [season.code]


def test_editing_keeps_id_when_left_empty(client, login):
    """Leaving the ID field empty on a later edit keeps the stored number."""
    user = _new_worker_client(client, login)
    client.post("/worker/profile", data=_form())
    before = db.session.get(WorkerProfile, user.id).id_number_hash
    r = client.post("/worker/profile", data=_form(id_number="", real_name="陈小海"))
    assert r.status_code == 302
    db.session.expire_all()
    profile = db.session.get(WorkerProfile, user.id)
    assert profile.id_number_hash == before and profile.real_name == "陈小海"


def test_residence_permit_only_without_ningbo_hukou(client, login):
    """A Ningbo 户籍 holder cannot also claim a residence permit."""
    user = _new_worker_client(client, login)
    r = client.post("/worker/profile", data=_form(residence_permit_since="2024-01-01"))
    assert r.status_code == 400
    assert db.session.get(WorkerProfile, user.id) is None
    r = client.post(
        "/worker/profile", data=_form(hukou="other", residence_permit_since="2024-01-01")
    )
    assert r.status_code == 302


def test_sign_up_uses_the_own_retirement_date_not_a_flat_63(client, login):
    """表2: a woman born 1966 reached 55 in 2021 (before the reform): refused, with the date;
    a flat 16–63 range let her in."""
    user = _new_worker_client(client, login)
    r = client.post(
        "/worker/profile?lang=en", data=_form(id_number=id_number(date(1966, 3, 8), serial=88))
    )
    assert r.status_code == 400
    assert "2021-03-08" in r.get_data(as_text=True)
    assert db.session.get(WorkerProfile, user.id) is None


def test_sign_up_from_the_16th_birthday(client, login):
    """劳动法 第十五条: the day before the 16th birthday is refused and names the first day."""
    _new_worker_client(client, login)
    today = date.today()
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    birth = date(today.year - 16, today.month, day) + timedelta(days=2)  # 16 in two days
    r = client.post("/worker/profile?lang=en", data=_form(id_number=id_number(birth)))
    assert r.status_code == 400
    assert "can work from" in r.get_data(as_text=True)
