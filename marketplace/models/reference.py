"""Reference data loaded from ``seeds/``: areas, stations, skills, wages and seasons."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.base import db


class District(db.Model):
    """A county-level division of Ningbo (区/县/市)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    lat: Mapped[float]
    lon: Mapped[float]
    wage_tier: Mapped[int]

    towns: Mapped[list[Town]] = relationship(back_populates="district", order_by="Town.code")


class Town(db.Model):
    """A town, township or street (乡镇/街道) with an approximate centroid."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(12))
    lat: Mapped[float]
    lon: Mapped[float]

    district: Mapped[District] = relationship(back_populates="towns")


class Station(db.Model):
    """A gig station (零工驿站) where staff serve walk-in workers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(160))
    town_id: Mapped[int] = mapped_column(ForeignKey("town.id"), index=True)
    address_zh: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float]
    lon: Mapped[float]
    phone: Mapped[str] = mapped_column(String(40), default="")
    opening_hours: Mapped[str] = mapped_column(String(80), default="")

    town: Mapped[Town] = relationship()


class SkillCategory(db.Model):
    """A sector of work, e.g. fishing, domestic service (POLICY §5)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    policy_ref: Mapped[str] = mapped_column(String(40), default="")

    skills: Mapped[list[Skill]] = relationship(back_populates="category", order_by="Skill.code")


class Skill(db.Model):
    """A skill in the taxonomy, with synonyms people use for it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("skill_category.id"), index=True)
    family: Mapped[str] = mapped_column(String(48))
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    synonyms_zh: Mapped[str] = mapped_column(Text, default="")
    synonyms_en: Mapped[str] = mapped_column(Text, default="")

    category: Mapped[SkillCategory] = relationship(back_populates="skills")


class MinimumWage(db.Model):
    """A Zhejiang minimum-wage tier from its effective date, with its source."""

    id: Mapped[int] = mapped_column(primary_key=True)
    tier: Mapped[int]
    monthly_fen: Mapped[int]
    hourly_fen: Mapped[int]
    effective_on: Mapped[date]
    source: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("tier", "effective_on"),)


class Season(db.Model):
    """A yearly window such as the fishing moratorium (休渔期) or a harvest."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    start_mmdd: Mapped[str] = mapped_column(String(5))
    end_mmdd: Mapped[str] = mapped_column(String(5))
    region: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(Text)
    effective_on: Mapped[date]
