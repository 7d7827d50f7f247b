"""Forms used during and after a shift (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from marketplace.fields import FiniteDecimalField, YuanField, coerce_id


class CodeForm(FlaskForm):
    """The six-digit code the employer shows on the day."""

    code = StringField(_l("Code from the employer"), validators=[DataRequired(), Length(4, 8)])


class ConfirmHoursForm(FlaskForm):
    """Hours worked, as the employer confirms them."""

    hours = FiniteDecimalField(
        _l("Hours worked"), places=2, validators=[DataRequired(), NumberRange(0.01, 24)]
    )


class PaymentForm(FlaskForm):
    """What was paid and when."""

    amount = YuanField(_l("Amount paid (yuan)"), validators=[DataRequired()])
    paid_on = DateField(_l("Date paid"), validators=[DataRequired()])


class RatingForm(FlaskForm):
    """Stars and a comment."""

    stars = RadioField(
        _l("Stars"),
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        coerce=coerce_id,
        validators=[DataRequired()],
    )
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=500)])


APPEAL_REASONS = [
    ("illness", _l("I was ill or injured")),
    ("weather", _l("The weather stopped the work or the journey (e.g. a typhoon)")),
    ("emergency", _l("A family emergency")),
    ("employer", _l("The employer changed or cancelled the work, or sent me away")),
    ("came", _l("I came, but was not checked in")),
    ("other", _l("Something else (say what)")),
]


class AppealForm(FlaskForm):
    """The worker's reason for not coming."""

    reason = RadioField(
        _l("Why could you not come?"), choices=APPEAL_REASONS, validators=[DataRequired()]
    )
    explanation = TextAreaField(
        _l("What happened (the station staff read this)"), validators=[Optional(), Length(max=1000)]
    )


class AppealDecisionForm(FlaskForm):
    """Station staff decide an appeal."""

    outcome = RadioField(
        _l("Decision"),
        choices=[
            ("overturned", _l("Accept the reason: the no-show does not count")),
            ("upheld", _l("The no-show stands")),
        ],
        validators=[DataRequired()],
    )
    note = TextAreaField(
        _l("Reason for the decision"), validators=[DataRequired(), Length(max=1000)]
    )
