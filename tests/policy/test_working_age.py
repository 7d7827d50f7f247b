"""Working age from the person's own dates — POLICY §1, N(一): 劳动法 art. 15 (from 16) and the
statutory retirement date of the 2024-09-13 decision (劳动合同法实施条例 art. 21)."""

from datetime import date

import pytest

from marketplace.policy.working_age import (
    MIN_WORKING_AGE,
    MSG_PAST_RETIREMENT,
    MSG_UNDER_AGE,
    group_for,
    refusal,
    working_until,
)


def test_16th_birthday_is_the_first_working_day_劳动法_art15():
    """劳动法 第十五条: 未满十六周岁 may not be hired; the birthday itself is allowed."""
    birth = date(2010, 6, 15)
    assert refusal(birth, "male", date(2026, 6, 14)) == (
        MSG_UNDER_AGE,
        {"age": MIN_WORKING_AGE, "from_day": "2026-06-15"},
    )
    assert refusal(birth, "male", date(2026, 6, 15)) is None


def test_man_works_until_his_own_retirement_date_not_a_flat_63_表1():
    """表1: man born 1966-01-20 → 60岁4个月, retirement date 2026-05-20 (not 63)."""
    birth = date(1966, 1, 20)
    assert working_until(birth, "male") == date(2026, 5, 20)
    assert refusal(birth, "male", date(2026, 5, 19)) is None
    assert refusal(birth, "male", date(2026, 5, 20)) == (
        MSG_PAST_RETIREMENT,
        {"retires_on": "2026-05-20"},
    )


def test_a_shift_ending_on_the_retirement_date_is_refused():
    """The last day of the work counts: a shift into the retirement date is outside the age."""
    birth = date(1966, 1, 20)
    assert refusal(birth, "male", date(2026, 5, 19), date(2026, 5, 20)) is not None


def test_woman_group_decides_her_date_表2_表3():
    """表3/表2: woman born 1975-01-10 → 50岁1个月 (2025-02-10) or 56岁4个月 (2031-05-10)."""
    birth = date(1975, 1, 10)
    on = date(2026, 6, 1)
    assert refusal(birth, "female_50", on) == (MSG_PAST_RETIREMENT, {"retires_on": "2025-02-10"})
    assert refusal(birth, "female_55", on) is None


@pytest.mark.parametrize(
    ("sex", "chosen", "group"),
    [
        ("male", "female_50", "male"),
        ("female", None, "female_55"),
        ("female", "female_50", "female_50"),
        ("female", "nonsense", "female_55"),
    ],
)
def test_group_defaults_to_the_55_base_for_women(sex, chosen, group):
    """Women insured as individual flexible workers use the 55 base unless they chose 50."""
    assert group_for(sex, chosen) == group
