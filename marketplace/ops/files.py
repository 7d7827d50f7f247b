"""Files only their owner may read: the instance folder, the key files, the SQLite database."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if missing; a folder it creates is 0700."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        path.chmod(PRIVATE_DIR)  # whatever the umask
    return path


def private_file(path: Path) -> bool:
    """Create an empty 0600 file at ``path`` unless it exists; True when it created one.

    The mode is given when the file is made, so it is never readable by others, not even for
    the moment between writing and a later ``chmod``.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    path.chmod(PRIVATE_FILE)  # whatever the umask
    return True


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to a new 0600 file (or over an existing file, keeping it 0600)."""
    private_file(path)
    path.chmod(PRIVATE_FILE)
    path.write_text(text)
