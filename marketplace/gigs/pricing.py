"""Pay arithmetic in integer fen (no floats reach the database)."""

from __future__ import annotations

from marketplace.models import PayUnit


def daily_pay_fen(
    pay_fen: int, unit: PayUnit, shift_minutes: int, pieces_per_day: int | None = None
) -> int:
    """What a day's work pays: hourly pay × shift length, the day rate, or pieces × rate."""
    if unit == PayUnit.HOUR:
        return pay_fen * shift_minutes // 60
    if unit == PayUnit.PIECE:
        return pay_fen * (pieces_per_day or 1)
    return pay_fen
