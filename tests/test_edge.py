"""The request edge: one commit after the view, and refusals answered the way the request expects.

The edge is exercised through a second app on the same database with a few routes of its own,
so each rule is seen in isolation: a refusal keeps nothing the view wrote, a page that succeeds
keeps everything, a GET refusal is a 409 page with the message, the API answers problem+json.
"""

from __future__ import annotations

import pytest
from flask import Blueprint
from sqlalchemy import func, select

from marketplace.edge import back_to, done
from marketplace.errors import DomainError, NotFound
from marketplace.models import Notification, ScheduledRun, db
from tests.conftest import make_test_app
from tests.factories import make_worker

routes = Blueprint("edge_probe", __name__)


def _note(user_id: int) -> None:
    db.session.add(Notification(user_id=user_id, kind="shift_tomorrow", subject="补网", link="/"))
    db.session.flush()


@routes.post("/probe/<int:user_id>/write")
def write(user_id: int):
    """Write a row and succeed."""
    _note(user_id)
    return done("saved", "/dashboard")


@routes.post("/probe/<int:user_id>/refuse")
def refuse_after_write(user_id: int):
    """Write a row, then a rule refuses."""
    back_to("/gigs")
    _note(user_id)
    raise DomainError("Not now.")


@routes.get("/probe/refuse")
def refuse_page():
    """A page whose service refuses."""
    raise DomainError("Closed for the season.")


@routes.get("/api/probe/refuse")
def refuse_api():
    """An API operation whose service refuses."""
    raise DomainError("Closed for the season.")


@routes.get("/api/probe/missing")
def missing_api():
    """An API operation asking for something that does not exist."""
    raise NotFound()


@routes.post("/probe/twice")
def twice():
    """The same unique row twice, as two tabs would."""
    db.session.add(ScheduledRun(job="probe", period="p"))
    db.session.add(ScheduledRun(job="probe", period="p"))
    db.session.flush()
    return done("saved", "/dashboard")


@pytest.fixture
def probe(app, tmp_path):
    """A second app on the test database, with the probe routes mounted."""
    extra = make_test_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "instance")
    extra.register_blueprint(routes)
    yield extra
    with extra.app_context():
        db.session.remove()
        db.engine.dispose()


def _notes() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(Notification.id)))


def test_a_view_that_succeeds_is_committed_once_it_returns(app, probe):
    worker = make_worker()
    db.session.commit()
    response = probe.test_client().post(f"/probe/{worker.id}/write")
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert _notes() == 1


def test_a_refusal_keeps_nothing_and_returns_with_the_message(app, probe):
    worker = make_worker()
    db.session.commit()
    client = probe.test_client()
    response = client.post(f"/probe/{worker.id}/refuse")
    assert response.status_code == 302 and response.headers["Location"] == "/gigs"
    with client.session_transaction() as session:
        assert ("error", "Not now.") in session["_flashes"]
    assert _notes() == 0


def test_a_refused_page_is_a_409_with_the_message(probe):
    response = probe.test_client().get("/probe/refuse")
    assert response.status_code == 409
    assert "Closed for the season." in response.get_data(as_text=True)


def test_the_api_answers_problem_json(probe):
    client = probe.test_client()
    refused = client.get("/api/probe/refuse")
    assert refused.status_code == 409
    assert refused.mimetype == "application/problem+json"
    assert refused.json["status"] == 409 and refused.json["detail"] == "Closed for the season."
    missing = client.get("/api/probe/missing")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"


def test_two_writes_of_the_same_row_answer_with_a_message_not_a_500(app, probe):
    client = probe.test_client()
    response = client.post("/probe/twice", headers={"Referer": "http://localhost/gigs"})
    assert response.status_code == 302 and response.headers["Location"] == "http://localhost/gigs"
    with client.session_transaction() as session:
        categories = [category for category, _message in session["_flashes"]]
    assert categories == ["error"]
    db.session.rollback()
    assert db.session.scalar(select(func.count(ScheduledRun.id))) == 0
