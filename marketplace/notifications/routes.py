"""The inbox page."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from marketplace.notifications import services

bp = Blueprint("notifications", __name__, url_prefix="/inbox")


@bp.route("/")
@login_required
def inbox():
    """The user's notifications, newest first."""
    notes = services.inbox(current_user)
    return render_template(
        "notifications/inbox.html",
        notes=[(n, services.text_of(n)) for n in notes],
    )


@bp.route("/read", methods=["POST"])
@login_required
def read_all():
    """Mark every notification read."""
    services.mark_all_read(current_user)
    return redirect(url_for("notifications.inbox"))
