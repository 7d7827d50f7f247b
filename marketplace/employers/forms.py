"""The employer profile form (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from marketplace.fields import coerce_id
from marketplace.labels import choices
from marketplace.models import EmployerKind


class EmployerProfileForm(FlaskForm):
    """Who is hiring and where."""

    kind = RadioField(
        _l("Who is hiring"),
        choices=choices(*EmployerKind),
        validators=[DataRequired()],
    )
    name = StringField(
        _l("Name (company name, or your own name)"), validators=[DataRequired(), Length(max=120)]
    )
    credit_code = StringField(
        _l("Unified social credit code (统一社会信用代码)"),
        validators=[Length(max=24)],
        description=_l("Required for companies and platforms: 18 characters."),
    )
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=40)])
    town_id = SelectField(_l("Town or street"), coerce=coerce_id, validators=[DataRequired()])
    address = StringField(_l("Address"), validators=[DataRequired(), Length(max=200)])
