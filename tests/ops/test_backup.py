"""`flask backup` and `flask restore`, as an operator runs them."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from marketplace.models import User, db
from tests.conftest import ENGINES
from tests.factories import make_worker

# flask backup copies SQLite databases; on PostgreSQL it shows pg_dump. Each test runs on the
# engine it is about (the session's app for that engine), not skipped on the other.
ON_SQLITE = pytest.mark.parametrize("engine_app", ["sqlite"], indirect=True)
ON_POSTGRESQL = pytest.mark.parametrize(
    "engine_app", [e for e in ENGINES if e == "postgresql"], indirect=True
)


@pytest.fixture
def sqlite_app(app):
    """The app on the SQLite test database."""
    assert db.engine.dialect.name == "sqlite"
    return app


@pytest.fixture
def postgres_app(app):
    """The app on the PostgreSQL test database."""
    assert db.engine.dialect.name == "postgresql"
    return app


def _cli(app, *args: str, answer: str | None = None):
    return app.test_cli_runner().invoke(args=list(args), input=answer)


def _users() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(User.id)))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@ON_SQLITE
def test_backup_then_restore_brings_the_data_back(sqlite_app, tmp_path):
    """A backup taken while running holds the data; restore goes back to it, keeping a copy
    of what it replaced."""
    make_worker("应海波")
    db.session.commit()
    target = tmp_path / "nightly.db"
    result = _cli(sqlite_app, "backup", str(target))
    assert result.exit_code == 0, result.output
    assert f"database copied to {target}" in result.output
    assert "instance/id_keys" in result.output  # the reminder about the keys
    assert _mode(target) == 0o600
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("SELECT count(*) FROM user").fetchone()[0] == 1
    assert not Path(f"{target}-wal").exists()

    make_worker("后来的人")  # written after the backup: gone once it is restored
    db.session.commit()
    assert _users() == 2
    db.session.remove()
    result = _cli(sqlite_app, "restore", str(target), "--yes")
    assert result.exit_code == 0, result.output
    assert _users() == 1
    kept = Path(result.output.split("the database as it was is kept at ")[1].split()[0])
    with closing(sqlite3.connect(kept)) as before:
        assert before.execute("SELECT count(*) FROM user").fetchone()[0] == 2


@ON_SQLITE
def test_restore_asks_first_and_keeps_the_data_when_told_no(sqlite_app, tmp_path):
    """Without --yes the operator is asked; "n" changes nothing."""
    target = tmp_path / "b.db"
    assert _cli(sqlite_app, "backup", str(target)).exit_code == 0
    make_worker()
    db.session.commit()
    db.session.remove()
    result = _cli(sqlite_app, "restore", str(target), answer="n\n")
    assert result.exit_code != 0 and "Replace everything" in result.output
    assert _users() == 1


@ON_SQLITE
def test_backup_with_keys_writes_the_keys_in_use_readable_by_the_owner_only(sqlite_app, tmp_path):
    """--with-keys: the keys that read this backup's 身份证 are beside it, mode 600."""
    result = _cli(sqlite_app, "backup", str(tmp_path), "--with-keys")
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.glob("yonglinggong-*.db")
    keys = Path(f"{written}.keys")
    assert _mode(keys) == 0o700
    assert (keys / "id_keys").read_text() == sqlite_app.config["ID_ENCRYPTION_KEYS"]
    assert (keys / "id_index_key").read_text() == sqlite_app.config["ID_INDEX_KEY"]
    assert {p.name: _mode(p) for p in keys.iterdir()} == {
        "id_keys": 0o600,
        "id_index_key": 0o600,
        "secret_key": 0o600,
    }
    again = _cli(sqlite_app, "backup", str(written))
    assert again.exit_code != 0 and "exists already" in again.output


@ON_SQLITE
def test_restore_refuses_a_backup_the_keys_cannot_read(sqlite_app, tmp_path, monkeypatch):
    """A backup whose 身份证 were written with other keys is refused, naming the key to restore."""
    make_worker()
    db.session.commit()
    target = tmp_path / "b.db"
    assert _cli(sqlite_app, "backup", str(target)).exit_code == 0
    monkeypatch.setitem(sqlite_app.config, "ID_ENCRYPTION_KEYS", Fernet.generate_key().decode())
    result = _cli(sqlite_app, "restore", str(target), "--yes")
    assert result.exit_code != 0
    assert "The backup holds identity numbers" in result.output
    assert "ID_ENCRYPTION_KEYS" in result.output


@ON_SQLITE
def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_app, tmp_path):
    """Restoring the wrong file is refused before anything is touched."""
    make_worker()
    db.session.commit()
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello")
    result = _cli(sqlite_app, "restore", str(wrong), "--yes")
    assert result.exit_code != 0 and "not a SQLite database" in result.output
    assert _users() == 1


@ON_POSTGRESQL
def test_on_postgresql_backup_and_restore_show_pg_dump_and_fail(postgres_app, monkeypatch):
    """PostgreSQL: the commands print pg_dump / pg_restore to use and exit non-zero."""
    url = postgres_app.config["SQLALCHEMY_DATABASE_URI"]
    monkeypatch.setitem(
        postgres_app.config,
        "SQLALCHEMY_DATABASE_URI",
        url.replace("postgres@", "postgres:hunter2@", 1),
    )
    result = _cli(postgres_app, "backup")
    assert result.exit_code != 0
    assert "pg_dump --format=custom" in result.output and "postgresql://" in result.output
    assert "hunter2" not in result.output and "instance/id_keys" in result.output
    result = _cli(postgres_app, "restore", __file__, "--yes")
    assert result.exit_code != 0 and "pg_restore" in result.output
