"""Verifying employers at the kiosk: the queue, one employer's details, approve or reject."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.edge import back_to, done
from marketplace.employers import verification
from marketplace.employers.forms_verification import CHECK_TEXT, ApproveForm, RejectForm
from marketplace.kiosk.access import at_station, sign_out_idle_kiosk
from marketplace.models import Station, Verification

bp = Blueprint("verification", __name__, url_prefix="/kiosk")
bp.before_request(sign_out_idle_kiosk)


@bp.app_template_filter("credit_check")
def credit_check_text(check: verification.CreditCheck) -> str:
    """The translated words for a credit-code check result."""
    return str(CHECK_TEXT[check])


@bp.route("/employers")
@at_station
def employers(station: Station):
    """Employers waiting for verification, oldest first, with their credit-code check."""
    return render_template("kiosk/employers.html", station=station, rows=verification.queue())


def _detail_page(station, employer_id: int, reject_form: RejectForm | None = None, status=200):
    """The employer's page with the decision forms; each view is audit-logged (kept at the end)."""
    found = verification.detail(current_user, station, employer_id, request.remote_addr or "")
    page = render_template(
        "kiosk/employer.html",
        station=station,
        found=found,
        pending=found.profile.verification == Verification.PENDING,
        recent_days=verification.RECENT_GIGS_DAYS,
        approve_form=ApproveForm(),
        reject_form=reject_form or RejectForm(formdata=None),
    )
    return page, status


@bp.route("/employers/<int:employer_id>")
@at_station
def employer(employer_id: int, station: Station):
    """One employer's details, check result and gigs, with approve and reject."""
    return _detail_page(station, employer_id)


@bp.route("/employers/<int:employer_id>/approve", methods=["POST"])
@at_station
def approve_employer(employer_id: int, station: Station):
    """Mark the employer verified; the employer is told."""
    if not ApproveForm().validate_on_submit():
        abort(400)
    back_to(url_for("verification.employer", employer_id=employer_id))
    profile = verification.approve(current_user, station, employer_id, request.remote_addr or "")
    return done(
        _("%(name)s is now a verified employer.", name=profile.name),
        url_for("verification.employers"),
    )


@bp.route("/employers/<int:employer_id>/reject", methods=["POST"])
@at_station
def reject_employer(employer_id: int, station: Station):
    """Refuse the employer with a reason; the employer sees it on their profile and inbox."""
    form = RejectForm()
    if not form.validate_on_submit():
        return _detail_page(station, employer_id, reject_form=form, status=400)
    back_to(url_for("verification.employer", employer_id=employer_id))
    profile = verification.reject(
        current_user, station, employer_id, form.reason.data, request.remote_addr or ""
    )
    return done(
        _("%(name)s was not verified; the employer was told the reason.", name=profile.name),
        url_for("verification.employers"),
    )
