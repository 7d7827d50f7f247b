"""Read access to reference data for forms and filters."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.i18n import localized_name
from marketplace.models import District, Season, Skill, SkillCategory, Town, db


def districts() -> list[District]:
    """Every district, with its towns loaded."""
    return list(
        db.session.scalars(
            select(District).options(selectinload(District.towns)).order_by(District.code)
        )
    )


def town_choices() -> dict[str, list[tuple[int, str]]]:
    """Towns grouped by district, for a select with option groups."""
    return {localized_name(d): [(t.id, localized_name(t)) for t in d.towns] for d in districts()}


def categories() -> list[SkillCategory]:
    """Every skill category with its skills loaded."""
    return list(
        db.session.scalars(
            select(SkillCategory)
            .options(selectinload(SkillCategory.skills))
            .order_by(SkillCategory.code)
        )
    )


def skill_choices() -> list[tuple[int, str]]:
    """Every skill as (id, 'category · skill')."""
    return [
        (s.id, f"{localized_name(c)} · {localized_name(s)}") for c in categories() for s in c.skills
    ]


def skills_by_ids(ids: list[int]) -> list[Skill]:
    """The skills with these ids (unknown ids are ignored)."""
    if not ids:
        return []
    return list(db.session.scalars(select(Skill).where(Skill.id.in_(ids))))


def seasons() -> list[Season]:
    """Every seasonal window."""
    return list(db.session.scalars(select(Season).order_by(Season.start_mmdd)))


def season_choices() -> list[tuple[int, str]]:
    """Seasons as (id, 'name (MM-DD–MM-DD)')."""
    return [(s.id, f"{localized_name(s)} ({s.start_mmdd}–{s.end_mmdd})") for s in seasons()]


def get_town(town_id: int | None) -> Town | None:
    """A town by id, or None."""
    return db.session.get(Town, town_id) if town_id else None
