"""The worker profile form (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from marketplace.fields import CheckboxListField, YuanField
from marketplace.labels import choices
from marketplace.models import Hukou

WEEKDAY_LABELS = [_l("Mon"), _l("Tue"), _l("Wed"), _l("Thu"), _l("Fri"), _l("Sat"), _l("Sun")]


class WorkerProfileForm(FlaskForm):
    """Who the worker is, where they live, what they can do and when."""

    real_name = StringField(_l("Real name"), validators=[DataRequired(), Length(max=40)])
    id_number = StringField(
        _l("ID card number (身份证)"),
        validators=[Length(max=24)],
        description=_l("Stored encrypted; others only see it masked."),
    )
    hukou = RadioField(
        _l("Household registration (户籍)"),
        choices=choices(*Hukou),
        validators=[DataRequired()],
    )
    residence_permit_since = DateField(
        _l("Ningbo residence permit (居住证) held since"), validators=[Optional()]
    )
    town_id = SelectField(_l("Home town or street"), coerce=int, validators=[DataRequired()])
    max_travel_km = IntegerField(
        _l("How far will you travel (km)"), default=10, validators=[NumberRange(1, 200)]
    )
    skills = CheckboxListField(_l("Skills"), coerce=int, validators=[Optional()])
    skills_text = TextAreaField(_l("Other skills, in your own words"), validators=[Length(max=500)])
    expected_daily_pay = YuanField(_l("Expected pay per day (yuan)"), validators=[Optional()])
    weekdays = CheckboxListField(
        _l("Days you can work"),
        coerce=int,
        choices=list(enumerate(WEEKDAY_LABELS)),
        validators=[DataRequired(message=_l("Choose at least one day."))],
    )
    seasons = CheckboxListField(_l("Seasons when you are free"), coerce=int)
    available_from = DateField(_l("Available from"), validators=[Optional()])
    available_until = DateField(_l("Available until"), validators=[Optional()])
