"""A fair no-show rule: told, appealed with a reason, decided by station staff; only no-shows
that stand count towards reliability and the pause on applying, which is stated in advance."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.matchmaking.records import worker_records
from marketplace.models import AppealReason, AppealStatus, Notification, db, utcnow
from marketplace.work import noshow, reliability, services
from tests.factories import make_employer, make_gig, make_worker, move_shift, shift_in
from tests.kiosk.conftest import make_staff, nearest_station


def _no_show(employer, worker, days_ago: float = 0.5, title: str = "休渔期补网工"):
    """An accepted worker recorded as not coming, ``days_ago`` days ago."""
    gig = make_gig(employer, title=title)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(days=days_ago, hours=1))
    services.mark_no_show(employer, application.id)
    application.decided_at = utcnow() - timedelta(days=days_ago)
    db.session.flush()
    return application


def _counted(worker) -> int:
    return next(w.no_shows for w in worker_records() if w.id == worker.id)


def _kinds(user) -> list[str]:
    return list(
        db.session.scalars(select(Notification.kind).where(Notification.user_id == user.id))
    )


def test_the_worker_appeals_and_staff_accept_the_reason(app, client, login):
    employer, worker = make_employer(), make_worker("渔民老陈")
    application = _no_show(employer, worker)
    login(client, worker)
    page = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert 'data-testid="appeal-form"' in page and "台风" in page
    assert "暂停报名 14 天" in page  # the rule, before it ever applies

    sent = client.post(
        f"/applications/{application.id}/appeal",
        data={"reason": "weather", "explanation": "台风天，渔船不让出海，路也封了。"},
    )
    assert sent.status_code == 302
    assert "no_show_appealed" in _kinds(employer)
    assert _counted(worker) == 0  # pending: counts for nothing

    client.post("/account/logout")
    station = nearest_station()
    staff = make_staff(station)
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": station.id})
    queue = client.get("/kiosk/no-shows").get_data(as_text=True)
    assert "渔民老陈" in queue and "天气原因" in queue
    appeal = application.appeal
    decided = client.post(
        f"/kiosk/no-shows/{appeal.id}", data={"outcome": "overturned", "note": "台风预警属实。"}
    )
    assert decided.status_code == 302

    db.session.expire_all()
    assert appeal.status == AppealStatus.OVERTURNED and appeal.decided_by_id == staff.id
    assert appeal.decided_at is not None and appeal.decision_note == "台风预警属实。"
    assert "no_show_overturned" in _kinds(worker) and "no_show_overturned" in _kinds(employer)
    # long after the time to appeal, an accepted reason still counts for nothing
    application.decided_at = utcnow() - timedelta(days=30)
    db.session.flush()
    assert _counted(worker) == 0
    with pytest.raises(noshow.AlreadyDecided):
        noshow.decide(staff, appeal.id, True, "再看一次")


def test_a_no_show_counts_once_it_stands(app):
    """Not appealed in time, or upheld: then it counts; within the time to appeal it does not."""
    employer, worker = make_employer(), make_worker()
    recent = _no_show(employer, worker, days_ago=1)
    assert _counted(worker) == 0
    recent.decided_at = utcnow() - timedelta(days=8)  # NO_SHOW_APPEAL_DAYS (7) have passed
    db.session.flush()
    assert _counted(worker) == 1

    appealed = _no_show(employer, worker, days_ago=1, title="第二份活")
    made = noshow.appeal(worker, appealed.id, AppealReason.ILLNESS, "发烧了")
    assert _counted(worker) == 1
    noshow.decide(make_staff(nearest_station()), made.id, True, "没有提供证明。")
    assert _counted(worker) == 2


def test_an_accepted_worker_without_a_recorded_no_show_is_not_counted(app):
    """No check-in and no confirmation, but no no-show recorded: the hours stand, not a no-show."""
    employer, worker = make_employer(), make_worker()
    gig = make_gig(employer)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(days=5))
    assert _counted(worker) == 0


def test_appeals_are_refused_late_twice_or_for_others(app):
    employer, worker = make_employer(), make_worker()
    late = _no_show(employer, worker, days_ago=8)
    with pytest.raises(noshow.AppealTooLate):
        noshow.appeal(worker, late.id, AppealReason.ILLNESS, "")
    fresh = _no_show(employer, worker, title="第二份活")
    with pytest.raises(noshow.ExplanationNeeded):
        noshow.appeal(worker, fresh.id, AppealReason.OTHER, "   ")
    noshow.appeal(worker, fresh.id, AppealReason.CAME, "")
    with pytest.raises(noshow.AlreadyAppealed):
        noshow.appeal(worker, fresh.id, AppealReason.CAME, "")
    with pytest.raises(Exception) as other:
        noshow.appeal(make_worker("别人"), fresh.id, AppealReason.CAME, "")
    assert type(other.value).__name__ in ("Forbidden", "NotFound")


def test_three_standing_no_shows_pause_applying(app, client, login):
    employer, worker = make_employer(), make_worker()
    for n in range(3):
        _no_show(employer, worker, days_ago=10 + n, title=f"补网 {n}")
    paused = reliability.paused_until(worker.id)
    assert paused is not None and paused[1] == 3
    next_gig = make_gig(employer, title="新的活", shifts=[shift_in(days=3)])
    with pytest.raises(reliability.ApplyingPaused) as refused:
        services.apply_to_shift(worker, next_gig.shifts[0].id)
    assert "3" in str(refused.value)

    login(client, worker)
    answer = client.post(f"/shifts/{next_gig.shifts[0].id}/apply", follow_redirects=True)
    assert "报名已暂停至" in answer.get_data(as_text=True)


def test_the_pause_ends(app):
    employer, worker = make_employer(), make_worker()
    for n in range(3):
        _no_show(employer, worker, days_ago=30 + n, title=f"补网 {n}")  # stood 23+ days ago
    assert reliability.paused_until(worker.id) is None
    gig = make_gig(employer, title="新的活", shifts=[shift_in(days=3)])
    assert services.apply_to_shift(worker, gig.shifts[0].id).id


def test_only_staff_reach_the_appeal_pages(app, client, login):
    employer, worker = make_employer(), make_worker()
    application = _no_show(employer, worker)
    made = noshow.appeal(worker, application.id, AppealReason.ILLNESS, "发烧")
    db.session.commit()
    for user in (worker, employer):
        login(client, user)
        assert client.get("/kiosk/no-shows").status_code == 403
        assert (
            client.post(f"/kiosk/no-shows/{made.id}", data={"outcome": "overturned"}).status_code
            == 403
        )
        client.post("/account/logout")
    db.session.expire_all()
    assert made.status == AppealStatus.PENDING
