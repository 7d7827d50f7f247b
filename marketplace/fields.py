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
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        self.data = bounded_int(valuelist[0])
        if self.data is None:
            raise ValueError(_l("Enter a whole number, e.g. 3."))


class FiniteDecimalField(ParsedField, DecimalField):
    """A decimal number; NaN, sNaN and Infinity are refused with a message."""

    def process_formdata(self, valuelist):
        """Parse what the user typed."""
        if not valuelist or not valuelist[0].strip():
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


class CheckboxListField(SelectMultipleField):
    """Several checkboxes sharing one name."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
