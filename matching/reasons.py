"""Short reasons shown beside a ranked worker or job, as message ids for the caller to translate.

Each ``Reason`` puts one or more features into words; the features name their reason in
``matching.registry``, and ``explain`` writes the reasons that registry refers to. The words
are ``Phrase`` message ids (``matching.wording``); the caller renders them with its gettext.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .availability import Season
from .phrases import Phrase
from .records import Job, Worker
from .skillspace import Profile, SkillSpace
from .wording import (
    FAR_BELOW_EXPECTED,
    distance_reason,
    pay_reason,
    range_violation,
    reliability_reason,
    skill_reason,
    time_reason,
)

__all__ = [
    "DISTANCE",
    "PAY",
    "RELIABILITY",
    "SKILLS",
    "TIME",
    "PairView",
    "Reason",
    "Said",
    "explain",
    "far_below_expected",
]

MAX_REASONS = 4
LOG_FAR_BELOW = float(np.log(FAR_BELOW_EXPECTED))


def far_below_expected(pay_vs_expected: np.ndarray) -> np.ndarray:
    """Which pairs' offers are far below the worker's expectation (feature ``pay_vs_expected``)."""
    return np.asarray(pay_vs_expected) < LOG_FAR_BELOW


@dataclass(frozen=True)
class Said:
    """One reason's words; whether the pair meets the constraint they state; a caution.

    A breached constraint (``met`` False) makes the pair infeasible; a caution (an offer far
    below expectation) is stated before the other met reasons but leaves the pair feasible.
    """

    phrase: Phrase
    met: bool = True
    caution: bool = False


@dataclass(frozen=True)
class PairView:
    """One ranked (job, worker) pair as the reason writers see it."""

    job: Job
    worker: Worker
    feats: np.ndarray  # the pair's feature column, in ``names`` order
    names: Sequence[str]
    profiles: tuple[Profile, Profile]  # the job's and the worker's
    space: SkillSpace
    seasons: Sequence[Season]
    min_availability: float

    def value(self, name: str) -> float:
        """The pair's value of feature ``name``."""
        return float(self.feats[self.names.index(name)])


@dataclass(frozen=True)
class Reason:
    """A short reason shown beside a ranked pair, putting one or more features into words.

    Features name their reason in ``matching.registry``; ``explain`` writes every reason
    some feature refers to.

    Parameters
    ----------
    key : str
        Short identifier.
    write : callable
        ``write(pair)`` returns a ``Said`` (its phrase and whether the pair meets the stated
        constraint), or ``None`` when there is nothing to say.
    order : int
        Position among the reasons of a pair that meets their constraints, lowest first.
    breach_order : int, default=0
        Position among breached constraints, which all come before the others.
    audience : {"worker", "employer"} or None, default=None
        Shown only when ranking for this side (jobs for a worker, workers for an employer).
    """

    key: str
    write: Callable[[PairView], Said | None]
    order: int
    breach_order: int = 0
    audience: str | None = None


def _distance(p: PairView) -> Said:
    dist, radius = p.value("distance_km"), p.worker.max_travel_km
    if dist <= radius + 1e-6:
        return Said(distance_reason(dist))
    return Said(range_violation(dist, radius), met=False)


def _time(p: PairView) -> Said:
    share = p.value("availability_share")
    return Said(time_reason(p.job, p.worker, share, p.seasons), share >= p.min_availability)


def _skills(p: PairView) -> Said | None:
    phrase = skill_reason(*p.profiles, p.space)
    return Said(phrase) if phrase else None


def _pay(p: PairView) -> Said | None:
    phrase = pay_reason(p.job, p.worker)
    if phrase is None:
        return None
    return Said(phrase, caution=bool(far_below_expected(np.array(p.value("pay_vs_expected")))))


def _reliability(p: PairView) -> Said:
    return Said(reliability_reason(p.worker))


# Met reasons read distance, skills, pay or reliability, dates; a breached date range is named
# before a breached travel radius; a caution comes right after the breaches.
DISTANCE = Reason("distance", _distance, order=0, breach_order=1)
SKILLS = Reason("skills", _skills, order=1)
PAY = Reason("pay", _pay, order=2, audience="worker")
RELIABILITY = Reason("reliability", _reliability, order=2, audience="employer")
TIME = Reason("time", _time, order=3, breach_order=0)


def explain(
    job: Job,
    worker: Worker,
    *,
    feats: np.ndarray,
    names: Sequence[str],
    reasons: Sequence[Reason],
    profiles: tuple[Profile, Profile],
    space: SkillSpace,
    seasons: Sequence[Season],
    min_availability: float,
    audience: str,
) -> tuple[tuple[Phrase, ...], bool]:
    """Two to four reasons for one pair, and whether it meets the hard constraints.

    Every reason of ``reasons`` (``matching.registry.REASONS``) for this ``audience`` is
    written; breached constraints come first, then cautions. ``feats`` is the pair's feature
    column in ``names`` order; ``profiles`` are the job's and the worker's; ``audience`` is
    "employer" (ranking workers: reliability is shown) or "worker" (ranking jobs: pay is shown).
    """
    pair = PairView(job, worker, feats, names, profiles, space, seasons, min_availability)
    said = [
        (reason, s)
        for reason in reasons
        if reason.audience in (None, audience)
        for s in (reason.write(pair),)
        if s is not None
    ]
    breached = sorted((x for x in said if not x[1].met), key=lambda x: x[0].breach_order)
    met = sorted((x for x in said if x[1].met), key=lambda x: (not x[1].caution, x[0].order))
    return tuple(s.phrase for _, s in [*breached, *met])[:MAX_REASONS], not breached
