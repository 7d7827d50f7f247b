"""Scheduled jobs of accounts: forget old codes and the sign-ups that never got theirs."""

from __future__ import annotations

from datetime import datetime

from marketplace.accounts.codes import KEEP_CODES, prune_codes
from marketplace.schedule import Job


def _prune_codes(_now: datetime) -> str:
    return f"{prune_codes()} old codes deleted"


JOBS = (
    Job(
        "prune_codes",
        _prune_codes,
        {"minute": 40},
        "%Y-%m-%dT%H",
        f"Delete SMS codes and unfinished sign-ups older than {KEEP_CODES.days} day.",
    ),
)
