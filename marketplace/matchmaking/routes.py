"""Candidate lists for employers and invitations."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.edge import back_to, done
from marketplace.gigs.search import upcoming_shifts
from marketplace.gigs.services import owned_gig
from marketplace.matchmaking import services
from marketplace.models import Role
from marketplace.security import role_required

bp = Blueprint("matchmaking", __name__)


@bp.route("/gigs/<int:gig_id>/candidates")
@role_required(Role.EMPLOYER)
def candidates(gig_id: int):
    """推荐人选: workers ranked for the gig, with reasons and an invite button."""
    gig = owned_gig(current_user, gig_id)
    ranked = services.candidates(current_user, gig)
    return render_template(
        "matchmaking/candidates.html", gig=gig, ranked=ranked, shifts=upcoming_shifts(gig)
    )


@bp.route("/gigs/<int:gig_id>/invite", methods=["POST"])
@role_required(Role.EMPLOYER)
def invite(gig_id: int):
    """Invite a ranked worker to one of the gig's shifts."""
    back = url_for("matchmaking.candidates", gig_id=gig_id)
    back_to(back)
    shift_id = request.form.get("shift_id", type=int)
    worker_id = request.form.get("worker_id", type=int)
    if not shift_id or not worker_id:
        flash(_("Choose a shift to invite the worker to."), "error")
        return redirect(back)
    services.invite(current_user, shift_id, worker_id)
    return done(_("Invitation sent."))
