"""Readiness: the database answers and its schema is at the newest migration."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from marketplace.models import db

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
VERSION_TABLE = "alembic_version"
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def migration_heads() -> frozenset[str]:
    """The head revision(s) of migrations/ (read once per process)."""
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


def not_ready_because() -> str | None:
    """Why the app cannot serve now, or None when it can."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = frozenset()
            if inspect(conn).has_table(VERSION_TABLE):
                current = frozenset(conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")))
    except SQLAlchemyError as exc:
        log.warning("readiness: database not reachable: %s", exc)
        return "database not reachable"
    heads = migration_heads()
    if current != heads:
        shown = ", ".join(sorted(current)) or "none"
        return f"migrations not at head: database at {shown}, head {', '.join(sorted(heads))}"
    return None
