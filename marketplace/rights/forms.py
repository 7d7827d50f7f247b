"""Forms of the rights pages (shape only; the rules live in the services and policy)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from marketplace.fields import coerce_id
from marketplace.policy.disputes import SKIP_MEDIATION_REASONS

GROUP_CHOICES = [
    (
        "female_55",
        _l("Base age 55: women insured as individual flexible workers (assumed if not sure)"),
    ),
    (
        "female_50",
        _l("Base age 50: only if you were insured in a worker (工人) post of an employer"),
    ),
]


class RegistrationForm(FlaskForm):
    """灵活就业登记: the work, for whom, since when, income, and the signed pledge."""

    work_content = StringField(
        _l("What work do you do?"), validators=[DataRequired(), Length(max=200)]
    )
    for_whom = RadioField(
        _l("For whom?"),
        choices=[("gig", _l("A gig on this marketplace")), ("outside", _l("Someone else"))],
        default="gig",
        validators=[DataRequired()],
    )
    application_id = SelectField(_l("Which gig"), coerce=coerce_id, validate_choice=False)
    employer_name = StringField(
        _l("Name of the employer or platform"), validators=[Length(max=120)]
    )
    started_on = DateField(_l("Since when"), validators=[DataRequired()])
    stable_income = BooleanField(_l("This work gives me a relatively stable income"))
    retirement_group = RadioField(
        _l("Retirement group"), choices=GROUP_CHOICES, default="female_55"
    )
    pledge_agreed = BooleanField(_l("I promise that the information above is true."))
    pledge_name = StringField(
        _l("Type your full name to sign"), validators=[DataRequired(), Length(max=40)]
    )


class UnemploymentForm(FlaskForm):
    """失业登记: when the work ended and where to register."""

    ended_on = DateField(_l("The work ended on"), validators=[DataRequired()])
    place = RadioField(_l("Register as unemployed at"), validators=[DataRequired()])


class FactsForm(FlaskForm):
    """What the worker tells us for the entitlements page."""

    retirement_group = RadioField(
        _l("Retirement group"), choices=GROUP_CHOICES, validators=[Optional()]
    )
    left_school_on = DateField(_l("Date you left school or university"), validators=[Optional()])
    education = SelectField(_l("Highest education completed"), validators=[Optional()])
    pays_as_individual = BooleanField(_l("I pay social insurance myself, as an individual"))
    insured_elsewhere = BooleanField(_l("I have medical insurance in another city"))
    business_started_on = DateField(
        _l("I run my own business in Ningbo since"), validators=[Optional()]
    )


class HardToEmployForm(FlaskForm):
    """Staff set the 就业困难人员 status and the subsidy approval date."""

    hard_to_employ = BooleanField(_l("Person with employment difficulties (就业困难人员)"))
    subsidy_approved_on = DateField(_l("Subsidy approved on"), validators=[Optional()])


class ReportForm(FlaskForm):
    """没有收到工资: the worker reports unpaid wages."""

    note = TextAreaField(_l("What happened (optional)"), validators=[Optional(), Length(max=1000)])


class PaidForm(FlaskForm):
    """The employer says it paid."""

    paid_on = DateField(_l("Date paid"), validators=[DataRequired()])


class ReasonForm(FlaskForm):
    """A reason or a note for a step."""

    note = TextAreaField(_l("Reason or note"), validators=[DataRequired(), Length(max=1000)])


class AnswerForm(FlaskForm):
    """The worker agrees with the employer's answer or not."""

    agrees = RadioField(
        _l("Your answer"),
        choices=[("yes", _l("Yes, that is right")), ("no", _l("No, I ask the station to mediate"))],
        validators=[DataRequired()],
    )
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=1000)])


class StaffForm(FlaskForm):
    """Station staff: mediate, resolve or refer to arbitration."""

    outcome = RadioField(
        _l("Step"),
        choices=[
            ("mediate", _l("Mediating")),
            ("resolve", _l("Resolved")),
            ("refer", _l("Refer to labour arbitration")),
        ],
        validators=[DataRequired()],
    )
    skip_reason = RadioField(
        _l("Referring without mediation? The reason"),
        choices=[(key, _l(label)) for key, label in SKIP_MEDIATION_REASONS.items()],
        validators=[Optional()],
    )
    note = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=1000)])


class ComplaintForm(FlaskForm):
    """A complaint about a shift: against whom, what kind, what happened."""

    application_id = SelectField(_l("Which shift"), coerce=coerce_id, validate_choice=False)
    on_behalf_of = RadioField(
        _l("Filed for"),
        choices=[("worker", _l("The worker")), ("employer", _l("The employer"))],
        validators=[Optional()],
    )
    against = RadioField(
        _l("Against"),
        choices=[
            ("gig", _l("The gig")),
            ("employer", _l("The employer")),
            ("worker", _l("The worker")),
        ],
        validators=[DataRequired()],
    )
    category = RadioField(
        _l("What is it about?"),
        choices=[
            ("agreement_breach", _l("The agreement was broken")),
            ("safety", _l("Safety")),
            ("discrimination", _l("Discrimination")),
            ("worker_fee", _l("A fee was charged to the worker")),
            ("other", _l("Something else")),
        ],
        validators=[DataRequired()],
    )
    description = TextAreaField(_l("What happened"), validators=[DataRequired(), Length(max=4000)])
