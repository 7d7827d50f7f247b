"""Short reasons shown beside a ranked worker or job, in Chinese (default) or English."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np

from .availability import Season, matching_season, merge_windows
from .features import FEATURE_NAMES
from .records import Job, Worker
from .skillspace import Profile, SkillSpace
from .taxonomy import Taxonomy

__all__ = ["explain"]

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


def explain(
    job: Job,
    worker: Worker,
    *,
    feats: np.ndarray,
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

    Breaches come first. ``feats`` is the pair's feature column; ``audience`` is "employer"
    (ranking workers: reliability is shown) or "worker" (ranking jobs: pay is shown).
    """
    dist = float(feats[FEATURE_NAMES.index("distance_km")])
    share = float(feats[FEATURE_NAMES.index("availability_share")])
    near = dist <= worker.max_travel_km + 1e-6
    free = share >= min_availability
    out = [
        distance_reason(dist, lang) if near else range_violation(dist, worker.max_travel_km, lang)
    ]
    time = time_reason(job, worker, share, seasons, lang)
    if not free:
        out.insert(0, time)

    def name(code: str, lang: str) -> str:
        return taxonomy.name(code, lang) if taxonomy is not None else code

    skills = skill_reason(profiles[0], profiles[1], space, name, weights, lang)
    side = (
        pay_reason(job, worker, lang) if audience == "worker" else reliability_reason(worker, lang)
    )
    out.extend(r for r in (skills, side) if r)
    if free:
        out.append(time)
    return tuple(out[:MAX_REASONS]), near and free
