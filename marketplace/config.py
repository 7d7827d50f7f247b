"""Settings, read from the environment with safe defaults for the embedded SQLite set-up."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

from marketplace.ops.files import private_dir, write_private_text

MEGABYTE = 1024 * 1024


def normalise_database_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and pick the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret(instance_path: Path, name: str, make) -> str:
    """Read a secret kept in the instance folder, creating it (0600, in a 0700 folder) on first
    use."""
    path = instance_path / name
    if not path.exists():
        private_dir(instance_path)
        write_private_text(path, make())
    return path.read_text().strip()


def load_settings(instance_path: str) -> dict:
    """Build the configuration mapping for ``create_app``."""
    inst = Path(instance_path)
    default_db = f"sqlite:///{inst / 'yonglinggong.db'}"
    secure = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY")
        or _instance_secret(inst, "secret_key", lambda: secrets.token_hex(32)),
        # Comma-separated Fernet keys, newest first (MultiFernet rotation).
        "ID_ENCRYPTION_KEYS": os.environ.get("ID_ENCRYPTION_KEYS")
        or _instance_secret(inst, "id_keys", lambda: Fernet.generate_key().decode()),
        # Key of the keyed hash that finds an ID number without decrypting every row.
        "ID_INDEX_KEY": os.environ.get("ID_INDEX_KEY")
        or _instance_secret(inst, "id_index_key", lambda: secrets.token_hex(32)),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(
            os.environ.get("DATABASE_URL", default_db)
        ),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "BABEL_DEFAULT_LOCALE": "zh_Hans_CN",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Shanghai",
        "LANGUAGES": ["zh_Hans_CN", "en"],
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_DURATION": 14 * 24 * 3600,
        "WTF_CSRF_TIME_LIMIT": None,
        # Throttling (marketplace/throttle.py), as "N per minute|hour|day"; counted in Redis
        # when REDIS_URL is set (several workers share the counts), else in memory.
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        # Sign-in attempts for one account from one address before it waits for the window;
        # the right password clears the count. Others elsewhere are not slowed by it.
        "SIGNIN_FAILURES": os.environ.get("SIGNIN_FAILURES", "5 per 15 minutes"),
        "SIGNIN_PER_ADDRESS": os.environ.get("SIGNIN_PER_ADDRESS", "30 per minute;300 per hour"),
        "SIGNUP_PER_ADDRESS": os.environ.get("SIGNUP_PER_ADDRESS", "20 per hour"),
        "PASSWORD_CHANGE_PER_ACCOUNT": os.environ.get("PASSWORD_CHANGE_PER_ACCOUNT", "10 per hour"),
        # SMS codes asked for or entered from one address (sign-up and forgotten password).
        "CODES_PER_ADDRESS": os.environ.get("CODES_PER_ADDRESS", "30 per hour"),
        "GIGS_PER_PAGE": 20,
        # Codes sent by SMS to prove a mobile number (sign-up, forgotten password): minutes a
        # code stays valid, wrong entries before it is dead, and codes a number gets an hour.
        "MOBILE_CODE_MINUTES": int(os.environ.get("MOBILE_CODE_MINUTES", "10")),
        "MOBILE_CODE_TRIES": int(os.environ.get("MOBILE_CODE_TRIES", "5")),
        "MOBILE_CODES_PER_HOUR": int(os.environ.get("MOBILE_CODES_PER_HOUR", "5")),
        # Seconds a rendered gig list or gig page is kept per process (marketplace/gigs/
        # page_cache.py); 0 renders every request.
        "PAGE_CACHE_SECONDS": int(os.environ.get("PAGE_CACHE_SECONDS", "15")),
        # Until staff verify an employer its gigs wait as drafts and it sees no worker's name.
        # A city may let households act at once ("1"). Off by default: a household takes a
        # stranger into its home and the worker goes to a private address, so the check that
        # a real, reachable person is hiring matters there at least as much as for a company.
        "HOUSEHOLDS_ACT_BEFORE_VERIFICATION": os.environ.get(
            "HOUSEHOLDS_ACT_BEFORE_VERIFICATION", "0"
        )
        == "1",
        # Days after the agreed pay date before unpaid wages open a case. Default 0: N(十五)
        # and the agreement fix the pay date, so wages are late the day after it; a grace period
        # would only delay what is owed. A city may set more to leave room for bank delays.
        "WAGE_GRACE_DAYS": int(os.environ.get("WAGE_GRACE_DAYS", "0")),
        # Hours after a shift ends before the checked (or scheduled) times stand as the hours
        # worked when the employer has not confirmed them; the worker can still dispute them.
        "HOURS_STAND_AFTER_HOURS": int(os.environ.get("HOURS_STAND_AFTER_HOURS", "48")),
        # Rest guard across all employers: at most this many hours of accepted shifts in one
        # calendar day (Labour Law art. 36: 8 h a day, art. 41: up to 3 h overtime → 11 h)...
        "REST_DAILY_CAP_HOURS": int(os.environ.get("REST_DAILY_CAP_HOURS", "11")),
        # ...and at least this many hours between the last shift of one day and the next day's.
        "REST_MIN_BETWEEN_DAYS_HOURS": int(os.environ.get("REST_MIN_BETWEEN_DAYS_HOURS", "8")),
        # A kiosk screen nobody touches goes back to its start screen after this many seconds;
        # a staff member idle at the kiosk this long is signed out.
        "KIOSK_IDLE_RETURN_SECONDS": int(os.environ.get("KIOSK_IDLE_RETURN_SECONDS", "300")),
        "KIOSK_IDLE_SECONDS": int(os.environ.get("KIOSK_IDLE_SECONDS", "900")),
        # Staff and administrators sign in on shared kiosks: their sessions end this many
        # minutes after signing in, used or not (other accounts end at sign-out).
        "STAFF_SESSION_MINUTES": int(os.environ.get("STAFF_SESSION_MINUTES", "480")),
        # The fair no-show rule (marketplace/work/reliability.py): a worker may appeal a no-show
        # within NO_SHOW_APPEAL_DAYS; NO_SHOW_PAUSE_AFTER no-shows that stand within
        # NO_SHOW_WINDOW_DAYS pause applying for NO_SHOW_PAUSE_DAYS. A city's own choice:
        # no regulation sets these figures.
        "NO_SHOW_APPEAL_DAYS": int(os.environ.get("NO_SHOW_APPEAL_DAYS", "7")),
        "NO_SHOW_PAUSE_AFTER": int(os.environ.get("NO_SHOW_PAUSE_AFTER", "3")),
        "NO_SHOW_WINDOW_DAYS": int(os.environ.get("NO_SHOW_WINDOW_DAYS", "90")),
        "NO_SHOW_PAUSE_DAYS": int(os.environ.get("NO_SHOW_PAUSE_DAYS", "14")),
        # The platform's own accident insurance (意外险) for shifts the employer does not insure
        # for work injury, as its name and policy number; empty: the platform has none.
        "PLATFORM_ACCIDENT_INSURANCE": os.environ.get("PLATFORM_ACCIDENT_INSURANCE", ""),
        # "module:Class" with a send(channel, recipient, body) method, e.g. an SMS gateway.
        "OUTBOX_SENDER": os.environ.get(
            "OUTBOX_SENDER", "marketplace.notifications.outbox:LoggingSender"
        ),
        # A sender's claim on a message lapses after this long (it died): another sends it then.
        "OUTBOX_LEASE_SECONDS": int(os.environ.get("OUTBOX_LEASE_SECONDS", "300")),
        **operations_settings(),
    }


def operations_settings() -> dict:
    """Logging, HTTPS and upload settings (README, "Operations")."""
    return {
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO").upper(),
        "LOG_FORMAT": os.environ.get("LOG_FORMAT", "plain").lower(),
        # Strict-Transport-Security max-age; 0 sends no header (set it once HTTPS works).
        "HSTS_SECONDS": int(os.environ.get("HSTS_SECONDS", "0")),
        # Proxies in front of the app whose X-Forwarded-For/-Proto are believed; 0 = none.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # Largest request body accepted; a bigger one is answered 413.
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", str(2 * MEGABYTE))),
        # Refuse to start when the keys cannot read the stored identity numbers ("0": skip,
        # only to run `flask backup` or `flask restore` while the keys are being put back).
        "ID_KEY_CHECK": os.environ.get("ID_KEY_CHECK", "1") != "0",
    }
