"""Employer pages: the profile."""

from flask import Blueprint, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace import reference
from marketplace.edge import done, refusals_shown_in
from marketplace.employers import services, trust
from marketplace.employers.forms import EmployerProfileForm
from marketplace.models import EmployerKind, Role
from marketplace.security import role_required

bp = Blueprint("employers", __name__, url_prefix="/employer")
# Every page that names a worker asks these whether the viewing employer may see names yet.
bp.add_app_template_filter(trust.shown_name, "shown_name")
bp.add_app_template_global(trust.names_shown, "names_shown")


@bp.route("/profile", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def profile():
    """Fill in or update the employer profile."""
    existing = services.profile_of(current_user)
    form = EmployerProfileForm(obj=existing if existing else None)
    form.town_id.choices = reference.town_choices()
    if existing is not None and not form.is_submitted():
        form.kind.data = existing.kind.value
        form.credit_code.data = existing.credit_code or ""
    if form.validate_on_submit():
        data = services.EmployerProfileInput(
            kind=EmployerKind(form.kind.data),
            name=form.name.data,
            credit_code=form.credit_code.data or "",
            contact_name=form.contact_name.data,
            town_id=form.town_id.data,
            address=form.address.data,
        )
        with refusals_shown_in(form):
            services.save_profile(current_user, data)
            return done(_("Your profile has been saved."), url_for("dashboard.home"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("employers/profile.html", form=form, profile=existing), status
