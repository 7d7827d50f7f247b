"""Worker protections: flexible-employment registration, benefit facts, wage cases, job runs."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.reference import District, Station
from marketplace.models.work import Application
from marketplace.models.workers import WorkerProfile


class Registration(db.Model):
    """A 灵活就业登记 (POLICY §2, N(二)) and, once the work ends, its 失业登记."""

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker_profile.user_id"), index=True)
    work_content: Mapped[str] = mapped_column(String(200))
    # For whom: a gig on the marketplace (application_id) or someone outside it (employer_name).
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    employer_name: Mapped[str] = mapped_column(String(120), default="")
    started_on: Mapped[date]
    stable_income: Mapped[bool]
    retirement_group: Mapped[str] = mapped_column(String(10))
    pledge_name: Mapped[str] = mapped_column(String(40))
    pledge_signed_at: Mapped[datetime]
    deadline_on: Mapped[date] = mapped_column(index=True)
    late: Mapped[bool] = mapped_column(default=False)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    # The station where staff took the registration at the counter; none when the worker did it.
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), index=True)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    ended_on: Mapped[date | None]
    unemployment_place: Mapped[str | None] = mapped_column(String(12))
    unemployment_registered_at: Mapped[datetime | None]

    worker: Mapped[WorkerProfile] = relationship()
    application: Mapped[Application | None] = relationship()
    district: Mapped[District] = relationship()
    station: Mapped[Station | None] = relationship()
    registered_by: Mapped[User] = relationship()


class BenefitFacts(db.Model):
    """Facts about a worker that only benefits need: kept here, not on the shared profile."""

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker_profile.user_id"), primary_key=True)
    retirement_group: Mapped[str | None] = mapped_column(String(10))
    left_school_on: Mapped[date | None]
    # A key of policy.subsidy.EDUCATION_LEVELS: only 高校毕业生 count as graduates (N(十一)).
    education: Mapped[str | None] = mapped_column(String(20))
    pays_as_individual: Mapped[bool] = mapped_column(default=False)
    insured_elsewhere: Mapped[bool] = mapped_column(default=False)
    # Set by station staff only: 就业困难人员 is a status the labour office decides.
    hard_to_employ: Mapped[bool] = mapped_column(default=False)
    hard_to_employ_set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    subsidy_approved_on: Mapped[date | None]
    # "I run my own business in Ningbo since": start-up support runs from it (P 二(一)).
    business_started_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CaseStatus(enum.StrEnum):
    """Where a wage case stands (POLICY §9)."""

    OPEN = "open"
    PAID_CLAIMED = "paid_claimed"  # the employer says it paid
    DISPUTED = "disputed"  # the employer disputes the claim
    MEDIATION = "mediation"  # station staff mediate
    RESOLVED = "resolved"
    ARBITRATION = "arbitration"  # referred to labour arbitration


class CaseSource(enum.StrEnum):
    """How the case was opened."""

    DETECTED = "detected"  # pay date + grace passed with no payment recorded
    REPORTED = "reported"  # the worker said 没有收到工资


class WageCase(db.Model):
    """A wage-arrears case (欠薪, 安薪在甬) about one completed shift; never deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), unique=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    status: Mapped[CaseStatus] = mapped_column(
        code_enum(CaseStatus, 14), default=CaseStatus.OPEN, index=True
    )
    source: Mapped[CaseSource] = mapped_column(code_enum(CaseSource, 10))
    amount_due_fen: Mapped[int]
    minutes_worked: Mapped[int]
    pay_due_on: Mapped[date | None]
    employer_paid_on: Mapped[date | None]
    opened_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    closed_at: Mapped[datetime | None]

    application: Mapped[Application] = relationship()
    events: Mapped[list[CaseEvent]] = relationship(back_populates="case", order_by="CaseEvent.id")


class ComplaintCategory(enum.StrEnum):
    """What a complaint is about (POLICY §9)."""

    AGREEMENT_BREACH = "agreement_breach"
    SAFETY = "safety"
    DISCRIMINATION = "discrimination"
    WORKER_FEE = "worker_fee"  # a fee charged to a worker
    OTHER = "other"


class Complaint(db.Model):
    """A complaint or dispute about a shift, against its gig, employer or worker; never deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    complainant_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    filed_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))  # staff may file for someone
    against: Mapped[str] = mapped_column(String(10))  # "gig", "employer" or "worker"
    category: Mapped[ComplaintCategory] = mapped_column(code_enum(ComplaintCategory, 20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[CaseStatus] = mapped_column(
        code_enum(CaseStatus, 14), default=CaseStatus.OPEN, index=True
    )
    opened_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    closed_at: Mapped[datetime | None]

    application: Mapped[Application] = relationship()
    complainant: Mapped[User] = relationship(foreign_keys=[complainant_id])
    respondent: Mapped[User] = relationship(foreign_keys=[respondent_id])
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="complaint", order_by="CaseEvent.id"
    )


class CaseEvent(db.Model):
    """One step of a wage case or a complaint: who (None = the system), when, what; append-only."""

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("wage_case.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[WageCase | None] = relationship(back_populates="events")
    complaint: Mapped[Complaint | None] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    __table_args__ = (
        CheckConstraint("(case_id IS NULL) <> (complaint_id IS NULL)", name="one_subject"),
    )
