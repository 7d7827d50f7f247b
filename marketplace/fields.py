"""Form fields shared by several domains: numbers are finite and within what a column holds."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, IntegerField, SelectMultipleField, StringField, widgets

from marketplace.i18n import fen_to_yuan
from marketplace.inputs import MAX_ID, bounded_int


def parse_yuan(text: str) -> int:
    """Turn '150', '150.5' or '¥1,200.00' into fen; raise ValueError on anything else."""
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("元", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(_l("Enter an amount in yuan, e.g. 180 or 22.50.")) from exc
    if not amount.is_finite():  # NaN, sNaN and Infinity parse as Decimals
        raise ValueError(_l("Enter an amount in yuan, e.g. 180 or 22.50."))
    if amount.as_tuple().exponent < -2:
        raise ValueError(_l("Amounts have at most two decimals (fen)."))
    if amount <= 0 or amount > 1_000_000:
        raise ValueError(_l("Enter an amount between 0.01 and 1,000,000 yuan."))
    return int(amount * 100)


class ParsedField:
    """A field whose typed text is parsed: a parse error is THE message.

    ``DataRequired`` clears earlier errors and says "required" when parsing gave no value; for
    a value that was typed but is not a number ("Infinity", "sNaN") that would mislead.
    """

    process_errors: list
    errors: list

    def post_validate(self, form, validation_stopped) -> None:
        """Show why the typed value was refused instead of "this field is required"."""
        if self.process_errors:
            self.errors = list(self.process_errors)


class YuanField(ParsedField, StringField):
    """Text input in yuan whose ``data`` is integer fen (or None when left empty)."""

    def process_formdata(self, valuelist):
        """Parse what the user typed."""
        self.raw = valuelist[0] if valuelist else ""
        if not self.raw.strip():
            self.data = None
            return
        try:
            self.data = parse_yuan(self.raw)
        except ValueError as exc:
            self.data = None
            raise ValueError(str(exc)) from exc

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return fen_to_yuan(self.data).replace(",", "") if self.data else ""


def coerce_id(value) -> int:
    """Coerce a chosen id for a SelectField: a whole number an id column can hold."""
    number = value if isinstance(value, int) else bounded_int(str(value), 0, MAX_ID)
    if number is None or not 0 <= number <= MAX_ID:
        raise ValueError(_l("Not a valid choice."))
    return number


class WholeNumberField(ParsedField, IntegerField):
    """A whole number that fits an integer column; anything else is a message, not a crash."""

    def process_formdata(self, valuelist):
        """Parse what the user typed."""
        if not valuelist:  # not sent at all: keep the default
            return
        if not valuelist[0].strip():
            self.data = None
            return
        self.data = bounded_int(valuelist[0])
        if self.data is None:
            raise ValueError(_l("Enter a whole number, e.g. 3."))


class FiniteDecimalField(ParsedField, DecimalField):
    """A decimal number; NaN, sNaN and Infinity are refused with a message."""

    def process_formdata(self, valuelist):
        """Parse what the user typed."""
        if not valuelist:  # not sent at all: keep the default
            return
        if not valuelist[0].strip():
            self.data = None
            return
        try:
            number = Decimal(valuelist[0].strip())
        except (InvalidOperation, ValueError) as exc:
            self.data = None
            raise ValueError(_l("Enter a number, e.g. 7.5.")) from exc
        if not number.is_finite() or abs(number) > MAX_ID:
            self.data = None
            raise ValueError(_l("Enter a number, e.g. 7.5."))
        self.data = number


class IdNumberField(StringField):
    """An identity number (身份证): what was typed is never written back into the page.

    When the form is shown again after an error elsewhere, the box is empty, shows the typed
    number masked as a placeholder, and asks for it again (a stored number is kept when the
    box is left empty).
    """

    def _value(self):
        return ""

    def typed(self) -> str:
        """The number sent with this request, as typed."""
        return (self.raw_data[0] if self.raw_data else "").strip()

    def masked(self) -> str:
        """The typed number with all but its first and last four characters hidden."""
        text = self.typed()
        if len(text) <= 8:
            return "*" * len(text)
        return text[:4] + "*" * (len(text) - 8) + text[-4:]

    @property
    def retype_hint(self) -> str | None:
        """Shown under the box when a typed number was not kept on screen."""
        if not self.typed():
            return None
        return _l(
            "For your safety the ID number you typed (%(masked)s) is not shown again. "
            "Please type it again.",
            masked=self.masked(),
        )

    def __call__(self, **kwargs):
        """The input, empty, with the typed number masked as its placeholder."""
        if self.typed():
            kwargs.setdefault("placeholder", self.masked())
        return super().__call__(**kwargs)


class CheckboxListField(SelectMultipleField):
    """Several checkboxes sharing one name."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
