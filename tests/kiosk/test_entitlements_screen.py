"""The kiosk screen of 我能享受哪些政策: the worker page's answers, read-only, logged, printable."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from marketplace.models import AuditLog, BenefitFacts, db
from tests.factories import id_number, make_employer, make_worker

SECTIONS = (
    *("retirement", "pension", "medical", "subsidy", "injury", "training"),
    *("union", "title", "start-up", "housing", "assistance"),
)


def _man_born_1970_05():
    """2024-09-13 decision, table 1: men born 1970-05 retire at 61 years 5 months, in 2031-10."""
    return make_worker("陈阿海", id_number=id_number(date(1970, 5, 10), serial=21))


def _section(page: str, testid: str) -> str:
    found = re.search(rf'<section class="card" data-testid="{testid}">.*?</section>', page, re.S)
    assert found, testid
    return found.group(0)


def test_the_screen_shows_the_same_answers_as_the_worker_page(app, client, login, staff, station):
    """Every answer and citation on the kiosk screen is the one the worker sees at home."""
    worker = _man_born_1970_05()
    login(client, worker)
    mine = client.get("/entitlements?lang=en").get_data(as_text=True)
    client.post("/account/logout")
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": station.id})

    response = client.get(f"/kiosk/workers/{worker.id}/entitlements?lang=en")

    assert response.status_code == 200
    screen = response.get_data(as_text=True)
    assert "61 years 5 months" in screen and "2031-10" in screen
    assert "NPC Standing Committee decision of 2024-09-13" in screen
    for testid in SECTIONS:
        assert _section(screen, testid) == _section(mine, testid)
    assert "陈阿海" in screen and station.name_en in screen


def test_the_screen_is_read_only_and_links_to_where_staff_change_facts(kiosk, station):
    """No form to change facts here: staff go to the benefits and registration pages."""
    worker = _man_born_1970_05()
    db.session.commit()

    screen = kiosk.get(f"/kiosk/workers/{worker.id}/entitlements?lang=en").get_data(as_text=True)

    assert "<form" not in screen.split('data-testid="entitlements-sheet"')[1]
    assert f'href="/staff/workers/{worker.id}/benefits"' in screen
    assert f'href="/staff/workers/{worker.id}/registration"' in screen
    assert "style=" not in screen  # the CSP forbids inline styles


def test_the_screen_shows_what_staff_set(kiosk):
    """就业困难人员 and the subsidy approval, set at the benefits page, are shown."""
    worker = _man_born_1970_05()
    db.session.add(
        BenefitFacts(worker_id=worker.id, hard_to_employ=True, subsidy_approved_on=date(2025, 3, 1))
    )
    db.session.commit()

    screen = kiosk.get(f"/kiosk/workers/{worker.id}/entitlements?lang=en").get_data(as_text=True)

    facts = _section(screen, "staff-facts")
    assert "Yes" in facts and "2025-03-01" in facts


def test_it_prints_on_a4(kiosk, app):
    """A print button, and a print stylesheet whose A4 page replaces the 80 mm receipt page."""
    worker = _man_born_1970_05()
    db.session.commit()

    screen = kiosk.get(f"/kiosk/workers/{worker.id}/entitlements").get_data(as_text=True)

    assert re.search(r"<button[^>]*data-print", screen)
    assert "/static/css/kiosk-a4.css" in screen
    assert screen.index("css/kiosk.css") < screen.index("css/kiosk-a4.css")
    css = (Path(app.static_folder) / "css" / "kiosk-a4.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert "size: A4" in print_rules and ".no-print" in print_rules


def test_opening_it_is_audit_logged_with_the_station(kiosk, staff, station):
    """Like opening the full record, each view is logged with who, whose and where."""
    worker = _man_born_1970_05()
    db.session.commit()

    kiosk.get(f"/kiosk/workers/{worker.id}/entitlements")

    log = db.session.scalars(
        select(AuditLog).where(AuditLog.action == "kiosk_view_entitlements")
    ).one()
    assert log.actor_id == staff.id and log.subject == f"user:{worker.id}"
    assert log.detail == f"station:{station.code}"


def test_unknown_worker_is_404_and_nothing_is_logged(kiosk):
    """No such worker: 404, and no audit row claims a view."""
    assert kiosk.get("/kiosk/workers/99999/entitlements").status_code == 404
    assert db.session.scalar(select(AuditLog.id)) is None


@pytest.mark.parametrize("make", [make_worker, make_employer])
def test_workers_and_employers_get_403(client, login, make):
    """Only station staff and administrators use the kiosk screen, even for their own record."""
    user = make()
    login(client, user)
    assert client.get(f"/kiosk/workers/{user.id}/entitlements").status_code == 403


def test_staff_without_a_chosen_station_choose_one_first(client, login, staff):
    """Like every kiosk screen, it needs the station being served."""
    worker = _man_born_1970_05()
    login(client, staff)

    response = client.get(f"/kiosk/workers/{worker.id}/entitlements")

    assert response.status_code == 302 and response.location.endswith("/kiosk/start")
    assert db.session.scalar(select(AuditLog.id)) is None


def test_the_person_page_links_to_the_screen_and_to_registration(kiosk):
    """From the person's record: what they are entitled to, and registering on their behalf."""
    worker = _man_born_1970_05()
    db.session.commit()

    page = kiosk.get(f"/kiosk/workers/{worker.id}?lang=en").get_data(as_text=True)

    assert f'href="/kiosk/workers/{worker.id}/entitlements"' in page
    assert f'href="/staff/workers/{worker.id}/registration"' in page
    assert "What they are entitled to" in page


def test_a_woman_is_told_why_the_55_base_was_used(kiosk):
    """A flexible worker holds no worker (工人) post: the screen says so, not 'most jobs'."""
    worker = make_worker("王阿娣", id_number=id_number(date(1980, 3, 8), serial=22))
    db.session.commit()

    screen = kiosk.get(f"/kiosk/workers/{worker.id}/entitlements").get_data(as_text=True)

    assumed = re.search(r'data-testid="group-assumed">(.*?)</p>', screen, re.S)
    assert assumed, "a woman with no chosen group is told which base was used"
    assert "灵活就业" in assumed.group(1) and "国发〔1978〕104号" in assumed.group(1)
    assert "多数岗位" not in screen
