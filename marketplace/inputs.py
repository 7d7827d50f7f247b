"""Untrusted input at the door: ids bounded to what a column holds, and no NUL byte anywhere.

Every id column is a PostgreSQL ``integer`` (SQLite stores up to 64 bits): a larger number in a
URL, a query string or a form cannot name a row, so it is "not found" or "not a valid choice"
before any query runs. PostgreSQL refuses the NUL character in text, so a request carrying one
is refused here, once, with a message, before any view runs.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.routing import IntegerConverter

from marketplace.errors import N_, DomainError

# The largest value of a PostgreSQL ``integer`` column (every primary and foreign key).
MAX_ID = 2**31 - 1
NUL = "\x00"


class BadInput(DomainError):
    """The request carries something no field can hold; nothing was read or changed."""

    message = N_(
        "What you sent contains an invisible control character (NUL). "
        "Please type it again without copying it from elsewhere."
    )


class IdConverter(IntegerConverter):
    """``<int:…>`` in a URL: a number an id column can hold, else the page is not found."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def bounded_int(text: str | None, low: int = -MAX_ID, high: int = MAX_ID) -> int | None:
    """``text`` as an int within [low, high], or None when it is not one."""
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


def query_int(name: str, default: int | None = None, low: int = 1, high: int = MAX_ID):
    """A whole number from the query string within [low, high]; ``default`` for anything else."""
    value = bounded_int(request.args.get(name), low, high)
    return default if value is None else value


def _carries_nul() -> bool:
    if NUL in request.path:
        return True
    for values in (request.args, request.form):
        for key, items in values.lists():
            if NUL in key or any(NUL in item for item in items):
                return True
    return False


def refuse_nul() -> None:
    """Refuse a request whose path, query string or form holds a NUL character."""
    if _carries_nul():
        raise BadInput()


def init_app(app: Flask) -> None:
    """Bound ``<int:…>`` in every URL (call before the blueprints) and refuse NUL bytes."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(refuse_nul)
