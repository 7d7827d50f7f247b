"""Throttling: how often one address, and one account from one address, may try.

Flask-Limiter counts requests per address on the pages people could hammer (sign-in, sign-up,
codes, password change) and answers 429 with a ``Retry-After`` header and a message in the
user's language. Failed sign-ins are counted per account **and** address, before the password
is checked, in one atomic step of the same storage: forty parallel guesses get five checks, and
someone guessing from elsewhere slows themselves down without locking the owner out.

The counts live in Redis when ``REDIS_URL`` is set (several web workers or hosts share them),
else in the process's memory.
"""

from __future__ import annotations

import math
import time

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)
FAILURES_KEY = "signin-failures"


def storage_uri(config: dict) -> str:
    """Redis when the city runs it, else this process's memory."""
    return config.get("RATELIMIT_STORAGE_URI") or config.get("REDIS_URL") or "memory://"


def init_app(app: Flask) -> None:
    """Bind Flask-Limiter and the sign-in failure counter to the app's storage."""
    app.config["RATELIMIT_STORAGE_URI"] = storage_uri(app.config)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
    counter = FixedWindowRateLimiter(storage_from_string(app.config["RATELIMIT_STORAGE_URI"]))
    app.extensions["signin_failures"] = counter


def setting(name: str):
    """A limit read from the settings when the request comes, e.g. '30 per minute'."""
    return lambda: current_app.config[name]


def account_key() -> str:
    """Per signed-in account (password change), else per address."""
    if current_user.is_authenticated:
        return f"account:{current_user.id}"
    return get_remote_address()


def _counter() -> FixedWindowRateLimiter:
    return current_app.extensions["signin_failures"]


def try_sign_in(account: str, address: str) -> int:
    """Count one sign-in attempt; 0 to go on, else the seconds to wait before the next."""
    item = parse(current_app.config["SIGNIN_FAILURES"])
    if _counter().hit(item, FAILURES_KEY, account, address):
        return 0
    reset = _counter().get_window_stats(item, FAILURES_KEY, account, address).reset_time
    return max(1, math.ceil(reset - time.time()))


def signed_in(account: str, address: str) -> None:
    """A right password clears the count for this account from this address."""
    item = parse(current_app.config["SIGNIN_FAILURES"])
    _counter().clear(item, FAILURES_KEY, account, address)


def client_address() -> str:
    """The address the limits count against (the client's, behind trusted proxies)."""
    return request.remote_addr or ""
