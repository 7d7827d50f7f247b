"""Short reasons shown beside a ranked worker or job, in Chinese (default) or English.

Each ``Reason`` puts one or more features into words; the features name their reason in
``matching.registry``, and ``explain`` writes the reasons that registry refers to. The texts
are written here in both languages (``lang``); the library does not use gettext.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .availability import Season, matching_season, merge_windows
from .records import Job, Worker
from .skillspace import Profile, SkillSpace
from .taxonomy import Taxonomy

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
]

MAX_REASONS = 4
MAX_SKILL_NAMES = 2
_SEASON_LABEL = {
    "moratorium": ("休渔期可上工", "Free during the fishing moratorium"),
    "farming_lull": ("农闲期可上工", "Free during the farming lull"),
}
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def distance_reason(dist_km: float, lang: str) -> str:
    """'距离 3.2 公里'."""
    return _t(lang, f"距离 {dist_km:.1f} 公里", f"{dist_km:.1f} km away")


def range_violation(dist_km: float, radius_km: float, lang: str) -> str:
    """Why a worker beyond their travel radius is listed last."""
    return _t(
        lang,
        f"超出通勤范围 ({dist_km:.1f} 公里 > {radius_km:g} 公里)",
        f"Beyond travel range ({dist_km:.1f} km > {radius_km:g} km)",
    )


def _first_gap(job: Job, worker: Worker) -> tuple[date, bool] | None:
    """The first job day the worker cannot work, and whether only the weekday is the reason."""
    windows = merge_windows(worker.available)
    day = job.start
    for _ in range(min((job.end - job.start).days + 1, 400)):
        in_window = any(a <= day.toordinal() <= b for a, b in windows)
        if not in_window or not worker.weekdays >> day.weekday() & 1:
            return day, in_window
        day += timedelta(days=1)
    return None


def time_reason(
    job: Job, worker: Worker, share: float, seasons: Sequence[Season], lang: str
) -> str:
    """Why the dates fit ('休渔期可上工', '档期合适') or do not ('10月不在可上工时间')."""
    days = (job.end - job.start).days + 1
    if share >= 1.0:
        for a, b in worker.available:
            season = matching_season(seasons, a, b) if a <= job.start and job.end <= b else None
            if season is not None:
                zh, en = _SEASON_LABEL[season.kind]
                return _t(lang, zh, en)
        return _t(lang, "档期合适", "Available on these dates")
    gap = _first_gap(job, worker)
    if share > 0 or gap is None:
        n = round(share * days)
        return _t(lang, f"可上工 {n}/{days} 天", f"Available {n} of {days} days")
    day, weekday_only = gap
    if weekday_only:
        wd = day.weekday()
        return _t(lang, f"周{_WEEKDAYS_ZH[wd]}不可上工", f"Not available on {_WEEKDAYS_EN[wd]}")
    return _t(lang, f"{day.month}月不在可上工时间", f"Not available in {_MONTHS_EN[day.month - 1]}")


def skill_reason(
    job_profile: Profile,
    worker_profile: Profile,
    space: SkillSpace,
    name: Callable[[str, str], str],
    weights: tuple[float, float],
    lang: str,
) -> str | None:
    """'技能匹配：保洁、绿化养护' for shared codes, '相关技能：…' for family or category kin."""
    scored: dict[str, float] = {}
    for code in worker_profile.codes:
        for other in job_profile.codes:
            if code == other:
                sim = 1.0
            elif space.family(code) == space.family(other):
                sim = weights[0]
            elif space.category(code) == space.category(other):
                sim = weights[1]
            else:
                continue
            scored[code] = max(scored.get(code, 0.0), sim)
    if not scored:
        return None
    top = sorted(scored, key=lambda c: (-scored[c], c))[:MAX_SKILL_NAMES]
    names = _t(lang, "、", ", ").join(name(c, lang) for c in top)
    if scored[top[0]] >= 1.0:
        return _t(lang, f"技能匹配：{names}", f"Skills match: {names}")
    return _t(lang, f"相关技能：{names}", f"Related skills: {names}")


def pay_reason(job: Job, worker: Worker, lang: str) -> str | None:
    """'日薪高于期望 10%' against the worker's expected daily pay."""
    expected = worker.expected_daily_pay_fen
    if not expected:
        return None
    pct = round(100 * (job.daily_pay_fen - expected) / expected)
    if pct > 0:
        return _t(lang, f"日薪高于期望 {pct}%", f"Daily pay {pct}% above expectation")
    if pct < 0:
        return _t(lang, f"日薪低于期望 {-pct}%", f"Daily pay {-pct}% below expectation")
    return _t(lang, "日薪符合期望", "Daily pay meets expectation")


def reliability_reason(worker: Worker, lang: str) -> str:
    """'评分 4.8（12 单）', or that the worker is new."""
    if worker.rating is not None and worker.completed > 0:
        return _t(
            lang,
            f"评分 {worker.rating:.1f}（{worker.completed} 单）",
            f"Rated {worker.rating:.1f} ({worker.completed} shifts)",
        )
    if worker.completed > 0:
        return _t(lang, f"已完成 {worker.completed} 单", f"{worker.completed} shifts completed")
    return _t(lang, "新人，暂无评价", "New here, not yet rated")


@dataclass(frozen=True)
class Said:
    """One reason's words, and whether the pair meets the constraint they state."""

    text: str
    met: bool = True


@dataclass(frozen=True)
class PairView:
    """One ranked (job, worker) pair as the reason writers see it."""

    job: Job
    worker: Worker
    feats: np.ndarray  # the pair's feature column, in ``names`` order
    names: Sequence[str]
    profiles: tuple[Profile, Profile]  # the job's and the worker's
    space: SkillSpace
    taxonomy: Taxonomy | None
    seasons: Sequence[Season]
    min_availability: float
    weights: tuple[float, float]
    lang: str

    def value(self, name: str) -> float:
        """The pair's value of feature ``name``."""
        return float(self.feats[self.names.index(name)])

    def skill_name(self, code: str, lang: str) -> str:
        """A skill's display name (the code itself without a taxonomy)."""
        return self.taxonomy.name(code, lang) if self.taxonomy is not None else code


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
        ``write(pair)`` returns a ``Said`` (its text and whether the pair meets the stated
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
        return Said(distance_reason(dist, p.lang))
    return Said(range_violation(dist, radius, p.lang), met=False)


def _time(p: PairView) -> Said:
    share = p.value("availability_share")
    return Said(time_reason(p.job, p.worker, share, p.seasons, p.lang), share >= p.min_availability)


def _skills(p: PairView) -> Said | None:
    text = skill_reason(*p.profiles, p.space, p.skill_name, p.weights, p.lang)
    return Said(text) if text else None


def _pay(p: PairView) -> Said | None:
    text = pay_reason(p.job, p.worker, p.lang)
    return Said(text) if text else None


def _reliability(p: PairView) -> Said:
    return Said(reliability_reason(p.worker, p.lang))


# Met reasons read distance, skills, pay or reliability, dates; a breached date range is named
# before a breached travel radius.
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
    taxonomy: Taxonomy | None,
    seasons: Sequence[Season],
    min_availability: float,
    weights: tuple[float, float],
    audience: str,
    lang: str = "zh",
) -> tuple[tuple[str, ...], bool]:
    """Two to four reasons for one pair, and whether it meets the hard constraints.

    Every reason of ``reasons`` (``matching.registry.REASONS``) for this ``audience`` is
    written; breached constraints come first. ``feats`` is the pair's feature column in
    ``names`` order; ``profiles`` are the job's and the worker's; ``audience`` is "employer"
    (ranking workers: reliability is shown) or "worker" (ranking jobs: pay is shown).
    """
    pair = PairView(
        job, worker, feats, names, profiles, space, taxonomy, seasons, min_availability,
        weights, lang,
    )  # fmt: skip
    said = [
        (reason, s)
        for reason in reasons
        if reason.audience in (None, audience)
        for s in (reason.write(pair),)
        if s is not None
    ]
    breached = sorted((x for x in said if not x[1].met), key=lambda x: x[0].breach_order)
    met = sorted((x for x in said if x[1].met), key=lambda x: x[0].order)
    return tuple(s.text for _, s in [*breached, *met])[:MAX_REASONS], not breached
