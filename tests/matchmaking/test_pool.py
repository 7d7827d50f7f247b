"""Keep good people: a pool from past work, invited to a new shift in one tap; 老东家 on gigs of
employers a worker worked for and rated well."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.matchmaking import pool
from marketplace.models import Application, AppStatus, Favourite, db, utcnow
from marketplace.work import attendance, services
from tests.factories import make_employer, make_gig, make_worker, move_shift, shift_in


def _worked(employer, worker, title: str = "补网"):
    gig = make_gig(employer, title=title)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(days=3))
    attendance.confirm_hours(employer, application.id, 8 * 60)
    return application


def test_the_employer_keeps_workers_from_past_work_and_invites_them(app, client, login):
    employer = make_employer()
    老陈, 小李 = make_worker("渔民老陈"), make_worker("船员小李")
    first = _worked(employer, 老陈)
    _worked(employer, 小李, title="晒鲞")
    stranger = make_worker("没合作过")
    login(client, employer)
    assert 'data-testid="pool-member"' not in client.get("/my/pool").get_data(as_text=True)
    page = client.get(f"/applications/{first.id}").get_data(as_text=True)
    assert "加入常用人员" in page
    assert client.post(f"/applications/{first.id}/pool").status_code == 302
    client.post(f"/applications/{first.id}/pool")  # twice: still one row
    pool.add(employer, 小李.id)
    with pytest.raises(pool.NeverWorkedTogether):
        pool.add(employer, stranger.id)
    assert "渔民老陈" in client.get("/my/pool").get_data(as_text=True)
    assert db.session.scalar(select(Favourite).where(Favourite.worker_id == 老陈.id))

    new = make_gig(employer, title="新一季补网", shifts=[shift_in(days=5)])
    services.apply_to_shift(小李, new.shifts[0].id)  # already applied: not invited again
    db.session.commit()
    manage = client.get(f"/gigs/{new.id}/manage").get_data(as_text=True)
    assert "邀请常用人员参加这个班次" in manage
    answer = client.post(f"/shifts/{new.shifts[0].id}/invite-pool", follow_redirects=True)
    shown = answer.get_data(as_text=True)
    assert "已邀请常用人员 1 人" in shown and "未邀请" in shown and "船员小李" in shown
    invited = db.session.scalars(
        select(Application.worker_id).where(
            Application.shift_id == new.shifts[0].id, Application.status == AppStatus.INVITED
        )
    ).all()
    assert invited == [老陈.id]


def test_another_employers_shift_cannot_be_used(app, client, login):
    employer = make_employer()
    pool.add(employer, _worked(employer, make_worker()).worker_id)
    other = make_gig(make_employer("别家"), shifts=[shift_in(days=5)])
    db.session.commit()
    login(client, employer)
    assert client.post(f"/shifts/{other.shifts[0].id}/invite-pool").status_code == 403
    assert (
        db.session.scalar(select(Application).where(Application.shift_id == other.shifts[0].id))
        is None
    )


def test_old_boss_shows_for_an_employer_the_worker_rated_well(app, client, login):
    employer, poor = make_employer("石浦海产"), make_employer("差评老板")
    worker = make_worker()
    attendance.rate(worker, _worked(employer, worker).id, 5, "准时付钱")
    attendance.rate(worker, _worked(poor, worker, title="别的活").id, 2, "拖欠")
    good_gig = make_gig(employer, title="石浦新活", shifts=[shift_in(days=4)])
    poor_gig = make_gig(poor, title="差评新活", shifts=[shift_in(days=4)])
    db.session.commit()
    login(client, worker)
    assert 'data-testid="old-boss"' in client.get(f"/gigs/{good_gig.id}").get_data(as_text=True)
    assert 'data-testid="old-boss"' not in client.get(f"/gigs/{poor_gig.id}").get_data(as_text=True)
    listing = client.get("/gigs").get_data(as_text=True)
    assert listing.count('data-testid="old-boss"') == 1 and "老东家" in listing
