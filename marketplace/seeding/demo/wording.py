"""How demo gig posts are worded: titles and descriptions like local employers write them."""

from __future__ import annotations

import random

from marketplace.models import PayUnit, WorkForm
from marketplace.seeding.demo.catalog import (
    DEFAULT_SECTOR,
    NO_SEASON_WORDING,
    SEASON_WORDING,
    SECTORS,
    base_skill_name,
    short_place,
    title_suffixes,
)
from marketplace.seeding.demo.plans import GigPlan


def gig_title(rng: random.Random, plan: GigPlan) -> str:
    """E.g. '休渔期补网工', '石浦海鲜分拣临时工', '外卖骑手（时间自由）'."""
    base = base_skill_name(plan.skills[0].name_zh)
    wording = SEASON_WORDING.get(plan.season_tag, NO_SEASON_WORDING)
    fishing = plan.category_code == "fishing"
    prefix = wording.fishing_title_prefix if fishing else wording.title_prefix
    options = [s for s in title_suffixes(plan.work_form, base) if s.strip("（）") not in base]
    place = short_place(plan.town.name_zh) if rng.random() < 0.25 else ""
    return f"{place}{prefix}{base}{rng.choice(options or [''])}"


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}".rstrip("0").rstrip(".")


def _clock_text(hour: float, minutes: int) -> str:
    start = int(round(hour * 60))
    end = (start + minutes) % (24 * 60)
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def _pay_text(plan: GigPlan) -> str:
    if plan.pay_unit == PayUnit.HOUR:
        return f"每小时{_yuan(plan.pay_fen)}元"
    if plan.pay_unit == PayUnit.PIECE:
        unit = plan.piece_unit or "件"
        return f"计件，每{unit}{_yuan(plan.pay_fen)}元，熟练工每天约{plan.pieces_per_day}{unit}"
    return f"每天{_yuan(plan.pay_fen)}元"


def _settle_text(days: int) -> str:
    return {0: "当天结算", 1: "次日结算"}.get(days, f"完工后{days}天内结清")


def gig_description(rng: random.Random, plan: GigPlan, start_hour: float) -> str:
    """A short, concrete post in the way local employers write them."""
    sector = SECTORS.get(plan.category_code, DEFAULT_SECTOR)
    slots = max(s.slots for s in plan.shifts)
    parts = [
        f"{plan.employer.profile['name']}招{base_skill_name(plan.skills[0].name_zh)}{slots}名。",
        f"工作地点：{plan.town.district_name}{plan.address}。",
        f"工作时间：{_clock_text(start_hour, plan.minutes)}（约{plan.minutes / 60:g}小时）。",
        f"待遇：{_pay_text(plan)}，{_settle_text(plan.pay_within_days)}。",
        SEASON_WORDING.get(plan.season_tag, NO_SEASON_WORDING).phrase,
        "每天不超过4小时，适合兼顾家庭的朋友。" if plan.work_form == WorkForm.PART_TIME else "",
        "我们为每位工人购买意外伤害保险。" if plan.injury_insurance else "",
        rng.choice(sector.requirements),
    ]
    return "".join(parts)
