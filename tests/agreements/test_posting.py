"""Posting with the assessment (POLICY §3) and the 非全日制 limits (POLICY §4, 劳动合同法 68–72)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.errors import DomainError
from marketplace.gigs.services import hourly_minimum_fen
from marketplace.models import Gig, PayUnit, WorkForm, db
from marketplace.policy.labour_relation import Answers, Outcome
from tests.factories import gig_form, make_employer, make_gig, shift_in, town

LABOUR = Answers(qualified=True, employer_rules=True, core_business=True, manages_process=True)


def _minimum(days: int = 2) -> int:
    return hourly_minimum_fen(town(), shift_in(days=days).day)


def _part_time(employer, **overrides):
    data = dict(
        work_form=WorkForm.PART_TIME,
        pay_unit=PayUnit.HOUR,
        pay_fen=_minimum(),
        pay_within_days=15,
        shifts=[shift_in(hours=4)],
        injury_insurance=True,
    )
    data.update(overrides)
    return make_gig(employer, **data)


def test_minimum_wage_comes_from_seeds_by_district_tier_and_date(app):
    """The town's district wage tier and the newest MinimumWage in force on the date."""
    t = town()
    assert (
        hourly_minimum_fen(t, shift_in().day) == {1: 2400, 2: 2200, 3: 2000}[t.district.wage_tier]
    )
    older = shift_in().day.replace(year=2022)
    assert hourly_minimum_fen(t, older) == {1: 2200, 2: 2000, 3: 1800}[t.district.wage_tier]


def test_part_time_just_inside_every_limit_is_posted_art68_art72(app):
    """4 h shifts, pay at the minimum, paid within 15 days: published."""
    gig = _part_time(make_employer())
    assert gig.id and gig.work_form == WorkForm.PART_TIME


def test_part_time_post_must_provide_injury_insurance(app):
    """劳社部发〔2003〕12号 art. 12: no work-injury insurance, no part-time post."""
    with pytest.raises(DomainError, match="injury"):
        _part_time(make_employer(), injury_insurance=False)


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"shifts": [shift_in(hours=5)]}, "4 hours a day"),
        ({"pay_unit": PayUnit.DAY, "pay_fen": 20000}, "paid by the hour"),
        ({"pay_fen": -1}, "minimum wage"),
        ({"pay_within_days": 16}, "every 15 days"),
        ({"shifts": "week"}, "24 hours a week"),
    ],
    ids=[
        "day-over-4h-art68",
        "not-hourly-art72",
        "below-minimum-art72",
        "cycle-16d-art72",
        "week-over-24h-art68",
    ],
)
def test_part_time_just_outside_a_limit_is_refused_art68_art72(app, overrides, words):
    """Each breach is refused with a message naming the rule."""
    overrides = dict(overrides)
    if overrides.get("pay_fen") == -1:
        overrides["pay_fen"] = _minimum() - 1
    if overrides.get("shifts") == "week":  # seven 4 h days in one ISO week: 28 h
        overrides["shifts"] = [shift_in(days=_next_monday() + d, hours=4) for d in range(7)]
    with pytest.raises(DomainError) as exc:
        _part_time(make_employer(), **overrides)
    assert words in str(exc.value) and "Labour Contract Law art." in str(exc.value)


def _next_monday() -> int:
    """Days from today (Asia/Shanghai) to the Monday after next."""
    return 14 - shift_in(days=0).day.weekday()


def test_part_time_week_of_24_hours_is_posted_art68(app):
    """Six 4 h shifts in one ISO week (Monday to Saturday) are exactly 24 h."""
    shifts = [shift_in(days=_next_monday() + d, hours=4) for d in range(6)]
    assert _part_time(make_employer(), shifts=shifts).id


def test_other_work_forms_keep_day_pay_policy_4_applies_to_part_time_only(app):
    """A temporary gig paid by the day for 8 hours is not held to the part-time limits."""
    assert make_gig(make_employer(), shifts=[shift_in(hours=8)]).id


def test_answers_and_outcome_are_stored_with_the_gig_policy_3(app):
    """The employer's four answers and the outcome are kept on the post."""
    gig = make_gig(make_employer(), answers=LABOUR)
    stored = db.session.scalar(select(Gig).where(Gig.id == gig.id))
    assert stored.relation_outcome == Outcome.LABOUR_CONTRACT and stored.needs_labour_contract
    assert stored.answers == LABOUR


def _form(**overrides):
    return gig_form(
        **{"q_manages_process": "no", "assessed_outcome": None, "confirm_assessment": None}
        | overrides
    )


def test_outcome_is_shown_before_publishing_and_needs_confirmation_policy_3(client, login):
    """First the outcome with reasons and citation; publishing needs the confirm box."""
    employer = make_employer()
    login(client, employer)
    r = client.post("/gigs/new", data=_form())
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and 'data-testid="assessment-outcome"' in page
    assert "劳务协议" in page and "劳社部发〔2005〕12号" in page
    assert db.session.scalar(select(Gig.id)) is None
    # Confirming an outcome other than the one the answers give is not enough.
    r = client.post(
        "/gigs/new",
        data=_form(confirm_assessment="y", assessed_outcome="written_agreement"),
    )
    assert r.status_code == 200 and db.session.scalar(select(Gig.id)) is None
    r = client.post(
        "/gigs/new",
        data=_form(confirm_assessment="y", assessed_outcome="service_agreement"),
    )
    assert r.status_code == 302
    gig = db.session.scalar(select(Gig))
    assert gig.relation_outcome == Outcome.SERVICE_AGREEMENT and not gig.answer_manages_process


def test_part_time_refusal_is_shown_on_the_form_policy_4(client, login):
    """A part-time post over 4 h a day is refused already at the preview step."""
    login(client, make_employer())
    r = client.post("/gigs/new", data=_form(work_form="part_time", pay="30", pay_unit="hour"))
    assert r.status_code == 400
    assert "劳动合同法第六十八条" in r.get_data(as_text=True)


def test_workers_see_the_answers_and_the_agreement_note_policy_3(client, app):
    """The gig page shows 非劳动关系灵活用工 with 书面协议, or 劳动合同 with guidance."""
    employer = make_employer()
    flexible = make_gig(employer)
    contract = make_gig(employer, title="仓库全职理货员", answers=LABOUR)
    db.session.commit()
    page = client.get(f"/gigs/{flexible.id}").get_data(as_text=True)
    assert "本岗位为非劳动关系灵活用工，签订书面协议" in page
    assert 'data-testid="relation-answers"' in page
    page = client.get(f"/gigs/{contract.id}").get_data(as_text=True)
    assert "劳动合同" in page and "不生成零工协议" in page
