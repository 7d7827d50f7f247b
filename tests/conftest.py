"""Fixtures: the app on SQLite and on PostgreSQL, clients, sign-in, factories.

Database tests run once per engine: SQLite always, PostgreSQL when ``TEST_DATABASE_URL`` is set.
In CI (``CI=true``) a missing ``TEST_DATABASE_URL`` fails the PostgreSQL run instead of skipping it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from marketplace.app import create_app
from marketplace.config import normalise_database_url
from marketplace.models import db

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TEST_DATABASE_URL")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ENGINES = ["sqlite"] + (["postgresql"] if PG_URL or IN_CI else [])
REFERENCE_TABLES = {
    "district",
    "town",
    "station",
    "skill_category",
    "skill",
    "minimum_wage",
    "season",
}


def database_url(engine: str, tmp: Path) -> str:
    """Where the given engine's test database lives."""
    if engine == "sqlite":
        return f"sqlite:///{tmp / 'test.db'}"
    if not PG_URL:
        pytest.fail("TEST_DATABASE_URL is not set: the PostgreSQL tests cannot run")
    return normalise_database_url(PG_URL)


def make_test_app(url: str, instance: Path, **extra):
    """An app for tests: CSRF off unless asked, secrets in a temporary instance folder."""
    os.environ["INSTANCE_PATH"] = str(instance)
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": None,
        "ID_ENCRYPTION_KEYS": "pW4bS8u4rPj3Xj8k8qk1o9m0Qy3l2ZkR1bX9f2sC5bE=",
        "ID_INDEX_KEY": "test-index-key",
        "SECRET_KEY": "test-secret",
        # Tests sign in hundreds of times a minute from one address; tests/app/test_throttle.py
        # builds apps with the real limits.
        "SIGNIN_PER_ADDRESS": "100000 per minute",
        "SIGNUP_PER_ADDRESS": "100000 per minute",
        "PASSWORD_CHANGE_PER_ACCOUNT": "100000 per minute",
        "CODES_PER_ADDRESS": "100000 per minute",
    }
    config.update(extra)
    return create_app(config)


def reset_schema(app) -> None:
    """Drop and create every table, then load the reference data from seeds/."""
    from marketplace.seeding.reference import load_reference

    with app.app_context():
        db.drop_all()
        db.create_all()
        load_reference(ROOT / "seeds")
        db.session.commit()


def clear_data(app) -> None:
    """Empty every table except the reference data."""
    with app.app_context():
        db.session.remove()
        tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in REFERENCE_TABLES]
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in tables:
                    conn.execute(table.delete())


@pytest.fixture(scope="session", params=ENGINES)
def engine_app(request, tmp_path_factory):
    """One app per engine for the whole run, with a fresh schema and reference data."""
    tmp = tmp_path_factory.mktemp(request.param)
    app = make_test_app(database_url(request.param, tmp), tmp / "instance")
    reset_schema(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(params=ENGINES)
def empty_database(request, tmp_path):
    """A brand-new empty database on each engine."""
    url = database_url(request.param, tmp_path)
    if request.param == "sqlite":
        yield url
        return
    name = f"migr_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def app(engine_app):
    """The app with an app context pushed; tables other than reference data start empty."""
    with engine_app.app_context():
        yield engine_app
        db.session.rollback()
    clear_data(engine_app)
    engine_app.extensions["market_index"].invalidate()  # stamps restart with the emptied tables
    engine_app.extensions["gig_page_cache"].clear()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def login(app):
    """Sign a client in as a user (password from the factories)."""
    from tests.factories import PASSWORD

    def _login(client, user, password: str = PASSWORD):
        db.session.commit()
        response = client.post("/account/login", data={"mobile": user.mobile, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response

    return _login


@pytest.fixture
def accepted(app):
    """Build (worker, employer, application, agreement) for a gig with the given overrides."""

    from marketplace.agreements.services import current_agreement
    from marketplace.work.services import accept, apply_to_shift
    from tests.factories import make_employer, make_gig, make_worker

    def _accepted(worker_name: str = "陈阿海", **gig_overrides):
        employer = make_employer("石浦海产合作社", verified=True)
        gig = make_gig(employer, injury_insurance=True, **gig_overrides)
        worker = make_worker(worker_name)
        application = apply_to_shift(worker, gig.shifts[0].id)
        accept(employer, application.id)
        db.session.commit()
        return worker, employer, application, current_agreement(application)

    return _accepted


@pytest.fixture
def count_queries(app):
    """Count the SQL statements run inside a ``with count_queries() as counted:`` block.

    ``counted.n`` is the number of statements; a list page's count must not grow with its rows
    (one query per row is the N+1 this catches).
    """
    from contextlib import contextmanager

    from sqlalchemy import event

    class Counted:
        n = 0
        statements: list[str] = []

    @contextmanager
    def _count():
        counted = Counted()
        counted.statements = []

        def before(_conn, _cursor, statement, *_args):
            counted.n += 1
            counted.statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", before)
        try:
            yield counted
        finally:
            event.remove(db.engine, "before_cursor_execute", before)

    return _count
