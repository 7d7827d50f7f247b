"""Kiosk forms (shape only; the rules live in the services)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from marketplace.fields import WholeNumberField, coerce_id
from marketplace.models import ReferralStatus

REFERRAL_STATUS = {
    ReferralStatus.REFERRED: _l("Referred"),
    ReferralStatus.APPLIED: _l("Applied"),
    ReferralStatus.HIRED: _l("Hired"),
    ReferralStatus.COMPLETED: _l("Completed"),
    ReferralStatus.NO_SHOW: _l("Did not turn up"),
    ReferralStatus.DECLINED: _l("Declined"),
}


class StationForm(FlaskForm):
    """Choose the station this kiosk serves now."""

    station_id = RadioField(_l("Station"), coerce=coerce_id, validators=[DataRequired()])


class FindForm(FlaskForm):
    """Find a person by mobile number or ID number (posted: identity numbers stay out of URLs)."""

    q = StringField(_l("Mobile number or ID number"), validators=[DataRequired(), Length(max=40)])


class NeedForm(FlaskForm):
    """A job-seeking need (求职需求) taken at the counter."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=40)])
    mobile = StringField(_l("Mobile number"), validators=[DataRequired(), Length(max=20)])
    desired_work = TextAreaField(_l("Desired work"), validators=[DataRequired(), Length(max=500)])
    category_id = SelectField(_l("Kind of work"), coerce=coerce_id, validators=[Optional()])
    town_id = SelectField(_l("Area"), coerce=coerce_id, validators=[Optional()])
    availability = StringField(_l("When available"), validators=[Length(max=200)])
    notes = TextAreaField(_l("Notes"), validators=[Length(max=1000)])


class ReferForm(FlaskForm):
    """Refer the person in front of the kiosk to a gig (and one of its shifts)."""

    gig_id = WholeNumberField(validators=[DataRequired()])
    shift_id = WholeNumberField(validators=[Optional()])
    worker_id = WholeNumberField(validators=[Optional()])
    need_id = WholeNumberField(validators=[Optional()])
    window = HiddenField(default="week")


class OutcomeForm(FlaskForm):
    """Staff record where a referral ended up."""

    status = SelectField(
        _l("Outcome"),
        choices=[("", _l("Choose an outcome"))]
        + [(s.value, text) for s, text in REFERRAL_STATUS.items() if s != "referred"],
        validators=[DataRequired()],
    )
