"""Health checks for load balancers and orchestrators, and the favicon at its usual address.

No sign-in, no session cookie: these answer the same to everyone.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, send_from_directory

from marketplace.ops.health import not_ready_because

bp = Blueprint("ops", __name__)
NOT_READY = 503


@bp.route("/healthz")
def healthz():
    """200 while the process serves requests."""
    return jsonify(status="ok")


@bp.route("/readyz")
def readyz():
    """200 when the database answers and its migrations are at head; 503 with the reason."""
    reason = not_ready_because()
    if reason is not None:
        return jsonify(status="unavailable", reason=reason), NOT_READY
    return jsonify(status="ok")


@bp.route("/favicon.ico")
def favicon():
    """The site icon where browsers look for it without a link."""
    return send_from_directory(current_app.static_folder or "static", "favicon.ico")
