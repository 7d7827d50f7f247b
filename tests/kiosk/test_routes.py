"""Kiosk pages: who may use them, finding, needs, referring and the printed slip."""

from __future__ import annotations

import re

import pytest
import segno
from sqlalchemy import select

from marketplace.kiosk import services
from marketplace.models import AuditLog, JobNeed, Referral, Station, db
from marketplace.security import decrypt_id_number
from marketplace.workers.services import profile_of
from tests.factories import make_employer, make_gig, make_worker
from tests.kiosk.conftest import make_staff

PAGES = ["/kiosk/", "/kiosk/start", "/kiosk/needs", "/kiosk/needs/new", "/kiosk/find"]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_is_sent_to_sign_in(client, path):
    """Kiosk pages need a signed-in account."""
    response = client.get(path)
    assert response.status_code == 302 and "/account/login" in response.location


@pytest.mark.parametrize("make", [make_worker, make_employer])
@pytest.mark.parametrize("path", PAGES)
def test_workers_and_employers_get_403(client, login, make, path):
    """Only station staff and administrators use the kiosk."""
    login(client, make())
    assert client.get(path).status_code == 403


def test_staff_without_a_chosen_station_start_there(client, login, staff):
    """The station is chosen first; the start screen lists only the account's stations."""
    login(client, staff)
    response = client.get("/kiosk/")
    assert response.status_code == 302 and response.location.endswith("/kiosk/start")
    page = client.get("/kiosk/start").get_data(as_text=True)
    assert page.count('name="station_id"') == 1


def test_staff_cannot_choose_a_station_they_do_not_serve(client, login, staff, station):
    """Another station's id is refused."""
    other = db.session.scalars(select(Station).where(Station.id != station.id)).first()
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": other.id})
    assert client.get("/kiosk/").status_code == 302


def test_kiosk_page_is_large_type_and_has_no_inline_style(kiosk, station):
    """The kiosk look comes from kiosk.css (the CSP forbids inline styles)."""
    page = kiosk.get("/kiosk/").get_data(as_text=True)
    assert "css/kiosk.css" in page and station.name_zh in page
    assert "style=" not in page


def test_record_a_need_and_see_needs_of_other_stations(kiosk, station):
    """POLICY §10: the needs list shows needs recorded at any station."""
    response = kiosk.post(
        "/kiosk/needs/new",
        data={
            "name": "王阿姨",
            "mobile": "13912345678",
            "desired_work": "保洁",
            "category_id": 0,
            "town_id": 0,
            "availability": "上午",
            "notes": "",
        },
    )
    assert response.status_code == 302
    need = db.session.scalars(select(JobNeed)).one()
    assert (need.station_id, need.mobile, need.category_id) == (station.id, "13912345678", None)
    other = db.session.scalars(select(Station).where(Station.id != station.id)).first()
    services.record_need(
        make_staff(other), other, services.NeedInput("陈伯", "13912340000", "搬运")
    )
    db.session.commit()
    page = kiosk.get("/kiosk/needs").get_data(as_text=True)
    assert "王阿姨" in page and "陈伯" in page and other.name_zh in page


def test_find_shows_masked_results_and_full_view_is_logged(kiosk, staff):
    """Results are masked; opening the record shows the ID number and logs the view."""
    worker = make_worker("李四")
    number = decrypt_id_number(profile_of(worker).id_number_enc)
    db.session.commit()
    page = kiosk.post("/kiosk/find", data={"q": number}).get_data(as_text=True)
    assert "李四" in page and number not in page and worker.mobile not in page
    assert db.session.scalar(select(AuditLog.id)) is None
    page = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert number in page
    log = db.session.scalars(select(AuditLog)).one()
    assert log.actor_id == staff.id and log.action == "kiosk_view_worker"


def test_refer_then_print_slip_with_facts_and_qr(kiosk, station):
    """From the person's page to a slip with the gig's facts and an SVG QR code."""
    employer = make_employer("象山海鲜加工厂", verified=True)
    gig = make_gig(employer, title="休渔期补网工")
    worker = make_worker()
    db.session.commit()
    page = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert "休渔期补网工" in page and 'data-testid="reasons"' in page
    response = kiosk.post(
        "/kiosk/referrals",
        data={"gig_id": gig.id, "shift_id": gig.shifts[0].id, "worker_id": worker.id},
    )
    assert response.status_code == 302
    ref = db.session.scalars(select(Referral)).one()
    assert ref.station_id == station.id
    slip = kiosk.get(response.location).get_data(as_text=True)
    for fact in ("休渔期补网工", "象山海鲜加工厂", "石浦渔港", "200.00", "李经理", employer.mobile):
        assert fact in slip
    url = f"http://localhost/gigs/{gig.id}"
    assert re.search(r"<svg[^>]*>", slip) and url in slip
    # The QR's modules are exactly those of a code for the gig page's URL.
    path = re.search(r' d="([^"]+)"', segno.make(url, error="m").svg_inline()).group(1)
    assert path in slip
    assert "张三" not in slip  # the name only when the person agrees
    assert "张三" in kiosk.get(response.location + "?name=1").get_data(as_text=True)
    assert 'class="slip-page a4"' in kiosk.get(response.location + "?paper=a4").get_data(
        as_text=True
    )


def test_idle_kiosk_signs_staff_out(kiosk):
    """A kiosk left idle returns to sign-in; its own idle refreshes do not keep it alive."""
    from marketplace.kiosk.access import IDLE_SECONDS, SEEN_KEY

    assert kiosk.get("/kiosk/?idle=1").status_code == 200
    with kiosk.session_transaction() as sess:
        sess[SEEN_KEY] -= IDLE_SECONDS + 1
    response = kiosk.get("/kiosk/?idle=1")
    assert response.status_code == 302 and "/account/login" in response.location
    assert kiosk.get("/kiosk/").status_code == 302


def test_expired_form_token_never_shows_a_raw_error(app, staff, station):
    """With CSRF on, a stale need form returns to the page with a message."""
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()  # signed in through the session: no token to get one
        with client.session_transaction() as sess:
            sess["_user_id"] = str(staff.id)
            sess["_fresh"] = True
            sess["kiosk_station_id"] = station.id
        db.session.commit()
        response = client.post(
            "/kiosk/needs/new",
            data={"name": "王", "mobile": "13912345678", "desired_work": "保洁"},
            headers={"Referer": "http://localhost/kiosk/needs/new"},
        )
        assert response.status_code == 302
        assert response.location.endswith("/kiosk/needs/new")
        assert db.session.scalar(select(JobNeed.id)) is None
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_refer_to_a_closed_gig_returns_to_the_person_with_a_message(kiosk):
    """A refused referral goes back to the person's page, not to an unchecked referrer."""
    from marketplace.models import GigStatus

    gig = make_gig(make_employer())
    gig.status = GigStatus.CLOSED
    worker = make_worker()
    db.session.commit()
    response = kiosk.post("/kiosk/referrals", data={"gig_id": gig.id, "worker_id": worker.id})
    assert response.status_code == 302
    assert response.location.endswith(f"/kiosk/workers/{worker.id}")
    assert db.session.scalar(select(Referral.id)) is None


def test_kiosk_stylesheet_is_large_touch_friendly_and_prints_on_80mm(app):
    """≥ 20 px body type, ≥ 48 px touch targets, and an 80 mm receipt page for print."""
    from pathlib import Path

    css = (Path(app.static_folder) / "css" / "kiosk.css").read_text(encoding="utf-8")
    body = re.search(r"body\.kiosk \{[^}]*font-size: (\d+)px", css)
    assert body and int(body.group(1)) >= 20
    assert all(int(px) >= 48 for px in re.findall(r"min-height: (\d+)px", css))
    # A valid page size (80 mm wide, with a length): tests/e2e/test_kiosk_station.py prints it.
    assert "@media print" in css and re.search(r"@page receipt \{ size: 80mm \d+mm;", css)


def test_find_with_neither_a_mobile_nor_an_id_number_says_what_to_enter(kiosk):
    """A query the service refuses is shown on the search form, and the query is not echoed."""
    response = kiosk.post("/kiosk/find", data={"q": "abc123"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "请输入11位手机号或18位身份证号。" in page
    assert 'data-testid="hits"' not in page and "abc123" not in page


def test_a_refused_need_keeps_what_was_typed_and_stores_nothing(kiosk):
    """A mobile number the rule refuses: the form comes back with the message and the input."""
    response = kiosk.post(
        "/kiosk/needs/new",
        data={"name": "王阿姨", "mobile": "12345", "desired_work": "保洁", "category_id": 0},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'class="flash error"' in page and "王阿姨" in page
    assert db.session.scalar(select(JobNeed.id)) is None
