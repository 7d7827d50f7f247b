"""Sign-up and sign-in forms (shape only; rules live in services)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from marketplace.models import Role


class SignupForm(FlaskForm):
    """A new account: mobile, password and whether the person seeks or offers work."""

    role = RadioField(
        _l("I want to"),
        choices=[(Role.WORKER.value, _l("find work")), (Role.EMPLOYER.value, _l("hire workers"))],
        default=Role.WORKER.value,
        validators=[DataRequired()],
    )
    display_name = StringField(_l("Name shown to others"), validators=[Length(max=40)])
    mobile = StringField(_l("Mobile number"), validators=[DataRequired(), Length(max=20)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class LoginForm(FlaskForm):
    """Sign in with mobile number and password."""

    mobile = StringField(_l("Mobile number"), validators=[DataRequired(), Length(max=20)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])


class PasswordForm(FlaskForm):
    """Change the password."""

    old = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=128)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new", message=_l("The passwords differ."))],
    )
