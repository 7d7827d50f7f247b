"""Written agreements: drafts from templates, signatures, print, PDF and public verification."""

from flask import Blueprint

bp = Blueprint("agreements", __name__, url_prefix="/agreements")

from marketplace.agreements import routes  # noqa: E402,F401
