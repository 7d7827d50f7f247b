"""Shift-eve reminders, seasonal alerts and nightly retraining, each at a fixed date."""

from datetime import date, datetime

from sqlalchemy import func, select

from marketplace.i18n import to_local
from marketplace.matchmaking import jobs as matchmaking_jobs
from marketplace.models import Notification, Season, db, utcnow
from marketplace.scheduler import run_job
from marketplace.work.services import accept, apply_to_shift
from tests.factories import make_employer, make_gig, make_worker, shift_in


def _count(kind: str, user_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(Notification).where(Notification.kind == kind)
    if user_id is not None:
        stmt = stmt.where(Notification.user_id == user_id)
    return db.session.scalar(stmt)


def test_shift_eve_reminds_both_sides_once(app):
    """The evening before, the worker and the employer are reminded; a second run sends none."""
    employer = make_employer()
    gig = make_gig(employer, shifts=[shift_in(days=1)])
    worker = make_worker()
    accept(employer, apply_to_shift(worker, gig.shifts[0].id).id)
    later = make_gig(employer, title="后天的活", shifts=[shift_in(days=2)])
    accept(employer, apply_to_shift(make_worker("王五"), later.shifts[0].id).id)
    db.session.commit()
    today = to_local(utcnow()).replace(tzinfo=None)
    evening = datetime.combine(today.date(), datetime.min.time()).replace(hour=18)
    assert run_job("shift_eve", evening) == "2 reminders sent"
    assert run_job("shift_eve", evening) is None
    assert _count("shift_tomorrow", worker.id) == 1
    assert _count("shift_tomorrow_employer", employer.id) == 1


def test_season_alert_fourteen_days_before_moratorium(app):
    """Fishermen free in the moratorium hear of it two weeks before May 1; others do not."""
    moratorium = db.session.scalar(select(Season).where(Season.code == "moratorium_east_sea"))
    fisher = make_worker("渔民", season_ids=[moratorium.id])
    other = make_worker("保洁员")
    db.session.commit()
    assert matchmaking_jobs.season_alerts(date(2027, 4, 16)) == 0
    assert matchmaking_jobs.season_alerts(date(2027, 4, 17)) >= 1
    assert _count("season_starting", fisher.id) == 1
    assert _count("season_starting", other.id) == 0


def test_retrain_keeps_model_without_new_interactions(app, tmp_path, monkeypatch):
    """Nothing logged since the last model: the nightly job keeps it."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    assert matchmaking_jobs.retrain_if_new() == "0 new interactions; model kept"
