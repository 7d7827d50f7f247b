"""Accidents on a shift: report one, follow the steps of work-injury recognition, staff's list."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.edge import done, refusals_shown_in
from marketplace.i18n import local_to_utc, to_local
from marketplace.kiosk.access import STAFF, at_station
from marketplace.models import Station, utcnow
from marketplace.rights import accidents
from marketplace.rights.forms_accidents import AccidentForm, AppliedForm, CloseForm
from marketplace.security import role_required
from marketplace.work.services import party_application

bp = Blueprint("accidents", __name__)


@bp.route("/applications/<int:app_id>/accident", methods=["GET", "POST"])
@login_required
def report(app_id: int):
    """The worker, the employer or staff report an accident on the shift."""
    if current_user.role not in STAFF:
        party_application(current_user, app_id)  # only its parties, or staff
    form = AccidentForm()
    if request.method == "GET":
        now = to_local(utcnow())
        form.day.data, form.time.data = now.date(), now.time().replace(second=0, microsecond=0)
    if form.validate_on_submit():
        with refusals_shown_in(form):
            when = local_to_utc(datetime.combine(form.day.data, form.time.data))
            made = accidents.report(
                current_user, app_id, when, form.description.data, form.injured.data
            )
            return done(
                _("The accident was reported."), url_for("accidents.show", report_id=made.id)
            )
    status = 400 if form.errors or form.form_errors else 200
    return render_template("rights/accident_new.html", form=form, app_id=app_id), status


@bp.route("/accidents/<int:report_id>")
@login_required
def show(report_id: int):
    """The report, its cover, and each step with its deadline and source."""
    found = accidents.open_report(current_user, report_id, request.remote_addr or "")
    return render_template(
        "rights/accident.html",
        report=found,
        steps=accidents.steps(found),
        applied_form=AppliedForm(),
        close_form=CloseForm(),
        is_staff=current_user.role in STAFF,
    )


@bp.route("/accidents/<int:report_id>/applied", methods=["POST"])
@login_required
def applied(report_id: int):
    """Record the day the employer (or the worker) applied for work-injury recognition."""
    form = AppliedForm()
    shown = url_for("accidents.show", report_id=report_id)
    if not form.validate_on_submit():
        raise accidents.BadApplicationDate()
    accidents.record_application(current_user, report_id, form.applied_on.data)
    return done(_("Recorded."), shown)


@bp.route("/accidents/<int:report_id>/close", methods=["POST"])
@role_required(*STAFF)
def close(report_id: int):
    """Staff close a settled report, saying how."""
    form = CloseForm()
    if not form.validate_on_submit():
        raise accidents.DescribeAccident(n=accidents.MAX_TEXT)
    accidents.close(current_user, report_id, form.note.data)
    return done(_("The report is closed."), url_for("accidents.show", report_id=report_id))


@bp.route("/kiosk/accidents")
@at_station
def staff_list(station: Station):
    """Open accident reports, oldest accident first."""
    return render_template(
        "kiosk/accidents.html", station=station, reports=accidents.open_reports()
    )


bp.add_app_template_global(accidents.shift_cover, "shift_cover")
