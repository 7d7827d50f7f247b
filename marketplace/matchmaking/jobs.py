"""Scheduled jobs of matchmaking: alerts before a season starts, and retraining the ranker."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from marketplace.matchmaking import models_store
from marketplace.matchmaking.records import season_windows
from marketplace.matchmaking.training import logged_interactions, train
from marketplace.models import Season, WorkerProfile, db
from marketplace.notifications.services import notify
from marketplace.schedule import Job

# Issue 6: seasonal alerts "about 14 days before" the moratorium and farming seasons.
SEASON_ALERT_DAYS = 14
SEASON_ALERT_KINDS = ("moratorium", "farming_lull")


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
    folder = models_store.models_dir(current_app.instance_path)
    newest = sorted(folder.glob("ranker-*.json"))[-1:] if folder.exists() else []
    before = json.loads(newest[0].read_text())["interactions"] if newest else 0
    now = len(logged_interactions())
    if now - before < min_new:
        return f"{now - before} new interactions; model kept"
    report = train()
    return f"trained {report.version}" if report.version else "not enough interactions"


def _season_alerts(now: datetime) -> str:
    return f"{season_alerts(now.date())} alerts sent"


def _retrain(_now: datetime) -> str:
    return retrain_if_new()


JOBS = (
    Job(
        "season_alerts",
        _season_alerts,
        {"hour": 10, "minute": 0},
        "%Y-%m-%d",
        "Tell workers free in a season that it starts in 14 days (POLICY §5).",
    ),
    Job(
        "matching_train",
        _retrain,
        {"hour": 2, "minute": 30},
        "%Y-%m-%d",
        "Retrain the ranker at night when new interactions were logged.",
    ),
)
