"""我能享受哪些政策: known profiles and their known answers (N(九), N(十一), the 2024 decision)."""

from datetime import date

from marketplace.policy import entitlements as rule

ON = date(2026, 6, 15)


def person(**overrides):
    base = dict(hukou="ningbo", birth=date(1990, 3, 1), group="male")
    base.update(overrides)
    return rule.Person(**base)


def texts(answer):
    return [msgid % params if params else msgid for msgid, params in answer.says + answer.missing]


def test_retirement_man_born_1970_from_the_official_table():
    """2024-09-13 decision, table 1: men born 1970-03 retire at 61岁4个月 (delay 16 months)."""
    answer = rule.retirement(person(birth=date(1970, 3, 1)))
    assert answer.says[0][1] == {"years": 61, "months": 4}
    assert answer.says[1][1] == {"year": 2031, "month": 7}


def test_retirement_woman_50_born_1980_from_the_official_table():
    """2024-09-13 decision, table 3: women-50 born 1980-01 → 50 + 31 months = 52岁7个月."""
    answer = rule.retirement(person(birth=date(1980, 1, 1), group="female_50"))
    assert answer.says[0][1] == {"years": 52, "months": 7}


def test_n9_pension_ningbo_hukou():
    """N(九): 在我市就业的灵活就业人员，可……以个人身份参加企业职工基本养老保险."""
    assert rule.pension(person()).ok


def test_n9_pension_zhejiang_hukou_at_home_or_after_registration():
    """N(九): 省内户籍……可在户籍地参加，也可在办理就业登记后在我市参加."""
    answer = rule.pension(person(hukou="zhejiang"))
    assert answer.ok and answer.missing
    assert rule.pension(person(hukou="zhejiang", registered=True)).missing == []


def test_n9_pension_other_province_needs_registration():
    """N(九): 外省户籍……在我市按规定办理就业登记后参加."""
    assert not rule.pension(person(hukou="other")).ok
    assert rule.pension(person(hukou="other", registered=True)).ok


def test_n9_medical_permit_under_one_year_says_months_to_go():
    """N(九): 持我市居住证满1年 — 8 months held → 还差 4 个月."""
    answer = rule.medical(person(hukou="other", residence_permit_since=date(2025, 10, 15)), ON)
    assert not answer.ok
    assert answer.missing[0][1] == {"needed": 12, "months": 4}
    assert "4 months to go" in texts(answer)[-1]


def test_n9_medical_permit_one_year_and_not_insured_elsewhere():
    """N(九): 满1年的、未在异地参加基本医疗保险的 → 职工医保 in Ningbo."""
    assert rule.medical(person(hukou="other", residence_permit_since=date(2025, 6, 15)), ON).ok
    insured = person(hukou="other", residence_permit_since=date(2020, 1, 1), insured_elsewhere=True)
    assert not rule.medical(insured, ON).ok


def test_n9_medical_without_permit_points_to_the_resident_scheme():
    """N(九): 未参加职工医保的，参加城乡居民基本医疗保险."""
    answer = rule.medical(person(hukou="zhejiang"), ON)
    assert not answer.ok and "resident medical insurance" in texts(answer)[0]


def test_n11_subsidy_hard_to_employ_36_months_450_yuan():
    """N(十一), P 三(二): 就业困难人员, paying as an individual: 450 yuan for 36 months."""
    answer = rule.social_subsidy(person(hard_to_employ=True, pays_as_individual=True), ON)
    assert answer.ok
    assert {"yuan": 450, "months": 36} in [p for _, p in answer.says]


def test_n11_subsidy_near_retirement_runs_to_retirement():
    """N(十一): under 5 years to retirement at approval → until retirement (man born 1966-06)."""
    p = person(
        birth=date(1966, 6, 1),
        hard_to_employ=True,
        pays_as_individual=True,
        subsidy_approved_on=date(2026, 1, 1),
    )
    answer = rule.social_subsidy(p, ON)
    # Table 1: born 1966-06 → 60岁5个月, retiring 2026-11: January to October = 10 months.
    assert {"yuan": 450, "months": 10} in [p for _, p in answer.says]
    assert {"year": 2026, "month": 10} in [p for _, p in answer.says]
    assert {"used": 5, "left": 5} in [p for _, p in answer.says]


def test_n11_graduate_within_2_years_qualifies_not_after():
    """N(十一): 离校2年内未就业高校毕业生."""
    recent = person(left_school_on=date(2025, 7, 1), education="bachelor", pays_as_individual=True)
    assert rule.social_subsidy(recent, ON).ok
    old = person(left_school_on=date(2023, 7, 1), education="bachelor", pays_as_individual=True)
    assert not rule.social_subsidy(old, ON).ok


def test_n11_graduate_judged_at_first_approval_not_today():
    """N(十一) 初次核定: approved 2024-01-10, 18 months after leaving school, still subsidised
    on 2026-06-15 although the 2-year window closed on 2024-07-01."""
    p = person(
        left_school_on=date(2022, 7, 1),
        education="junior_college",
        pays_as_individual=True,
        subsidy_approved_on=date(2024, 1, 10),
    )
    answer = rule.social_subsidy(p, ON)
    assert answer.ok
    assert {"used": 29, "left": 7} in [params for _, params in answer.says]
    not_yet = person(left_school_on=date(2022, 7, 1), education="bachelor", pays_as_individual=True)
    assert not rule.social_subsidy(not_yet, ON).ok


def test_n11_secondary_school_leaver_is_not_a_graduate():
    """N(十一) 高校毕业生: a 中专 leaver within 2 years does not qualify as a graduate."""
    p = person(
        left_school_on=date(2025, 7, 1), education="senior_secondary", pays_as_individual=True
    )
    assert not rule.social_subsidy(p, ON).ok


def test_n11_subsidy_needs_individual_contributions():
    """N(十一): 以个人身份依法缴纳社会保险的."""
    answer = rule.social_subsidy(person(hard_to_employ=True), ON)
    assert not answer.ok
