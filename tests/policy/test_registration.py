"""N(二) flexible-employment registration: who may register, the 60-day deadline, the places."""

from datetime import date

import pytest

from marketplace.policy import registration as rule

ON = date(2026, 6, 1)


def _decide(**overrides):
    args = dict(
        ningbo_hukou=True,
        residence_permit_since=None,
        birth=date(1990, 5, 1),
        group="male",
        stable_income=True,
        started_on=date(2026, 5, 1),
        on=ON,
    )
    args.update(overrides)
    return rule.can_register(**args)


def test_n2_deadline_is_60_days_read_from_seeds():
    """N(二): 可于实现就业后60日内 — the figure comes from seeds/policy_figures.csv."""
    assert rule.DEADLINE_DAYS == 60
    assert rule.deadline(date(2026, 1, 1)) == date(2026, 3, 2)


def test_n2_on_the_deadline_day_is_on_time_after_it_late():
    """N(二), POLICY §2: late registrations are accepted but flagged."""
    start = date(2026, 1, 1)
    assert not rule.is_late(start, date(2026, 3, 2))
    assert rule.is_late(start, date(2026, 3, 3))
    assert rule.days_left(start, date(2026, 2, 15)) == 15
    assert rule.days_left(start, date(2026, 3, 5)) == -3


def test_n2_ningbo_hukou_may_register():
    """N(二): 具有本市户籍 … 可办理灵活就业登记."""
    assert _decide().ok


def test_n2_residence_permit_holder_may_register():
    """N(二): 或持有我市有效居住证."""
    assert _decide(ningbo_hukou=False, residence_permit_since=date(2026, 5, 20)).ok


def test_n2_neither_hukou_nor_permit_is_refused_with_reason():
    """N(二): without Ningbo 户籍 or a 居住证 the refusal says to apply for a permit."""
    decision = _decide(ningbo_hukou=False)
    assert not decision.ok
    assert decision.reasons[0][0] == rule.MSG_NO_RESIDENCE


def test_n2_permit_issued_later_is_not_yet_valid():
    """N(二) 有效居住证: a permit dated after today does not count yet."""
    decision = _decide(ningbo_hukou=False, residence_permit_since=date(2026, 7, 1))
    assert decision.reasons == [(rule.MSG_PERMIT_NOT_YET, {"since": "2026-07-01"})]


def test_n1_under_16_is_refused():
    """N(一), Labour Law art. 15: at least 16."""
    decision = _decide(birth=date(2010, 7, 1))
    assert decision.reasons == [(rule.MSG_TOO_YOUNG, {"age": 16})]


@pytest.mark.parametrize(
    ("birth", "group", "ok"),
    [
        # 对照表 table 1: men born 1965-01 retire at 60岁1个月, in 2025-02.
        (date(1965, 1, 10), "male", False),
        # Men born 1966-06: 60岁5个月 → 2026-11; still working in 2026-06.
        (date(1966, 6, 1), "male", True),
        # 对照表 table 2: women-55 born 1971-01 retire at 55 + 4 months = 2026-05.
        (date(1971, 1, 1), "female_55", False),
        # 对照表 table 3: women-50 born 1975-01 retired at 50岁1个月 in 2025-02.
        (date(1975, 1, 1), "female_50", False),
        # Women-50 born 1976-01: 50岁7个月 → 2026-08; still working in 2026-06.
        (date(1976, 1, 1), "female_50", True),
    ],
)
def test_n1_retirement_age_from_the_2024_decision(birth, group, ok):
    """N(一) working age ends at the statutory retirement month (2024-09-13 decision)."""
    assert _decide(birth=birth, group=group).ok is ok


def test_n2_relatively_stable_income_required():
    """N(二): 有相对稳定收入."""
    assert _decide(stable_income=False).reasons == [(rule.MSG_NO_STABLE_INCOME, {})]


def test_n2_work_must_have_started():
    """N(二): 实现就业后 — registration follows the start of the work."""
    assert _decide(started_on=date(2026, 7, 1)).reasons == [(rule.MSG_STARTS_LATER, {})]


def test_n2_all_four_unemployment_places_are_offered():
    """N(二): 户籍地、常住地、就业地、参保地中任意一地 — all four, in the notice's order."""
    assert rule.unemployment_places() == ["hukou", "residence", "employment", "insurance"]
    assert set(rule.PLACES) == set(rule.unemployment_places())
