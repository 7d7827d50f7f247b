"""Dashboards: what concerns each user now."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from marketplace.dashboard import routes  # noqa: E402,F401
