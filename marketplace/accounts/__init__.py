"""Sign-up, sign-in, sign-out and account commands."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/account")

from marketplace.accounts import routes  # noqa: E402,F401  (routes attach to bp)
