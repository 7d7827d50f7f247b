"""My shifts in my calendar: a secret ICS link (renewable), and the shifts that clash."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from marketplace.models import Role
from marketplace.security import role_required
from marketplace.work import calendar

bp = Blueprint("calendar", __name__)


@bp.route("/my/calendar")
@role_required(Role.WORKER)
def page():
    """How to add the shifts to a phone's calendar, and any clashes."""
    return render_template(
        "work/calendar.html",
        link=None,
        has_feed=calendar.has_feed(current_user),
        clashes=calendar.clashes(current_user),
    )


@bp.route("/my/calendar/renew", methods=["POST"])
@role_required(Role.WORKER)
def renew():
    """A new secret link, shown once; the old one stops working."""
    token = calendar.renew(current_user)
    link = request.url_root.rstrip("/") + f"/calendar/{token}.ics"
    return render_template(
        "work/calendar.html", link=link, has_feed=True, clashes=calendar.clashes(current_user)
    )


@bp.route("/calendar/<token>.ics")
def feed(token: str):
    """The feed a calendar app fetches: no sign-in, the secret link is the key."""
    worker_id = calendar.worker_of(token)
    if worker_id is None:
        abort(404)
    body = calendar.ics(worker_id, request.host)
    return Response(
        body,
        mimetype="text/calendar",
        headers={
            "Content-Disposition": 'inline; filename="shifts.ics"',
            "Cache-Control": "no-store",
        },
    )
