"""Claims of scheduled job runs: each (job, period) runs once across every scheduler process."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import db, utcnow


class ScheduledRun(db.Model):
    """A claimed run of a scheduled job; the unique (job, period) makes each run happen once."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    result: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("job", "period"),)
