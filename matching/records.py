"""Plain records the ranker consumes and returns.

The marketplace builds these from its models; the ranker never sees the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .phrases import Phrase

__all__ = ["Worker", "Job", "Interaction", "Match"]

ALL_WEEKDAYS = 0b1111111


@dataclass(frozen=True)
class Worker:
    """A worker as the ranker sees them.

    Parameters
    ----------
    id : int or str
        The worker's id in the marketplace.
    lat, lon : float
        Home location in degrees (WGS-84).
    skills : tuple of str
        Taxonomy skill codes, e.g. ``"cleaning.cleaner"``.
    text : str
        Skills in the worker's own words; matched against skill names and synonyms.
    max_travel_km : float
        Great-circle distance the worker will travel; a hard constraint.
    expected_daily_pay_fen : int or None
        Expected daily pay in fen; ``None`` when not given.
    available : tuple of (date, date)
        Inclusive date windows the worker can work in; empty means any time.
    weekdays : int
        Bit mask of working weekdays, bit 0 = Monday.
    completed, no_shows : int
        Finished shifts and shifts not turned up for.
    rating : float or None
        Mean stars received (1–5); ``None`` when never rated.
    """

    id: int | str
    lat: float
    lon: float
    skills: tuple[str, ...] = ()
    text: str = ""
    max_travel_km: float = 20.0
    expected_daily_pay_fen: int | None = None
    available: tuple[tuple[date, date], ...] = ()
    weekdays: int = ALL_WEEKDAYS
    completed: int = 0
    no_shows: int = 0
    rating: float | None = None


@dataclass(frozen=True)
class Job:
    """A gig (job post) as the ranker sees it.

    Parameters
    ----------
    id : int or str
        The gig's id in the marketplace.
    lat, lon : float
        Place of work in degrees (WGS-84).
    start, end : date
        First and last working day, inclusive; the worker is needed every day in between.
    daily_pay_fen : int
        Offered pay per day in fen.
    skills : tuple of str
        Required taxonomy skill codes.
    text : str
        Title and description; matched against skill names and synonyms.
    category : str
        Taxonomy category code; informational.
    """

    id: int | str
    lat: float
    lon: float
    start: date
    end: date
    daily_pay_fen: int
    skills: tuple[str, ...] = ()
    text: str = ""
    category: str = ""


@dataclass(frozen=True)
class Interaction:
    """What happened when a worker was shown for (or shown) a job.

    Parameters
    ----------
    job_id, worker_id : int or str
        The pair.
    applied : bool
        The worker wanted it (applied or accepted an invite).
    hired : bool
        The employer wanted the worker (accepted).
    completed : bool or None
        The shift was done; ``None`` while not yet known.
    """

    job_id: int | str
    worker_id: int | str
    applied: bool
    hired: bool
    completed: bool | None = None


@dataclass(frozen=True)
class Match:
    """One ranked worker or job with the reasons to show beside it.

    Parameters
    ----------
    id : int or str
        The ranked worker's or job's id.
    score : float
        Higher is better; comparable within one ranking only.
    reasons : tuple of Phrase
        Two to four short reasons as message ids with parameters; the caller translates
        them (``Phrase.render`` with its gettext and skill names).
    feasible : bool
        False when the item breaks a hard constraint and is listed only because too few
        feasible items remained.
    """

    id: int | str
    score: float
    reasons: tuple[Phrase, ...]
    feasible: bool = True
