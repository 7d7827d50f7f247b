"""A worker's profile: identity, home, skills, pay expectation and availability."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.reference import Season, Skill, Town


class Hukou(enum.StrEnum):
    """Where the worker's household registration (户籍) is."""

    NINGBO = "ningbo"
    ZHEJIANG = "zhejiang"  # Zhejiang outside Ningbo
    OTHER = "other"  # another province


worker_skill = Table(
    "worker_skill",
    db.metadata,
    Column("worker_id", ForeignKey("worker_profile.user_id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id"), primary_key=True),
)

worker_season = Table(
    "worker_season",
    db.metadata,
    Column("worker_id", ForeignKey("worker_profile.user_id", ondelete="CASCADE"), primary_key=True),
    Column("season_id", ForeignKey("season.id"), primary_key=True),
)

ALL_WEEKDAYS = 0b1111111  # bit 0 = Monday


class WorkerProfile(db.Model):
    """What a worker tells the marketplace about themselves."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    real_name: Mapped[str] = mapped_column(String(40))
    id_number_enc: Mapped[str] = mapped_column(Text)
    id_number_hash: Mapped[str] = mapped_column(String(64), unique=True)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    birth_date: Mapped[date]
    sex: Mapped[str] = mapped_column(String(6))
    hukou: Mapped[Hukou] = mapped_column(code_enum(Hukou, 12))
    residence_permit_since: Mapped[date | None]
    town_id: Mapped[int] = mapped_column(ForeignKey("town.id"), index=True)
    max_travel_km: Mapped[int] = mapped_column(default=10)
    skills_text: Mapped[str] = mapped_column(Text, default="")
    expected_daily_pay_fen: Mapped[int | None]
    weekdays: Mapped[int] = mapped_column(default=ALL_WEEKDAYS)
    available_from: Mapped[date | None]
    available_until: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship()
    town: Mapped[Town] = relationship()
    skills: Mapped[list[Skill]] = relationship(secondary=worker_skill, order_by=Skill.code)
    seasons: Mapped[list[Season]] = relationship(secondary=worker_season, order_by=Season.code)

    def works_on(self, weekday: int) -> bool:
        """True when the worker is available on ``weekday`` (0 = Monday)."""
        return bool(self.weekdays >> weekday & 1)
