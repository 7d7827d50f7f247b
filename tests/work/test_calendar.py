"""A worker's shifts in their own calendar: an ICS feed at a secret link, renewable; clashes."""

from __future__ import annotations

import re

from marketplace.matchmaking.services import invite
from marketplace.models import db
from marketplace.work import calendar, services
from tests.factories import make_employer, make_gig, make_worker, shift_in


def _link(page: str) -> str:
    match = re.search(r'value="(http[^"]+\.ics)"', page)
    assert 'data-testid="calendar-link"' in page and match, "the new link is shown once"
    return match.group(1).split("://", 1)[1].split("/", 1)[1]


def test_the_feed_lists_held_shifts_and_the_old_link_dies(app, client, login):
    employer, worker = make_employer(), make_worker()
    gig = make_gig(employer, title="象山, 晒鲞; 帮工", shifts=[shift_in(days=3, hour=7)])
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    other = make_gig(employer, title="没录用的活", shifts=[shift_in(days=4)])
    services.apply_to_shift(worker, other.shifts[0].id)
    db.session.commit()
    login(client, worker)
    assert "calendar-page" in client.get("/dashboard").get_data(as_text=True)

    first = _link(client.post("/my/calendar/renew").get_data(as_text=True))
    client.post("/account/logout")
    feed = client.get("/" + first)

    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    body = feed.get_data(as_text=True)
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:象山\\, 晒鲞\\; 帮工" in body and "没录用的活" not in body
    start = gig.shifts[0].starts_at.strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))

    login(client, worker)
    second = _link(client.post("/my/calendar/renew").get_data(as_text=True))
    assert second != first
    assert client.get("/" + first).status_code == 404
    assert client.get("/" + second).status_code == 200
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_pending_shifts_that_clash_with_a_held_one_are_shown(app, client, login):
    employer, worker = make_employer(), make_worker()
    held = make_gig(employer, title="上午的活", shifts=[shift_in(days=3, hour=8, hours=4)])
    services.accept(employer, services.apply_to_shift(worker, held.shifts[0].id).id)
    clash = make_gig(employer, title="冲突的活", shifts=[shift_in(days=3, hour=10, hours=4)])
    apart = make_gig(employer, title="下午的活", shifts=[shift_in(days=3, hour=13, hours=4)])
    services.apply_to_shift(worker, apart.shifts[0].id)
    db.session.commit()
    # applying to the clashing shift is refused, but an invitation to it can arrive
    invite(employer, clash.shifts[0].id, worker.id)
    db.session.commit()
    found = calendar.clashes(worker)
    assert [(c.wanted.shift.gig.title, c.held.shift.gig.title) for c in found] == [
        ("冲突的活", "上午的活")
    ]
    login(client, worker)
    page = client.get("/my/calendar").get_data(as_text=True)
    assert page.count('data-testid="clash"') == 1 and "时间重叠" in page


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "带上手套和雨靴，" * 20
    folded = calendar._fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
