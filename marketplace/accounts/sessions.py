"""Sessions that end: one version per account, checked on every request.

The session cookie holds the account id with its session version (``User.get_id``). Signing
out, a new password, "sign out everywhere" and a lock raise the version, so every copy of every
cookie of that account stops working at once — on this device and on any other. Staff sessions
also end after ``STAFF_SESSION_MINUTES`` from sign-in, because staff sign in on shared kiosks.
"""

from __future__ import annotations

import secrets
import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import update
from werkzeug.local import LocalProxy

from marketplace.models import Role, User, db
from marketplace.models.base import rows_changed

SIGNED_IN_AT = "signed_in_at"
SESSION_ID = "sid"
STAFF_SESSION_MINUTES = 8 * 60  # default: one working day at a station
KEPT_ACROSS_SIGN_IN = ("lang",)


def load(session_user_id: str) -> User | None:
    """The account a session names, if its version is still the account's own."""
    user_id, _dot, version = session_user_id.partition(".")
    if not user_id.isdigit() or not version.isdigit() or len(user_id) > 12:
        return None  # a cookie from before versions, or not ours: sign in again
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None
    return user


def start(user: User) -> None:
    """Sign in on a fresh session: nothing from before sign-in survives but the language."""
    kept = {key: session[key] for key in KEPT_ACROSS_SIGN_IN if key in session}
    session.clear()
    session.update(kept)
    session[SESSION_ID] = secrets.token_urlsafe(16)  # a new session id at every sign-in
    session[SIGNED_IN_AT] = time.time()
    # The account itself, never the current_user proxy: a proxy kept as the signed-in user
    # would resolve to itself.
    login_user(user._get_current_object() if isinstance(user, LocalProxy) else user)


def end_everywhere(user: User) -> None:
    """End every session of the account, wherever its cookies are."""
    rows_changed(
        update(User)
        .where(User.id == user.id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(user)


def sign_out() -> None:
    """Sign out here, which ends the account's other sessions too."""
    if current_user.is_authenticated:
        end_everywhere(current_user)
    logout_user()
    session.clear()


def keep_this_session(user: User) -> None:
    """After the account's sessions ended on purpose (a new password), stay signed in here."""
    signed_in_at = session.get(SIGNED_IN_AT)
    start(user)
    if signed_in_at is not None:
        session[SIGNED_IN_AT] = signed_in_at  # the staff time limit still counts from sign-in


def end_expired_staff_session():
    """Staff and administrators are signed out ``STAFF_SESSION_MINUTES`` after signing in."""
    if not current_user.is_authenticated or current_user.role not in (Role.STAFF, Role.ADMIN):
        return None
    limit = current_app.config.get("STAFF_SESSION_MINUTES", STAFF_SESSION_MINUTES) * 60
    signed_in_at = session.get(SIGNED_IN_AT)
    if isinstance(signed_in_at, int | float) and time.time() - signed_in_at <= limit:
        return None
    logout_user()
    session.clear()
    flash(_("Your staff session has ended. Please sign in again."), "status")
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
