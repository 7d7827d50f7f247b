"""Applications to shifts and what follows them: attendance, payment, ratings."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.gigs import Shift
from marketplace.models.workers import WorkerProfile


class AppStatus(enum.StrEnum):
    """Where an application stands."""

    INVITED = "invited"
    APPLIED = "applied"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_SHOW = "no_show"  # accepted, the shift started and the worker never checked in


class Application(db.Model):
    """A worker's request for a shift, and the record of the work if accepted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker_profile.user_id"), index=True)
    status: Mapped[AppStatus] = mapped_column(
        code_enum(AppStatus, 10), default=AppStatus.APPLIED, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    coming_confirmed_at: Mapped[datetime | None]  # the worker's "I will come" on the eve
    checked_in_at: Mapped[datetime | None]
    checked_out_at: Mapped[datetime | None]
    minutes_confirmed: Mapped[int | None]
    confirmed_at: Mapped[datetime | None]
    pay_due_on: Mapped[date | None]

    shift: Mapped[Shift] = relationship()
    worker: Mapped[WorkerProfile] = relationship()
    payment: Mapped[Payment | None] = relationship(back_populates="application")
    ratings: Mapped[list[Rating]] = relationship(back_populates="application")
    appeal: Mapped[NoShowAppeal | None] = relationship(back_populates="application")

    __table_args__ = (UniqueConstraint("shift_id", "worker_id"),)


class AppealReason(enum.StrEnum):
    """Why the worker could not come."""

    ILLNESS = "illness"  # ill or injured
    WEATHER = "weather"  # e.g. a typhoon: boats do not sail, roads close
    EMERGENCY = "emergency"  # a family emergency
    EMPLOYER = "employer"  # the employer changed or cancelled the work, or turned them away
    CAME = "came"  # the worker came but was not checked in
    OTHER = "other"


class AppealStatus(enum.StrEnum):
    """Where a worker's appeal against a recorded no-show stands."""

    PENDING = "pending"  # waiting for station staff
    UPHELD = "upheld"  # staff found the no-show stands
    OVERTURNED = "overturned"  # staff accepted the reason: the no-show does not count


class NoShowAppeal(db.Model):
    """A worker's appeal against a no-show, and the station's decision (who and when)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), unique=True)
    reason: Mapped[AppealReason] = mapped_column(code_enum(AppealReason, 10))
    explanation: Mapped[str] = mapped_column(Text, default="")
    appealed_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[AppealStatus] = mapped_column(
        code_enum(AppealStatus, 10), default=AppealStatus.PENDING, index=True
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="appeal")
    decided_by: Mapped[User | None] = relationship()


class Payment(db.Model):
    """The employer's record that a worker was paid for a shift."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), unique=True)
    amount_fen: Mapped[int]
    paid_on: Mapped[date]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="payment")

    __table_args__ = (CheckConstraint("amount_fen > 0", name="amount_positive"),)


class Rating(db.Model):
    """Stars (1–5) and a comment one party gives the other after a shift."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    rater_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    ratee_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    stars: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="ratings")
    rater: Mapped[User] = relationship(foreign_keys=[rater_id])

    __table_args__ = (
        UniqueConstraint("application_id", "rater_id"),
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"),
    )


class CalendarFeed(db.Model):
    """A worker's secret calendar link (ICS); only its hash is kept, renewing replaces it."""

    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
