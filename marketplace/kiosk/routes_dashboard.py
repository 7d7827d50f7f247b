"""The station dashboard: today's, this week's and this month's figures, charts, gigs near by."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from marketplace.i18n import localized_name
from marketplace.kiosk import dashboard as figures
from marketplace.kiosk import followup, nearby
from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.models import Station, utcnow

bp = Blueprint("kiosk_dashboard", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


@bp.route("/dashboard")
@at_station
def dashboard(station: Station):
    """The chosen station's figures, with charts and a table of open gigs near it."""
    followup.refresh(figures.live_referrals(station, utcnow()))
    board = figures.build(station, utcnow())  # after the refresh, which stamps what it changes
    return render_template(
        "kiosk/dashboard.html",
        station=station,
        board=board,
        openings=board.openings[: figures.OPENINGS_SHOWN],
        radius_km=nearby.NEAR_KM,
        upcoming_days=nearby.UPCOMING_DAYS,
        chart=chart_data(board),
    )


def chart_data(board: figures.Dashboard) -> dict:
    """What the page's script draws, with translated labels; the page shows it as tables too."""
    return {
        "daily": {
            "labels": [f"{d.day:%m-%d}" for d in board.series],
            "referrals": [d.referrals for d in board.series],
            "placements": [d.placements for d in board.series],
            "referralsLabel": _("Referrals"),
            "placementsLabel": _("Placements"),
        },
        "categories": {
            "labels": [
                localized_name(cat) if cat else _("No category")
                for cat, _n in board.needs_by_category
            ],
            "counts": [n for _cat, n in board.needs_by_category],
            "label": _("Needs recorded"),
        },
    }
