"""Station kiosks (零工驿站): staff find people, record needs, refer to gigs and print slips."""

from flask import Blueprint

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

from marketplace.kiosk import routes, routes_agreements  # noqa: E402,F401
