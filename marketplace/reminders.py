"""Scheduled nudges: the eve of a shift, the coming season, and retraining the ranker."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.i18n import local_to_utc
from marketplace.matchmaking import models_store
from marketplace.matchmaking.records import season_windows
from marketplace.models import Application, AppStatus, Season, Shift, WorkerProfile, db
from marketplace.notifications.services import notify

# Issue 6: seasonal alerts "about 14 days before" the moratorium and farming seasons.
SEASON_ALERT_DAYS = 14
SEASON_ALERT_KINDS = ("moratorium", "farming_lull")


def shift_eve_reminders(on: date) -> int:
    """Remind both sides of every accepted shift starting tomorrow (Beijing time)."""
    start = local_to_utc(datetime.combine(on + timedelta(days=1), time.min))
    apps = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(
            Application.status == AppStatus.ACCEPTED,
            Shift.starts_at >= start,
            Shift.starts_at < start + timedelta(days=1),
        )
        .options(selectinload(Application.shift).selectinload(Shift.gig))
    )
    sent = 0
    for app in apps:
        gig = app.shift.gig
        notify(app.worker_id, "shift_tomorrow", gig.title, f"/applications/{app.id}")
        notify(gig.employer_id, "shift_tomorrow_employer", gig.title, f"/gigs/{gig.id}/manage")
        sent += 2
    return sent


def season_alerts(on: date) -> int:
    """Tell workers free in a season that it starts in 14 days and gigs are listed for it."""
    starting = [
        s
        for s in db.session.scalars(select(Season).where(Season.kind.in_(SEASON_ALERT_KINDS)))
        if any(
            start == on + timedelta(days=SEASON_ALERT_DAYS) for start, _ in season_windows(s, on)
        )
    ]
    sent = 0
    for season in starting:
        workers = db.session.scalars(
            select(WorkerProfile.user_id).where(WorkerProfile.seasons.any(Season.id == season.id))
        )
        for worker_id in workers:
            notify(worker_id, "season_starting", season.name_zh, "/gigs?season_tag=" + season.kind)
            sent += 1
    return sent


def retrain_if_new(min_new: int = 20) -> str:
    """Train the ranker again when enough interactions were logged since the newest model."""
    from marketplace.matchmaking.training import logged_interactions, train

    folder = models_store.models_dir(current_app.instance_path)
    newest = sorted(folder.glob("ranker-*.json"))[-1:] if folder.exists() else []
    before = json.loads(newest[0].read_text())["interactions"] if newest else 0
    now = len(logged_interactions())
    if now - before < min_new:
        return f"{now - before} new interactions; model kept"
    report = train()
    return f"trained {report.version}" if report.version else "not enough interactions"
