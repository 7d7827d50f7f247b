"""Fixtures for the operations tests: a second app on the test database with other settings."""

from __future__ import annotations

import pytest

from marketplace.models import db
from marketplace.ops.logs import configure_logging
from tests.conftest import make_test_app


@pytest.fixture
def app_with(app, tmp_path):
    """Build an app on the current test database with extra settings (disposed afterwards)."""
    built = []

    def _build(**settings):
        other = make_test_app(
            app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / f"instance{len(built)}", **settings
        )
        built.append(other)
        return other

    yield _build
    for other in built:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
    configure_logging("INFO", "plain")  # as the other tests' apps were built
