"""Forms of an accident report (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length


class AccidentForm(FlaskForm):
    """When and what happened, and whether someone was hurt."""

    day = DateField(_l("Date of the accident"), validators=[DataRequired()])
    time = TimeField(_l("Time (Beijing time)"), validators=[DataRequired()])
    description = TextAreaField(
        _l("What happened, where, and who was hurt"), validators=[DataRequired(), Length(max=2000)]
    )
    injured = BooleanField(_l("Someone was injured"))


class AppliedForm(FlaskForm):
    """The day an application for work-injury recognition was made."""

    applied_on = DateField(_l("Date the application was made"), validators=[DataRequired()])


class CloseForm(FlaskForm):
    """How the report was settled."""

    note = TextAreaField(_l("How it was settled"), validators=[DataRequired(), Length(max=2000)])
