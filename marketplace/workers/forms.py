"""The worker profile form, its choices, and the service input it gives."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from marketplace import reference
from marketplace.fields import (
    CheckboxListField,
    IdNumberField,
    WholeNumberField,
    YuanField,
    coerce_id,
)
from marketplace.labels import choices
from marketplace.models import Hukou, WorkerProfile
from marketplace.workers.services import WorkerProfileInput

WEEKDAY_LABELS = [_l("Mon"), _l("Tue"), _l("Wed"), _l("Thu"), _l("Fri"), _l("Sat"), _l("Sun")]


class WorkerProfileForm(FlaskForm):
    """Who the worker is, where they live, what they can do and when."""

    real_name = StringField(_l("Real name"), validators=[DataRequired(), Length(max=40)])
    id_number = IdNumberField(
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
    town_id = SelectField(_l("Home town or street"), coerce=coerce_id, validators=[DataRequired()])
    max_travel_km = WholeNumberField(
        _l("How far will you travel (km)"), default=10, validators=[NumberRange(1, 200)]
    )
    skills = CheckboxListField(_l("Skills"), coerce=coerce_id, validators=[Optional()])
    skills_text = TextAreaField(_l("Other skills, in your own words"), validators=[Length(max=500)])
    expected_daily_pay = YuanField(_l("Expected pay per day (yuan)"), validators=[Optional()])
    weekdays = CheckboxListField(
        _l("Days you can work"),
        coerce=coerce_id,
        choices=list(enumerate(WEEKDAY_LABELS)),
        validators=[DataRequired(message=_l("Choose at least one day."))],
    )
    seasons = CheckboxListField(_l("Seasons when you are free"), coerce=coerce_id)
    available_from = DateField(_l("Available from"), validators=[Optional()])
    available_until = DateField(_l("Available until"), validators=[Optional()])


def fill_profile_choices(form: WorkerProfileForm) -> None:
    """Offer the towns, skills and seasons to choose from."""
    form.town_id.choices = reference.town_choices()
    form.skills.choices = reference.skill_choices()
    form.seasons.choices = reference.season_choices()


def load_profile(form: WorkerProfileForm, profile: WorkerProfile) -> None:
    """Show the saved profile in the form (the ID number is never shown again)."""
    form.real_name.data = profile.real_name
    form.hukou.data = profile.hukou.value
    form.residence_permit_since.data = profile.residence_permit_since
    form.town_id.data = profile.town_id
    form.max_travel_km.data = profile.max_travel_km
    form.skills.data = [s.id for s in profile.skills]
    form.skills_text.data = profile.skills_text
    form.expected_daily_pay.data = profile.expected_daily_pay_fen
    form.weekdays.data = [d for d in range(7) if profile.works_on(d)]
    form.seasons.data = [s.id for s in profile.seasons]
    form.available_from.data = profile.available_from
    form.available_until.data = profile.available_until


def profile_input(form: WorkerProfileForm) -> WorkerProfileInput:
    """What the submitted form asks the service to save."""
    return WorkerProfileInput(
        real_name=form.real_name.data,
        id_number=form.id_number.data or "",
        hukou=Hukou(form.hukou.data),
        town_id=form.town_id.data,
        max_travel_km=form.max_travel_km.data,
        residence_permit_since=form.residence_permit_since.data,
        skill_ids=form.skills.data or [],
        skills_text=form.skills_text.data or "",
        expected_daily_pay_fen=form.expected_daily_pay.data,
        weekdays=form.weekdays.data or [],
        season_ids=form.seasons.data or [],
        available_from=form.available_from.data,
        available_until=form.available_until.data,
    )
