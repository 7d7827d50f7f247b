"""Engine set-up: SQLite pragmas (WAL, foreign keys, busy timeout), a database file only its
owner may read."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask
from sqlalchemy import event, make_url
from sqlalchemy.engine import Engine

from marketplace.models import db
from marketplace.ops.files import private_dir, private_file


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Turn on foreign keys and WAL, and wait for locks instead of failing at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_path(uri: str) -> Path | None:
    """The file of a SQLite database URL; None for another engine or an in-memory database."""
    url = make_url(uri)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):
        return None
    return Path(url.database)


def _create_private_sqlite_file(uri: str) -> None:
    """Create the SQLite file (0600) before SQLite does (it would use the umask, e.g. 0644);
    its WAL and shared-memory files take the same mode."""
    path = sqlite_path(uri)
    if path is None:
        return
    try:
        private_dir(path.parent)
        private_file(path)
    except OSError as exc:  # SQLite will say the same when it connects; /readyz reports it
        logging.getLogger(__name__).warning("cannot create the database file %s: %s", path, exc)


def init_database(app: Flask) -> None:
    """Bind Flask-SQLAlchemy and add the SQLite listener when SQLite is the engine."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite"):
        private_dir(Path(app.instance_path))
        _create_private_sqlite_file(uri)
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
        options.setdefault("connect_args", {})["timeout"] = 15
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    if uri.startswith("sqlite"):
        with app.app_context():
            engine: Engine = db.engine
            event.listen(engine, "connect", _sqlite_pragmas)
