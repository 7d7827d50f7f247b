"""Social-insurance subsidy, POLICY §7: N(十一) of the Ningbo notice of 2021-12-28 and P 三(二).

N(十一): 对就业困难人员、离校2年内未就业高校毕业生从事灵活就业，以个人身份依法缴纳
社会保险的，按规定给予社会保险补贴。补贴期限最长不超过3年，对初次核定享受补贴政策时距法定
退休年龄不足5年的人员，补贴期限可延长至退休。
P 三(二): 每人每月450元的社保补贴.
Retirement months come from the 2025 reform (test_retirement.py), e.g. a man born 1966-01
retires in 2026-05 at 60岁4个月.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from marketplace.policy import subsidy
from marketplace.policy.retirement import retirement_date, retirement_month
from marketplace.policy.subsidy import (
    EDUCATION_LEVELS,
    GRADUATE_WINDOW_YEARS,
    HIGHER_EDUCATION_LEVELS,
    MAX_SUBSIDY_MONTHS,
    MSG_AT_RETIREMENT,
    MSG_EDUCATION_UNKNOWN,
    MSG_GRADUATE_TOO_LONG_AGO,
    MSG_HARD_TO_EMPLOY,
    MSG_NOT_FLEXIBLE,
    MSG_NOT_HIGHER_EDUCATION,
    MSG_NOT_IN_GROUP,
    MSG_NOT_INDIVIDUAL,
    MSG_RECENT_GRADUATE,
    NEAR_RETIREMENT_MONTHS,
    SUBSIDY_MONTHLY_FEN,
    NoSubsidy,
    eligible,
    subsidy_end_month,
    subsidy_months,
    subsidy_months_left,
)

MAN_1966 = date(1966, 1, 20)  # 表1: 60岁4个月, retires 2026-05
YOUNG_MAN = date(1990, 5, 10)  # retires 2053-05 at 63


def test_figures_are_the_policy_n11_and_p():
    """P 三(二): 450 CNY a month; N(十一): 3 years, 5 years to retirement, 2 years after school."""
    assert SUBSIDY_MONTHLY_FEN == 450 * 100
    assert (MAX_SUBSIDY_MONTHS, NEAR_RETIREMENT_MONTHS, GRADUATE_WINDOW_YEARS) == (36, 60, 2)


def test_figures_are_read_from_seeds_with_source_and_date():
    """POLICY: figures live in seeds/ with their source and effective date."""
    with subsidy.FIGURES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert int(rows["subsidy.monthly_fen"]["value"]) == SUBSIDY_MONTHLY_FEN
    for key in ("monthly_fen", "max_months", "near_retirement_months", "graduate_window_years"):
        row = rows[f"subsidy.{key}"]
        assert row["source"] and row["unit"]
        date.fromisoformat(row["effective_on"])


def test_far_from_retirement_runs_3_years_n11():
    """N(十一) 补贴期限最长不超过3年: 36 months from the approval month, which counts as month 1."""
    assert subsidy_months(date(2025, 3, 15), YOUNG_MAN, "male") == 36
    assert subsidy_end_month(date(2025, 3, 15), YOUNG_MAN, "male") == (2028, 2)


@pytest.mark.parametrize(
    ("approved", "months", "end"),
    [
        pytest.param(date(2021, 5, 20), 36, (2024, 4), id="exactly 5 years by date: 3 years"),
        pytest.param(date(2021, 5, 21), 60, (2026, 4), id="5 years less a day: until retirement"),
        pytest.param(date(2021, 6, 1), 59, (2026, 4), id="59 months left: until retirement"),
        pytest.param(date(2021, 6, 30), 59, (2026, 4), id="day of approval does not matter"),
        pytest.param(date(2023, 5, 10), 36, (2026, 4), id="36 months left: until retirement"),
        pytest.param(date(2024, 9, 1), 20, (2026, 4), id="20 months left: until retirement"),
        pytest.param(date(2026, 4, 30), 1, (2026, 4), id="the month before retirement"),
    ],
)
def test_under_5_years_runs_until_retirement_month_excluded_n11(approved, months, end):
    """N(十一) 不足5年…可延长至退休: up to, not including, the 改革后退休时间 2026-05 (表1).

    "不足5年" is measured by date: born 1966-01-20 at 60岁4个月, the retirement date is
    2026-05-20; approval on 2021-05-21 leaves 5 years less a day (the old count of calendar
    months said "60 months, exactly 5 years" and gave only 36 months).
    """
    assert retirement_month(MAN_1966, "male") == (2026, 5)
    assert retirement_date(MAN_1966, "male") == date(2026, 5, 20)
    assert subsidy_months(approved, MAN_1966, "male") == months
    assert subsidy_end_month(approved, MAN_1966, "male") == end


@pytest.mark.parametrize("approved", [date(2026, 5, 1), date(2026, 5, 31), date(2027, 1, 1)])
def test_nothing_at_or_after_retirement_n11(approved):
    """N(十一) 延长至退休: no subsidised month is left once the retirement month has come."""
    assert subsidy_months(approved, MAN_1966, "male") == 0
    with pytest.raises(NoSubsidy) as exc:
        subsidy_end_month(approved, MAN_1966, "male")
    assert exc.value.msgid == MSG_AT_RETIREMENT


def test_the_2025_reform_lengthens_the_period_办法_art1_n11():
    """表3: a woman-50 born 1980-01 retires at 52岁7个月 (2032-08), not at 50 (2030-01)."""
    birth = date(1980, 1, 5)
    assert retirement_month(birth, "female_50") == (2032, 8)
    assert subsidy_months(date(2027, 9, 1), birth, "female_50") == 59
    assert subsidy_end_month(date(2027, 9, 1), birth, "female_50") == (2032, 7)


def test_groups_differ_for_the_same_birth_n11():
    """One birth date, three retirement months (表1-表3), three periods."""
    birth, approved = date(1975, 1, 1), date(2024, 1, 1)
    # Retirement: female_50 2025-02 (50岁1个月), female_55 2031-05 (56岁4个月),
    # male 2037-08 (62岁7个月).
    assert subsidy_months(approved, birth, "female_50") == 13
    assert subsidy_months(approved, birth, "female_55") == 36
    assert subsidy_months(approved, birth, "male") == 36
    with pytest.raises(ValueError):
        subsidy_months(approved, birth, "female")


@pytest.mark.parametrize(
    ("on", "left"),
    [
        pytest.param(date(2025, 1, 1), 36, id="before approval: all"),
        pytest.param(date(2025, 3, 31), 36, id="approval month: all"),
        pytest.param(date(2026, 3, 1), 24, id="a year in"),
        pytest.param(date(2028, 2, 1), 1, id="last month"),
        pytest.param(date(2028, 3, 1), 0, id="after the end"),
    ],
)
def test_months_left_for_the_reminder_page_n11(on, left):
    """Months used and left: the current month still counts as left."""
    assert subsidy_months_left(date(2025, 3, 15), YOUNG_MAN, "male", on) == left


# --- eligibility -------------------------------------------------------------------------------

ON = date(2025, 6, 30)


def _check(**overrides):
    args = {
        "hard_to_employ": False,
        "left_school_on": None,
        "education": "bachelor",
        "works_flexibly": True,
        "pays_as_individual": True,
    }
    args.update(overrides)
    return eligible(ON, **args)


def test_person_with_employment_difficulties_qualifies_n11():
    """N(十一) 就业困难人员 working flexibly and paying as an individual."""
    assert _check(hard_to_employ=True) == (True, [MSG_HARD_TO_EMPLOY])


def test_graduate_within_2_years_qualifies_n11():
    """N(十一) 离校2年内: left 2023-06-30, still in on 2025-06-30 (民法典 art. 201, 202)."""
    assert _check(left_school_on=date(2023, 6, 30)) == (True, [MSG_RECENT_GRADUATE])


def test_both_grounds_are_listed_n11():
    """Each ground is explained."""
    ok, reasons = _check(hard_to_employ=True, left_school_on=date(2024, 7, 1))
    assert ok and reasons == [MSG_HARD_TO_EMPLOY, MSG_RECENT_GRADUATE]


def test_graduate_after_2_years_does_not_qualify_n11():
    """N(十一) 离校2年内: left 2023-06-29, the window closed on 2025-06-29."""
    assert _check(left_school_on=date(2023, 6, 29)) == (False, [MSG_GRADUATE_TOO_LONG_AGO])


def test_leap_day_graduate_window_ends_on_28_february():
    """民法典 art. 202: no corresponding day, so the window ends at the end of the month."""
    left = date(2024, 2, 29)
    common = {
        "works_flexibly": True,
        "pays_as_individual": True,
        "hard_to_employ": False,
        "education": "junior_college",
    }
    assert eligible(date(2026, 2, 28), left_school_on=left, **common)[0] is True
    assert eligible(date(2026, 3, 1), left_school_on=left, **common)[0] is False


@pytest.mark.parametrize("education", sorted(HIGHER_EDUCATION_LEVELS))
def test_university_and_college_graduates_are_高校毕业生_n11(education):
    """N(十一) 高校毕业生; 高等教育法 art. 16: 专科、本科、研究生 are higher education."""
    assert _check(left_school_on=date(2024, 7, 1), education=education)[0] is True


@pytest.mark.parametrize("education", ["primary", "junior_secondary", "senior_secondary"])
def test_school_leavers_below_college_are_not_高校毕业生_n11(education):
    """N(十一) 高校毕业生: a 高中/中专 leaver within 2 years is not a graduate of a 高校."""
    assert _check(left_school_on=date(2024, 7, 1), education=education) == (
        False,
        [MSG_NOT_HIGHER_EDUCATION],
    )


def test_unknown_education_asks_for_it_n11():
    """N(十一) 高校毕业生: without the education level the answer asks for it."""
    assert _check(left_school_on=date(2024, 7, 1), education=None) == (
        False,
        [MSG_EDUCATION_UNKNOWN],
    )
    assert set(EDUCATION_LEVELS) > HIGHER_EDUCATION_LEVELS


def test_not_yet_graduated_is_not_in_the_group_n11():
    """Someone who has not left school yet is neither ground."""
    assert _check(left_school_on=date(2025, 7, 1)) == (False, [MSG_NOT_IN_GROUP])
    assert _check() == (False, [MSG_NOT_IN_GROUP])


def test_must_work_flexibly_and_pay_as_individual_n11():
    """N(十一) 从事灵活就业，以个人身份依法缴纳社会保险: every missing condition is listed."""
    assert _check(hard_to_employ=True, works_flexibly=False) == (False, [MSG_NOT_FLEXIBLE])
    assert _check(hard_to_employ=True, pays_as_individual=False) == (False, [MSG_NOT_INDIVIDUAL])
    assert _check(works_flexibly=False, pays_as_individual=False) == (
        False,
        [MSG_NOT_IN_GROUP, MSG_NOT_FLEXIBLE, MSG_NOT_INDIVIDUAL],
    )


def test_messages_are_plain_msgids():
    """Every reason is a translatable msgid without %-params."""
    for msgid in (
        MSG_HARD_TO_EMPLOY,
        MSG_RECENT_GRADUATE,
        MSG_NOT_IN_GROUP,
        MSG_GRADUATE_TOO_LONG_AGO,
        MSG_NOT_FLEXIBLE,
        MSG_NOT_INDIVIDUAL,
        MSG_AT_RETIREMENT,
    ):
        assert msgid and "%" not in msgid
    assert str(NoSubsidy(MSG_AT_RETIREMENT)) == MSG_AT_RETIREMENT
