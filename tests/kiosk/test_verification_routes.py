"""Verifying employers at the kiosk: who may, the pages, and what the employer then sees."""

from __future__ import annotations

import pytest

from marketplace.models import Verification, db
from tests.factories import credit_code, make_employer, make_gig, make_worker
from tests.kiosk.test_verification import REASON, _audits, _broken, _employer


def _seen_by(app, login, user, path: str) -> str:
    """The page on another device (signed in as ``user`` if given), in its own app context."""
    client = app.test_client()
    with app.app_context():
        if user is not None:
            login(client, user)
        return client.get(path).get_data(as_text=True)


def _paths(employer_id: int) -> list[tuple[str, str]]:
    return [
        ("get", "/kiosk/employers"),
        ("get", f"/kiosk/employers/{employer_id}"),
        ("post", f"/kiosk/employers/{employer_id}/approve"),
        ("post", f"/kiosk/employers/{employer_id}/reject"),
    ]


def test_anonymous_is_sent_to_sign_in(client):
    """The queue and the decisions need a signed-in account."""
    profile = _employer("象山海鲜加工厂")
    db.session.commit()
    for method, path in _paths(profile.user_id):
        response = getattr(client, method)(path, data={"reason": REASON})
        assert response.status_code == 302 and "/account/login" in response.location
    assert profile.verification == Verification.PENDING


@pytest.mark.parametrize("make", [make_worker, make_employer])
def test_workers_and_employers_get_403(client, login, make):
    """Only staff verify; an employer cannot approve itself."""
    profile = _employer("象山海鲜加工厂")
    login(client, make() if make is make_worker else profile.user)
    for method, path in _paths(profile.user_id):
        assert getattr(client, method)(path, data={"reason": REASON}).status_code == 403
    db.session.refresh(profile)
    assert profile.verification == Verification.PENDING


def test_staff_without_a_station_choose_one_first(client, login, staff):
    """Like every kiosk page, the queue needs the station chosen (it goes into the log)."""
    profile = _employer("象山海鲜加工厂")
    login(client, staff)
    response = client.post(f"/kiosk/employers/{profile.user_id}/approve")
    assert response.status_code == 302 and response.location.endswith("/kiosk/start")
    db.session.refresh(profile)
    assert profile.verification == Verification.PENDING


def test_queue_and_detail_pages_show_the_check(kiosk):
    """The queue lists the employer with its check; the detail page shows code and contact."""
    profile = _employer("错代码公司", code=_broken(credit_code()))
    make_employer("错代码公司", verified=True)
    db.session.commit()
    page = kiosk.get("/kiosk/employers?lang=en").get_data(as_text=True)
    assert "Verify employers" in page and "错代码公司" in page
    assert "Credit code fails the GB 32100 check" in page
    assert "Other employers with this name: 1" in page
    page = kiosk.get(f"/kiosk/employers/{profile.user_id}").get_data(as_text=True)
    for fact in (profile.credit_code, "李经理", profile.user.mobile, "石浦镇渔港路1号"):
        assert fact in page
    assert "Credit code fails the GB 32100 check" in page and 'name="reason"' in page
    assert 'data-testid="same-name"' in page
    assert kiosk.get("/kiosk/employers/999999").status_code == 404


def test_the_screens_say_which_part_of_the_credit_code_is_wrong(kiosk):
    """Staff read the fault itself (here a made-up division), in Chinese, on queue and detail."""
    profile = _employer("外省代码公司", code=credit_code(division="999999"))
    db.session.commit()
    fault = "统一社会信用代码第3至8位不是中国的行政区划代码"
    queue = kiosk.get("/kiosk/employers").get_data(as_text=True)
    assert "外省代码公司" in queue and fault in queue
    page = kiosk.get(f"/kiosk/employers/{profile.user_id}").get_data(as_text=True)
    assert profile.credit_code in page and fault in page
    assert 'data-testid="credit-fault"' in page


def test_a_passing_credit_code_shows_no_fault(kiosk):
    """No fault line beside a code that passes."""
    profile = _employer("象山海鲜加工厂")
    db.session.commit()
    page = kiosk.get(f"/kiosk/employers/{profile.user_id}").get_data(as_text=True)
    assert 'data-testid="check"' in page and 'data-testid="credit-fault"' not in page


def test_approve_by_post_puts_the_badge_on_the_gig_page(app, kiosk, staff):
    """After approval the employer leaves the queue and its waiting gig is published, badged."""
    profile = _employer("象山海鲜加工厂")
    gig = make_gig(profile.user)
    db.session.commit()
    gig_page = _seen_by(app, None, None, f"/gigs/{gig.id}")
    assert 'data-testid="employer-status"' not in gig_page  # a draft: not public yet
    response = kiosk.post(f"/kiosk/employers/{profile.user_id}/approve")
    assert response.status_code == 302 and response.location.endswith("/kiosk/employers")
    page = kiosk.get("/kiosk/employers").get_data(as_text=True)
    assert "象山海鲜加工厂 已审核通过。" in page
    assert 'data-testid="queued-employer"' not in page
    db.session.refresh(profile)
    assert profile.is_verified and _audits()[0].actor_id == staff.id
    gig_page = _seen_by(app, None, None, f"/gigs/{gig.id}")
    assert 'class="tag verified" data-testid="employer-status"' in gig_page


def test_approving_an_invalid_code_by_post_is_refused_with_a_message(kiosk):
    """The refusal is explained on the employer's page and nothing changes."""
    profile = _employer("错代码公司", code=_broken(credit_code()))
    db.session.commit()
    response = kiosk.post(f"/kiosk/employers/{profile.user_id}/approve?lang=en")
    assert response.location.endswith(f"/kiosk/employers/{profile.user_id}")
    page = kiosk.get(response.location).get_data(as_text=True)
    assert "cannot be approved" in page
    db.session.refresh(profile)
    assert profile.verification == Verification.PENDING and _audits() == []


def test_reject_by_post_needs_a_reason_and_the_employer_reads_it(app, kiosk, login):
    """No reason: 400 with a message. With one, the employer's profile and inbox show it."""
    profile = _employer("象山海鲜加工厂")
    db.session.commit()
    response = kiosk.post(f"/kiosk/employers/{profile.user_id}/reject?lang=en", data={})
    assert response.status_code == 400
    assert "Write the reason for the rejection" in response.get_data(as_text=True)
    db.session.refresh(profile)
    assert profile.verification == Verification.PENDING
    response = kiosk.post(f"/kiosk/employers/{profile.user_id}/reject", data={"reason": REASON})
    assert response.status_code == 302
    db.session.refresh(profile)
    assert profile.verification == Verification.REJECTED

    page = _seen_by(app, login, profile.user, "/employer/profile?lang=en")
    assert REASON in page and "Verification refused" in page
    assert "goes back to station staff" in page
    assert REASON in _seen_by(app, login, profile.user, "/inbox/")


def test_verified_employer_profile_and_kiosk_gig_list_show_the_badge(app, kiosk, login):
    """The employer sees the badge on its profile; staff see it beside the nearby gig.

    Before approval the employer's gig waits as a draft, out of the kiosk's nearby list.
    """
    profile = _employer("象山海鲜加工厂")
    make_gig(profile.user, title="休渔期补网工")
    worker = make_worker()
    db.session.commit()
    person = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert "休渔期补网工" not in person
    kiosk.post(f"/kiosk/employers/{profile.user_id}/approve")
    person = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert "休渔期补网工" in person
    assert 'class="tag verified" data-testid="employer-verified"' in person

    page = _seen_by(app, login, profile.user, "/employer/profile?lang=en")
    assert 'class="tag verified" data-testid="verification"' in page
    assert "Verified by station staff" in page


def test_the_kiosk_nav_links_to_the_queue(kiosk):
    """Staff reach the queue from every kiosk page."""
    assert 'href="/kiosk/employers"' in kiosk.get("/kiosk/").get_data(as_text=True)
