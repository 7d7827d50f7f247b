"""Accidents on a shift: each shift shows its cover; the worker, employer or staff report an
accident; the steps of work-injury recognition (《工伤保险条例》第十七条) follow with reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.i18n import to_local
from marketplace.models import AccidentReport, AuditLog, Notification, db, utcnow
from marketplace.policy import injury
from marketplace.rights import accidents
from marketplace.work import services
from tests.factories import make_employer, make_gig, make_worker, move_shift
from tests.kiosk.conftest import make_staff, nearest_station


def _started(insured: bool = True, title: str = "冷库搬运"):
    employer, worker = make_employer(), make_worker("搬运工小王")
    gig = make_gig(employer, title=title, injury_insurance=insured)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(hours=3))
    return employer, worker, application


def _kinds(user) -> list[str]:
    return list(
        db.session.scalars(select(Notification.kind).where(Notification.user_id == user.id))
    )


def test_the_steps_follow_the_regulation():
    steps = injury.steps(injury.Cover.WORK_INJURY, date(2026, 3, 2))
    assert steps[0].due == date(2026, 4, 1) and "第十七条第一款" in steps[0].citation
    assert steps[1].due == date(2027, 3, 2) and "第十七条第二款" in steps[1].citation
    assert injury.one_year_after(date(2028, 2, 29)) == date(2029, 2, 28)
    assert injury.steps(injury.Cover.NONE, date(2026, 3, 2))[0].due is None


@pytest.mark.parametrize(
    "insured, platform, shown",
    [
        (True, "", "用工方提供工伤保险"),
        (False, "某保险公司团体意外险", "平台意外险"),
        (False, "", "无伤害保险"),
    ],
)
def test_each_shift_shows_its_cover(app, client, login, insured, platform, shown):
    app.config["PLATFORM_ACCIDENT_INSURANCE"] = platform
    try:
        employer, worker, application = _started(insured)
        login(client, worker)
        assert shown in client.get(f"/gigs/{application.shift.gig_id}").get_data(as_text=True)
        assert shown in client.get(f"/applications/{application.id}").get_data(as_text=True)
    finally:
        app.config["PLATFORM_ACCIDENT_INSURANCE"] = ""


def test_the_worker_reports_and_sees_the_deadlines(app, client, login):
    employer, worker, application = _started()
    login(client, worker)
    page = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert 'data-testid="report-accident"' in page
    now = to_local(utcnow())
    sent = client.post(
        f"/applications/{application.id}/accident",
        data={
            "day": now.date().isoformat(),
            "time": now.strftime("%H:%M"),
            "description": "搬货时从梯子上摔下，左臂骨折，已送医院。",
            "injured": "y",
        },
    )
    assert sent.status_code == 302
    made = db.session.scalar(select(AccidentReport))
    assert made.cover == injury.Cover.WORK_INJURY and made.injured
    assert "accident_reported" in _kinds(employer) and "accident_reported" not in _kinds(worker)

    shown = client.get(f"/accidents/{made.id}").get_data(as_text=True)
    due = (now.date() + timedelta(days=30)).isoformat()
    assert due in shown and "《工伤保险条例》第十七条第一款" in shown and "工伤认定" in shown


def test_bad_reports_are_refused_and_change_nothing(app, client, login):
    employer, worker, application = _started()
    login(client, worker)
    tomorrow = to_local(utcnow()).date() + timedelta(days=1)
    answer = client.post(
        f"/applications/{application.id}/accident",
        data={"day": tomorrow.isoformat(), "time": "08:00", "description": "摔了"},
    )
    assert answer.status_code == 400 and "不能晚于现在" in answer.get_data(as_text=True)
    stranger = make_worker("别人")
    client.post("/account/logout")
    login(client, stranger)
    assert client.get(f"/applications/{application.id}/accident").status_code == 403
    assert db.session.scalar(select(AccidentReport)) is None


def test_reminders_then_the_worker_may_apply(app):
    employer, worker, application = _started()
    made = accidents.report(worker, application.id, utcnow() - timedelta(hours=1), "摔伤", True)
    day = accidents.accident_day(made)
    assert accidents.send_reminders(day + timedelta(days=6)) == 0
    assert accidents.send_reminders(day + timedelta(days=7)) == 1
    assert accidents.send_reminders(day + timedelta(days=8)) == 0  # once per stage
    assert accidents.send_reminders(day + timedelta(days=27)) == 1  # 20 and 27 caught up at once
    assert _kinds(employer).count("accident_apply_reminder") == 2
    assert accidents.send_reminders(day + timedelta(days=31)) == 1
    assert "accident_worker_may_apply" in _kinds(worker)
    assert accidents.send_reminders(day + timedelta(days=40)) == 0


def test_an_application_stops_the_reminders(app, client, login):
    employer, worker, application = _started()
    made = accidents.report(employer, application.id, utcnow() - timedelta(hours=1), "扭伤", True)
    login(client, employer)
    today = to_local(utcnow()).date()
    client.post(f"/accidents/{made.id}/applied", data={"applied_on": today.isoformat()})
    db.session.expire_all()
    assert made.employer_applied_on == today
    assert accidents.send_reminders(accidents.accident_day(made) + timedelta(days=31)) == 0


def test_staff_list_open_reports_view_is_logged_and_close(app, client, login):
    employer, worker, application = _started(insured=False)
    made = accidents.report(worker, application.id, utcnow() - timedelta(hours=1), "烫伤", True)
    station = nearest_station()
    staff = make_staff(station)
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": station.id})
    assert "搬运工小王" in client.get("/kiosk/accidents").get_data(as_text=True)
    assert client.get(f"/accidents/{made.id}").status_code == 200
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "accident_view"))
    client.post(f"/accidents/{made.id}/close", data={"note": "双方调解，用工方承担医药费。"})
    db.session.expire_all()
    assert made.closed_at is not None and made.closed_by_id == staff.id
    assert 'data-testid="open-accident"' not in client.get("/kiosk/accidents").get_data(
        as_text=True
    )
