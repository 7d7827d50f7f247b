"""Applications, attendance, payment and ratings."""

from flask import Blueprint

bp = Blueprint("work", __name__)

from marketplace.work import routes  # noqa: E402,F401
