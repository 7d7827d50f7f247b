"""/healthz and /readyz answer load balancers without sign-in, limits or a session cookie."""

from __future__ import annotations

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy.engine import make_url

from marketplace.models import db
from marketplace.ops.health import migration_heads
from tests.conftest import ENGINES, database_url, make_test_app


def _dispose(app) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_healthz_answers_anyone_every_time_without_a_cookie(client):
    """A probe every second never signs in, is never throttled and gets no session."""
    for _ in range(30):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.get_json() == {"status": "ok"}
        assert "Set-Cookie" not in response.headers


def test_readyz_waits_for_the_migrations_to_reach_head(empty_database, tmp_path):
    """503 before `flask db upgrade` and after a step back; 200 at head."""
    app = make_test_app(empty_database, tmp_path / "instance")
    client = app.test_client()
    head = ", ".join(sorted(migration_heads()))
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.get_json() == {
            "status": "unavailable",
            "reason": f"migrations not at head: database at none, head {head}",
        }
        with app.app_context():
            upgrade()
        response = client.get("/readyz")
        assert response.status_code == 200 and response.get_json() == {"status": "ok"}
        assert "Set-Cookie" not in response.headers
        with app.app_context():
            downgrade(revision="-1")
        response = client.get("/readyz")
        assert response.status_code == 503
        assert "database at " in response.get_json()["reason"]
        assert f"head {head}" in response.get_json()["reason"]
    finally:
        _dispose(app)


@pytest.mark.parametrize("engine", ENGINES)
def test_readyz_is_503_when_the_database_does_not_answer(engine, tmp_path):
    """A database that cannot be reached: 503 with the reason, while /healthz stays 200."""
    if engine == "sqlite":
        (tmp_path / "a-file").write_text("not a folder")
        url = f"sqlite:///{tmp_path / 'a-file' / 'db.sqlite'}"
    else:
        url = make_url(database_url(engine, tmp_path)).set(host="127.0.0.1", port=1)
        url = url.render_as_string(hide_password=False)
    app = make_test_app(url, tmp_path / "instance")
    try:
        client = app.test_client()
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.get_json() == {"status": "unavailable", "reason": "database not reachable"}
        assert client.get("/healthz").status_code == 200
    finally:
        _dispose(app)
