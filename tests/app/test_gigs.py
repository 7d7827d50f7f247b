"""Employer profiles, posting gigs, browsing with filters, sort and pages."""

from datetime import timedelta

from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.i18n import to_local
from marketplace.models import (
    EmployerProfile,
    Gig,
    PayUnit,
    Role,
    SeasonTag,
    Town,
    WorkForm,
    db,
    utcnow,
)
from tests.factories import credit_code, gig_form, make_employer, make_gig, shift_in, town


def _employer_client(client, login):
    user = register("13712340000", "secret-pass-1", Role.EMPLOYER, "")
    login(client, user, "secret-pass-1")
    return user


def _profile_form(**overrides):
    data = {
        "kind": "company",
        "name": "象山海鲜有限公司",
        "credit_code": credit_code(),
        "contact_name": "李经理",
        "town_id": str(town().id),
        "address": "渔港路 1 号",
    }
    data.update(overrides)
    return data


def test_company_needs_valid_credit_code(client, login):
    """A company with a wrong credit code is refused; a household needs none."""
    user = _employer_client(client, login)
    good = credit_code()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    r = client.post("/employer/profile", data=_profile_form(credit_code=bad))
    assert r.status_code == 400 and "统一社会信用代码" in r.get_data(as_text=True)
    assert db.session.get(EmployerProfile, user.id) is None
    r = client.post("/employer/profile", data=_profile_form(kind="household", credit_code=""))
    assert r.status_code == 302
    assert db.session.get(EmployerProfile, user.id).verification.value == "pending"


def test_credit_code_parts_are_checked_and_the_wrong_one_named(client, login):
    """GB 32100: authority, type for that authority and division, each with its own message."""
    user = _employer_client(client, login)
    cases = [
        (credit_code(prefix="B1"), "统一社会信用代码第1位不是登记管理部门代码"),
        (credit_code(prefix="94"), "统一社会信用代码前两位对不上"),
        (credit_code(division="999999"), "统一社会信用代码第3至8位不是中国的行政区划代码"),
    ]
    for code, message in cases:
        r = client.post("/employer/profile", data=_profile_form(credit_code=code))
        assert r.status_code == 400 and message in r.get_data(as_text=True), code
        assert db.session.get(EmployerProfile, user.id) is None
    r = client.post("/employer/profile", data=_profile_form(credit_code=credit_code(prefix="92")))
    assert r.status_code == 302
    assert db.session.get(EmployerProfile, user.id).credit_code.startswith("92330200")


def _gig_form(**overrides):
    day = (to_local(utcnow()) + timedelta(days=3)).date().isoformat()
    return gig_form(
        **{
            "description": "上山采摘杨梅，包午饭。",
            "work_form": "seasonal",
            "season_tag": "harvest",
            "pay": "25",
            "pay_unit": "hour",
            "injury_insurance": "y",
            "shifts-0-slots": "5",
            "shifts-1-day": day,
            "shifts-1-start": "15:00",
            "shifts-1-end": "19:00",
            "shifts-1-slots": "2",
        }
        | overrides
    )


def test_post_gig_with_shifts(client, login):
    """An employer posts an hourly gig with two shifts; the day pay is worked out in fen."""
    user = _employer_client(client, login)
    client.post("/employer/profile", data=_profile_form())
    r = client.post("/gigs/new", data=_gig_form())
    assert r.status_code == 302
    gig = db.session.scalar(select(Gig).where(Gig.employer_id == user.id))
    assert gig.pay_fen == 2500 and gig.pay_unit == PayUnit.HOUR
    assert gig.daily_pay_fen == 2500 * 6  # average of an 8 h and a 4 h shift
    assert [s.slots for s in gig.shifts] == [5, 2]
    assert gig.injury_insurance and gig.work_form == WorkForm.SEASONAL
    assert gig.season_tag == SeasonTag.HARVEST
    # 07:00 in Ningbo is 23:00 UTC the day before.
    assert gig.shifts[0].starts_at.hour == 23
    page = client.get(f"/gigs/{gig.id}").get_data(as_text=True)
    assert "150.00" in page and "杨梅采摘" in page and "5 / 5" in page


def test_post_gig_refuses_past_shift_and_half_rows(client, login):
    """A shift in the past or a half-filled shift row is refused; nothing is saved."""
    _employer_client(client, login)
    client.post("/employer/profile", data=_profile_form())
    yesterday = (to_local(utcnow()) - timedelta(days=1)).date().isoformat()
    r = client.post("/gigs/new", data=_gig_form(**{"shifts-0-day": yesterday}))
    assert r.status_code == 400
    r = client.post("/gigs/new", data=_gig_form(**{"shifts-1-slots": ""}))
    assert r.status_code == 400
    r = client.post("/gigs/new", data=_gig_form(pay="abc"))
    assert r.status_code == 400
    assert db.session.scalar(select(Gig)) is None


def test_post_requires_employer_profile(client, login):
    """Without a profile the employer is sent to fill it in first."""
    _employer_client(client, login)
    r = client.get("/gigs/new")
    assert r.status_code == 302 and r.headers["Location"].endswith("/employer/profile")


def test_browse_filters_sorts_and_pages(client, app):
    """Filters narrow the list, pay sort puts the best-paid first, pages split the list."""
    employer = make_employer(verified=True)
    towns = db.session.scalars(select(Town).order_by(Town.code)).all()
    far = towns[-1]
    make_gig(employer, title="保洁A", pay_fen=15000)
    make_gig(employer, title="保洁B", pay_fen=30000, work_form=WorkForm.FLEXIBLE)
    make_gig(
        employer,
        title="远方岗位",
        pay_fen=20000,
        town_id=far.id,
        season_tag=SeasonTag.MORATORIUM,
        category_code="fishing",
    )
    db.session.commit()
    body = client.get("/gigs?sort=pay").get_data(as_text=True)
    assert body.index("保洁B") < body.index("远方岗位") < body.index("保洁A")
    body = client.get("/gigs?work_form=flexible").get_data(as_text=True)
    assert "保洁B" in body and "保洁A" not in body
    body = client.get("/gigs?season_tag=moratorium").get_data(as_text=True)
    assert "远方岗位" in body and "保洁A" not in body
    body = client.get(f"/gigs?district_id={far.district_id}").get_data(as_text=True)
    assert "远方岗位" in body
    body = client.get("/gigs?min_pay=200").get_data(as_text=True)
    assert "保洁A" not in body and "保洁B" in body
    body = client.get(f"/gigs?sort=distance&near_town_id={far.id}").get_data(as_text=True)
    assert body.index("远方岗位") < body.index("保洁A")
    app.config["GIGS_PER_PAGE"] = 2
    try:
        first = client.get("/gigs").get_data(as_text=True)
    finally:
        app.config["GIGS_PER_PAGE"] = 20
    assert 'rel="next"' in first


def test_browse_by_date_range(client):
    """Only gigs with a shift in the chosen dates are listed."""
    employer = make_employer()
    make_gig(employer, title="下周的活", shifts=[shift_in(days=8)])
    make_gig(employer, title="明天的活", shifts=[shift_in(days=1)])
    db.session.commit()
    tomorrow = (to_local(utcnow()) + timedelta(days=1)).date().isoformat()
    body = client.get(f"/gigs?date_from={tomorrow}&date_to={tomorrow}").get_data(as_text=True)
    assert "明天的活" in body and "下周的活" not in body


def test_bad_filter_input_gets_400(client):
    """A malformed date in the filter is reported, not a crash."""
    r = client.get("/gigs?date_from=not-a-date")
    assert r.status_code == 400


def test_gig_page_shows_employer_verification(client):
    """Workers see whether the employer has been verified."""
    gig = make_gig(make_employer())
    db.session.commit()
    assert 'data-testid="employer-status"' in client.get(f"/gigs/{gig.id}").get_data(as_text=True)
    assert client.get("/gigs/99999").status_code == 404
