"""Every list page runs the same number of queries for 2 rows as for 6: no query per row (N+1).

Each case builds rows with the factories, loads the page once to warm the caches, then counts
the statements of one more load; the count with 6 rows must equal the count with 2.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import g

from marketplace.kiosk.services import NeedInput, record_need, refer
from marketplace.models import ComplaintCategory, db
from marketplace.notifications.services import notify
from marketplace.rights.cases import detect_arrears
from marketplace.rights.complaints import file_complaint
from marketplace.rights.registration import RegistrationInput, register, today
from marketplace.work.services import accept, apply_to_shift
from marketplace.workers.services import profile_of
from tests.factories import first_skill, make_employer, make_gig, make_worker, shift_in
from tests.kiosk.conftest import make_staff, nearest_station
from tests.rights.conftest import worked_shift


def _gigs(n, employer=None):
    employer = employer or make_employer("石浦海产合作社", verified=True)
    gigs = [make_gig(employer, title=f"补网工{i}", shifts=[shift_in(days=2 + i)]) for i in range(n)]
    return employer, gigs


def _browse(n, login, client):
    _gigs(n)
    return "/gigs"


def _gig_page(n, login, client):
    employer = make_employer("石浦海产合作社", verified=True)
    net = first_skill("fishing")
    gig = make_gig(employer, shifts=[shift_in(days=2 + i) for i in range(n)], skill_ids=[net.id])
    worker = make_worker("陈阿海")
    for shift in gig.shifts:  # the page shows the worker's application to each shift
        apply_to_shift(worker, shift.id)
    login(client, worker)
    return f"/gigs/{gig.id}"


def _mine(n, login, client):
    employer, _ = _gigs(n)
    login(client, employer)
    return "/my/gigs"


def _manage(n, login, client):
    employer, (gig,) = _gigs(1)
    for i in range(n):
        worker = make_worker(f"应海{i}")
        application = apply_to_shift(worker, gig.shifts[0].id)
        if i % 2:
            accept(employer, application.id)
    login(client, employer)
    return f"/gigs/{gig.id}/manage"


def _worker_dashboard(n, login, client):
    employer, gigs = _gigs(n)
    other = make_employer("象山渔业合作社", verified=True)
    for i in range(3):  # open gigs to recommend, the same number whatever ``n`` is
        make_gig(other, title=f"晒鱼工{i}", shifts=[shift_in(days=20 + i)])
    worker = make_worker("陈阿海")
    for gig in gigs:
        accept(employer, apply_to_shift(worker, gig.shifts[0].id).id)
    login(client, worker)
    return "/dashboard"


def _inbox(n, login, client):
    worker = make_worker("陈阿海")
    for i in range(n):
        notify(worker.id, "shift_tomorrow", f"补网工{i}", "/dashboard")
    login(client, worker)
    return "/inbox/"


def _kiosk(login, client):
    station = nearest_station()
    staff = make_staff(station)
    login(client, staff)
    with client.session_transaction() as session:
        session["kiosk_station_id"] = station.id
    return staff, station


def _verification_queue(n, login, client):
    for i in range(n):
        make_employer(f"宁波第{i}保洁有限公司")
    _kiosk(login, client)
    return "/kiosk/employers"


def _needs(n, login, client):
    staff, station = _kiosk(login, client)
    for i in range(n):
        record_need(staff, station, NeedInput(f"王{i}", f"1391234{i:04d}", "保洁"))
    return "/kiosk/needs"


def _wage_cases(n, login, client):
    employer = make_employer(verified=True)
    for i in range(n):  # all worked before the first case opens: an open case stops posting
        worked_shift(employer, make_worker(f"应海{i}"), title=f"补网工{i}")
    assert len(detect_arrears()) == n
    _kiosk(login, client)
    return "/wage-cases"


def _complaints(n, login, client):
    employer = make_employer(verified=True)
    for i in range(n):
        worker = make_worker(f"应海{i}")
        worked = worked_shift(employer, worker, title=f"补网工{i}")
        file_complaint(worker, worked.id, "employer", ComplaintCategory.WORKER_FEE, "收了介绍费")
    _kiosk(login, client)
    return "/complaints"


def _referrals(n, login, client):
    staff, station = _kiosk(login, client)
    _, gigs = _gigs(n)
    for i, gig in enumerate(gigs):
        need = record_need(staff, station, NeedInput(f"王{i}", f"1391234{i:04d}", "保洁"))
        refer(staff, station, gig.id, need_id=need.id)
    return "/kiosk/referrals"


def _registrations(n, login, client):
    staff, _ = _kiosk(login, client)
    for i in range(n):
        worker = make_worker(f"李{i}")
        register(staff, profile_of(worker), _registration(f"李{i}"))
    return "/staff/registrations"


def _registration(name: str) -> RegistrationInput:
    return RegistrationInput(
        work_content="补网",
        started_on=today() - timedelta(days=10),
        stable_income=True,
        pledge_name=name,
        pledge_agreed=True,
        retirement_group="male",
        employer_name="象山渔业合作社",
    )


PAGES = {
    "complaints (staff)": _complaints,
    "referrals": _referrals,
    "registrations (staff)": _registrations,
    "job-seeking needs": _needs,
    "wage cases (staff)": _wage_cases,
    "gig list": _browse,
    "gig page (its shifts)": _gig_page,
    "employer's gigs": _mine,
    "applicants of a gig": _manage,
    "worker dashboard": _worker_dashboard,
    "inbox": _inbox,
    "employer verification queue": _verification_queue,
}


def _queries(app, client, login, count_queries, build, n) -> int:
    # The test's app context outlives requests: forget the account Flask-Login cached in ``g``.
    g.pop("_login_user", None)
    path = build(n, login, client)
    db.session.commit()
    assert client.get(path).status_code == 200  # warm the per-process caches
    with count_queries() as counted:
        response = client.get(path)
    assert response.status_code == 200
    return counted.n


@pytest.mark.parametrize("page", sorted(PAGES))
def test_list_page_queries_do_not_grow_with_rows(app, login, count_queries, page):
    """Six rows cost the same queries as two."""
    kept = app.config["PAGE_CACHE_SECONDS"]
    app.config["PAGE_CACHE_SECONDS"] = 0  # a page from the page cache runs no query at all
    try:
        few = _queries(app, app.test_client(), login, count_queries, PAGES[page], 2)
        many = _queries(app, app.test_client(), login, count_queries, PAGES[page], 6)
    finally:
        app.config["PAGE_CACHE_SECONDS"] = kept
    assert many == few, f"{page}: {few} queries for 2 rows, {many} for 6"
