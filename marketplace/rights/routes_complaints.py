"""Complaint pages: file, follow, answer, reply, and staff mediation."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import or_, select

from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.i18n import format_local
from marketplace.models import Application, AppStatus, ComplaintCategory, Gig, Shift, db
from marketplace.rights import complaints
from marketplace.rights.cases import STAFF
from marketplace.rights.forms import AnswerForm, ComplaintForm, ReasonForm, StaffForm

bp = Blueprint("complaints", __name__)


def _my_shifts() -> list[tuple[int, str]]:
    """The accepted shifts the user took part in, for the form's choices."""
    apps = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .join(Gig, Gig.id == Shift.gig_id)
        .where(
            Application.status == AppStatus.ACCEPTED,
            or_(Application.worker_id == current_user.id, Gig.employer_id == current_user.id),
        )
        .order_by(Shift.starts_at.desc())
        .limit(100)
    )
    return [
        (a.id, f"{a.shift.gig.title} · {a.worker.real_name} · {format_local(a.shift.starts_at)}")
        for a in apps
    ]


@bp.route("/complaints")
@login_required
def complaint_list():
    """The user's complaints (all of them for station staff)."""
    return render_template("rights/complaints.html", items=complaints.complaints_for(current_user))


@bp.route("/complaints/new", methods=["GET", "POST"])
@login_required
def complaint_new():
    """File a complaint about a shift (staff may file for either party)."""
    is_staff = current_user.role in STAFF
    form = ComplaintForm()
    form.application_id.choices = [] if is_staff else _my_shifts()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            item = complaints.file_complaint(
                current_user,
                form.application_id.data,
                form.against.data,
                ComplaintCategory(form.category.data),
                form.description.data,
                form.on_behalf_of.data if is_staff else None,
            )
            return done(
                _("Your complaint is filed. The other party and the station are told."),
                url_for("complaints.complaint", complaint_id=item.id),
            )
    status = 400 if form.errors or form.form_errors else 200
    return render_template("rights/complaint_new.html", form=form, is_staff=is_staff), status


@bp.route("/complaints/<int:complaint_id>")
@login_required
def complaint(complaint_id: int):
    """One complaint with every step, and the forms the viewer may use."""
    item = complaints.complaint_for(current_user, complaint_id)
    return render_template(
        "rights/complaint.html",
        item=item,
        reason_form=ReasonForm(),
        answer_form=AnswerForm(),
        staff_form=StaffForm(),
        is_staff=current_user.role in STAFF,
    )


def _back(complaint_id: int) -> str:
    return url_for("complaints.complaint", complaint_id=complaint_id)


@bp.route("/complaints/<int:complaint_id>/respond", methods=["POST"])
@login_required
def complaint_respond(complaint_id: int):
    """The respondent answers."""
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Write your answer."), "error")
        return redirect(_back(complaint_id))
    back_to(_back(complaint_id))
    complaints.respond(current_user, complaint_id, form.note.data)
    return done(_("Your answer is recorded."))


@bp.route("/complaints/<int:complaint_id>/reply", methods=["POST"])
@login_required
def complaint_reply(complaint_id: int):
    """The complainant accepts the answer or asks for mediation."""
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("Choose your answer."), "error")
        return redirect(_back(complaint_id))
    back_to(_back(complaint_id))
    complaints.complainant_replies(
        current_user, complaint_id, form.agrees.data == "yes", form.note.data or ""
    )
    return done(_("Your answer is recorded."))


@bp.route("/complaints/<int:complaint_id>/staff", methods=["POST"])
@login_required
def complaint_staff(complaint_id: int):
    """Station staff mediate, resolve or refer to arbitration."""
    form = StaffForm()
    if not form.validate_on_submit():
        flash(_("Choose a step and write a note."), "error")
        return redirect(_back(complaint_id))
    back_to(_back(complaint_id))
    complaints.staff_step(current_user, complaint_id, form.outcome.data, form.note.data)
    return done(_("The step is recorded."))
