"""Station kiosks: which staff serve which station, job-seeking needs and referrals (POLICY §10)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.gigs import Gig, Shift
from marketplace.models.reference import SkillCategory, Station, Town

# A staff account may serve several stations; the current one is chosen at the kiosk.
staff_station = Table(
    "staff_station",
    db.metadata,
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    Column("station_id", ForeignKey("station.id", ondelete="CASCADE"), primary_key=True),
)


class JobNeed(db.Model):
    """A 求职需求 taken at a station for someone without an account; shared city-wide."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    mobile: Mapped[str] = mapped_column(String(11), index=True)
    desired_work: Mapped[str] = mapped_column(Text)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("skill_category.id"))
    town_id: Mapped[int | None] = mapped_column(ForeignKey("town.id"))
    availability: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    converted_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    category: Mapped[SkillCategory | None] = relationship()
    town: Mapped[Town | None] = relationship()
    station: Mapped[Station] = relationship()
    staff: Mapped[User] = relationship(foreign_keys=[staff_id])


class ReferralStatus(enum.StrEnum):
    """Where a referral stands: referred → applied → hired → completed / no-show / declined."""

    REFERRED = "referred"
    APPLIED = "applied"
    HIRED = "hired"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    DECLINED = "declined"


class Referral(db.Model):
    """Station staff sent a worker (or a need's person) to a gig; never deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("job_need.id"), index=True)
    gig_id: Mapped[int] = mapped_column(ForeignKey("gig.id"), index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    status: Mapped[ReferralStatus] = mapped_column(
        code_enum(ReferralStatus, 10), default=ReferralStatus.REFERRED, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    need: Mapped[JobNeed | None] = relationship()
    gig: Mapped[Gig] = relationship()
    shift: Mapped[Shift | None] = relationship()
    station: Mapped[Station] = relationship()
    staff: Mapped[User] = relationship(foreign_keys=[staff_id])

    __table_args__ = (
        CheckConstraint("(worker_id IS NULL) <> (need_id IS NULL)", name="one_person"),
    )


class AssistedSignup(db.Model):
    """A worker account created by station staff for a walk-in, with the pledge signed on screen."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    need_id: Mapped[int | None] = mapped_column(ForeignKey("job_need.id"))
    pledge_name: Mapped[str] = mapped_column(String(40))
    pledge_signed_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    station: Mapped[Station] = relationship()
    staff: Mapped[User] = relationship(foreign_keys=[staff_id])
    need: Mapped[JobNeed | None] = relationship()
