"""Engine set-up: SQLite pragmas (WAL, foreign keys, busy timeout)."""

from __future__ import annotations

import os

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from marketplace.models import db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Turn on foreign keys and WAL, and wait for locks instead of failing at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def init_database(app: Flask) -> None:
    """Bind Flask-SQLAlchemy and add the SQLite listener when SQLite is the engine."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite"):
        os.makedirs(app.instance_path, exist_ok=True)
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
        options.setdefault("connect_args", {})["timeout"] = 15
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    if uri.startswith("sqlite"):
        with app.app_context():
            engine: Engine = db.engine
            event.listen(engine, "connect", _sqlite_pragmas)
