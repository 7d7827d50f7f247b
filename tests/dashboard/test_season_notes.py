"""Seasonal alerts kept in view: the worker's 休渔期 / 农闲期 on the dashboard from a month before
the season starts until it ends, with the open gigs for it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from marketplace.dashboard.seasons import season_notes
from marketplace.i18n import to_local
from marketplace.models import Season, SeasonTag, WorkerProfile, db, utcnow
from tests.factories import make_employer, make_gig, make_worker, shift_in


def _free_in(worker, *codes: str) -> WorkerProfile:
    profile = db.session.get(WorkerProfile, worker.id)
    profile.seasons = list(db.session.scalars(select(Season).where(Season.code.in_(codes))))
    db.session.flush()
    return profile


def test_a_season_shows_a_month_ahead_and_while_it_is_on(app):
    profile = _free_in(make_worker(), "farming_lull_winter", "moratorium_east_sea")
    assert season_notes(profile, date(2026, 10, 31)) == []
    ahead = season_notes(profile, date(2026, 11, 1))
    assert [(n.season.code, n.starts, n.on_now) for n in ahead] == [
        ("farming_lull_winter", date(2026, 12, 1), False)
    ]
    on = season_notes(profile, date(2027, 2, 28))
    assert [(n.season.code, n.ends, n.on_now) for n in on] == [
        ("farming_lull_winter", date(2027, 2, 28), True)
    ]
    summer = season_notes(profile, date(2027, 6, 1))
    assert [n.season.code for n in summer] == ["moratorium_east_sea"]


def test_the_dashboard_shows_the_note_with_its_gigs(app, client, login):
    worker = make_worker()
    profile = _free_in(worker, "farming_lull_winter", "moratorium_east_sea")
    employer = make_employer()
    for kind in (SeasonTag.FARMING_LULL, SeasonTag.MORATORIUM):
        make_gig(employer, title=f"{kind.value} 活", season_tag=kind, shifts=[shift_in(days=3)])
    db.session.commit()
    expected = season_notes(profile, to_local(utcnow()).date())
    login(client, worker)
    page = client.get("/dashboard").get_data(as_text=True)
    assert page.count('data-testid="season-note"') == len(expected)
    for note in expected:
        assert note.season.name_zh in page and "1 个相关岗位在招" in page
