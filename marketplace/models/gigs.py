"""Gigs posted by employers and the shifts workers fill."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.employers import EmployerProfile
from marketplace.models.reference import Skill, SkillCategory, Town
from marketplace.policy import labour_relation
from marketplace.policy.labour_relation import AgreementKind, Answers, Assessment, Outcome, assess


class WorkForm(enum.StrEnum):
    """The four forms of flexible work, POLICY §1 (N(一))."""

    PART_TIME = "part_time"  # 非全日制
    TEMPORARY = "temporary"  # 临时性
    SEASONAL = "seasonal"  # 季节性
    FLEXIBLE = "flexible"  # 弹性


class SeasonTag(enum.StrEnum):
    """The season a gig belongs to, if any."""

    NONE = "none"
    MORATORIUM = "moratorium"  # 休渔期
    FARMING_LULL = "farming_lull"  # 农闲期
    HARVEST = "harvest"


class PayUnit(enum.StrEnum):
    """What the pay amount is counted per."""

    HOUR = "hour"
    DAY = "day"
    PIECE = "piece"


class GigStatus(enum.StrEnum):
    """Whether workers can still apply, or whether the gig waits for its employer's verification."""

    DRAFT = "draft"  # 待审核: the employer is not verified yet; seen by it and by staff only
    OPEN = "open"
    CLOSED = "closed"


gig_skill = Table(
    "gig_skill",
    db.metadata,
    Column("gig_id", ForeignKey("gig.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id"), primary_key=True),
)


class Gig(db.Model):
    """A job post: what, where, how it is paid, and its shifts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer_profile.user_id"), index=True)
    title: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text)
    category_id: Mapped[int] = mapped_column(ForeignKey("skill_category.id"), index=True)
    town_id: Mapped[int] = mapped_column(ForeignKey("town.id"), index=True)
    address: Mapped[str] = mapped_column(String(200))
    what_to_bring: Mapped[str] = mapped_column(String(200), default="", server_default="")
    lat: Mapped[float]
    lon: Mapped[float]
    work_form: Mapped[WorkForm] = mapped_column(code_enum(WorkForm, 12))
    season_tag: Mapped[SeasonTag] = mapped_column(code_enum(SeasonTag, 14), default=SeasonTag.NONE)
    pay_fen: Mapped[int]
    pay_unit: Mapped[PayUnit] = mapped_column(code_enum(PayUnit, 8))
    pieces_per_day: Mapped[int | None]
    daily_pay_fen: Mapped[int] = mapped_column(index=True)
    pay_within_days: Mapped[int] = mapped_column(default=7)
    injury_insurance: Mapped[bool] = mapped_column(default=False)
    # POLICY §3: the employer's answers to 劳社部发〔2005〕12号 Art. 1 (a)–(c) and N(三).
    answer_qualified: Mapped[bool] = mapped_column(default=True, server_default=true())
    answer_employer_rules: Mapped[bool] = mapped_column(default=False, server_default=false())
    answer_core_business: Mapped[bool] = mapped_column(default=False, server_default=false())
    answer_manages_process: Mapped[bool] = mapped_column(default=True, server_default=true())
    relation_outcome: Mapped[Outcome] = mapped_column(
        code_enum(Outcome, 20),
        default=Outcome.WRITTEN_AGREEMENT,
        server_default=Outcome.WRITTEN_AGREEMENT.value,
    )
    status: Mapped[GigStatus] = mapped_column(
        code_enum(GigStatus, 8), default=GigStatus.OPEN, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    employer: Mapped[EmployerProfile] = relationship()
    category: Mapped[SkillCategory] = relationship()
    town: Mapped[Town] = relationship()
    skills: Mapped[list[Skill]] = relationship(secondary=gig_skill, order_by=Skill.code)
    shifts: Mapped[list[Shift]] = relationship(
        back_populates="gig", order_by="Shift.starts_at", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("pay_fen > 0", name="pay_positive"),
        CheckConstraint("daily_pay_fen > 0", name="daily_pay_positive"),
    )

    @property
    def answers(self) -> Answers:
        """The stored answers of the labour-relationship assessment."""
        return Answers(
            qualified=self.answer_qualified,
            employer_rules=self.answer_employer_rules,
            core_business=self.answer_core_business,
            manages_process=self.answer_manages_process,
        )

    @property
    def assessment(self) -> Assessment:
        """The outcome with its reasons and citation, from the stored answers."""
        return assess(self.answers)

    @property
    def needs_labour_contract(self) -> bool:
        """POLICY §3: all three criteria hold, a labour relationship with a labour contract."""
        return self.relation_outcome == Outcome.LABOUR_CONTRACT

    @property
    def agreement_kind(self) -> AgreementKind | None:
        """The template of the agreement signed here; None when the employer signs a full-time
        labour contract directly (POLICY §3; part-time work has its contract here, §4)."""
        return labour_relation.agreement_kind(self.relation_outcome, self.work_form.value)


class Shift(db.Model):
    """One period of work with a number of slots; ``filled`` counts accepted workers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    gig_id: Mapped[int] = mapped_column(ForeignKey("gig.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)  # UTC
    ends_at: Mapped[datetime]  # UTC
    slots: Mapped[int]
    filled: Mapped[int] = mapped_column(default=0)
    checkin_code: Mapped[str] = mapped_column(String(6))

    gig: Mapped[Gig] = relationship(back_populates="shifts")

    __table_args__ = (
        CheckConstraint("slots > 0", name="slots_positive"),
        CheckConstraint("filled >= 0 AND filled <= slots", name="filled_within_slots"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    @property
    def free_slots(self) -> int:
        """Slots still open to applicants."""
        return self.slots - self.filled

    @property
    def hours(self) -> float:
        """Length of the shift in hours."""
        return (self.ends_at - self.starts_at).total_seconds() / 3600
