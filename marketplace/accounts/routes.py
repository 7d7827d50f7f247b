"""Account pages: sign up, sign in, sign out, change password."""

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.accounts import codes, services, sessions
from marketplace.accounts.forms import LoginForm, PasswordForm, SignupForm
from marketplace.accounts.routes_codes import SIGNUP_CODE
from marketplace.edge import done, refusals_shown_in
from marketplace.models import Role
from marketplace.security import is_safe_next
from marketplace.throttle import account_key, client_address, limiter, setting

bp = Blueprint("accounts", __name__, url_prefix="/account")

# Pages a person holding a one-time password may still open before changing it.
OPEN_WITH_ONE_TIME_PASSWORD = {"accounts.password", "accounts.logout", "static"}


bp.before_app_request(sessions.end_expired_staff_session)


@bp.before_app_request
def require_new_password():
    """Someone signed in with a one-time password from a station slip must choose their own."""
    if not current_user.is_authenticated or not current_user.must_change_password:
        return None
    if request.endpoint in OPEN_WITH_ONE_TIME_PASSWORD or request.endpoint is None:
        return None
    flash(_("Please choose your own password before you go on."), "warning")
    return redirect(url_for("accounts.password"))


def _after_login_target(user) -> str:
    if user.must_change_password:
        return url_for("accounts.password")
    target = request.args.get("next")
    if is_safe_next(target):
        return target
    return url_for("dashboard.home")


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(setting("SIGNUP_PER_ADDRESS"), methods=["POST"])
def signup():
    """Start a worker or employer account: a code goes by SMS to the mobile number."""
    form = SignupForm()
    if form.validate_on_submit():
        with refusals_shown_in(form):
            pending = codes.start_signup(
                form.mobile.data,
                form.password.data,
                Role(form.role.data),
                form.display_name.data,
                str(get_locale()),
            )
            session[SIGNUP_CODE] = pending.id
            return done(_("The code is on its way."), url_for("codes.signup_verify"))
    return render_template("accounts/signup.html", form=form), 200 if not form.errors else 400


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(setting("SIGNIN_PER_ADDRESS"), methods=["POST"])
def login():
    """Sign in with mobile number and password."""
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        attempt = services.authenticate(form.mobile.data, form.password.data, client_address())
        if attempt.user is None:
            error = attempt.refusal.translated()
            if attempt.retry_after:
                page = render_template("accounts/login.html", form=form, error=error)
                return page, 429, {"Retry-After": str(attempt.retry_after)}
        else:
            sessions.start(attempt.user)
            return redirect(_after_login_target(attempt.user))
    status = 400 if error or form.errors else 200
    return render_template("accounts/login.html", form=form, error=error), status


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out; every other session of the account ends as well."""
    sessions.sign_out()
    flash(_("You have signed out."), "success")
    return redirect(url_for("gigs.browse"))


@bp.route("/sessions/end", methods=["POST"])
@login_required
def end_sessions():
    """Sign out everywhere: a lost phone or a kiosk left signed in stops working at once."""
    sessions.sign_out()
    flash(_("You have been signed out on every device."), "success")
    return redirect(url_for("accounts.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(setting("PASSWORD_CHANGE_PER_ACCOUNT"), key_func=account_key, methods=["POST"])
def password():
    """Change the password."""
    form = PasswordForm()
    first = current_user.must_change_password
    if form.validate_on_submit():
        with refusals_shown_in(form):
            services.change_password(current_user, form.old.data, form.new.data)
            sessions.end_everywhere(current_user)
            sessions.keep_this_session(current_user)
            return done(_("Your password has been changed."), url_for("dashboard.home"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("accounts/password.html", form=form, first=first), status
