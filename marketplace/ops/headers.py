"""HTTPS deployments: the client's address behind proxies, HSTS, and no caching of personal data.

- ``TRUSTED_PROXIES`` proxies in front (0 = none): their ``X-Forwarded-For`` and
  ``X-Forwarded-Proto`` are believed, so ``request.remote_addr`` — written into audit logs and
  signatures — is the client's, and URLs are built with https. With 0 a forged header is ignored.
- ``HSTS_SECONDS`` > 0 sends ``Strict-Transport-Security``.
- ``Cache-Control: no-store`` on every response to a signed-in session and on every page that
  may show personal data even to a visitor, so neither the browser nor a shared cache keeps a copy.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

# Pages that show (or lead to) personal data whoever asks: agreements and their public
# verification, the kiosk, accounts and profiles, wage cases and complaints.
PERSONAL_PREFIXES = (
    "/account",
    "/agreements",
    "/complaints",
    "/dashboard",
    "/employer",
    "/entitlements",
    "/inbox",
    "/kiosk",
    "/registration",
    "/wage-cases",
    "/worker",
)


def _signed_in() -> bool:
    return bool(current_user and current_user.is_authenticated)


def _no_store() -> bool:
    if request.endpoint == "static":
        return False  # the same public files for everyone
    return _signed_in() or request.path.startswith(PERSONAL_PREFIXES)


def _https_headers(response):
    hsts = current_app.config["HSTS_SECONDS"]
    if hsts > 0:
        response.headers["Strict-Transport-Security"] = f"max-age={hsts}"
    if _no_store():
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Trust the configured number of proxies and add the HTTPS and caching headers."""
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.after_request(_https_headers)
