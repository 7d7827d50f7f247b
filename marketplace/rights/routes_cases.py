"""安薪 pages: report unpaid wages, follow a case, respond, mediate, print a summary."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.i18n import format_local
from marketplace.models import Role, utcnow
from marketplace.rights import cases
from marketplace.rights.forms import AnswerForm, PaidForm, ReasonForm, ReportForm, StaffForm
from marketplace.security import role_required
from marketplace.work.services import worker_application

bp = Blueprint("wage_cases", __name__)


@bp.route("/applications/<int:app_id>/unpaid", methods=["GET", "POST"])
@role_required(Role.WORKER)
def report(app_id: int):
    """没有收到工资: the worker reports that a confirmed shift was not paid."""
    app = worker_application(current_user, app_id)
    form = ReportForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            case = cases.report_unpaid(current_user, app_id, form.note.data or "")
            return done(
                _("Your report is recorded. The employer and the station are told."),
                url_for("wage_cases.case", case_id=case.id),
            )
    status = 400 if form.errors or form.form_errors else 200
    return render_template("rights/report.html", form=form, app=app), status


@bp.route("/wage-cases")
@login_required
def case_list():
    """The user's wage cases (all of them for station staff)."""
    return render_template("rights/cases.html", items=cases.cases_for(current_user))


@bp.route("/wage-cases/<int:case_id>")
@login_required
def case(case_id: int):
    """One case with its evidence, every step, and the forms the viewer may use."""
    item = cases.case_for(current_user, case_id)
    return render_template(
        "rights/case.html",
        case=item,
        paid_form=PaidForm(),
        reason_form=ReasonForm(),
        answer_form=AnswerForm(),
        staff_form=StaffForm(),
        is_staff=current_user.role in cases.STAFF,
    )


@bp.route("/wage-cases/<int:case_id>/summary")
@login_required
def summary(case_id: int):
    """A printable case summary for labour arbitration."""
    now_label = format_local(utcnow())
    item = cases.case_for(current_user, case_id)
    return render_template("rights/summary.html", case=item, now_label=now_label)


def _back(case_id: int) -> str:
    return url_for("wage_cases.case", case_id=case_id)


@bp.route("/wage-cases/<int:case_id>/paid", methods=["POST"])
@role_required(Role.EMPLOYER)
def paid(case_id: int):
    """The employer says it paid."""
    form = PaidForm()
    if not form.validate_on_submit():
        flash(_("Enter the date paid."), "error")
        return redirect(_back(case_id))
    back_to(_back(case_id))
    cases.employer_paid(current_user, case_id, form.paid_on.data)
    return done(_("Your answer is recorded; the worker will confirm."))


@bp.route("/wage-cases/<int:case_id>/dispute", methods=["POST"])
@role_required(Role.EMPLOYER)
def dispute(case_id: int):
    """The employer disputes the claim."""
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Give the reason."), "error")
        return redirect(_back(case_id))
    back_to(_back(case_id))
    cases.employer_disputes(current_user, case_id, form.note.data)
    return done(_("Your answer is recorded; the worker will confirm."))


@bp.route("/wage-cases/<int:case_id>/answer", methods=["POST"])
@role_required(Role.WORKER)
def answer(case_id: int):
    """The worker agrees with the employer's answer or asks for mediation."""
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("Choose your answer."), "error")
        return redirect(_back(case_id))
    back_to(_back(case_id))
    cases.worker_answers(current_user, case_id, form.agrees.data == "yes", form.note.data or "")
    return done(_("Your answer is recorded."))


@bp.route("/wage-cases/<int:case_id>/staff", methods=["POST"])
@role_required(Role.STAFF, Role.ADMIN)
def staff(case_id: int):
    """Station staff mediate, resolve or refer to arbitration."""
    form = StaffForm()
    if not form.validate_on_submit():
        flash(_("Choose a step and write a note."), "error")
        return redirect(_back(case_id))
    back_to(_back(case_id))
    cases.staff_step(
        current_user, case_id, form.outcome.data, form.note.data, form.skip_reason.data or ""
    )
    return done(_("The step is recorded."))
