"""The dashboard each role lands on after signing in."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from marketplace.dashboard import services
from marketplace.dashboard.seasons import season_notes
from marketplace.employers.services import profile_of as employer_profile
from marketplace.i18n import to_local
from marketplace.matchmaking.services import invitations, recommend_gigs
from marketplace.models import Role, utcnow
from marketplace.workers.services import profile_of as worker_profile

bp = Blueprint("dashboard", __name__)


@bp.route("/dashboard")
@login_required
def home():
    """Show the dashboard that fits the user's role."""
    if current_user.role == Role.WORKER:
        profile = worker_profile(current_user)
        if profile is None:
            return redirect(url_for("workers.profile"))
        recommended = recommend_gigs(current_user)
        return render_template(
            "dashboard/worker.html",
            profile=profile,
            board=services.worker_board(current_user),
            recommended=recommended,
            invites=invitations(current_user),
            seasons=season_notes(profile, to_local(utcnow()).date()),
        )
    if current_user.role == Role.EMPLOYER:
        profile = employer_profile(current_user)
        if profile is None:
            return redirect(url_for("employers.profile"))
        return render_template(
            "dashboard/employer.html",
            profile=profile,
            board=services.employer_board(current_user),
        )
    return render_template("dashboard/staff.html", counts=services.market_counts())
