"""Pages and actions of a shift's life: apply, decide, withdraw, attend, pay, rate."""

from __future__ import annotations

from decimal import Decimal

import segno
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.actions import run_action
from marketplace.errors import DomainError, Forbidden, NotFound
from marketplace.i18n import to_local
from marketplace.models import Role, utcnow
from marketplace.security import role_required
from marketplace.work import attendance, services
from marketplace.work.forms import CodeForm, ConfirmHoursForm, PaymentForm, RatingForm

bp = Blueprint("work", __name__)


def _load(app_id: int, loader=services.party_application):
    try:
        return loader(current_user, app_id)
    except NotFound:
        abort(404)
    except Forbidden:
        abort(403)


@bp.route("/shifts/<int:shift_id>/apply", methods=["POST"])
@role_required(Role.WORKER)
def apply(shift_id: int):
    """Apply to a shift."""
    back = request.form.get("back") or url_for("dashboard.home")
    if not back.startswith("/"):
        back = url_for("dashboard.home")
    return run_action(services.apply_to_shift, shift_id, success=_("Application sent."), back=back)


@bp.route("/applications/<int:app_id>/withdraw", methods=["POST"])
@role_required(Role.WORKER)
def withdraw(app_id: int):
    """Withdraw before the shift starts."""
    return run_action(
        services.withdraw,
        app_id,
        success=_("You have withdrawn."),
        back=url_for("work.show", app_id=app_id),
    )


@bp.route("/applications/<int:app_id>/coming", methods=["POST"])
@role_required(Role.WORKER)
def coming(app_id: int):
    """Confirm the day before that you will come."""
    return run_action(
        services.confirm_coming,
        app_id,
        success=_("Thank you: the employer knows you will come."),
        back=url_for("work.show", app_id=app_id),
    )


@bp.route("/applications/<int:app_id>/accept", methods=["POST"])
@role_required(Role.EMPLOYER)
def accept(app_id: int):
    """Accept an applicant."""
    app = _load(app_id, services.employer_application)
    return run_action(
        services.accept,
        app_id,
        success=_("Applicant accepted."),
        back=url_for("gigs.manage", gig_id=app.shift.gig_id),
    )


@bp.route("/applications/<int:app_id>/reject", methods=["POST"])
@role_required(Role.EMPLOYER)
def reject(app_id: int):
    """Decline an applicant."""
    app = _load(app_id, services.employer_application)
    return run_action(
        services.reject,
        app_id,
        success=_("Applicant declined."),
        back=url_for("gigs.manage", gig_id=app.shift.gig_id),
    )


def _qr_svg(app) -> str | None:
    if app.worker_id != current_user.id or app.status.value != "accepted":
        return None
    url = url_for("work.scan", token=attendance.qr_token(app), _external=True)
    return segno.make(url, error="m").svg_inline(scale=5, dark="#111", light="#fff")


@bp.route("/applications/<int:app_id>")
@login_required
def show(app_id: int):
    """One application: status, attendance, pay and ratings, for the worker or the employer."""
    app = _load(app_id)
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
        amount_due=attendance.amount_due_fen(app),
        rated=any(r.rater_id == current_user.id for r in app.ratings),
        now=utcnow(),
    )


@bp.route("/applications/<int:app_id>/check", methods=["POST"])
@role_required(Role.WORKER)
def check(app_id: int):
    """Check in (or out) with the employer's code."""
    form = CodeForm()
    back = url_for("work.show", app_id=app_id)
    if not form.validate_on_submit():
        flash(_("Enter the code the employer shows."), "error")
        return redirect(back)
    return run_action(
        attendance.check_with_code,
        app_id,
        form.code.data,
        success=_("Recorded. Thank you."),
        back=back,
    )


@bp.route("/scan/<token>", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def scan(token: str):
    """The employer scanned a worker's QR code: confirm their check-in or check-out."""
    try:
        app = attendance.application_from_token(current_user, token)
    except (NotFound, Forbidden):
        abort(403)
    except DomainError as exc:
        flash(exc.translated(), "error")
        return redirect(url_for("dashboard.home"))
    if request.method == "POST":
        return run_action(
            attendance.check_by_scan,
            token,
            success=_("Recorded. Thank you."),
            back=url_for("work.show", app_id=app.id),
        )
    return render_template("work/scan.html", app=app, token=token)


@bp.route("/applications/<int:app_id>/confirm", methods=["POST"])
@role_required(Role.EMPLOYER)
def confirm(app_id: int):
    """Confirm the hours worked."""
    form = ConfirmHoursForm()
    back = url_for("work.show", app_id=app_id)
    if not form.validate_on_submit():
        flash(_("Enter the hours worked, between 0.01 and 24."), "error")
        return redirect(back)
    minutes = int(form.hours.data * 60)
    return run_action(
        attendance.confirm_hours, app_id, minutes, success=_("Hours confirmed."), back=back
    )


@bp.route("/applications/<int:app_id>/pay", methods=["POST"])
@role_required(Role.EMPLOYER)
def pay(app_id: int):
    """Record the payment."""
    form = PaymentForm()
    back = url_for("work.show", app_id=app_id)
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
        return redirect(back)
    return run_action(
        attendance.record_payment,
        app_id,
        form.amount.data,
        form.paid_on.data,
        success=_("Payment recorded."),
        back=back,
    )


@bp.route("/applications/<int:app_id>/rate", methods=["POST"])
@login_required
def rate(app_id: int):
    """Rate the other party."""
    form = RatingForm()
    back = url_for("work.show", app_id=app_id)
    if not form.validate_on_submit():
        flash(_("Choose 1 to 5 stars."), "error")
        return redirect(back)
    return run_action(
        attendance.rate,
        app_id,
        form.stars.data,
        form.comment.data or "",
        success=_("Thank you for your rating."),
        back=back,
    )
