"""Forms for verifying employers at the kiosk (shape only; the rules live in verification)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from marketplace.employers.verification import REASON_MAX, CreditCheck


class ApproveForm(FlaskForm):
    """Approve a waiting employer (the CSRF token is the whole form)."""


class RejectForm(FlaskForm):
    """Reject a waiting employer with a reason the employer will read."""

    reason = TextAreaField(
        _l("Reason (the employer sees this)"),
        validators=[
            DataRequired(_l("Write the reason for the rejection: the employer sees it.")),
            Length(max=REASON_MAX),
        ],
    )


CHECK_TEXT = {
    CreditCheck.VALID: _l("Credit code passes the GB 32100 check"),
    CreditCheck.NOT_NEEDED: _l("No credit code needed (individual or household)"),
    CreditCheck.MISSING: _l("Credit code missing: companies and platforms need one"),
    CreditCheck.INVALID: _l("Credit code fails the GB 32100 check"),
}
