"""Worker profiles."""

from flask import Blueprint

bp = Blueprint("workers", __name__, url_prefix="/worker")

from marketplace.workers import routes  # noqa: E402,F401
