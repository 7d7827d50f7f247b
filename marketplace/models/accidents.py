"""Accidents reported on a shift, and the steps of work-injury recognition that follow."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.work import Application
from marketplace.policy.injury import Cover


class AccidentReport(db.Model):
    """An accident on a shift, who reported it, its cover, and who applied for recognition when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    reported_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    occurred_at: Mapped[datetime]  # UTC
    description: Mapped[str] = mapped_column(Text)
    injured: Mapped[bool]
    cover: Mapped[Cover] = mapped_column(code_enum(Cover, 12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    employer_applied_on: Mapped[date | None]  # 工伤认定 applied for by the employer
    worker_applied_on: Mapped[date | None]  # … or by the worker, a relative or the union
    reminders_sent: Mapped[int] = mapped_column(default=0)  # how many deadline reminders went out
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    close_note: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship()
    reported_by: Mapped[User] = relationship(foreign_keys=[reported_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])
