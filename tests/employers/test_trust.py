"""Employers earn trust before they see people: drafts until verified, no names, households."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from marketplace.agreements.services import current_agreement
from marketplace.employers import verification
from marketplace.employers.services import EmployerProfileInput, profile_of, save_profile
from marketplace.errors import DomainError
from marketplace.gigs.search import GigFilters, search
from marketplace.matchmaking.services import recommend_gigs
from marketplace.models import (
    EmployerKind,
    EmployerProfile,
    Gig,
    GigStatus,
    Shift,
    User,
    Verification,
    db,
    utcnow,
)
from marketplace.rights import cases
from marketplace.seeding.demo import generate_demo
from marketplace.seeding.reference import load_reference
from marketplace.work.services import apply_to_shift
from tests.factories import make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff, nearest_station
from tests.rights.conftest import worked_shift

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def waiting(app):
    """An employer waiting for verification, its gig, and a worker who fits it."""
    employer = make_employer("石浦渔具店", verified=False)
    gig = make_gig(employer, title="待审核的补网活")
    worker = make_worker("渔民老陈")
    db.session.commit()
    return employer, gig, worker


def test_an_unverified_employers_gig_waits_out_of_every_public_list(app, client, waiting):
    """Not in the list, search, recommendations or on its page; applying is refused."""
    employer, gig, worker = waiting
    assert gig.status == GigStatus.DRAFT
    page, _ = search(GigFilters(), page=1, per_page=50)
    assert gig.id not in [g.id for g in page.items]
    assert "待审核的补网活" not in client.get("/gigs").get_data(as_text=True)
    assert client.get(f"/gigs/{gig.id}").status_code == 404
    with app.test_request_context("/"):
        assert gig.id not in [r.item.id for r in recommend_gigs(worker)]
    with pytest.raises(DomainError):
        apply_to_shift(worker, gig.shifts[0].id)


def test_the_employer_and_staff_see_the_draft(app, login, waiting):
    """The employer reads 待审核 on its own pages; station staff can open the gig."""
    employer, gig, _ = waiting
    own = app.test_client()
    login(own, employer)
    assert "待审核" in own.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert "待审核" in own.get("/my/gigs").get_data(as_text=True)
    assert "待审核" in own.get(f"/gigs/{gig.id}").get_data(as_text=True)
    staff = app.test_client()
    login(staff, make_staff(nearest_station()))
    db.session.commit()
    assert staff.get(f"/gigs/{gig.id}").status_code == 200


def test_posting_says_the_gig_waits(app, client, login):
    """The flash after posting tells an unverified employer the gig is not public yet."""
    employer = make_employer(verified=False)
    db.session.commit()
    login(client, employer)
    gig = make_gig(employer)
    db.session.commit()
    page = client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert "驿站工作人员核验您的用人方资料后即发布" in page


def test_verification_publishes_the_waiting_gigs(app, waiting):
    """Approval opens the drafts (closing any whose shifts have all passed); they are listed."""
    employer, gig, worker = waiting
    past = make_gig(employer, title="过期的活")
    shift = db.session.scalar(select(Shift).where(Shift.gig_id == past.id))
    shift.starts_at = utcnow() - timedelta(days=2)
    shift.ends_at = shift.starts_at + timedelta(hours=8)
    station = nearest_station()
    verification.approve(make_staff(station), station, employer.id)
    db.session.commit()
    assert (gig.status, past.status) == (GigStatus.OPEN, GigStatus.CLOSED)
    page, _ = search(GigFilters(), page=1, per_page=50)
    assert gig.id in [g.id for g in page.items]
    with app.test_request_context("/"):
        assert gig.id in [r.item.id for r in recommend_gigs(worker)]


def _back_to_the_queue(employer) -> None:
    """The employer changes its name: staff must verify it again."""
    profile = profile_of(employer)
    data = EmployerProfileInput(
        kind=profile.kind,
        name="改名后的渔具店",
        credit_code=profile.credit_code or "",
        contact_name=profile.contact_name,
        town_id=profile.town_id,
        address=profile.address,
    )
    save_profile(employer, data)
    assert profile.verification == Verification.PENDING


def test_an_unverified_employer_sees_no_names(app, client, login):
    """Applicants, candidates and the application page name nobody until verification."""
    employer = make_employer()
    gig = make_gig(employer, title="补网临时工")
    worker = make_worker("渔民老陈")
    make_worker("船员小李")  # not applied: a candidate
    application = apply_to_shift(worker, gig.shifts[0].id)
    _back_to_the_queue(employer)
    db.session.commit()
    login(client, employer)
    manage = client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert (
        "渔民老陈" not in manage and "零工 1" in manage and 'data-testid="names-hidden"' in manage
    )
    shown = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert "渔民老陈" not in shown and "核验后显示姓名" in shown
    candidates = client.get(f"/gigs/{gig.id}/candidates").get_data(as_text=True)
    assert 'data-testid="candidate"' in candidates and "零工 1" in candidates
    assert "船员小李" not in candidates and 'data-testid="names-hidden"' in candidates


def test_a_verified_employer_sees_the_names(app, client, login):
    employer = make_employer()
    gig = make_gig(employer, title="补网临时工")
    apply_to_shift(make_worker("渔民老陈"), gig.shifts[0].id)
    make_worker("船员小李")
    db.session.commit()
    login(client, employer)
    manage = client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert "渔民老陈" in manage and 'data-testid="names-hidden"' not in manage
    assert "船员小李" in client.get(f"/gigs/{gig.id}/candidates").get_data(as_text=True)


@pytest.mark.parametrize("relaxed", [False, True])
def test_a_city_may_let_households_act_before_verification(app, relaxed):
    """Households wait like anyone by default; the setting lets them publish at once."""
    app.config["HOUSEHOLDS_ACT_BEFORE_VERIFICATION"] = relaxed
    try:
        household = make_employer("陈家", verified=False)
        profile_of(household).kind = EmployerKind.HOUSEHOLD
        company = make_employer("石浦渔具店", verified=False)
        expected = GigStatus.OPEN if relaxed else GigStatus.DRAFT
        assert make_gig(household).status == expected
        assert make_gig(company).status == GigStatus.DRAFT  # companies always wait
    finally:
        app.config["HOUSEHOLDS_ACT_BEFORE_VERIFICATION"] = False


def test_the_demo_market_keeps_the_rule(app):
    """Demo gigs are published only by verified employers; the demo employer is verified."""
    load_reference(SEEDS)
    generate_demo(scale=0.05)
    db.session.commit()
    rows = db.session.execute(select(Gig.status, EmployerProfile.verification).join(Gig.employer))
    for status, checked in rows:
        assert (status == GigStatus.DRAFT) == (checked != Verification.VERIFIED), status
    demo_employer = db.session.scalar(
        select(EmployerProfile).join(User).where(User.mobile == "13800000002")
    )
    assert demo_employer.is_verified
    assert any(
        e.verification != Verification.VERIFIED for e in db.session.scalars(select(EmployerProfile))
    )


def test_an_employer_back_in_the_queue_opens_no_agreement_or_case_with_names(app, client, login):
    """Renamed and waiting again: its agreement says why it is closed; its case names nobody."""
    employer, worker = make_employer(), make_worker("渔民老陈")
    application = worked_shift(employer, worker)
    agreement = current_agreement(application)
    case = cases.report_unpaid(worker, application.id)
    _back_to_the_queue(employer)
    db.session.commit()
    login(client, employer)

    page = client.get(f"/agreements/{agreement.id}")
    assert page.status_code == 409
    assert "核验您的单位后才能打开" in page.get_data(as_text=True)
    assert "渔民老陈" not in page.get_data(as_text=True)
    assert client.get(f"/agreements/{agreement.id}/pdf").status_code == 409
    shown = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert 'data-testid="agreement-waiting"' in shown and "渔民老陈" not in shown
    wage_case = client.get(f"/wage-cases/{case.id}").get_data(as_text=True)
    assert "渔民老陈" not in wage_case and "核验后显示姓名" in wage_case

    client.post("/account/logout")
    login(client, worker)  # the worker still reads both, with the names
    assert "渔民老陈" in client.get(f"/agreements/{agreement.id}").get_data(as_text=True)
    assert "渔民老陈" in client.get(f"/wage-cases/{case.id}").get_data(as_text=True)
