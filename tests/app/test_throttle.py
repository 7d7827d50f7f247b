"""Throttling: failed sign-ins counted atomically per account and address, the owner never
locked out from elsewhere, unknown numbers answered alike, 429 with Retry-After in Chinese."""

from __future__ import annotations

import os
import threading
import uuid

import pytest
import redis

from marketplace import throttle
from marketplace.accounts import services
from marketplace.models import db
from tests.conftest import IN_CI, make_test_app
from tests.factories import PASSWORD, make_worker

GUESSES = 40


@pytest.fixture
def counted_checks(monkeypatch):
    """How many times a password was really checked (argon2)."""
    calls: list[str] = []
    real = services.verify_password
    lock = threading.Lock()

    def counting(stored_hash: str, password: str) -> bool:
        with lock:
            calls.append(password)
        return real(stored_hash, password)

    monkeypatch.setattr(services, "verify_password", counting)
    return calls


def _real_limits_app(app, tmp_path, **settings):
    """A second app on the same database with the production limits (or those given)."""
    limits = {
        "SIGNIN_PER_ADDRESS": "30 per minute",
        "SIGNUP_PER_ADDRESS": "20 per hour",
        "PASSWORD_CHANGE_PER_ACCOUNT": "10 per hour",
    }
    return make_test_app(
        app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "instance", **(limits | settings)
    )


def _post_login(client, mobile: str, password: str, address: str):
    return client.post(
        "/account/login",
        data={"mobile": mobile, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_forty_parallel_guesses_get_five_checks(app, counted_checks):
    """The count is taken before the check, atomically: no lost updates under parallel load."""
    mobile = make_worker().mobile
    db.session.commit()
    barrier = threading.Barrier(GUESSES, timeout=60)
    refusals: list[str] = []

    def guess(n: int) -> None:
        with app.app_context():
            barrier.wait()
            attempt = services.authenticate(mobile, f"guess-{n}", "203.0.113.9")
            refusals.append(type(attempt.refusal).__name__)
            db.session.remove()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(GUESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(counted_checks) <= 5
    assert refusals.count("TooManyAttempts") >= GUESSES - 5
    assert set(refusals) <= {"BadCredentials", "TooManyAttempts"}


def test_a_guesser_elsewhere_does_not_lock_the_owner_out(app, client, tmp_path):
    worker = make_worker()
    db.session.commit()
    real = _real_limits_app(app, tmp_path).test_client()
    for _ in range(5):
        assert (
            _post_login(real, worker.mobile, "not-the-password", "203.0.113.9").status_code == 400
        )

    throttled = _post_login(real, worker.mobile, PASSWORD, "203.0.113.9")
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert "失败次数太多" in throttled.get_data(as_text=True)

    owner = _post_login(real, worker.mobile, PASSWORD, "198.51.100.7")  # the owner's phone
    assert owner.status_code == 302


def test_the_right_password_clears_the_count(app, tmp_path):
    worker = make_worker()
    db.session.commit()
    real = _real_limits_app(app, tmp_path).test_client()
    for _ in range(4):
        _post_login(real, worker.mobile, "not-the-password", "203.0.113.10")
    assert _post_login(real, worker.mobile, PASSWORD, "203.0.113.10").status_code == 302
    real.post("/account/logout", environ_base={"REMOTE_ADDR": "203.0.113.10"})
    for _ in range(4):
        assert _post_login(real, worker.mobile, "wrong-again", "203.0.113.10").status_code == 400


def test_unknown_numbers_get_the_same_answer_after_the_same_work(app, client, counted_checks):
    worker = make_worker()
    db.session.commit()
    known = client.post("/account/login", data={"mobile": worker.mobile, "password": "wrong-pw"})
    unknown = client.post("/account/login", data={"mobile": "13999999999", "password": "wrong-pw"})

    assert known.status_code == unknown.status_code == 400
    assert _error(known) == _error(unknown)
    assert counted_checks == ["wrong-pw", "wrong-pw"]  # one argon2 check each


def _error(response) -> str:
    page = response.get_data(as_text=True)
    return page[page.index('class="flash error"') :][:200]


def test_too_many_sign_ins_from_one_address_answer_429(app, tmp_path):
    """Flask-Limiter: SIGNIN_PER_ADDRESS counts every POST from the address, any account."""
    real = _real_limits_app(app, tmp_path, SIGNIN_PER_ADDRESS="3 per minute").test_client()
    answers = [
        _post_login(real, f"1390000{n:04d}", "whatever-pw", "192.0.2.44").status_code
        for n in range(4)
    ]
    assert answers == [400, 400, 400, 429]
    last = _post_login(real, "13900009999", "whatever-pw", "192.0.2.44")
    assert "Retry-After" in last.headers
    assert "尝试次数过多" in last.get_data(as_text=True)
    assert _post_login(real, "13900009999", "whatever-pw", "192.0.2.45").status_code == 400


def test_password_changes_are_limited_per_account(app, tmp_path, login):
    worker = make_worker()
    limited = _real_limits_app(app, tmp_path, PASSWORD_CHANGE_PER_ACCOUNT="2 per hour")
    client = limited.test_client()
    login(client, worker)
    wrong = {"old": "not-it-at-all", "new": "宁波-石浦-补网-2026", "confirm": "宁波-石浦-补网-2026"}
    assert [client.post("/account/password", data=wrong).status_code for _ in range(3)] == [
        400,
        400,
        429,
    ]


def test_the_storage_is_redis_when_redis_url_is_set():
    assert throttle.storage_uri({"REDIS_URL": "redis://127.0.0.1:6379/0"}).startswith("redis://")
    assert throttle.storage_uri({"REDIS_URL": ""}) == "memory://"


def _redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if IN_CI:
            pytest.fail(f"Redis at {url} is not reachable: the shared-count test cannot run")
        pytest.skip("no Redis here")
    return url


def test_two_web_workers_share_the_counts_in_redis(app, tmp_path):
    """Two processes' apps on one Redis: five failures spread over both still end the tries."""
    url = _redis_url()
    worker = make_worker()
    db.session.commit()
    address = f"203.0.113.{uuid.uuid4().int % 250}"
    first = _real_limits_app(app, tmp_path / "a", REDIS_URL=url).test_client()
    second = _real_limits_app(app, tmp_path / "b", REDIS_URL=url).test_client()
    answers = [
        _post_login(client, worker.mobile, "not-the-password", address).status_code
        for client in (first, second, first, second, first, second)
    ]
    assert answers == [400, 400, 400, 400, 400, 429]
