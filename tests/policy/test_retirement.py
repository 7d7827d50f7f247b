"""Statutory retirement age, POLICY §8: the 2025 gradual reform and its official 对照表.

Sources cited in the test ids:

* 办法 art.1 — 国务院关于渐进式延迟法定退休年龄的办法 第一条, annexed to the NPC Standing Committee
  decision of 2024-09-13 (https://www.gov.cn/yaowen/liebiao/202409/content_6974294.htm): men and
  women-55 one month every four months, to 63 and 58; women-50 one month every two months, to 55.
* 表1 / 表2 / 表3 — the 办法's 对照表 for 男职工 / 原法定退休年龄五十五周岁的女职工 /
  原法定退休年龄五十周岁的女职工. Rows are bands of 4 (表1, 表2) or 2 (表3) birth months. First
  rows: 1965年1月-4月 → 60岁1个月, 2025年2月-5月; 1970年1月-4月 → 55岁1个月; 1975年1月-2月 →
  50岁1个月. Last rows: 1976年9月-12月 → 63岁; 1981年9月-12月 → 58岁; 1984年11月-12月 → 55岁
  ("从1984年11月出生的人员开始，已经延迟到了55周岁退休",
  https://wxredian.com/art?id=1100f71ff7e000d9425fe40f09faa640).
* 12333 — results of the 电子社保卡 / 12333 retirement calculator, as listed in
  https://blog.csdn.net/qq_22385935/article/details/142263821 (e.g. man born 1966-01 → 2026年5月).
* tuixiunianling.cc — a month-by-month transcription for later births
  (http://www.tuixiunianling.cc/tuixiu/1986.html: 1986 births → 63周岁 / 55岁, 36 / 60 months).
* 办法 art.2 — 从2030年1月1日起，将职工按月领取基本养老金最低缴费年限由15年逐步提高至20年，每年
  提高6个月. 办法 art.3 — 弹性提前退休 / 弹性延迟退休, 最长不超过三年, 不得低于原法定退休年龄.
* rule — a row we could not read in the table text itself. Its value is worked out from 办法 art.1
  the same way the table rows are laid out.
"""

from __future__ import annotations

import csv
import itertools
from datetime import date

import pytest

from marketplace.policy.retirement import (
    CONTRIBUTION_CSV,
    FLEXIBLE_MONTHS,
    GROUP_LABELS,
    GROUPS,
    REFORM_START,
    delay_months,
    flexible_window,
    minimum_contribution_months,
    original_age_months,
    retirement_age_months,
    retirement_month,
)

# (group, birth (year, month), age (years, months), retires (year, month), delay, source)
ROWS = [
    # --- 表1 男职工 -----------------------------------------------------------------------
    ("male", (1964, 1), (60, 0), (2024, 1), 0, "before the reform: 60 in 2024-01"),
    ("male", (1964, 12), (60, 0), (2024, 12), 0, "办法 art.1: 60 reached in 2024-12, no delay"),
    ("male", (1965, 1), (60, 1), (2025, 2), 1, "表1 first row 1965年1月-4月, 12333"),
    ("male", (1965, 4), (60, 1), (2025, 5), 1, "表1 first row 1965年1月-4月 → 2025年2月-5月"),
    ("male", (1965, 5), (60, 2), (2025, 7), 2, "表1 row 2 1965年5月-8月: first change"),
    ("male", (1965, 8), (60, 2), (2025, 10), 2, "表1 row 2 1965年5月-8月"),
    ("male", (1965, 9), (60, 3), (2025, 12), 3, "表1 row 3 1965年9月-12月"),
    ("male", (1965, 12), (60, 3), (2026, 3), 3, "表1 row 3: 1965 births retire by 2026-03"),
    ("male", (1966, 1), (60, 4), (2026, 5), 4, "表1 row 4, 12333 demo 2026年5月"),
    ("male", (1968, 1), (60, 10), (2028, 11), 10, "rule"),
    ("male", (1969, 1), (61, 1), (2030, 2), 13, "rule"),
    ("male", (1970, 1), (61, 4), (2031, 5), 16, "rule"),
    ("male", (1975, 6), (62, 8), (2038, 2), 32, "12333 demo 2038年2月"),
    ("male", (1976, 8), (62, 11), (2039, 7), 35, "表1 last row before the cap"),
    ("male", (1976, 9), (63, 0), (2039, 9), 36, "表1 last row 1976年9月-12月: 63岁"),
    ("male", (1976, 12), (63, 0), (2039, 12), 36, "表1 last row 1976年9月-12月 → 2039年12月"),
    ("male", (1977, 1), (63, 0), (2040, 1), 36, "after 表1: the cap, 63"),
    ("male", (1985, 12), (63, 0), (2048, 12), 36, "after 表1: the cap, 63"),
    # --- 表2 原法定退休年龄五十五周岁的女职工 ---------------------------------------------------
    ("female_55", (1964, 6), (55, 0), (2019, 6), 0, "before the reform: 55 in 2019"),
    ("female_55", (1969, 12), (55, 0), (2024, 12), 0, "办法 art.1: 55 reached in 2024-12"),
    ("female_55", (1970, 1), (55, 1), (2025, 2), 1, "表2 first row 1970年1月-4月, 12333"),
    ("female_55", (1970, 4), (55, 1), (2025, 5), 1, "表2 first row 1970年1月-4月"),
    ("female_55", (1970, 5), (55, 2), (2025, 7), 2, "表2 row 2: first change"),
    ("female_55", (1970, 6), (55, 2), (2025, 8), 2, "12333 demo 2025年8月"),
    ("female_55", (1970, 9), (55, 3), (2025, 12), 3, "12333 demo 2025年12月"),
    ("female_55", (1971, 4), (55, 4), (2026, 8), 4, "rule"),
    ("female_55", (1971, 6), (55, 5), (2026, 11), 5, "12333 demo 2026年11月"),
    ("female_55", (1974, 1), (56, 1), (2030, 2), 13, "rule"),
    ("female_55", (1980, 1), (57, 7), (2037, 8), 31, "rule"),
    ("female_55", (1981, 8), (57, 11), (2039, 7), 35, "表2 last row before the cap"),
    ("female_55", (1981, 9), (58, 0), (2039, 9), 36, "表2 last row 1981年9月-12月: 58岁"),
    ("female_55", (1981, 12), (58, 0), (2039, 12), 36, "表2 last row → 2039年12月"),
    ("female_55", (1985, 12), (58, 0), (2043, 12), 36, "after 表2: the cap, 58"),
    # --- 表3 原法定退休年龄五十周岁的女职工 -----------------------------------------------------
    ("female_50", (1964, 1), (50, 0), (2014, 1), 0, "before the reform: 50 in 2014"),
    ("female_50", (1974, 12), (50, 0), (2024, 12), 0, "办法 art.1: 50 reached in 2024-12"),
    ("female_50", (1975, 1), (50, 1), (2025, 2), 1, "表3 first row 1975年1月-2月, 12333"),
    ("female_50", (1975, 2), (50, 1), (2025, 3), 1, "表3 first row 1975年1月-2月"),
    ("female_50", (1975, 3), (50, 2), (2025, 5), 2, "表3 row 2 1975年3月-4月: first change"),
    ("female_50", (1975, 6), (50, 3), (2025, 9), 3, "12333 demo 2025年9月"),
    ("female_50", (1975, 11), (50, 6), (2026, 5), 6, "rule"),
    ("female_50", (1976, 6), (50, 9), (2027, 3), 9, "12333 demo 2027年3月"),
    ("female_50", (1977, 1), (51, 1), (2028, 2), 13, "12333 demo 2028年2月"),
    ("female_50", (1983, 1), (54, 1), (2037, 2), 49, "rule"),
    ("female_50", (1984, 10), (54, 11), (2039, 9), 59, "表3 last row before the cap"),
    ("female_50", (1984, 11), (55, 0), (2039, 11), 60, "表3 last row 1984年11月-12月, 12333"),
    ("female_50", (1984, 12), (55, 0), (2039, 12), 60, "表3 last row 1984年11月-12月"),
    ("female_50", (1985, 1), (55, 0), (2040, 1), 60, "after 表3: the cap, 55"),
    ("female_50", (1985, 12), (55, 0), (2040, 12), 60, "after 表3: the cap, 55"),
]


def _row_id(row: tuple) -> str:
    group, (year, month), (age_y, age_m), _, _, source = row
    return f"{group}-{year}-{month:02d}-{age_y}y{age_m}m [{source}]"


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(r) for r in ROWS])
def test_age_date_and_delay_match_the_official_table(row):
    """办法 art.1 and 对照表: 改革后法定退休年龄, 改革后退休时间, 延迟月数 per birth month."""
    group, (year, month), (age_y, age_m), retires, delay, _source = row
    for day in (1, 28):  # the day of birth never matters
        birth = date(year, month, day)
        assert retirement_age_months(birth, group) == age_y * 12 + age_m
        assert retirement_month(birth, group) == retires
        assert delay_months(birth, group) == delay


def test_issue_examples_办法_art1():
    """The worked examples of issue 6, read off 表1-表3."""
    assert retirement_age_months(date(1965, 1, 15), "male") == 60 * 12 + 1
    assert retirement_month(date(1965, 1, 15), "male") == (2025, 2)
    assert retirement_age_months(date(1965, 5, 1), "male") == 60 * 12 + 2
    assert retirement_age_months(date(1976, 9, 1), "male") == 63 * 12
    assert retirement_age_months(date(1975, 1, 1), "female_50") == 50 * 12 + 1
    assert retirement_age_months(date(1975, 3, 1), "female_50") == 50 * 12 + 2
    assert retirement_age_months(date(1984, 12, 1), "female_50") == 55 * 12
    assert retirement_age_months(date(1970, 1, 1), "female_55") == 55 * 12 + 1
    assert retirement_age_months(date(1981, 9, 1), "female_55") == 58 * 12


# (group, original age, first delayed birth month, birth months per band, bands, cap age)
TABLES = [
    pytest.param("male", 60, (1965, 1), 4, 36, 63, id="表1 男职工: 1965-01 on, 4-month bands, 36"),
    pytest.param(
        "female_55", 55, (1970, 1), 4, 36, 58, id="表2 女职工55: 1970-01 on, 4-month bands, 36"
    ),
    pytest.param(
        "female_50", 50, (1975, 1), 2, 60, 55, id="表3 女职工50: 1975-01 on, 2-month bands, 60"
    ),
]


def _births(first: tuple[int, int], count: int) -> list[date]:
    """``count`` consecutive birth months from ``first``."""
    year, month = first
    out = []
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@pytest.mark.parametrize(("group", "original", "first", "band", "bands", "cap"), TABLES)
def test_table_bands_one_more_month_per_band_up_to_the_cap(
    group, original, first, band, bands, cap
):
    """办法 art.1 and 表1-表3: every band of 4 (or 2) birth months adds one month until the cap."""
    births = _births(first, band * bands)
    for k in range(bands):
        for birth in births[k * band : (k + 1) * band]:
            assert retirement_age_months(birth, group) == original * 12 + k + 1, birth
    # The table's last band is the first at the cap; everyone born later stays there.
    assert retirement_age_months(births[-1], group) == cap * 12
    for birth in _births(first, band * bands + 120)[band * bands :]:
        assert retirement_age_months(birth, group) == cap * 12


@pytest.mark.parametrize(("group", "original", "first", "band", "bands", "cap"), TABLES)
def test_cohorts_before_the_tables_keep_the_original_age(group, original, first, band, bands, cap):
    """办法 art.1: who reaches the original age before 2025-01 retires at the original age."""
    assert original_age_months(group) == original * 12
    for birth in _births((1964, 1), 12 * 22):
        if (birth.year, birth.month) < first:
            assert retirement_age_months(birth, group) == original * 12, birth
            original_month = (birth.year + original, birth.month)
            assert original_month < REFORM_START
            assert retirement_month(birth, group) == original_month


@pytest.mark.parametrize("group", GROUPS)
def test_retirement_month_is_birth_month_plus_age_for_1964_to_1985(group):
    """对照表 改革后退休时间 = 出生年月 + 改革后法定退休年龄, month arithmetic across year ends."""
    for birth in _births((1964, 1), 12 * 22):
        age = retirement_age_months(birth, group)
        years, months = divmod(age, 12)
        year = birth.year + years + (birth.month + months - 1) // 12
        month = (birth.month + months - 1) % 12 + 1
        assert retirement_month(birth, group) == (year, month), birth


@pytest.mark.parametrize("group", GROUPS)
def test_no_two_birth_months_retire_in_the_same_month(group):
    """对照表: a later birth month never retires earlier or in the same month (1964–1985)."""
    months = [retirement_month(b, group) for b in _births((1964, 1), 12 * 22)]
    assert months == sorted(set(months))


def test_first_delayed_month_is_the_reform_start_办法_art1():
    """办法 art.1: the delay starts from 2025-01-01, for original retirement months from 2025-01."""
    assert REFORM_START == (2025, 1)
    assert delay_months(date(1964, 12, 31), "male") == 0
    assert delay_months(date(1965, 1, 1), "male") == 1


def test_unknown_group_raises_value_error():
    """Only the three groups of 办法 art.1 exist."""
    for group in ("female", "MALE", "", "female_60"):
        with pytest.raises(ValueError):
            retirement_age_months(date(1970, 1, 1), group)
        with pytest.raises(ValueError):
            retirement_month(date(1970, 1, 1), group)


def test_every_group_has_a_label():
    """The entitlements page names each group."""
    assert set(GROUP_LABELS) == set(GROUPS) == {"male", "female_55", "female_50"}


# --- 办法 art. 2: minimum contribution years; art. 3: 弹性退休 ------------------------------


@pytest.mark.parametrize(
    ("year", "months"),
    [
        pytest.param(2025, 180, id="2025: 15 years"),
        pytest.param(2029, 180, id="2029: still 15 years"),
        pytest.param(2030, 186, id="2030: 15 years 6 months"),
        pytest.param(2031, 192, id="2031: 16 years"),
        pytest.param(2035, 216, id="2035: 18 years"),
        pytest.param(2039, 240, id="2039: 20 years"),
        pytest.param(2050, 240, id="after 2039: stays 20 years"),
    ],
)
def test_minimum_contribution_rises_6_months_a_year_from_2030_办法_art2(year, months):
    """办法 第二条: 从2030年1月1日起…最低缴费年限由15年逐步提高至20年，每年提高6个月."""
    assert minimum_contribution_months(year) == months


def test_minimum_contribution_table_is_seed_data_with_sources():
    """The table lives in seeds/ with a source on every row."""
    with CONTRIBUTION_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["source"] for row in rows)
    steps = [int(b["months"]) - int(a["months"]) for a, b in itertools.pairwise(rows[1:])]
    assert set(steps) == {6}


def test_flexible_retirement_man_born_1970_办法_art3():
    """办法 第三条: man born 1970-03 reaches 61岁4个月 in 2031-07; 3 years earlier would be
    58岁4个月, below the original 60, so the earliest is 60 (2030-03); the latest 2034-07."""
    assert retirement_month(date(1970, 3, 5), "male") == (2031, 7)
    assert flexible_window(date(1970, 3, 5), "male") == ((2030, 3), (2034, 7))


def test_flexible_retirement_young_woman_55_办法_art3():
    """办法 第三条: woman-55 born 1990-05 reaches 58 in 2048-05: from 2045-05 to 2051-05."""
    assert flexible_window(date(1990, 5, 1), "female_55") == ((2045, 5), (2051, 5))
    assert FLEXIBLE_MONTHS == 36
