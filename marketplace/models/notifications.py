"""Notifications: the in-app inbox and the messages waiting to leave the platform (SMS …)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import code_enum, db, utcnow


class OutboxStatus(enum.StrEnum):
    """Where a message is in delivery."""

    PENDING = "pending"  # queued, or claimed by a sender while ``claimed_until`` lies ahead
    SENT = "sent"
    FAILED = "failed"  # gave up after the last retry; kept for staff to see


class OutboxMessage(db.Model):
    """One message to one recipient over one channel, with its delivery attempts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification.id", ondelete="SET NULL"), index=True
    )
    # None for a code sent to a number that has no account yet (a sign-up waiting for it).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16), default="sms")
    recipient: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[OutboxStatus] = mapped_column(
        code_enum(OutboxStatus, 8), default=OutboxStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # A sender claims a message before sending it; the claim lapses at ``claimed_until`` so a
    # sender that died leaves the message to the next one. The token marks whose claim it is.
    claimed_until: Mapped[datetime | None]
    claim_token: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class Notification(db.Model):
    """An in-app message; text is rendered from ``kind`` in the reader's language."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(120), default="")
    link: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None]
