"""Account pages: sign up, sign in, sign out, change password."""

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from marketplace.accounts import services
from marketplace.accounts.forms import LoginForm, PasswordForm, SignupForm
from marketplace.errors import DomainError
from marketplace.models import Role, db
from marketplace.security import is_safe_next

bp = Blueprint("accounts", __name__, url_prefix="/account")

# Pages a person holding a one-time password may still open before changing it.
OPEN_WITH_ONE_TIME_PASSWORD = {"accounts.password", "accounts.logout", "static"}


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
def signup():
    """Create a worker or employer account."""
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = services.register(
                form.mobile.data, form.password.data, Role(form.role.data), form.display_name.data
            )
        except DomainError as exc:
            db.session.rollback()
            form.mobile.errors.append(exc.translated())
        else:
            db.session.commit()
            session.clear()
            login_user(user)
            flash(_("Welcome! Please complete your profile."), "success")
            if user.role == Role.WORKER:
                return redirect(url_for("workers.profile"))
            return redirect(url_for("employers.profile"))
    return render_template("accounts/signup.html", form=form), 200 if not form.errors else 400


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with mobile number and password."""
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.mobile.data, form.password.data)
        except DomainError as exc:
            db.session.commit()  # keep the failure count
            error = exc.translated()
        else:
            db.session.commit()
            lang = session.get("lang")
            session.clear()
            if lang:
                session["lang"] = lang
            login_user(user)
            return redirect(_after_login_target(user))
    status = 400 if error or form.errors else 200
    return render_template("accounts/login.html", form=form, error=error), status


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out."""
    logout_user()
    flash(_("You have signed out."), "success")
    return redirect(url_for("gigs.browse"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Change the password."""
    form = PasswordForm()
    first = current_user.must_change_password
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.old.data, form.new.data)
        except services.BadCredentials as exc:
            db.session.rollback()
            form.old.errors.append(exc.translated())
        except DomainError as exc:
            db.session.rollback()
            form.new.errors.append(exc.translated())
        else:
            db.session.commit()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("dashboard.home"))
    return render_template("accounts/password.html", form=form, first=first)
