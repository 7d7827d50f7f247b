"""Pages that prove a mobile number by a code sent by SMS: finish a sign-up, reset a password."""

from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from marketplace.accounts import codes, sessions
from marketplace.accounts.forms_codes import CodeForm, ForgotForm, ResetForm
from marketplace.edge import back_to, done, refusals_shown_in
from marketplace.errors import N_
from marketplace.models import CodePurpose, Role
from marketplace.policy.identity import mask_mobile
from marketplace.throttle import client_address, limiter, setting

bp = Blueprint("codes", __name__, url_prefix="/account")

# The session holds which waiting sign-up or reset this browser started (a row id, no secret).
SIGNUP_CODE = "signup_code"
RESET_CODE = "reset_code"
RESET_SENT = N_("If this number has an account, we have sent it a code by SMS.")
# Every code sent or entered from one address counts against one limit, whichever the page.
per_address = limiter.shared_limit(setting("CODES_PER_ADDRESS"), scope="codes", methods=["POST"])


def _status(form) -> int:
    return 400 if form.errors else 200  # form.errors holds the refusals shown too


@bp.route("/signup/verify", methods=["GET", "POST"])
@per_address
def signup_verify():
    """Enter the code sent by SMS: only now is the account created and signed in."""
    row = codes.waiting(session.get(SIGNUP_CODE), CodePurpose.SIGNUP)
    if row is None:
        flash(_("Please fill in the sign-up form first."), "warning")
        return redirect(url_for("accounts.signup"))
    form = CodeForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            check = codes.finish_signup(row.id, form.code.data)
            if check.user is None:
                form.form_errors.append(check.refusal.translated())
            else:
                sessions.start(check.user)
                worker = check.user.role == Role.WORKER
                profile = "workers.profile" if worker else "employers.profile"
                return done(_("Welcome! Please complete your profile."), url_for(profile))
    page = render_template("accounts/signup_verify.html", form=form, mobile=mask_mobile(row.mobile))
    return page, _status(form)


@bp.route("/signup/resend", methods=["POST"])
@per_address
def signup_resend():
    """Send the waiting sign-up a new code (the hourly cap still holds)."""
    sent = _("A new code is on its way.")
    return _resend(SIGNUP_CODE, CodePurpose.SIGNUP, "accounts.signup", "codes.signup_verify", sent)


@bp.route("/forgot", methods=["GET", "POST"])
@per_address
def forgot():
    """Forgot the password: a code goes by SMS to the account's mobile."""
    form = ForgotForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            row = codes.start_reset(form.mobile.data, str(get_locale()))
            session[RESET_CODE] = row.id
            return done(_(RESET_SENT), url_for("codes.forgot_verify"))
    return render_template("accounts/forgot.html", form=form), _status(form)


@bp.route("/forgot/verify", methods=["GET", "POST"])
@per_address
def forgot_verify():
    """Enter the code sent by SMS and a new password; every session of the account ends."""
    row = codes.waiting(session.get(RESET_CODE), CodePurpose.RESET)
    if row is None:
        return redirect(url_for("codes.forgot"))
    form = ResetForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            check = codes.finish_reset(row.id, form.code.data, form.new.data, client_address())
            if check.user is None:
                form.form_errors.append(check.refusal.translated())
            else:
                session.pop(RESET_CODE, None)
                message = _("Your password has been changed. Please sign in with it.")
                return done(message, url_for("accounts.login"))
    page = render_template("accounts/forgot_verify.html", form=form, mobile=mask_mobile(row.mobile))
    return page, _status(form)


@bp.route("/forgot/resend", methods=["POST"])
@per_address
def forgot_resend():
    """Send a new reset code, answering as the first time did (the hourly cap still holds)."""
    return _resend(
        RESET_CODE, CodePurpose.RESET, "codes.forgot", "codes.forgot_verify", _(RESET_SENT)
    )


def _resend(key: str, purpose: CodePurpose, start: str, verify: str, message: str):
    """A new code for the sign-up or reset this browser waits on, then its code page again.

    Without one (or when it is finished), back to the page that starts one.
    """
    back_to(url_for(verify))
    row = codes.resend(session.get(key) or 0, purpose)
    if row is None:
        return redirect(url_for(start))
    session[key] = row.id
    return done(message, url_for(verify))
