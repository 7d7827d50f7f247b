"""The words of each reason, as ``Phrase`` message ids the caller translates.

Every statement is true of its pair: a skill is said to match only when the gig asks for it
and the worker has it; a kin skill is said to be related; distances, pay and dates are the
pair's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from .availability import Season, matching_season, merge_windows
from .phrases import N_, Phrase, SkillList
from .records import Job, Worker
from .skillspace import Profile, SkillSpace
from .taxonomy import SYNONYM_WEIGHT

__all__ = [
    "FAR_BELOW_EXPECTED",
    "MONTHS",
    "SEASONS",
    "WEEKDAYS",
    "asked_codes",
    "distance_reason",
    "held_codes",
    "pay_reason",
    "range_violation",
    "reliability_reason",
    "skill_reason",
    "time_reason",
]

MAX_SKILL_NAMES = 2
# An offer below this share of the worker's expected daily pay is "far below" it: the shortfall
# is stated first and the gig ranks after every fitting gig that pays more (matching.search).
FAR_BELOW_EXPECTED = 0.8
# Every message id, at module level so that ``matching.MESSAGES`` lists them all on import.
KM_AWAY = N_("%(km).1f km away")
BEYOND_RANGE = N_("Beyond travel range (%(km).1f km > %(radius)g km)")
DATES_FIT = N_("Available on these dates")
SOME_DAYS = N_("Available %(n)d of %(days)d days")
NOT_ON_WEEKDAY = N_("Not available on %(weekday)s")
NOT_IN_MONTH = N_("Not available in %(month)s")
SKILLS_MATCH = N_("Skills match: %(skills)s")
RELATED_SKILLS = N_("Related skills: %(skills)s")
PAY_ABOVE = N_("Daily pay %(pct)d%% above expectation")
PAY_BELOW = N_("Daily pay %(pct)d%% below expectation")
PAY_MEETS = N_("Daily pay meets expectation")
RATED = N_("Rated %(rating).1f (%(shifts)d shifts)")
COMPLETED = N_("%(shifts)d shifts completed")
NEWCOMER = N_("New here, not yet rated")
SEASONS = {
    "moratorium": N_("Free during the fishing moratorium"),
    "farming_lull": N_("Free during the farming lull"),
}
WEEKDAYS = (N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
            N_("Saturdays"), N_("Sundays"))  # fmt: skip
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))  # fmt: skip


def distance_reason(dist_km: float) -> Phrase:
    """'距离 3.2 公里'."""
    return Phrase.of(KM_AWAY, km=dist_km)


def range_violation(dist_km: float, radius_km: float) -> Phrase:
    """Why a worker beyond their travel radius is listed last."""
    return Phrase.of(BEYOND_RANGE, km=dist_km, radius=radius_km)


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


def time_reason(job: Job, worker: Worker, share: float, seasons: Sequence[Season]) -> Phrase:
    """Why the dates fit ('休渔期可上工', '档期合适') or do not ('10月不在可上工时间')."""
    days = (job.end - job.start).days + 1
    if share >= 1.0:
        for a, b in worker.available:
            season = matching_season(seasons, a, b) if a <= job.start and job.end <= b else None
            if season is not None:
                return Phrase(SEASONS[season.kind])
        return Phrase(DATES_FIT)
    gap = _first_gap(job, worker)
    if share > 0 or gap is None:
        return Phrase.of(SOME_DAYS, n=round(share * days), days=days)
    day, weekday_only = gap
    if weekday_only:
        weekday = Phrase(WEEKDAYS[day.weekday()])
        return Phrase.of(NOT_ON_WEEKDAY, weekday=weekday)
    return Phrase.of(NOT_IN_MONTH, month=Phrase(MONTHS[day.month - 1]))


def held_codes(profile: Profile) -> list[str]:
    """Codes a profile states: chosen skills, or named (or a synonym) in its own words.

    A code found only by n-gram resemblance is evidence for ranking, not a stated skill.
    """
    return [c for c, w in zip(profile.codes, profile.weights, strict=True) if w >= SYNONYM_WEIGHT]


def asked_codes(profile: Profile) -> list[str]:
    """The skills a gig asks for: its chosen skills, or without any, those its text names."""
    chosen = [c for c, e in zip(profile.codes, profile.explicit, strict=True) if e]
    return chosen or held_codes(profile)


def _kin(code: str, asked: list[str], space: SkillSpace) -> int:
    """1 when ``code`` shares a family with an asked code, 2 for only a category, else 0."""
    if any(space.family(code) == space.family(a) for a in asked):
        return 1
    return 2 if any(space.category(code) == space.category(a) for a in asked) else 0


def skill_reason(job_profile: Profile, worker_profile: Profile, space: SkillSpace) -> Phrase | None:
    """'技能匹配：保洁、绿化养护' for asked skills the worker has, else '相关技能：…' for kin."""
    asked = asked_codes(job_profile)
    held = held_codes(worker_profile)
    matched = [c for c in asked if c in held]
    if matched:
        return Phrase.of(SKILLS_MATCH, skills=SkillList(tuple(matched[:MAX_SKILL_NAMES])))
    kin = sorted((k, c) for c in held if (k := _kin(c, asked, space)))
    if not kin:
        return None
    names = tuple(c for _, c in kin[:MAX_SKILL_NAMES])
    return Phrase.of(RELATED_SKILLS, skills=SkillList(names))


def pay_reason(job: Job, worker: Worker) -> Phrase | None:
    """'日薪高于期望 10%' against the worker's expected daily pay."""
    expected = worker.expected_daily_pay_fen
    if not expected:
        return None
    pct = round(100 * (job.daily_pay_fen - expected) / expected)
    if pct > 0:
        return Phrase.of(PAY_ABOVE, pct=pct)
    if pct < 0:
        return Phrase.of(PAY_BELOW, pct=-pct)
    return Phrase(PAY_MEETS)


def reliability_reason(worker: Worker) -> Phrase:
    """'评分 4.8（12 单）', or that the worker is new."""
    if worker.rating is not None and worker.completed > 0:
        return Phrase.of(
            RATED,
            rating=worker.rating,
            shifts=worker.completed,
        )
    if worker.completed > 0:
        return Phrase.of(COMPLETED, shifts=worker.completed)
    return Phrase(NEWCOMER)
