"""Forms of the steps that prove a mobile number by a code (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

SIX_DIGITS = Regexp(r"^\s*\d{6}\s*$", message=_l("Enter the 6 digits of the code in the SMS."))


class CodeForm(FlaskForm):
    """The code sent by SMS."""

    code = StringField(_l("Code from the SMS"), validators=[DataRequired(), SIX_DIGITS])


class ForgotForm(FlaskForm):
    """The mobile number of the account whose password was forgotten."""

    mobile = StringField(_l("Mobile number"), validators=[DataRequired(), Length(max=20)])


class ResetForm(FlaskForm):
    """The code sent by SMS and the new password."""

    code = StringField(_l("Code from the SMS"), validators=[DataRequired(), SIX_DIGITS])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=128)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new", message=_l("The passwords differ."))],
    )
