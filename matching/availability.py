"""Dates and weekdays: how many of a job's days a worker can work, and seasonal windows.

Days are proleptic Gregorian ordinals (``date.toordinal()``); ordinal 1 is a Monday, so the
weekday of ordinal ``t`` is ``(t + 6) % 7`` with Monday = 0, matching ``Worker.weekdays``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

__all__ = [
    "Season",
    "load_seasons",
    "matching_season",
    "merge_windows",
    "available_days",
    "ANY_TIME",
]

ANY_TIME = (1, date.max.toordinal())  # the window of a worker who gave no dates
EMPTY = (1, 0)  # padding: a window with no days

# _BITS_UPTO[mask, r]: how many of weekdays 0..r are set in ``mask``.
_BITS_UPTO = np.array(
    [[bin(m & ((1 << (r + 1)) - 1)).count("1") for r in range(7)] for m in range(128)],
    dtype=np.int64,
)
_POPCOUNT = _BITS_UPTO[:, 6].copy()


def merge_windows(windows: Iterable[tuple[date, date]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching date windows into ordinal pairs."""
    spans = sorted((a.toordinal(), b.toordinal()) for a, b in windows if a <= b)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged or [ANY_TIME]


def _days_upto(u: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Count ``v`` in ``[0, u]`` whose weekday bit ``v % 7`` is set in ``mask``."""
    return (u // 7) * _POPCOUNT[mask] + _BITS_UPTO[mask, u % 7]


def available_days(
    job_start: np.ndarray | int,
    job_end: np.ndarray | int,
    win_start: np.ndarray,
    win_end: np.ndarray,
    weekdays: np.ndarray | int,
) -> np.ndarray:
    """Count the job days a worker can work, vectorised over pairs.

    Parameters
    ----------
    job_start, job_end : int or ndarray of shape (n,)
        Inclusive ordinals of the job's first and last day.
    win_start, win_end : ndarray of shape (n, w) or (w,)
        The worker's merged availability windows, padded with empty windows.
    weekdays : int or ndarray of shape (n,)
        Weekday masks, bit 0 = Monday.

    Returns
    -------
    ndarray of shape (n,)
        Days of the job that fall in a window on a working weekday.
    """
    a = np.asarray(job_start, dtype=np.int64)[..., None]
    b = np.asarray(job_end, dtype=np.int64)[..., None]
    mask = np.asarray(weekdays, dtype=np.int64)[..., None] & 127
    x = np.maximum(win_start, a)
    y = np.minimum(win_end, b)
    y = np.maximum(y, x - 1)  # empty overlap counts zero days
    days = _days_upto(y + 6, mask) - _days_upto(x + 5, mask)
    return days.sum(axis=-1)


@dataclass(frozen=True)
class Season:
    """A yearly window such as the fishing moratorium (休渔期) or a farming lull (农闲期).

    ``start_mmdd`` may be later than ``end_mmdd`` for windows that cross New Year.
    """

    code: str
    kind: str
    name_zh: str
    name_en: str
    start_mmdd: str
    end_mmdd: str

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in this season in its year."""
        md = day.strftime("%m-%d")
        if self.start_mmdd <= self.end_mmdd:
            return self.start_mmdd <= md <= self.end_mmdd
        return md >= self.start_mmdd or md <= self.end_mmdd

    def matches_window(self, start: date, end: date, slack_days: int = 7) -> bool:
        """Whether a worker's window ``start..end`` is this season, give or take a week."""
        for year in (start.year - 1, start.year):
            s = _mmdd(year, self.start_mmdd)
            e = _mmdd(year + (self.end_mmdd < self.start_mmdd), self.end_mmdd)
            if abs((s - start).days) <= slack_days and abs((e - end).days) <= slack_days:
                return True
        return False


def _mmdd(year: int, mmdd: str) -> date:
    month, day = (int(p) for p in mmdd.split("-"))
    if (month, day) == (2, 29):
        day = 28
    return date(year, month, day)


def load_seasons(path: str | Path) -> list[Season]:
    """Read ``seeds/seasons.csv`` (code, kind, name_zh, name_en, start_mmdd, end_mmdd, ...)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            Season(r["code"], r["kind"], r["name_zh"], r["name_en"], r["start_mmdd"], r["end_mmdd"])
            for r in csv.DictReader(fh)
        ]


def matching_season(
    seasons: Sequence[Season],
    start: date,
    end: date,
    kinds: tuple[str, ...] = ("moratorium", "farming_lull"),
) -> Season | None:
    """The first season of ``kinds`` whose window matches the worker window, if any."""
    for season in seasons:
        if season.kind in kinds and season.matches_window(start, end):
            return season
    return None
