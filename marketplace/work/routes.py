"""Pages and actions of a shift's life: apply, decide, withdraw, attend, pay, rate."""

from __future__ import annotations

from decimal import Decimal

import segno
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.agreements.services import current_agreement
from marketplace.edge import back_to, done
from marketplace.i18n import to_local
from marketplace.models import Role, utcnow
from marketplace.security import is_safe_next, role_required
from marketplace.work import attendance, reliability, services
from marketplace.work.forms import (
    AppealForm,
    CodeForm,
    ConfirmHoursForm,
    PaymentForm,
    RatingForm,
)

bp = Blueprint("work", __name__)
QR_BORDER = 4  # the quiet zone ISO/IEC 18004 asks for, in modules


@bp.route("/shifts/<int:shift_id>/apply", methods=["POST"])
@role_required(Role.WORKER)
def apply(shift_id: int):
    """Apply to a shift."""
    back = request.form.get("back")
    back_to(back if is_safe_next(back) else url_for("dashboard.home"))
    services.apply_to_shift(current_user, shift_id)
    return done(_("Application sent."))


@bp.route("/applications/<int:app_id>/withdraw", methods=["POST"])
@role_required(Role.WORKER)
def withdraw(app_id: int):
    """Withdraw before the shift starts."""
    back_to(url_for("work.show", app_id=app_id))
    services.withdraw(current_user, app_id)
    return done(_("You have withdrawn."))


@bp.route("/applications/<int:app_id>/coming", methods=["POST"])
@role_required(Role.WORKER)
def coming(app_id: int):
    """Confirm the day before that you will come."""
    back_to(url_for("work.show", app_id=app_id))
    services.confirm_coming(current_user, app_id)
    return done(_("Thank you: the employer knows you will come."))


@bp.route("/applications/<int:app_id>/accept", methods=["POST"])
@role_required(Role.EMPLOYER)
def accept(app_id: int):
    """Accept an applicant."""
    app = services.employer_application(current_user, app_id)
    back_to(url_for("gigs.manage", gig_id=app.shift.gig_id))
    services.accept(current_user, app_id)
    return done(_("Applicant accepted."))


@bp.route("/applications/<int:app_id>/reject", methods=["POST"])
@role_required(Role.EMPLOYER)
def reject(app_id: int):
    """Decline an applicant."""
    app = services.employer_application(current_user, app_id)
    back_to(url_for("gigs.manage", gig_id=app.shift.gig_id))
    services.reject(current_user, app_id)
    return done(_("Applicant declined."))


@bp.route("/applications/<int:app_id>/no-show", methods=["POST"])
@role_required(Role.EMPLOYER)
def no_show(app_id: int):
    """Record that an accepted worker did not come."""
    back_to(url_for("work.show", app_id=app_id))
    services.mark_no_show(current_user, app_id)
    return done(_("Recorded: the worker did not come."))


def _qr_svg(app) -> str | None:
    if app.worker_id != current_user.id or app.status.value != "accepted":
        return None
    url = url_for("work.scan", token=attendance.qr_token(app), _external=True)
    code = segno.make(url, error="m")
    # Whole pixels per module, about 290 px across with the 4-module quiet zone, never below 4.
    scale = max(4, 290 // code.symbol_size(scale=1, border=QR_BORDER)[0])
    return code.svg_inline(scale=scale, border=QR_BORDER, dark="#111", light="#fff")


@bp.route("/applications/<int:app_id>")
@login_required
def show(app_id: int):
    """One application: status, attendance, pay and ratings, for the worker or the employer."""
    app = services.party_application(current_user, app_id)
    is_employer = current_user.id == app.shift.gig.employer_id
    confirm = ConfirmHoursForm(hours=Decimal(attendance.suggested_minutes(app)) / 60)
    payment = PaymentForm(amount=attendance.amount_due_fen(app), paid_on=to_local(utcnow()).date())
    return render_template(
        "work/show.html",
        app=app,
        is_employer=is_employer,
        code_form=CodeForm(),
        confirm_form=confirm,
        payment_form=payment,
        rating_form=RatingForm(),
        qr_svg=_qr_svg(app),
        agreement=current_agreement(app),
        amount_due=attendance.amount_due_fen(app),
        rated=any(r.rater_id == current_user.id for r in app.ratings),
        now=utcnow(),
        appeal_form=AppealForm(),
        may_appeal=reliability.may_appeal(app),
        appeal_deadline=reliability.appeal_deadline(app) if app.decided_at else None,
        rule=reliability.rule(),
    )


@bp.route("/applications/<int:app_id>/check", methods=["POST"])
@role_required(Role.WORKER)
def check(app_id: int):
    """Check in (or out) with the employer's code."""
    form = CodeForm()
    back = url_for("work.show", app_id=app_id)
    back_to(back)
    if not form.validate_on_submit():
        flash(_("Enter the code the employer shows."), "error")
        return redirect(back)
    attendance.check_with_code(current_user, app_id, form.code.data)
    return done(_("Recorded. Thank you."))


@bp.route("/scan/<token>", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def scan(token: str):
    """The employer scanned a worker's QR code: confirm their check-in or check-out."""
    scanned = attendance.scanned(current_user, token)  # another employer's code: 403
    if scanned.problem is not None:
        flash(scanned.problem.translated(), "error")
        return redirect(url_for("dashboard.home"))
    if request.method == "POST":
        back_to(url_for("work.show", app_id=scanned.app.id))
        attendance.check_by_scan(current_user, token)
        return done(_("Recorded. Thank you."))
    return render_template("work/scan.html", app=scanned.app, token=token)


@bp.route("/applications/<int:app_id>/confirm", methods=["POST"])
@role_required(Role.EMPLOYER)
def confirm(app_id: int):
    """Confirm the hours worked."""
    form = ConfirmHoursForm()
    back = url_for("work.show", app_id=app_id)
    back_to(back)
    if not form.validate_on_submit():
        flash(_("Enter the hours worked, between 0.01 and 24."), "error")
        return redirect(back)
    attendance.confirm_hours(current_user, app_id, int(form.hours.data * 60))
    return done(_("Hours confirmed."))


@bp.route("/applications/<int:app_id>/pay", methods=["POST"])
@role_required(Role.EMPLOYER)
def pay(app_id: int):
    """Record the payment."""
    form = PaymentForm()
    back = url_for("work.show", app_id=app_id)
    back_to(back)
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
        return redirect(back)
    attendance.record_payment(current_user, app_id, form.amount.data, form.paid_on.data)
    return done(_("Payment recorded."))


@bp.route("/applications/<int:app_id>/rate", methods=["POST"])
@login_required
def rate(app_id: int):
    """Rate the other party."""
    form = RatingForm()
    back = url_for("work.show", app_id=app_id)
    back_to(back)
    if not form.validate_on_submit():
        flash(_("Choose 1 to 5 stars."), "error")
        return redirect(back)
    attendance.rate(current_user, app_id, form.stars.data, form.comment.data or "")
    return done(_("Thank you for your rating."))
