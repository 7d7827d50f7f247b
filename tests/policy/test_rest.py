"""Rest guard across employers: Labour Law art. 36 (8 h a day) and art. 41 (≤ 3 h overtime)."""

from datetime import datetime

import pytest

from marketplace.policy.part_time import ShiftSpan
from marketplace.policy.rest import (
    DEFAULT_DAILY_CAP_HOURS,
    DEFAULT_MIN_REST_BETWEEN_DAYS_HOURS,
    RestViolation,
    check_rest,
    minutes_by_day,
)


def _span(day: int, start: float, end: float) -> ShiftSpan:
    base = datetime(2026, 3, day)
    return ShiftSpan(
        base.replace(hour=int(start), minute=int(start % 1 * 60)),
        base.replace(hour=int(end), minute=int(end % 1 * 60)),
    )


def test_defaults_are_a_working_day_plus_overtime_and_eight_hours_rest():
    """Art. 36 + art. 41: 8 + 3 = 11 hours; 8 hours between days."""
    assert DEFAULT_DAILY_CAP_HOURS == 11 and DEFAULT_MIN_REST_BETWEEN_DAYS_HOURS == 8


def test_eleven_hours_in_a_day_pass_and_fifteen_and_a_half_do_not():
    """Two employers' shifts of 8 and 3 hours pass; 15.5 hours in one day is refused."""
    check_rest([_span(2, 6, 14), _span(2, 15, 18)], 11, 8)
    with pytest.raises(RestViolation, match="15.5 hours"):
        check_rest([_span(2, 5, 13), _span(2, 13.5, 21)], 11, 8)


def test_rest_between_days():
    """A shift ending at 23:00 and the next day's at 05:00 leave 6 hours: refused."""
    check_rest([_span(2, 15, 23), _span(3, 7, 12)], 11, 8)
    with pytest.raises(RestViolation, match="6 hours of rest"):
        check_rest([_span(2, 15, 23), _span(3, 5, 12)], 11, 8)


def test_a_night_shift_counts_on_both_days():
    """22:00 to 06:00 is 2 hours on the first day and 6 on the second."""
    night = ShiftSpan(datetime(2026, 3, 2, 22), datetime(2026, 3, 3, 6))
    assert minutes_by_day([night]) == {
        datetime(2026, 3, 2).date(): 120,
        datetime(2026, 3, 3).date(): 360,
    }
