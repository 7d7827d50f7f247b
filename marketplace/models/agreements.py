"""Written agreements between the parties to an accepted shift, and their templates (POLICY §3)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.models.accounts import User
from marketplace.models.base import code_enum, db, utcnow
from marketplace.models.work import Application
from marketplace.policy.labour_relation import AgreementKind


class AgreementStatus(enum.StrEnum):
    """Where an agreement stands."""

    DRAFT = "draft"  # being prepared or signed by one party
    IN_FORCE = "in_force"  # both parties signed
    SUPERSEDED = "superseded"  # replaced by a later version both signed again


class Party(enum.StrEnum):
    """The side of the agreement a signature belongs to."""

    EMPLOYER = "employer"  # 甲方
    WORKER = "worker"  # 乙方


class AgreementTemplate(db.Model):
    """One published version of an agreement template; versions are never changed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AgreementKind] = mapped_column(code_enum(AgreementKind, 12), index=True)
    version: Mapped[int]
    source: Mapped[str] = mapped_column(Text)  # Jinja source, rendered in a sandbox
    note: Mapped[str] = mapped_column(String(200), default="")
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    published_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("kind", "version"),)


class Agreement(db.Model):
    """An agreement for one accepted application; ``revision`` counts re-signed changes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[int] = mapped_column(ForeignKey("agreement_template.id"))
    revision: Mapped[int] = mapped_column(default=1)
    status: Mapped[AgreementStatus] = mapped_column(
        code_enum(AgreementStatus, 12), default=AgreementStatus.DRAFT, index=True
    )
    pay_fen: Mapped[int]  # never below the gig's pay
    clauses_json: Mapped[str] = mapped_column(Text, default="{}")  # the employer's free text
    rendered_text: Mapped[str | None] = mapped_column(Text)  # frozen at the first signature
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # SHA-256 hex
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    in_force_at: Mapped[datetime | None]

    application: Mapped[Application] = relationship()
    template: Mapped[AgreementTemplate] = relationship()
    signatures: Mapped[list[AgreementSignature]] = relationship(
        back_populates="agreement", order_by="AgreementSignature.party"
    )

    __table_args__ = (UniqueConstraint("application_id", "revision"),)

    def signature_of(self, party: Party) -> AgreementSignature | None:
        """The signature of one side, if given."""
        return next((s for s in self.signatures if s.party == party), None)


class AgreementSignature(db.Model):
    """Who signed for a side, with the typed name, time and IP address."""

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    party: Mapped[Party] = mapped_column(code_enum(Party, 10))
    signer_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    typed_name: Mapped[str] = mapped_column(String(120))
    content_hash: Mapped[str] = mapped_column(String(64))  # the text this signature covers
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    ip: Mapped[str] = mapped_column(String(45), default="")
    # Signed on a station kiosk: the staff member present and the station.
    witness_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))

    agreement: Mapped[Agreement] = relationship(back_populates="signatures")
    signer: Mapped[User] = relationship(foreign_keys=[signer_id])

    __table_args__ = (UniqueConstraint("agreement_id", "party"),)
