"""Logging from the environment (``LOG_LEVEL``, ``LOG_FORMAT=plain|json``) with a request id.

Every request has an id: the ``X-Request-ID`` a proxy sent when it looks like one, else a new
one. It is on every log line written while the request runs, in the ``X-Request-ID`` response
header, and on the error pages, so a user can quote it and an operator can find the lines.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import sys
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

HEADER = "X-Request-ID"
# Accepted from upstream: letters, digits and . _ : - only, at most 64 characters, so a forged
# header can neither break a log line nor smuggle anything into the response header.
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
FORMATS = ("plain", "json")
PLAIN = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
# Loggers that talk too much at INFO: SQLAlchemy would echo every statement, fontTools every
# glyph table of the agreement PDFs, APScheduler each run the scheduler logs itself.
QUIET = ("sqlalchemy", "fontTools", "apscheduler")


def request_id() -> str:
    """The current request's id ("-" outside a request)."""
    if not has_request_context():
        return "-"
    if "request_id" not in g:
        sent = request.headers.get(HEADER, "")
        g.request_id = sent if SANE_ID.fullmatch(sent) else secrets.token_hex(8)
    return g.request_id


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every record that passes the handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add the id; never drops a record."""
        record.request_id = request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record comes (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        """The current standard error."""
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure_logging(level: str, fmt: str) -> logging.Handler:
    """Send every logger's records at ``level`` and above to standard error as ``fmt``.

    Replaces the handler an earlier call installed, so building a second app reconfigures.
    """
    if fmt not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {fmt!r}")
    numeric = logging.getLevelName(level)
    if not isinstance(numeric, int):
        raise ValueError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    handler = StderrHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(PLAIN))
    handler.set_name("marketplace")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "marketplace"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(numeric)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(numeric, logging.WARNING))
    return handler


def _echo_request_id(response):
    response.headers[HEADER] = request_id()
    return response


def init_app(app: Flask) -> None:
    """Configure logging from the settings and put the request id on every response."""
    configure_logging(app.config["LOG_LEVEL"], app.config["LOG_FORMAT"])
    app.logger.removeHandler(default_handler)  # the root handler writes app.logger's records
    app.after_request(_echo_request_id)
    app.jinja_env.globals["request_id"] = request_id
