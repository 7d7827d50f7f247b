"""Language and time zone: zh_CN by default, English on request; money and time formatting."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import overload
from zoneinfo import ZoneInfo

from babel import support
from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale, get_translations, refresh
from flask_login import current_user
from wtforms.i18n import messages_path

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


@lru_cache(maxsize=8)
def _wtforms_catalog(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class FormMessages:
    """WTForms' built-in messages in the page's language.

    WTForms' own Chinese catalog leaves a few messages untranslated (e.g. "'7' is not a valid
    choice for this field."); the app's catalog fills those gaps and is asked first.
    """

    def ugettext(self, string: str) -> str:
        """One message."""
        own = get_translations().ugettext(string)
        return own if own != string else _wtforms_catalog(str(get_locale())).ugettext(string)

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        """A message with a count."""
        own = get_translations().ungettext(singular, plural, n)
        if own not in (singular, plural):
            return own
        return _wtforms_catalog(str(get_locale())).ungettext(singular, plural, n)


def _form_messages() -> None:
    # Flask-WTF looks for the request's WTForms translations here before loading its own.
    request.wtforms_translations = FormMessages()  # type: ignore[attr-defined]


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

    app.before_request(_form_messages)
