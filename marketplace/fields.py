"""Form fields shared by several domains."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, StringField, widgets

from marketplace.i18n import fen_to_yuan


def parse_yuan(text: str) -> int:
    """Turn '150', '150.5' or '¥1,200.00' into fen; raise ValueError on anything else."""
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("元", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(_l("Enter an amount in yuan, e.g. 180 or 22.50.")) from exc
    if amount.as_tuple().exponent < -2:
        raise ValueError(_l("Amounts have at most two decimals (fen)."))
    if amount <= 0 or amount > 1_000_000:
        raise ValueError(_l("Enter an amount between 0.01 and 1,000,000 yuan."))
    return int(amount * 100)


class YuanField(StringField):
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


class CheckboxListField(SelectMultipleField):
    """Several checkboxes sharing one name."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
