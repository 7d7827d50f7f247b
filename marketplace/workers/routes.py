"""Worker pages: the profile."""

from flask import Blueprint, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace import reference
from marketplace.edge import done, refusals_shown_in
from marketplace.models import Role
from marketplace.security import role_required
from marketplace.workers import services
from marketplace.workers.forms import (
    WorkerProfileForm,
    fill_profile_choices,
    load_profile,
    profile_input,
)

bp = Blueprint("workers", __name__, url_prefix="/worker")


@bp.route("/profile", methods=["GET", "POST"])
@role_required(Role.WORKER)
def profile():
    """Fill in or update the worker profile."""
    existing = services.profile_of(current_user)
    form = WorkerProfileForm()
    fill_profile_choices(form)
    if form.validate_on_submit():
        with refusals_shown_in(form):
            services.save_profile(current_user, profile_input(form))
            return done(_("Your profile has been saved."), url_for("dashboard.home"))
    elif not form.is_submitted() and existing is not None:
        load_profile(form, existing)
    status = 400 if form.errors or form.form_errors else 200
    return render_template(
        "workers/profile.html",
        form=form,
        profile=existing,
        categories=reference.categories(),
    ), status
