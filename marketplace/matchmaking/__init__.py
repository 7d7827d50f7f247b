"""Recommendations and candidates from the ranker in `matching/`, with invitations."""

from flask import Blueprint

bp = Blueprint("matchmaking", __name__)

from marketplace.matchmaking import routes  # noqa: E402,F401
