"""The in-app notification inbox."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/inbox")

from marketplace.notifications import routes  # noqa: E402,F401
