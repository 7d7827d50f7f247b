"""Station kiosks (零工驿站): staff find people, record needs, refer to gigs and print slips."""

from flask import Blueprint

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

# Where the session keeps the station this kiosk serves now (chosen at /kiosk/start).
STATION_SESSION_KEY = "kiosk_station_id"

from marketplace.kiosk import (  # noqa: E402,F401
    routes,
    routes_agreements,
    routes_dashboard,
    routes_employers,
    routes_rights,
    routes_signup,
)
