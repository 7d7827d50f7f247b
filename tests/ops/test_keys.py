"""The app refuses to start with keys that cannot read the stored 身份证; its files are private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from marketplace.app import create_app
from marketplace.models import db
from marketplace.ops.keys import KeysDoNotMatch
from tests.conftest import make_test_app
from tests.factories import make_worker

OTHER_KEY = Fernet.generate_key().decode()


@pytest.fixture
def stored_id_number(app):
    """A worker whose identity number is stored, encrypted with the test key."""
    make_worker()
    db.session.commit()
    return app


def _start(app, tmp_path: Path, **settings):
    """Start another app on the same database, disposing of it when it started."""
    other = make_test_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "instance", **settings)
    with other.app_context():
        db.engine.dispose()
    return other


def test_another_encryption_key_stops_the_start_naming_the_setting(stored_id_number, tmp_path):
    """ID_ENCRYPTION_KEYS changed: the app does not start, and says which key to put back."""
    with pytest.raises(KeysDoNotMatch, match="cannot decrypt") as refused:
        _start(stored_id_number, tmp_path, ID_ENCRYPTION_KEYS=OTHER_KEY)
    assert "ID_ENCRYPTION_KEYS" in str(refused.value) and "id_keys" in str(refused.value)


def test_another_index_key_stops_the_start_too(stored_id_number, tmp_path):
    """ID_INDEX_KEY changed: look-ups by 身份证 would miss every stored number."""
    with pytest.raises(KeysDoNotMatch, match="ID_INDEX_KEY"):
        _start(stored_id_number, tmp_path, ID_INDEX_KEY="another-index-key")


def test_a_new_key_file_made_because_the_old_one_was_lost_is_named(
    stored_id_number, tmp_path, monkeypatch
):
    """No key in the environment and no instance/id_keys: the new file is named in the error."""
    monkeypatch.delenv("ID_ENCRYPTION_KEYS", raising=False)
    monkeypatch.delenv("ID_INDEX_KEY", raising=False)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "fresh"))
    url = stored_id_number.config["SQLALCHEMY_DATABASE_URI"]
    with pytest.raises(KeysDoNotMatch) as refused:
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    assert f"the key file {tmp_path / 'fresh' / 'id_keys'}" in str(refused.value)


def test_rotated_keys_still_read_and_the_check_can_be_skipped(stored_id_number, tmp_path):
    """A new key in front of the old one starts; ID_KEY_CHECK=0 starts even with a wrong key."""
    old = stored_id_number.config["ID_ENCRYPTION_KEYS"]
    _start(stored_id_number, tmp_path, ID_ENCRYPTION_KEYS=f"{OTHER_KEY},{old}")
    _start(stored_id_number, tmp_path, ID_ENCRYPTION_KEYS=OTHER_KEY, ID_KEY_CHECK=False)


def test_an_empty_database_starts_with_any_key(app, tmp_path):
    """Nothing stored yet (or no tables before `flask db upgrade`): nothing to check."""
    _start(app, tmp_path, ID_ENCRYPTION_KEYS=OTHER_KEY)
    make_test_app(f"sqlite:///{tmp_path / 'new.db'}", tmp_path / "instance2")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_key_files_are_readable_by_their_owner_only(tmp_path, monkeypatch):
    """A first start makes instance/ 0700 and the database and key files 0600, whatever umask."""
    for name in ("SECRET_KEY", "ID_ENCRYPTION_KEYS", "ID_INDEX_KEY", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    instance = tmp_path / "instance"
    monkeypatch.setenv("INSTANCE_PATH", str(instance))
    old_umask = os.umask(0o022)
    try:
        app = create_app({"TESTING": True})
        with app.app_context():
            db.create_all()
            db.engine.dispose()
    finally:
        os.umask(old_umask)
    assert _mode(instance) == 0o700
    for name in ("secret_key", "id_keys", "id_index_key", "yonglinggong.db"):
        assert _mode(instance / name) == 0o600, name
    for side_file in instance.glob("yonglinggong.db-*"):
        assert _mode(side_file) == 0o600, side_file.name
