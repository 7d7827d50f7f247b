"""Kiosk sign-up form: the worker profile plus login mobile and the pledge (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import DataRequired, Length

from marketplace.workers.forms import WorkerProfileForm


class AssistedSignupForm(WorkerProfileForm):
    """Everything a walk-in needs for an account, filled in with staff help."""

    mobile = StringField(
        _l("Mobile number (used to sign in)"), validators=[DataRequired(), Length(max=20)]
    )
    need_id = HiddenField()
    pledge_agreed = BooleanField(_l("I have read the pledge and I agree to it."))
    pledge_name = StringField(
        _l("Type your full name to sign the pledge"), validators=[Length(max=40)]
    )


class NewPasswordForm(FlaskForm):
    """Staff issue a new one-time password (a button; the form carries the CSRF token)."""
