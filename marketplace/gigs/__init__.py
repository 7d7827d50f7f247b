"""Posting, browsing and showing gigs."""

from flask import Blueprint

bp = Blueprint("gigs", __name__)

from marketplace.gigs import routes  # noqa: E402,F401
