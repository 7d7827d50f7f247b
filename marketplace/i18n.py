"""Language and time zone: zh_CN by default, English on request; money and time formatting."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload
from zoneinfo import ZoneInfo

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale, refresh
from flask_login import current_user

from marketplace.extensions import babel

SHANGHAI = ZoneInfo("Asia/Shanghai")
LANG_CODES = {"zh": "zh_Hans_CN", "en": "en"}


def select_locale() -> str:
    """The ``lang`` choice kept in the session, else the account's, else Chinese."""
    if not has_request_context():  # a CLI command or a job: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("lang")
    if chosen in LANG_CODES.values():
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale:
        return current_user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def is_english() -> bool:
    """True when the page is shown in English."""
    return str(get_locale()).startswith("en")


def fen_to_yuan(fen: int | None) -> str:
    """Format an amount in fen as yuan with two decimals, e.g. 15050 → '150.50'."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{whole:,}.{cents:02d}"


@overload
def to_local(dt: datetime) -> datetime: ...
@overload
def to_local(dt: None) -> None: ...
def to_local(dt: datetime | None) -> datetime | None:
    """Turn a naive UTC timestamp into Asia/Shanghai time."""
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC).astimezone(SHANGHAI)


def local_to_utc(dt: datetime) -> datetime:
    """Turn a naive Asia/Shanghai wall-clock time into naive UTC for storage."""
    return dt.replace(tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def format_local(dt: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Show a stored UTC time in Asia/Shanghai."""
    local = to_local(dt)
    return local.strftime(fmt) if local else ""


def localized_name(obj, field: str = "name") -> str:
    """Pick ``name_zh`` or ``name_en`` of a reference row for the page's language."""
    if obj is None:
        return ""
    return getattr(obj, f"{field}_en" if is_english() else f"{field}_zh")


def init_app(app: Flask) -> None:
    """Bind Flask-Babel and the template filters."""
    babel.init_app(app, locale_selector=select_locale, timezone_selector=lambda: "Asia/Shanghai")
    app.jinja_env.filters["yuan"] = fen_to_yuan
    app.jinja_env.filters["local"] = format_local
    app.jinja_env.filters["loc"] = localized_name
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["is_english"] = is_english

    @app.before_request
    def _remember_language() -> None:
        lang = request.args.get("lang")
        if lang in LANG_CODES:
            session["lang"] = LANG_CODES[lang]
            refresh()
