"""Security headers, the account loader and values every template needs."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user
from jinja2 import pass_context

from marketplace.accounts import sessions
from marketplace.extensions import login_manager
from marketplace.labels import cite, label
from marketplace.models import Role
from marketplace.notifications.services import unread_count

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'"
)


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def _navigation() -> dict:
    unread = unread_count(current_user) if current_user.is_authenticated else 0
    return {"unread_notifications": unread}


@pass_context
def _cite(_context, citation: object) -> str:
    """The ``cite`` filter; taking the context keeps Jinja from folding it at compile time
    (a constant like "N(九)"|cite would otherwise keep the first page's language)."""
    return cite(citation)


def init_app(app: Flask) -> None:
    """Register handlers, headers and the user loader."""
    app.after_request(_security_headers)
    app.context_processor(_navigation)
    app.jinja_env.globals["label"] = label
    app.jinja_env.filters["cite"] = _cite
    app.jinja_env.globals["Role"] = Role

    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    login_manager.user_loader(sessions.load)
