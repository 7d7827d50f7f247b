"""Forms to sign an agreement, adjust its clauses and publish a template version (shape only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from marketplace.fields import YuanField

CLAUSE_MAX = 500


class SignForm(FlaskForm):
    """Typed full name, explicit consent, and the hash of the text that was shown."""

    typed_name = StringField(
        _l("Your full name"), validators=[DataRequired(_l("Type your full name.")), Length(max=120)]
    )
    consent = BooleanField(
        _l("I have read the whole agreement and agree to sign it."),
        validators=[DataRequired(_l("Tick the box to agree before signing."))],
    )
    content_hash = HiddenField(validators=[DataRequired()])


class EditForm(FlaskForm):
    """The clauses the employer may adjust: pay (never lower) and free text."""

    pay = YuanField(_l("Pay (yuan, not below the post)"), validators=[DataRequired()])
    work_content = TextAreaField(
        _l("What the work is"), validators=[DataRequired(), Length(max=CLAUSE_MAX)]
    )
    pay_method = TextAreaField(
        _l("How the pay is paid"), validators=[DataRequired(), Length(max=CLAUSE_MAX)]
    )
    safety_equipment = TextAreaField(
        _l("Safety equipment provided"), validators=[Optional(), Length(max=CLAUSE_MAX)]
    )
    rest_note = TextAreaField(
        _l("More about rest and breaks"), validators=[Optional(), Length(max=CLAUSE_MAX)]
    )
    other_terms = TextAreaField(_l("Other terms"), validators=[Optional(), Length(max=CLAUSE_MAX)])


class TemplateForm(FlaskForm):
    """A new version of an agreement template."""

    source = TextAreaField(_l("Template (Jinja)"), validators=[DataRequired(), Length(max=40000)])
    note = StringField(_l("What changed"), validators=[Optional(), Length(max=200)])
