"""The scheduler: each job claims its period once; jobs' effects with a fixed clock."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from marketplace import scheduler
from marketplace.models import GigStatus, Notification, ScheduledRun, WageCase, db, utcnow
from marketplace.policy import registration as rule
from marketplace.rights import jobs
from marketplace.rights.registration import today
from tests.factories import make_employer, make_gig, make_worker, move_shift
from tests.rights.conftest import worked_shift


def _at(day) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=6)


def test_wage_job_twice_in_a_period_opens_one_case_and_one_notification(app):
    """Running the daily job twice the same day notifies once."""
    employer, worker = make_employer(), make_worker()
    application = worked_shift(employer, worker)
    db.session.commit()
    now = _at(application.pay_due_on + timedelta(days=4))
    assert scheduler.run_job("wage_arrears", now) == "1 cases opened"
    assert scheduler.run_job("wage_arrears", now) is None
    assert db.session.query(WageCase).count() == 1
    notes = db.session.query(Notification).filter_by(user_id=worker.id, kind="wage_case_opened")
    assert notes.count() == 1
    # The next day the job runs again but finds nothing new.
    assert scheduler.run_job("wage_arrears", now + timedelta(days=1)) == "0 cases opened"


def test_two_processes_claiming_the_same_period_run_it_once(app):
    """Two schedulers (threads, each with its own session) run the daily job: one runs it."""
    employer, worker = make_employer(), make_worker()
    application = worked_shift(employer, worker)
    db.session.commit()
    now = _at(application.pay_due_on + timedelta(days=4))
    flask_app = app
    barrier = threading.Barrier(2)
    results: list[str | None] = []

    def one_scheduler() -> None:
        with flask_app.app_context():
            barrier.wait()
            results.append(scheduler.run_job("wage_arrears", now))
            db.session.remove()

    threads = [threading.Thread(target=one_scheduler) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results, key=str) == ["1 cases opened", None]
    assert db.session.query(ScheduledRun).filter_by(job="wage_arrears").count() == 1
    assert db.session.query(WageCase).count() == 1


def test_registration_reminders_14_and_3_days_before(app):
    """N(二) deadline: reminders go out 14 and 3 days before it, not on other days."""
    worker = make_worker()
    application = worked_shift(make_employer(), worker, days_ago=5)
    started = jobs.local_start_day(application.shift.starts_at)
    deadline = rule.deadline(started)
    db.session.commit()
    assert jobs.registration_reminders(deadline - timedelta(days=13)) == 0
    assert jobs.registration_reminders(deadline - timedelta(days=14)) == 1
    assert jobs.registration_reminders(deadline - timedelta(days=3)) == 1
    note = db.session.query(Notification).filter_by(kind="registration_reminder").first()
    assert note.subject == deadline.isoformat()
    # Through the scheduler the same day twice: one more reminder only.
    now = _at(deadline - timedelta(days=3))
    scheduler.run_job("registration_reminders", now)
    scheduler.run_job("registration_reminders", now)
    assert db.session.query(Notification).filter_by(kind="registration_reminder").count() == 3


def test_close_gigs_whose_shifts_all_ended(app):
    """Gigs with every shift over are closed; gigs with a future shift stay open."""
    employer = make_employer()
    old = make_gig(employer, title="旧活")
    move_shift(old.shifts[0], utcnow() - timedelta(days=2))
    current = make_gig(employer, title="新活")
    db.session.commit()
    assert scheduler.run_job("close_gigs") == "1 gigs closed"
    db.session.expire_all()
    assert old.status == GigStatus.CLOSED and current.status == GigStatus.OPEN


def test_failed_job_gives_its_period_back(app, monkeypatch):
    """A job that fails releases its claim so that it can be retried."""

    def boom(now):
        raise RuntimeError("down")

    monkeypatch.setitem(
        scheduler.JOBS,
        "close_gigs",
        scheduler.Job("close_gigs", boom, {"minute": 5}, "%Y-%m-%dT%H", "test"),
    )
    try:
        scheduler.run_job("close_gigs")
    except RuntimeError:
        pass
    assert db.session.query(ScheduledRun).count() == 0


def test_cli_list_and_run_once(app):
    """`flask scheduler list` shows next runs; `run-once` runs a job once per period."""
    runner = app.test_cli_runner()
    listing = runner.invoke(args=["scheduler", "list"])
    assert "wage_arrears" in listing.output and "next" in listing.output
    first = runner.invoke(args=["scheduler", "run-once", "close_gigs"])
    second = runner.invoke(args=["scheduler", "run-once", "close_gigs"])
    assert "gigs closed" in first.output
    assert "already run" in second.output
    forced = runner.invoke(args=["scheduler", "run-once", "close_gigs", "--force"])
    assert "gigs closed" in forced.output
    assert db.session.query(ScheduledRun).filter_by(job="close_gigs").count() == 2


def test_prune_deletes_claims_older_than_90_days_only(app):
    """The per-minute outbox claims do not pile up; recent claims keep their periods."""
    now = utcnow()
    for age in (1, 89, 91, 400):
        db.session.add(
            ScheduledRun(job="outbox", period=f"p{age}", started_at=now - timedelta(days=age))
        )
    db.session.commit()
    result = scheduler.run_job("prune_runs")
    assert result == "2 old runs deleted"
    left = {r.period for r in db.session.query(ScheduledRun).filter_by(job="outbox")}
    assert left == {"p1", "p89"}


def test_scheduler_is_not_started_by_the_app(app):
    """create_app never starts a scheduler (STACK pitfall 1); the jobs are cron in Beijing time."""
    built = scheduler.build_scheduler(app)
    assert not built.running
    assert {j.id for j in built.get_jobs()} == set(scheduler.JOBS)
    assert str(built.timezone) == "Asia/Shanghai"
    assert today()


def test_subsidy_end_reminder_3_months_before_once_a_month(app):
    """N(十一): a subsidy approved 2025-01 (36 months) ends 2027-12; reminded in 2027-09, once."""
    from datetime import date

    from marketplace.models import BenefitFacts

    worker = make_worker()
    db.session.add(
        BenefitFacts(worker_id=worker.id, hard_to_employ=True, subsidy_approved_on=date(2025, 1, 5))
    )
    db.session.commit()
    assert jobs.subsidy_end_reminders(date(2027, 8, 1)) == 0
    assert scheduler.run_job("subsidy_reminders", datetime(2027, 9, 2, 9, 30)) == "1 reminders sent"
    assert scheduler.run_job("subsidy_reminders", datetime(2027, 9, 3, 9, 30)) is None
    note = db.session.query(Notification).filter_by(kind="subsidy_ending").one()
    assert note.subject == "2027-12" and note.user_id == worker.id
