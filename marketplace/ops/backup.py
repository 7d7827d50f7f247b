"""Backups of the SQLite database with SQLite's online backup API, and putting one back.

The online backup copies a consistent snapshot while the web server and scheduler keep running.
A PostgreSQL database is backed up with ``pg_dump`` instead (the commands only print how).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url

from marketplace.ops.files import private_dir, private_file, write_private_text

# (setting, file in instance/) of the secrets a backup cannot be used without.
KEY_FILES = (
    ("ID_ENCRYPTION_KEYS", "id_keys"),
    ("ID_INDEX_KEY", "id_index_key"),
    ("SECRET_KEY", "secret_key"),
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def backup_name(now_local: datetime) -> str:
    """yonglinggong-20260501-031500.db"""
    return f"yonglinggong-{now_local:%Y%m%d-%H%M%S}.db"


def backup_sqlite(database: Path, target: Path) -> Path:
    """Copy ``database`` into the new file ``target`` (0600); returns the file written."""
    if not database.exists():
        raise BackupError(f"there is no database at {database}")
    if target.exists():
        raise BackupError(f"{target} exists already: choose another name")
    private_dir(target.parent)
    private_file(target)
    with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    return target


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact database of this app."""
    if not path.is_file():
        raise BackupError(f"there is no file at {path}")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            intact = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database: {exc}") from exc
    if not intact:
        raise BackupError(f"{path} is damaged (PRAGMA quick_check failed)")
    if not {"user", "worker_profile"} <= tables:
        raise BackupError(f"{path} is not a backup of this app's database")


def restore_sqlite(backup: Path, database: Path, keep_as: Path) -> Path | None:
    """Put ``backup`` in place of ``database``'s content; what was there is first copied to
    ``keep_as`` (returned), so a restore can itself be undone."""
    check_backup(backup)
    kept = None
    if database.exists() and database.stat().st_size > 0:
        kept = backup_sqlite(database, keep_as)
    else:
        private_dir(database.parent)
        private_file(database)
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(database)) as live:
        source.backup(live)
    return kept


def copy_keys(config: Mapping[str, Any], target: Path) -> list[Path]:
    """Write the keys the app runs with into the folder ``target`` (0700), one 0600 file each,
    named as in instance/ — whether they came from instance/ or the environment."""
    private_dir(target)
    written = []
    for setting, filename in KEY_FILES:
        path = target / filename
        if path.exists():
            raise BackupError(f"{path} exists already: choose another name")
        write_private_text(path, config[setting])
        written.append(path)
    return written


def pg_commands(uri: str) -> tuple[str, str]:
    """The pg_dump and pg_restore commands for a PostgreSQL URL (password left out)."""
    url = make_url(uri)
    plain = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    ).render_as_string(hide_password=False)
    return (
        f'pg_dump --format=custom --file=yonglinggong.dump "{plain}"',
        f'pg_restore --clean --if-exists --no-owner --dbname="{plain}" yonglinggong.dump',
    )
