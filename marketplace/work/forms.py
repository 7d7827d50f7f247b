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
