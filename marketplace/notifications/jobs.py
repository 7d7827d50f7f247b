"""Scheduled jobs of notifications: send what waits in the outbox."""

from __future__ import annotations

from datetime import datetime

from marketplace.notifications.outbox import deliver_due
from marketplace.schedule import Job


def _outbox(_now: datetime) -> str:
    sent, failed = deliver_due()
    return f"{sent} sent, {failed} to retry"


JOBS = (
    Job(
        "outbox",
        _outbox,
        {"minute": "*"},
        "%Y-%m-%dT%H:%M",
        "Send queued messages (SMS gateway or log); failures are retried, never lost.",
    ),
)
