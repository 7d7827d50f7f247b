"""Passwords, encrypted identity numbers, role checks and safe redirects."""

from __future__ import annotations

import hashlib
import hmac
from functools import wraps
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, MultiFernet
from flask import abort, current_app
from flask_login import current_user

from marketplace.extensions import login_manager
from marketplace.models import Role

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)


def _vault() -> MultiFernet:
    keys = current_app.config["ID_ENCRYPTION_KEYS"].split(",")
    return MultiFernet([Fernet(k.strip().encode()) for k in keys if k.strip()])


def encrypt_id_number(number: str) -> str:
    """Encrypt an identity number for storage (the newest key encrypts)."""
    return _vault().encrypt(number.encode()).decode()


def decrypt_id_number(token: str) -> str:
    """Decrypt a stored identity number (any configured key may have encrypted it)."""
    return _vault().decrypt(token.encode()).decode()


def id_number_index(number: str) -> str:
    """Keyed hash of an identity number, for uniqueness and look-up without decryption."""
    key = current_app.config["ID_INDEX_KEY"].encode()
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()


def role_required(*roles: Role):
    """Let only signed-in accounts holding one of ``roles`` reach the view; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def is_safe_next(target: str | None) -> bool:
    """Only same-site relative paths are followed after sign-in."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and "\\" not in target
