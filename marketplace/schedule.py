"""What a scheduled job is. Each domain lists its own in ``<domain>/jobs.py``; the scheduler
(``marketplace/scheduler.py``) runs them all in a process of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Job:
    """A scheduled job: what it does, when (cron fields, Beijing time), and its period key.

    ``run`` gets the local (Asia/Shanghai) time and returns a one-line result for the log; the
    scheduler commits after it. ``period_format`` is the strftime of the local time that names
    the period a run claims: one run per day, per hour or per minute.
    """

    name: str
    run: Callable[[datetime], str]
    cron: dict
    period_format: str
    help: str
