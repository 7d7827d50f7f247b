"""Support beyond insurance: start-up periods by date (P 二(一)), and the sections the product
cannot decide (P 五(二), N(八), N(十二), N(十三), N(十一)) explain and say where to ask."""

from datetime import date

import pytest

from marketplace.policy import support
from marketplace.policy.entitlements import Person


def person(**overrides):
    base = dict(hukou="ningbo", birth=date(1985, 4, 2), group="male")
    base.update(overrides)
    return Person(**base)


def msgids(answer):
    return [msgid for msgid, _params in answer.says + answer.missing]


def param(answer, msgid, name):
    return next(params[name] for m, params in answer.says + answer.missing if m == msgid)


def test_the_periods_are_the_seed_figures_p2_1():
    """P 二(一): 初创5年内 for the loan, 初创3年内 for the subsidies — read from seeds/."""
    assert support.LOAN_YEARS == 5 and support.SUBSIDY_YEARS == 3


@pytest.mark.parametrize(
    ("started", "subsidies", "loan"),
    [
        (date(2021, 6, 15), date(2024, 6, 15), date(2026, 6, 15)),
        # 民法典 第二百零二条: no 29 February in the last year, so the month's last day.
        (date(2024, 2, 29), date(2027, 2, 28), date(2029, 2, 28)),
        # 28 February stays 28 February, even when the last year is a leap year.
        (date(2023, 2, 28), date(2026, 2, 28), date(2028, 2, 28)),
        (date(2020, 2, 29), date(2023, 2, 28), date(2025, 2, 28)),
    ],
)
def test_last_days_of_the_periods_p2_1(started, subsidies, loan):
    """The last day is the same date 3 or 5 years later, or the month's end."""
    assert support.subsidies_until(started) == subsidies
    assert support.loan_until(started) == loan


def test_exactly_three_years_after_starting_the_subsidies_still_apply():
    """初创3年内: on the third anniversary the subsidies still apply; the day after, not."""
    started = date(2021, 6, 15)
    on_the_day = support.start_up(person(business_started_on=started), date(2024, 6, 15))
    assert on_the_day.ok and on_the_day.missing == []
    assert param(on_the_day, support.SUBSIDIES_UNTIL, "until") == date(2024, 6, 15)
    assert param(on_the_day, support.LOAN_UNTIL, "until") == date(2026, 6, 15)

    day_after = support.start_up(person(business_started_on=started), date(2024, 6, 16))
    assert day_after.ok  # the loan still applies
    assert support.SUBSIDIES_UNTIL not in msgids(day_after)
    assert day_after.missing == [
        (support.SUBSIDIES_ENDED, {"years": 3, "until": date(2024, 6, 15)})
    ]


def test_exactly_five_years_after_starting_the_loan_still_applies():
    """初创5年内: on the fifth anniversary the loan still applies; the day after, it is over."""
    started = date(2021, 6, 15)
    on_the_day = support.start_up(person(business_started_on=started), date(2026, 6, 15))
    assert on_the_day.ok and on_the_day.tag == ""
    assert param(on_the_day, support.LOAN_UNTIL, "until") == date(2026, 6, 15)

    day_after = support.start_up(person(business_started_on=started), date(2026, 6, 16))
    assert not day_after.ok and day_after.tag == support.PERIOD_OVER
    assert support.LOAN_UNTIL not in msgids(day_after)
    assert (support.LOAN_ENDED, {"years": 5, "until": date(2026, 6, 15)}) in day_after.missing


def test_a_leap_day_start_ends_on_28_february():
    """Started 2024-02-29: subsidies through 2027-02-28, not into March."""
    started = person(business_started_on=date(2024, 2, 29))
    assert param(
        support.start_up(started, date(2027, 2, 28)), support.SUBSIDIES_UNTIL, "until"
    ) == (date(2027, 2, 28))
    assert support.SUBSIDIES_ENDED in msgids(support.start_up(started, date(2027, 3, 1)))


def test_without_a_business_date_the_worker_is_told_what_to_enter():
    """No date: the rule in general, what to enter, no yes and no period."""
    answer = support.start_up(person(), date(2026, 6, 15))
    assert not answer.ok and answer.tag == support.DATE_NEEDED
    assert answer.missing == [(support.START_UP_ENTER, {})]
    assert param(answer, support.START_UP, "loan_years") == 5
    assert support.LOAN_UNTIL not in msgids(answer)


def test_a_business_date_in_the_future_is_asked_again():
    """A start after today is not counted."""
    answer = support.start_up(person(business_started_on=date(2026, 7, 1)), date(2026, 6, 15))
    assert answer.missing == [(support.START_UP_FUTURE, {})] and not answer.ok


def test_drivers_hear_of_the_vehicle_loan():
    """P 二(一): 巡游出租车营运司机和网约车平台专职司机购置车辆 — shown to drivers only."""
    on = date(2026, 6, 15)
    assert support.START_UP_VEHICLE in msgids(
        support.start_up(person(skill_categories=frozenset({"driving"})), on)
    )
    assert support.START_UP_VEHICLE not in msgids(support.start_up(person(), on))


def test_trade_union_names_the_federation_of_the_workers_trade():
    """P 五(二): 快递行业工会联合会 for couriers; 养老服务、医养照护 for carers; never a yes."""
    courier = support.trade_union(person(skill_categories=frozenset({"delivery", "fishing"})))
    assert support.UNION_FOR_TRADE["delivery"] in msgids(courier)
    assert support.UNION_FOR_TRADE["eldercare"] not in msgids(courier)
    carer = support.trade_union(person(skill_categories=frozenset({"eldercare"})))
    assert support.UNION_FOR_TRADE["eldercare"] in msgids(carer)
    assert not courier.ok and courier.tag == support.ASK and courier.citation == "P 五(二)"


def test_professional_title_is_explained_with_where_to_ask():
    """N(八), P 四(三): conditions the product does not hold; couriers hear of 快递工程 titles."""
    answer = support.professional_title(person(skill_categories=frozenset({"delivery"})))
    assert not answer.ok and answer.tag == support.ASK
    assert support.TITLE_COURIERS in msgids(answer)
    assert param(answer, support.ASK_HR, "hotline") == "12333"
    assert support.TITLE_COURIERS not in msgids(support.professional_title(person()))


def test_housing_and_schooling_follow_hukou_and_residence_permit():
    """N(十二): settling is for workers from elsewhere; N(十三): the permit is the main document."""
    on = date(2026, 6, 15)
    local = support.housing_and_schooling(person(), on)
    assert support.SETTLE_NINGBO in msgids(local) and local.missing == []
    holder = support.housing_and_schooling(
        person(hukou="other", residence_permit_since=date(2025, 3, 1)), on
    )
    assert support.SETTLE_ELSEWHERE in msgids(holder)
    assert param(holder, support.SCHOOL_PERMIT, "since") == date(2025, 3, 1)
    without = support.housing_and_schooling(person(hukou="zhejiang"), on)
    assert without.missing == [(support.SCHOOL_NO_PERMIT, {})]
    assert all(a.tag == support.ASK and not a.ok for a in (local, holder, without))


def test_social_assistance_is_never_decided_here():
    """N(十一): the civil-affairs department decides on facts the product does not hold."""
    answer = support.social_assistance()
    assert not answer.ok and answer.tag == support.ASK and answer.citation == "N(十一)"
    assert support.ASSISTANCE_NOT_HERE in msgids(answer)
