"""Worker pages: the profile and the QR code employers scan."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace import reference
from marketplace.errors import DomainError
from marketplace.models import Hukou, Role, db
from marketplace.security import role_required
from marketplace.workers import services
from marketplace.workers.forms import WorkerProfileForm

bp = Blueprint("workers", __name__, url_prefix="/worker")


def _fill_choices(form: WorkerProfileForm) -> None:
    form.town_id.choices = reference.town_choices()
    form.skills.choices = reference.skill_choices()
    form.seasons.choices = reference.season_choices()


def _load(form: WorkerProfileForm, profile) -> None:
    form.real_name.data = profile.real_name
    form.hukou.data = profile.hukou.value
    form.residence_permit_since.data = profile.residence_permit_since
    form.town_id.data = profile.town_id
    form.max_travel_km.data = profile.max_travel_km
    form.skills.data = [s.id for s in profile.skills]
    form.skills_text.data = profile.skills_text
    form.expected_daily_pay.data = profile.expected_daily_pay_fen
    form.weekdays.data = [d for d in range(7) if profile.works_on(d)]
    form.seasons.data = [s.id for s in profile.seasons]
    form.available_from.data = profile.available_from
    form.available_until.data = profile.available_until


def _input(form: WorkerProfileForm) -> services.WorkerProfileInput:
    return services.WorkerProfileInput(
        real_name=form.real_name.data,
        id_number=form.id_number.data or "",
        hukou=Hukou(form.hukou.data),
        town_id=form.town_id.data,
        max_travel_km=form.max_travel_km.data,
        residence_permit_since=form.residence_permit_since.data,
        skill_ids=form.skills.data or [],
        skills_text=form.skills_text.data or "",
        expected_daily_pay_fen=form.expected_daily_pay.data,
        weekdays=form.weekdays.data or [],
        season_ids=form.seasons.data or [],
        available_from=form.available_from.data,
        available_until=form.available_until.data,
    )


@bp.route("/profile", methods=["GET", "POST"])
@role_required(Role.WORKER)
def profile():
    """Fill in or update the worker profile."""
    existing = services.profile_of(current_user)
    form = WorkerProfileForm()
    _fill_choices(form)
    if form.validate_on_submit():
        try:
            services.save_profile(current_user, _input(form))
        except DomainError as exc:
            db.session.rollback()
            form.form_errors.append(exc.translated())
        else:
            db.session.commit()
            flash(_("Your profile has been saved."), "success")
            return redirect(url_for("dashboard.home"))
    elif not form.is_submitted() and existing is not None:
        _load(form, existing)
    status = 400 if form.errors or form.form_errors else 200
    return render_template(
        "workers/profile.html",
        form=form,
        profile=existing,
        categories=reference.categories(),
    ), status
