"""Error pages, security headers and values every template needs."""

from __future__ import annotations

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from marketplace.extensions import login_manager
from marketplace.labels import label
from marketplace.models import Role, User, db

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


def _csrf_error(error: CSRFError):
    """An expired or missing form token: ask to try again instead of a raw error."""
    flash(_("The form expired. Please fill it in again."), "error")
    return redirect(request.referrer if _same_site(request.referrer) else url_for("dashboard.home"))


def _same_site(url: str | None) -> bool:
    return bool(url) and url.startswith(request.host_url)


def _error_page(code: int):
    def handler(_error):
        return render_template("errors/error.html", code=code), code

    return handler


def _navigation() -> dict:
    unread = 0
    if current_user.is_authenticated:
        from marketplace.notifications.services import unread_count

        unread = unread_count(current_user)
    return {"unread_notifications": unread}


def init_app(app: Flask) -> None:
    """Register handlers, headers and the user loader."""
    app.after_request(_security_headers)
    app.register_error_handler(CSRFError, _csrf_error)
    for code in (400, 403, 404, 405, 409, 500):
        app.register_error_handler(code, _error_page(code))
    app.context_processor(_navigation)
    app.jinja_env.globals["label"] = label
    app.jinja_env.globals["Role"] = Role

    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str):
        return db.session.get(User, int(user_id))

    @app.teardown_request
    def _rollback_on_error(exc):
        if exc is not None:
            db.session.rollback()
