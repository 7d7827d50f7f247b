"""Pay arithmetic in integer fen (no floats reach the database).

Pure: the pay unit is its plain value ("hour", "day" or "piece"; ``PayUnit`` is a ``StrEnum``
of the same values, so either may be passed).
"""

from __future__ import annotations

HOUR = "hour"
DAY = "day"
PIECE = "piece"


def daily_pay_fen(
    pay_fen: int, unit: str, shift_minutes: int, pieces_per_day: int | None = None
) -> int:
    """What a day's work pays: hourly pay × shift length, the day rate, or pieces × rate."""
    if unit == HOUR:
        return pay_fen * shift_minutes // 60
    if unit == PIECE:
        return pay_fen * (pieces_per_day or 1)
    return pay_fen
