"""Forms to post and to search gigs (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SearchField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from marketplace.fields import CheckboxListField, WholeNumberField, YuanField, coerce_id
from marketplace.gigs.services import WHAT_TO_BRING_MAX_CHARS
from marketplace.labels import choices
from marketplace.models import PayUnit, SeasonTag, WorkForm


class ShiftForm(Form):
    """One shift row; a row left empty is ignored."""

    day = DateField(_l("Date"), validators=[Optional()])
    start = TimeField(_l("Start"), validators=[Optional()])
    end = TimeField(_l("End"), validators=[Optional()])
    slots = WholeNumberField(_l("Workers needed"), validators=[Optional(), NumberRange(1, 200)])

    def is_blank(self) -> bool:
        """True when nothing was entered in the row."""
        return not any((self.day.data, self.start.data, self.end.data, self.slots.data))

    def is_complete(self) -> bool:
        """True when every field of the row was entered."""
        return all((self.day.data, self.start.data, self.end.data, self.slots.data))


def _stripped(text: str | None) -> str | None:
    """Drop the spaces around typed text, so a blank answer is empty."""
    return text.strip() if text else text


YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def _question(text) -> RadioField:
    """A yes/no question of the labour-relationship assessment (POLICY §3)."""
    return RadioField(text, choices=YES_NO, validators=[DataRequired(_l("Answer yes or no."))])


class GigForm(FlaskForm):
    """Everything a gig post needs."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=80)])
    description = TextAreaField(
        _l("What the work is"), validators=[DataRequired(), Length(max=4000)]
    )
    category_id = SelectField(_l("Category"), coerce=coerce_id, validators=[DataRequired()])
    skills = CheckboxListField(_l("Skills needed"), coerce=coerce_id, validators=[Optional()])
    town_id = SelectField(_l("Town or street"), coerce=coerce_id, validators=[DataRequired()])
    address = StringField(_l("Address"), validators=[DataRequired(), Length(max=200)])
    what_to_bring = StringField(
        _l("What to bring"),
        description=_l("Shown on the gig and on referral slips, e.g. gloves, scissors."),
        filters=[_stripped],
        validators=[
            Optional(),
            Length(
                max=WHAT_TO_BRING_MAX_CHARS,
                message=_l("Keep what to bring to %(max)d characters or fewer."),
            ),
        ],
    )
    work_form = RadioField(
        _l("Form of work"),
        choices=choices(*WorkForm),
        validators=[DataRequired()],
    )
    season_tag = RadioField(
        _l("Season"),
        choices=choices(*SeasonTag),
        default=SeasonTag.NONE.value,
        validators=[DataRequired()],
    )
    pay = YuanField(_l("Pay (yuan)"), validators=[DataRequired(message=_l("Enter the pay."))])
    pay_unit = RadioField(
        _l("Pay is counted"),
        choices=choices(*PayUnit),
        default=PayUnit.DAY.value,
        validators=[DataRequired()],
    )
    pieces_per_day = WholeNumberField(
        _l("Pieces a worker does in a day (pay per piece only)"),
        validators=[Optional(), NumberRange(1, 100000)],
    )
    pay_within_days = WholeNumberField(
        _l("Pay within how many days after the shift"),
        default=7,
        validators=[DataRequired(), NumberRange(0, 30)],
    )
    injury_insurance = BooleanField(_l("Work-injury insurance is provided"))
    shifts = FieldList(FormField(ShiftForm), min_entries=3, max_entries=60)
    # POLICY §3: 劳社部发〔2005〕12号 Art. 1 (a)–(c), and N(三) management of the work process.
    q_qualified = _question(
        _l(
            "Are you a registered employer (company, organisation or business) and is the "
            "worker of legal working age?"
        )
    )
    q_employer_rules = _question(
        _l(
            "Will your workplace rules apply to the worker, who works under your management "
            "like your own staff?"
        )
    )
    q_core_business = _question(_l("Is this work part of your main business?"))
    q_manages_process = _question(
        _l("Will you manage how the work is done: set the hours, supervise, give work rules?")
    )
    assessed_outcome = HiddenField()
    confirm_assessment = BooleanField(
        _l("I have read the outcome of the assessment and publish on that basis.")
    )

    def answer(self, name: str) -> bool:
        """True when the assessment question ``name`` was answered yes."""
        return getattr(self, name).data == "yes"

    def validate_shifts(self, field):
        """Every row is either complete or empty, and at least one is complete."""
        rows = [row.form for row in field]
        if any(not r.is_blank() and not r.is_complete() for r in rows):
            raise ValidationError(_l("Fill in date, start, end and workers for each shift."))
        if not any(r.is_complete() for r in rows):
            raise ValidationError(_l("Add at least one shift."))


KEYWORDS_MAX_CHARS = 100


class SearchForm(FlaskForm):
    """Filters and sort order of the gig list (a GET form; nothing changes)."""

    class Meta:
        csrf = False

    q = SearchField(
        _l("Keywords"),
        description=_l("Words from the title, a skill, the employer's name or the description."),
        filters=[_stripped],
        validators=[Optional(), Length(max=KEYWORDS_MAX_CHARS)],
    )
    district_id = SelectField(_l("District"), coerce=coerce_id, validators=[Optional()])
    town_id = SelectField(_l("Town or street"), coerce=coerce_id, validators=[Optional()])
    category_id = SelectField(_l("Category"), coerce=coerce_id, validators=[Optional()])
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])
    min_pay = YuanField(_l("Pay per day at least (yuan)"), validators=[Optional()])
    work_form = SelectField(_l("Form of work"), validators=[Optional()])
    season_tag = SelectField(_l("Season"), validators=[Optional()])
    sort = SelectField(
        _l("Sort by"),
        choices=[("newest", _l("Newest")), ("pay", _l("Highest pay")), ("distance", _l("Nearest"))],
        default="newest",
        validators=[Optional()],
    )
    near_town_id = SelectField(_l("Distance from"), coerce=coerce_id, validators=[Optional()])
