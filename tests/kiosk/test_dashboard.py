"""The station dashboard: its figures on a frozen clock in Shanghai time, and the page."""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, select

from marketplace.i18n import local_to_utc
from marketplace.kiosk import dashboard, nearby
from marketplace.models import (
    AssistedSignup,
    AuditLog,
    GigStatus,
    JobNeed,
    Referral,
    ReferralStatus,
    Station,
    Town,
    db,
    utcnow,
)
from tests.factories import category, make_employer, make_gig, make_worker, mobile, shift_in

R = ReferralStatus


def at(local: str) -> datetime:
    """A Shanghai wall-clock time as the naive UTC the database stores."""
    return local_to_utc(datetime.fromisoformat(local))


NOW = at("2025-03-12 10:00")  # a Wednesday; the week began Monday 10 March


@pytest.fixture
def other(station) -> Station:
    """Another station, whose activity must never count."""
    return db.session.scalars(select(Station).where(Station.id != station.id)).first()


def need(station, staff, when, phone=None, code=None) -> JobNeed:
    """A need recorded at ``station`` at ``when`` (UTC)."""
    row = JobNeed(
        name="李四",
        mobile=phone or mobile(),
        desired_work="搬运",
        category_id=category(code).id if code else None,
        station_id=station.id,
        staff_id=staff.id,
        created_at=when,
    )
    db.session.add(row)
    db.session.flush()
    return row


def refer(station, staff, gig, when, status=R.REFERRED, updated=None, worker=None, row=None):
    """A referral made at ``station`` at ``when``, last changed at ``updated``."""
    ref = Referral(
        worker_id=worker.id if worker else None,
        need_id=row.id if row else None,
        gig_id=gig.id,
        station_id=station.id,
        staff_id=staff.id,
        status=status,
        created_at=when,
        updated_at=updated or when,
    )
    db.session.add(ref)
    db.session.flush()
    return ref


def opened(staff, station, worker, when) -> None:
    """Staff opened ``worker``'s record at ``station``, as services.open_worker logs it."""
    db.session.add(
        AuditLog(
            actor_id=staff.id,
            action="kiosk_view_worker",
            subject=f"user:{worker.id}",
            detail=f"station:{station.code}",
            created_at=when,
        )
    )


def test_periods_are_shanghai_days_weeks_from_monday_and_months():
    """Today, the week and the month start at Shanghai midnight, not UTC midnight."""
    b = dashboard.bounds(NOW)
    assert b.today == date(2025, 3, 12)
    assert b.day_start == at("2025-03-12 00:00") == datetime(2025, 3, 11, 16, 0)
    assert b.week_start == at("2025-03-10 00:00")
    assert b.month_start == at("2025-03-01 00:00")
    assert b.series_start == at("2025-02-11 00:00")


def test_sunday_late_evening_belongs_to_the_week_that_ends(station, staff):
    """A need at 23:30 on Sunday counts that week, and not in the week from Monday."""
    need(station, staff, at("2025-03-16 23:30"))
    assert dashboard.build(station, at("2025-03-16 23:45")).needs.week == 1
    monday = dashboard.build(station, at("2025-03-17 08:00"))
    assert (monday.needs.today, monday.needs.week, monday.needs.month) == (0, 0, 1)


def test_needs_today_this_week_and_this_month(station, staff, other):
    """Needs fall in Shanghai periods; later ones and other stations' are not counted."""
    for local in (
        "2025-02-28 23:30",  # last month: still 28 February in Shanghai
        "2025-03-01 00:10",  # this month
        "2025-03-09 23:30",  # Sunday: last week
        "2025-03-10 00:10",  # Monday: this week
        "2025-03-11 23:50",  # yesterday
        "2025-03-12 00:30",  # today, though still 11 March in UTC
        "2025-03-12 09:59",  # today
        "2025-03-12 10:30",  # after now
    ):
        need(station, staff, at(local))
    need(other, staff, at("2025-03-12 09:00"))
    board = dashboard.build(station, NOW)
    assert (board.needs.today, board.needs.week, board.needs.month) == (2, 4, 6)


def test_referrals_and_placements_this_week_and_month(station, staff, other):
    """Placements are referrals hired or completed, dated by their last change of status."""
    gig = make_gig(make_employer())
    worker = make_worker()
    made = [
        ("2025-03-09 23:30", R.REFERRED, None),
        ("2025-03-10 09:00", R.HIRED, "2025-03-11 15:00"),
        ("2025-02-27 10:00", R.COMPLETED, "2025-03-03 10:00"),
        ("2025-03-11 23:50", R.NO_SHOW, "2025-03-12 08:00"),
        ("2025-03-12 00:30", R.COMPLETED, "2025-03-12 09:00"),
        ("2025-03-12 10:30", R.HIRED, "2025-03-12 11:00"),  # after now
    ]
    for created, status, updated in made:
        refer(station, staff, gig, at(created), status, updated and at(updated), worker=worker)
    refer(other, staff, gig, at("2025-03-12 09:00"), R.HIRED, worker=worker)

    board = dashboard.build(station, NOW)
    assert (board.referrals.week, board.referrals.month) == (3, 4)
    assert (board.placements.week, board.placements.month) == (2, 3)
    series = {d.day: (d.referrals, d.placements) for d in board.series}
    assert len(board.series) == 30 and board.series[-1].day == date(2025, 3, 12)
    assert board.series[0].day == date(2025, 2, 11)
    assert series[date(2025, 3, 12)] == (1, 1)
    assert series[date(2025, 3, 11)] == (1, 1)
    assert series[date(2025, 3, 9)] == (1, 0)
    assert series[date(2025, 3, 3)] == (0, 1)
    assert series[date(2025, 2, 27)] == (1, 0)
    assert sum(r for r, _ in series.values()) == 5


def test_visitors_served_today_counts_each_person_once(station, staff, other):
    """Records opened, referrals, needs and sign-ups today, one count per mobile number."""
    gig = make_gig(make_employer())
    walk_in, signed_up, yesterday, elsewhere = (make_worker(n) for n in "甲乙丙丁")
    opened(staff, station, walk_in, at("2025-03-12 08:00"))
    refer(station, staff, gig, at("2025-03-12 08:10"), worker=walk_in)
    row = need(station, staff, at("2025-03-12 00:30"))
    refer(station, staff, gig, at("2025-03-12 09:00"), row=row)
    need(station, staff, at("2025-03-12 09:10"), phone=signed_up.mobile)
    db.session.add(
        AssistedSignup(
            user_id=signed_up.id,
            station_id=station.id,
            staff_id=staff.id,
            pledge_name="乙",
            pledge_signed_at=at("2025-03-12 09:20"),
            created_at=at("2025-03-12 09:20"),
        )
    )
    opened(staff, station, yesterday, at("2025-03-11 23:59"))
    opened(staff, other, elsewhere, at("2025-03-12 08:00"))
    refer(other, staff, gig, at("2025-03-12 08:00"), worker=elsewhere)
    db.session.flush()
    assert dashboard.build(station, NOW).visitors_today == 3
    assert dashboard.build(other, NOW).visitors_today == 1


def test_needs_by_category_this_month(station, staff):
    """The category chart counts this month's needs, the most common kind first."""
    need(station, staff, at("2025-03-02 10:00"), code="cleaning")
    need(station, staff, at("2025-03-11 10:00"), code="cleaning")
    need(station, staff, at("2025-03-12 09:00"))
    need(station, staff, at("2025-02-20 10:00"), code="cleaning")
    counts = [
        (c.code if c else None, n) for c, n in dashboard.build(station, NOW).needs_by_category
    ]
    assert counts == [("cleaning", 2), (None, 1)]


def _far_town(station) -> Town:
    return max(
        db.session.scalars(select(Town)),
        key=lambda t: math.hypot(t.lat - station.lat, t.lon - station.lon),
    )


def test_open_gigs_nearby_with_unfilled_slots(station):
    """Only open gigs near the station with free slots in the coming week are listed."""
    employer = make_employer(verified=True)
    near = make_gig(employer, "码头理货", shifts=[shift_in(1, slots=2), shift_in(3, slots=4)])
    near.shifts[1].filled = 1
    full = make_gig(employer, "满员", shifts=[shift_in(2, slots=1)])
    full.shifts[0].filled = 1
    make_gig(employer, "已关闭").status = GigStatus.CLOSED
    make_gig(employer, "下下周", shifts=[shift_in(10)])
    make_gig(employer, "远方", town_id=_far_town(station).id)
    db.session.flush()
    board = dashboard.build(station, utcnow())
    assert [o.gig.title for o in board.openings] == ["码头理货"]
    opening = board.openings[0]
    assert (opening.shifts, opening.free_slots) == (2, 5)
    assert opening.next_start == near.shifts[0].starts_at
    assert opening.distance_km <= nearby.NEAR_KM and board.free_slots_nearby == 5


def _queries(station) -> int:
    count = 0

    def counter(*_args):
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        dashboard.build(station, utcnow())
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return count


def test_queries_do_not_grow_with_the_rows(station, staff):
    """No query per gig, need or referral (no N+1)."""
    employer = make_employer()
    worker = make_worker()
    now = utcnow()

    def add_some(n: int) -> None:
        for _ in range(n):
            gig = make_gig(employer, shifts=[shift_in(1), shift_in(2)])
            refer(station, staff, gig, now - timedelta(hours=1), R.HIRED, worker=worker)
            need(station, staff, now - timedelta(hours=1), code="cleaning")
        db.session.flush()

    add_some(1)
    few = _queries(station)
    add_some(6)
    assert _queries(station) == few


# --- the page ----------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client):
    """The dashboard needs a signed-in account."""
    response = client.get("/kiosk/dashboard")
    assert response.status_code == 302 and "/account/login" in response.location


@pytest.mark.parametrize("make", [make_worker, make_employer])
def test_workers_and_employers_get_403(client, login, make):
    """Only station staff and administrators see a station's figures."""
    login(client, make())
    assert client.get("/kiosk/dashboard").status_code == 403


def test_staff_choose_a_station_first(client, login, staff):
    """Without a chosen station the kiosk asks for one."""
    login(client, staff)
    response = client.get("/kiosk/dashboard")
    assert response.status_code == 302 and response.location.endswith("/kiosk/start")


def tile(page: str, name: str) -> int:
    """The number shown on a dashboard tile."""
    found = re.search(rf'data-testid="tile-{name}"><dt>[^<]*</dt><dd>(\d+)</dd>', page)
    assert found, name
    return int(found.group(1))


def test_page_shows_the_figures_charts_data_and_local_script(kiosk, station, staff, accepted):
    """Tiles, the chart data block and Chart.js from /static; outcomes are refreshed first."""
    worker, _employer, application, _agreement = accepted()
    refer(station, staff, application.shift.gig, utcnow(), worker=worker)
    need(station, staff, utcnow(), code="cleaning")
    db.session.commit()

    response = kiosk.get("/kiosk/dashboard?lang=en")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert tile(page, "visitors") == 2 and tile(page, "needs-today") == 1
    assert tile(page, "referrals-week") == 1 and tile(page, "placements-week") == 1
    assert tile(page, "open-gigs") == 1 and tile(page, "free-slots") == 2
    assert 'data-testid="opening"' in page and application.shift.gig.title in page

    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert all(src.startswith("/static/") for src in scripts)  # no CDN
    chart_js = "/static/vendor/chartjs/chart.umd.min.js"
    assert scripts.index(chart_js) < scripts.index("/static/js/kiosk-dashboard.js")
    assert "<script>" not in page and "style=" not in page
    data = json.loads(re.search(r'id="dashboard-data">(.*?)</script>', page, re.S).group(1))
    assert data["daily"]["referrals"][-1] == 1 and data["daily"]["placements"][-1] == 1
    assert data["categories"]["counts"] == [1] and data["daily"]["referralsLabel"] == "Referrals"
    assert page.count('role="img"') == 2 and page.count("<table") == 3
    vendored = kiosk.get(chart_js)
    assert vendored.status_code == 200 and b"Chart.js v4" in vendored.data


def test_nav_links_to_the_dashboard(kiosk):
    """Every kiosk page leads to the station dashboard."""
    assert 'href="/kiosk/dashboard"' in kiosk.get("/kiosk/").get_data(as_text=True)


def test_empty_station_shows_zeros_and_no_category_chart(kiosk):
    """A quiet station shows zeros and says there are no needs, rather than an empty chart."""
    page = kiosk.get("/kiosk/dashboard?lang=en").get_data(as_text=True)
    assert tile(page, "visitors") == 0 and tile(page, "placements-month") == 0
    assert page.count('role="img"') == 1
    assert "No needs were recorded here this month." in page
    assert "No open gigs with unfilled slots near the station right now." in page
