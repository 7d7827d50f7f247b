"""Passwords others cannot guess: common ones, patterns and the person's own number are refused."""

import pytest
from sqlalchemy import select

from marketplace.accounts import passwords, services
from marketplace.models import Role, User, db
from marketplace.security import verify_password
from tests.factories import PASSWORD, make_worker


@pytest.mark.parametrize(
    "password",
    ["12345678", "password", "qwertyui", "1qaz2wsx", "a123456789", "woaini1314", "WoAiNi1314"],
)
def test_common_passwords_are_refused_at_sign_up(app, password):
    with pytest.raises(passwords.GuessablePassword):
        services.register("13800001236", password, Role.WORKER, "王五")
    assert db.session.scalar(select(User)) is None


def test_the_own_mobile_number_is_refused(app):
    with pytest.raises(passwords.GuessablePassword):
        services.register("13800001237", "13800001237", Role.WORKER, "王五")


@pytest.mark.parametrize("password", ["宁波-石浦-补网-2026", "lilei-1990-ningbo", "longenough1"])
def test_passwords_a_person_can_keep_are_accepted(app, password):
    user = services.register("13800001238", password, Role.WORKER, "李雷")
    assert verify_password(user.password_hash, password)


def test_a_station_one_time_password_is_not_checked_until_it_is_replaced(app):
    """A station prints random digits (maybe like a date); the owner's choice is checked."""
    user = services.register("13800001239", "19850615", Role.WORKER, "王五", one_time=True)
    assert verify_password(user.password_hash, "19850615")
    with pytest.raises(passwords.GuessablePassword):
        services.change_password(user, "19850615", "88888888")


def test_the_password_page_explains_the_refusal_in_chinese(app, client, login):
    worker = make_worker()
    login(client, worker)
    page = client.post(
        "/account/password", data={"old": PASSWORD, "new": "password", "confirm": "password"}
    )
    assert page.status_code == 400
    assert "太容易被猜到" in page.get_data(as_text=True)
    db.session.expire_all()
    assert verify_password(db.session.get(User, worker.id).password_hash, PASSWORD)
