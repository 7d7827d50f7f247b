"""``flask backup`` and ``flask restore``: a consistent copy of the database, and putting one back.

Both remind the operator that identity numbers are only readable with the key files.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import create_engine

from marketplace.database import sqlite_path
from marketplace.models import db
from marketplace.ops.backup import (
    BackupError,
    backup_name,
    backup_sqlite,
    check_backup,
    copy_keys,
    pg_commands,
    restore_sqlite,
)
from marketplace.ops.keys import explain, key_problem
from marketplace.scheduler import local_now

REMINDER = (
    "Keep the keys with the backup, but not in the same place: the identity numbers (身份证) in "
    "it can only be read with the keys they were written with — instance/id_keys and "
    "instance/id_index_key (or ID_ENCRYPTION_KEYS and ID_INDEX_KEY), and instance/secret_key "
    "(SECRET_KEY) for sessions and signed links. `flask backup --with-keys` writes the keys in use "
    "alongside (mode 600); to put them back, copy those files into instance/ (or set the "
    "variables to their contents)."
)


def _sqlite_database() -> Path:
    """The SQLite file of the configured database; PostgreSQL gets the commands to use."""
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    path = sqlite_path(uri)
    if path is None:
        dump, restore = pg_commands(uri)
        raise click.ClickException(
            "this database is not SQLite: back up PostgreSQL with pg_dump, e.g.\n"
            f"  {dump}\nand put it back with\n  {restore}\n"
            "(the password comes from PGPASSWORD or ~/.pgpass). " + REMINDER
        )
    return path


def _target(path: Path | None) -> Path:
    name = backup_name(local_now())
    if path is None:
        return Path(current_app.instance_path) / "backups" / name
    return path / name if path.is_dir() else path


@click.command("backup")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--with-keys", is_flag=True, help="Also write the keys in use into PATH.keys/ (mode 600)."
)
@with_appcontext
def backup_command(path: Path | None, with_keys: bool) -> None:
    """Write a consistent copy of the SQLite database to PATH (a file or a folder; default
    instance/backups/), while the site keeps running."""
    database = _sqlite_database()
    try:
        written = backup_sqlite(database, _target(path))
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"database copied to {written} (mode 600)")
    if with_keys:
        try:
            copied = copy_keys(current_app.config, Path(f"{written}.keys"))
        except BackupError as exc:
            raise click.ClickException(str(exc)) from exc
        for key_file in copied:
            click.echo(f"key copied to {key_file} (mode 600)")
    click.echo(REMINDER)


def _refuse_unreadable(backup: Path) -> None:
    """Refuse a backup whose identity numbers the configured keys cannot read."""
    engine = create_engine(f"sqlite:///{backup}")
    try:
        problem = key_problem(engine)
    finally:
        engine.dispose()
    if problem is not None:
        raise click.ClickException(
            explain(current_app, "The backup", problem)
            + " Put back the key files saved with this backup before restoring it."
        )


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup at PATH (stop the web server and the
    scheduler first); the database as it was is kept in instance/backups/."""
    database = _sqlite_database()
    try:
        check_backup(path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    _refuse_unreadable(path)
    if not yes:
        click.confirm(
            f"Replace everything in {database} with {path}? Stop the web server and the "
            "scheduler first",
            abort=True,
        )
    db.session.remove()
    db.engine.dispose()
    keep_as = Path(current_app.instance_path) / "backups" / f"before-{backup_name(local_now())}"
    try:
        kept = restore_sqlite(path, database, keep_as)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    if kept is not None:
        click.echo(f"the database as it was is kept at {kept}")
    click.echo(f"restored {database} from {path}")
    click.echo("Run `flask db upgrade` before starting: a backup from an older version needs it.")
    click.echo(REMINDER)
