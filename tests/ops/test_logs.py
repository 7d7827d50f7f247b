"""Logs from the environment (plain or JSON lines) with a request id users can quote."""

from __future__ import annotations

import json
import logging

import pytest
from flask import Blueprint

from tests.conftest import make_test_app

probe = Blueprint("log_probe", __name__)


@probe.route("/probe/log")
def log_something():
    """Writes a log line while handling the request."""
    logging.getLogger("marketplace.probe").info("looked at the probe")
    return "ok"


@probe.route("/probe/crash")
def crash():
    """Fails like a bug would."""
    raise RuntimeError("the probe broke")


def _lines(err: str, needle: str) -> list[str]:
    return [line for line in err.splitlines() if needle in line]


def test_a_request_id_is_on_the_log_line_the_header_and_the_error_page(app_with, capsys):
    """The id a proxy sent is on every log line of the request, echoed, and on a 500 page."""
    app = app_with(TESTING=False)  # errors become 500 pages, as in production
    app.register_blueprint(probe)
    client = app.test_client()
    capsys.readouterr()
    response = client.get("/probe/log", headers={"X-Request-ID": "req-7f3a9c21"})
    assert response.headers["X-Request-ID"] == "req-7f3a9c21"
    (line,) = _lines(capsys.readouterr().err, "looked at the probe")
    assert "[req-7f3a9c21]" in line and "INFO" in line

    response = client.get("/probe/crash")
    assert response.status_code == 500
    reference = response.headers["X-Request-ID"]
    assert f"请提供编号 {reference}" in response.get_data(as_text=True)
    crash_lines = _lines(capsys.readouterr().err, "Exception on /probe/crash")
    assert crash_lines and f"[{reference}]" in crash_lines[0]


@pytest.mark.parametrize(
    "sent", ["", "has space", "x" * 65, "semi;colon=1", "<script>", "-starts-with-dash"]
)
def test_an_odd_request_id_is_replaced_by_a_new_one(client, sent):
    """A header that does not look like an id is not trusted: a fresh one is made."""
    response = client.get("/gigs", headers={"X-Request-ID": sent})
    made = response.headers["X-Request-ID"]
    assert made != sent and len(made) == 16 and made.isalnum()


def test_every_page_and_error_page_carries_the_id(client):
    """A 404 page shows the same reference as the response header, in the user's language."""
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert f"请提供编号 {response.headers['X-Request-ID']}" in response.get_data(as_text=True)
    english = client.get("/no-such-page?lang=en")
    assert f"quote the reference {english.headers['X-Request-ID']}" in english.get_data(
        as_text=True
    )
    assert client.get("/gigs").headers["X-Request-ID"]


def test_json_lines_when_asked(app_with, capsys):
    """LOG_FORMAT=json writes one JSON object a line with the request id."""
    app = app_with(LOG_FORMAT="json", LOG_LEVEL="DEBUG")
    app.register_blueprint(probe)
    capsys.readouterr()
    app.test_client().get("/probe/log", headers={"X-Request-ID": "abc123"})
    (line,) = _lines(capsys.readouterr().err, "looked at the probe")
    record = json.loads(line)
    assert record["request_id"] == "abc123"
    assert record["level"] == "INFO" and record["logger"] == "marketplace.probe"
    assert record["time"].endswith("+00:00")


def test_log_level_hides_what_is_below_it(app_with, capsys):
    """LOG_LEVEL=WARNING: info lines are not written."""
    app = app_with(LOG_LEVEL="WARNING")
    app.register_blueprint(probe)
    capsys.readouterr()
    app.test_client().get("/probe/log")
    assert "looked at the probe" not in capsys.readouterr().err


@pytest.mark.parametrize("setting", [{"LOG_FORMAT": "xml"}, {"LOG_LEVEL": "LOUD"}])
def test_a_wrong_log_setting_stops_the_start_with_its_name(tmp_path, setting):
    """A typo in LOG_FORMAT or LOG_LEVEL is named instead of silently ignored."""
    with pytest.raises(ValueError, match=next(iter(setting))):
        make_test_app(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "instance", **setting)
