"""What the ranker showed to whom (for learning from real exposure) and index version stamps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import db, utcnow


class Impression(db.Model):
    """One ranked item shown on a page: a gig to a worker, or a worker to an employer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    surface: Mapped[str] = mapped_column(String(20))  # "worker_recs" | "gig_candidates" | "kiosk"
    gig_id: Mapped[int] = mapped_column(ForeignKey("gig.id", ondelete="CASCADE"), index=True)
    worker_id: Mapped[int] = mapped_column(
        ForeignKey("worker_profile.user_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    score: Mapped[float]
    model_version: Mapped[str] = mapped_column(String(40), default="prior")
    shown_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class IndexVersion(db.Model):
    """A counter bumped whenever workers or gigs change, so every process refreshes its index."""

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
