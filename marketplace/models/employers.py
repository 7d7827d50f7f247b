"""An employer's profile and its verification by station staff."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.reference import Town


class EmployerKind(enum.StrEnum):
    """Who is hiring."""

    COMPANY = "company"
    PLATFORM = "platform"
    INDIVIDUAL = "individual"
    HOUSEHOLD = "household"


class Verification(enum.StrEnum):
    """Where the employer is in staff verification."""

    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


class EmployerProfile(db.Model):
    """A company, platform, individual or household that posts gigs."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    kind: Mapped[EmployerKind] = mapped_column(code_enum(EmployerKind, 12))
    name: Mapped[str] = mapped_column(String(120))
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    contact_name: Mapped[str] = mapped_column(String(40))
    town_id: Mapped[int] = mapped_column(ForeignKey("town.id"), index=True)
    address: Mapped[str] = mapped_column(String(200))
    verification: Mapped[Verification] = mapped_column(
        code_enum(Verification, 12), default=Verification.PENDING
    )
    verification_note: Mapped[str] = mapped_column(Text, default="")
    verified_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
    town: Mapped[Town] = relationship()

    @property
    def is_verified(self) -> bool:
        """Staff have checked this employer."""
        return self.verification == Verification.VERIFIED


class Favourite(db.Model):
    """A worker an employer keeps in its pool after working together, to invite again."""

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    worker: Mapped[User] = relationship(foreign_keys=[worker_id])

    __table_args__ = (UniqueConstraint("employer_id", "worker_id"),)
