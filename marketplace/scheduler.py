"""The scheduler: ``flask scheduler run`` in its own process, beside gunicorn (STACK pitfall 1).

The web app never starts it. Each domain lists its jobs in its ``jobs.py``; before running,
it claims its period in ``scheduled_run`` (unique job + period), so a second scheduler process
started by mistake, or a second ``run-once`` the same day, does nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import click
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from marketplace.accounts import jobs as accounts_jobs
from marketplace.gigs import jobs as gigs_jobs
from marketplace.i18n import SHANGHAI, to_local
from marketplace.matchmaking import jobs as matchmaking_jobs
from marketplace.models import ScheduledRun, db, rows_changed, utcnow
from marketplace.notifications import jobs as notifications_jobs
from marketplace.rights import jobs as rights_jobs
from marketplace.schedule import Job
from marketplace.work import jobs as work_jobs

TIMEZONE = "Asia/Shanghai"


# Claims older than this are deleted; longer than the longest period (a month) so that pruning
# never frees a period that is still current.
KEEP_RUNS_DAYS = 90


def _prune_runs(now: datetime) -> str:
    return f"{prune_runs(now)} old runs deleted"


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        *rights_jobs.JOBS,
        *gigs_jobs.JOBS,
        *work_jobs.JOBS,
        *matchmaking_jobs.JOBS,
        *notifications_jobs.JOBS,
        *accounts_jobs.JOBS,
        Job(
            "prune_runs",
            _prune_runs,
            {"hour": 3, "minute": 15},
            "%Y-%m-%d",
            f"Delete job-run records older than {KEEP_RUNS_DAYS} days.",
        ),
    )
}


def local_now() -> datetime:
    """Now in Asia/Shanghai (naive), from the same clock as ``utcnow``."""
    return to_local(utcnow()).replace(tzinfo=None)


def claim(job: str, period: str) -> ScheduledRun | None:
    """Claim (job, period) in its own committed transaction; None if someone else has it."""
    run = ScheduledRun(job=job, period=period)
    db.session.add(run)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return run


def prune_runs(now: datetime) -> int:
    """Delete run claims started more than ``KEEP_RUNS_DAYS`` before ``now`` (local time)."""
    cutoff = now.replace(tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)
    cutoff -= timedelta(days=KEEP_RUNS_DAYS)
    changed = rows_changed(delete(ScheduledRun).where(ScheduledRun.started_at < cutoff))
    db.session.commit()
    return changed


def run_job(name: str, now: datetime | None = None, force: bool = False) -> str | None:
    """Run one job for the current period unless already claimed; the result, or None.

    ``force`` runs it even so, under a claim of its own ("F" + the local time to the second),
    leaving the period's claim as it was.
    """
    job = JOBS[name]
    now = now or local_now()
    period = now.strftime("F%Y%m%dT%H%M%S" if force else job.period_format)
    run = claim(name, period)
    if run is None:
        return None
    try:
        result = job.run(now)
    except Exception:
        db.session.rollback()
        # Give the period back so the next attempt can run it.
        db.session.execute(delete(ScheduledRun).where(ScheduledRun.id == run.id))
        db.session.commit()
        current_app.logger.exception("scheduled job %s failed", name)
        raise
    run.finished_at = utcnow()
    run.result = result
    db.session.commit()
    return result


def build_scheduler(app):
    """A BlockingScheduler (Asia/Shanghai) with every job, each running in an app context."""
    scheduler = BlockingScheduler(timezone=TIMEZONE)

    def wrapped(name: str) -> None:
        with app.app_context():
            result = run_job(name)
            app.logger.info("job %s: %s", name, result or "already run for this period")

    for job in JOBS.values():
        scheduler.add_job(
            wrapped,
            "cron",
            args=[job.name],
            id=job.name,
            name=job.help,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=3600,
            **job.cron,
        )
    return scheduler


scheduler_cli = AppGroup("scheduler", help="Run the job scheduler (a process of its own).")


@scheduler_cli.command("run")
@with_appcontext
def run_command() -> None:
    """Start the scheduler in this process (blocks; run it beside gunicorn)."""
    scheduler = build_scheduler(current_app._get_current_object())
    click.echo(f"scheduler started with {len(JOBS)} jobs ({TIMEZONE}); Ctrl+C stops it")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass


@scheduler_cli.command("list")
@with_appcontext
def list_command() -> None:
    """Show the jobs and their next run."""
    scheduler = build_scheduler(current_app._get_current_object())
    now = datetime.now(SHANGHAI)
    for job in scheduler.get_jobs():
        next_run = job.trigger.get_next_fire_time(None, now)
        click.echo(f"{job.id:<24} next {next_run:%Y-%m-%d %H:%M %Z}  {job.name}")


@scheduler_cli.command("run-once")
@click.argument("job", type=click.Choice(sorted(JOBS)))
@click.option(
    "--force",
    is_flag=True,
    help="Run even if this period already ran (reminders may then be sent a second time).",
)
@with_appcontext
def run_once_command(job: str, force: bool) -> None:
    """Run one job now (once per period unless --force: a second run does nothing)."""
    result = run_job(job, force=force)
    click.echo(f"{job}: {result}" if result is not None else f"{job}: already run for this period")
