"""非全日制用工 limits, POLICY §4: Labour Contract Law (劳动合同法) art. 68 and 72."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from marketplace.policy.part_time import (
    MAX_AVERAGE_MINUTES_PER_DAY,
    MAX_MINUTES_PER_WEEK,
    MAX_PAY_CYCLE_DAYS,
    PartTimeViolation,
    ShiftSpan,
    check_hours,
    check_part_time,
    check_pay,
)

MONDAY = datetime(2026, 6, 1, 9, 0)  # a Monday


def _span(day: int, minutes: int, hour: int = 9) -> ShiftSpan:
    start = MONDAY.replace(hour=hour) + timedelta(days=day)
    return ShiftSpan(start, start + timedelta(minutes=minutes))


def test_constants_are_the_law_art68_art72():
    """4 h a day, 24 h a week (art. 68) and 15 days (art. 72)."""
    assert (MAX_AVERAGE_MINUTES_PER_DAY, MAX_MINUTES_PER_WEEK, MAX_PAY_CYCLE_DAYS) == (
        240,
        1440,
        15,
    )


def test_average_day_of_exactly_4_hours_passes_art68():
    """Just inside: 4 h a day."""
    check_hours([_span(0, 240), _span(1, 240)])


def test_average_day_over_4_hours_is_refused_art68():
    """Just outside: 4 h 1 min on average."""
    with pytest.raises(PartTimeViolation) as exc:
        check_hours([_span(0, 241)])
    assert "art. 68" in str(exc.value) and exc.value.params["hours"] == "4.02"


def test_average_is_per_working_day_art68():
    """A 5 h day and a 3 h day average 4 h: allowed (一般平均每日); two shifts on one day add up."""
    check_hours([_span(0, 300), _span(1, 180)])
    with pytest.raises(PartTimeViolation):
        check_hours([_span(0, 180), _span(0, 120, hour=14)])


def test_week_of_exactly_24_hours_passes_art68():
    """Just inside: six 4 h days in one week."""
    check_hours([_span(d, 240) for d in range(6)])


def test_week_over_24_hours_is_refused_art68():
    """Just outside: seven 4 h days in one ISO week are 28 h (and 24 h + 1 min is over)."""
    with pytest.raises(PartTimeViolation) as exc:
        check_hours([_span(d, 240) for d in range(7)])
    assert "24" in str(exc.value)
    shifts = [_span(d, 240) for d in range(5)] + [_span(5, 120), _span(6, 121)]
    with pytest.raises(PartTimeViolation):
        check_hours(shifts)


def test_weeks_are_counted_separately_art68():
    """Six 4 h days this week and six next week: each week has 24 h."""
    check_hours([_span(d, 240) for d in range(6)] + [_span(d + 7, 240) for d in range(6)])


def test_pay_not_by_the_hour_is_refused_art68_art72():
    """Day or piece pay is not part-time pay."""
    for unit in ("day", "piece"):
        with pytest.raises(PartTimeViolation):
            check_pay(unit, 20000, 2400, 7)


def test_hourly_pay_at_the_minimum_passes_below_is_refused_art72():
    """Just inside: the minimum; just outside: one fen less."""
    check_pay("hour", 2400, 2400, 7)
    with pytest.raises(PartTimeViolation) as exc:
        check_pay("hour", 2399, 2400, 7)
    assert exc.value.params["minimum"] == "24.00"


def test_pay_cycle_of_15_days_passes_16_is_refused_art72():
    """Just inside: 15 days; just outside: 16."""
    check_pay("hour", 2400, 2400, 15)
    with pytest.raises(PartTimeViolation):
        check_pay("hour", 2400, 2400, 16)


def test_check_part_time_applies_every_limit_art68_art72():
    """The combined check passes a lawful post and refuses each breach."""
    check_part_time([_span(0, 240)], "hour", 2500, 2400, 15)
    with pytest.raises(PartTimeViolation):
        check_part_time([_span(0, 300)], "hour", 2500, 2400, 15)
