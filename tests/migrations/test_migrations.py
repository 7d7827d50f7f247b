"""The Alembic migrations build exactly the schema the models describe, on both engines."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from marketplace.models import db
from tests.conftest import ENGINES, database_url, make_test_app


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


def test_upgrade_matches_models_and_downgrades(empty_database, tmp_path):
    """`flask db upgrade` leaves no difference to the models; downgrade removes every table."""
    app = make_test_app(empty_database, tmp_path / "instance")
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        downgrade(revision="base")
        leftover = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert leftover == set()
        db.engine.dispose()
