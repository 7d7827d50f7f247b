"""Refuse to start when the configured keys cannot read the identity numbers already stored.

Without this, a lost ``instance/id_keys`` is silently replaced by a new key, every 身份证 in the
database becomes unreadable, and new ones are written with the wrong key. One stored row is
decrypted (and its keyed hash recomputed) at start-up; an empty or not yet migrated database
is not checked.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.fernet import InvalidToken
from flask import Flask
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from marketplace.models import WorkerProfile, db
from marketplace.security import decrypt_id_number, id_number_index

log = logging.getLogger(__name__)


class KeysDoNotMatch(RuntimeError):
    """The database holds identity numbers the configured keys cannot read."""


def _origin(app: Flask, setting: str, filename: str) -> str:
    """Where a key setting came from: the environment, the instance key file, or the config."""
    if os.environ.get(setting):
        return f"{setting} (set in the environment)"
    path = Path(app.instance_path) / filename
    if path.exists() and path.read_text().strip() == app.config[setting]:
        return f"the key file {path} ({setting} is not set)"
    return f"the {setting} setting"


def _sample(engine: Engine):
    """One stored (encrypted number, keyed hash), or None when there is none to check."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(WorkerProfile.__tablename__):
                return None  # before `flask db upgrade`
            return conn.execute(
                select(WorkerProfile.id_number_enc, WorkerProfile.id_number_hash).limit(1)
            ).first()
    except SQLAlchemyError as exc:
        log.warning("identity keys not checked: the database did not answer (%s)", exc)
        return None


def key_problem(engine: Engine) -> tuple[str, str, str] | None:
    """Which key cannot read the identity numbers in ``engine``'s database (setting, key file,
    what is wrong), or None when they read (or there are none). Needs an app context."""
    row = _sample(engine)
    if row is None:
        return None
    try:
        number = decrypt_id_number(row.id_number_enc)
    except InvalidToken:
        return "ID_ENCRYPTION_KEYS", "id_keys", "the configured keys cannot decrypt"
    if id_number_index(number) != row.id_number_hash:
        return "ID_INDEX_KEY", "id_index_key", "are indexed with another ID_INDEX_KEY"
    return None


def explain(app: Flask, where: str, problem: tuple[str, str, str]) -> str:
    """Say which key does not fit and how to put the right one back."""
    setting, filename, what = problem
    return (
        f"{where} holds identity numbers (身份证) that {what}. The key comes from "
        f"{_origin(app, setting, filename)}. If that file was lost and a new one was made, put "
        f"back the '{filename}' file saved with your backup (`flask backup --with-keys`), or set "
        f"{setting} to the key that was used."
    )


def check_identity_keys(app: Flask) -> None:
    """Raise ``KeysDoNotMatch`` when a stored identity number cannot be read with the keys."""
    if not app.config.get("ID_KEY_CHECK", True):
        return
    with app.app_context():
        problem = key_problem(db.engine)
        if problem is not None:
            db.engine.dispose()
            raise KeysDoNotMatch(
                explain(app, "The database", problem)
                + " The app does not start, so that no identity number is read wrongly or"
                " written with the wrong key."
            )
