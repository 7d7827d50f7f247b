"""Employer profiles."""

from flask import Blueprint

bp = Blueprint("employers", __name__, url_prefix="/employer")

from marketplace.employers import routes  # noqa: E402,F401
