"""The kiosk screen of 我能享受哪些政策: staff read a worker's entitlements with them and print."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user

from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.models import Station, utcnow
from marketplace.rights.kiosk_view import open_entitlements

bp = Blueprint("kiosk_entitlements", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


@bp.route("/workers/<int:worker_id>/entitlements")
@at_station
def entitlements(worker_id: int, station: Station):
    """The worker page's answers and citations in large type, read-only, with a print button."""
    found = open_entitlements(current_user, station, worker_id, request.remote_addr or "")
    return render_template(
        "kiosk/entitlements.html",
        station=station,
        profile=found.profile,
        e=found.answers,
        facts=found.facts,
        courses=found.courses,
        printed_at=utcnow(),
    )
