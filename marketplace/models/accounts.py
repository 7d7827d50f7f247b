"""Accounts, roles, codes sent to prove a mobile number, and the audit log."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import code_enum, db, utcnow


class Role(enum.StrEnum):
    """What an account may do."""

    WORKER = "worker"
    EMPLOYER = "employer"
    STAFF = "staff"
    ADMIN = "admin"


class User(UserMixin, db.Model):
    """A person who signs in with a mobile number and a password."""

    id: Mapped[int] = mapped_column(primary_key=True)
    mobile: Mapped[str] = mapped_column(String(11), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(code_enum(Role, 12), index=True)
    display_name: Mapped[str] = mapped_column(String(80), default="")
    locale: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    # Set when station staff create the account with a one-time password printed on a slip.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    one_time_password_until: Mapped[datetime | None]  # UTC; the printed password expires then
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Part of every session's user id: raising it ends every session of the account at once
    # (sign-out, a new password, "sign out everywhere", a lock by an administrator).
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    def get_id(self) -> str:  # Flask-Login keeps this in the session cookie
        """The id and the session version, so a raised version turns old cookies away."""
        return f"{self.id}.{self.session_version}"

    @property
    def is_active(self) -> bool:  # Flask-Login
        """Disabled accounts cannot sign in."""
        return self.active

    def has_role(self, *roles: Role) -> bool:
        """True when the account holds one of ``roles``."""
        return self.role in roles


class CodePurpose(enum.StrEnum):
    """What a code sent by SMS proves the number for."""

    SIGNUP = "signup"  # a new account waits for it
    RESET = "reset"  # a forgotten password is replaced with it


class MobileCode(db.Model):
    """A 6-digit code sent by SMS to a mobile number, stored hashed, with its tries.

    A sign-up waits here, its password already hashed, until the code is entered: no account
    exists before. A reset names the account; a reset asked for an unknown number is kept too
    (without an account and without a message sent) so that it counts and answers the same.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[CodePurpose] = mapped_column(code_enum(CodePurpose, 8))
    mobile: Mapped[str] = mapped_column(String(11))
    code_hash: Mapped[str] = mapped_column(String(64))
    tries: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]  # entered right, or replaced by a newer code
    locale: Mapped[str] = mapped_column(String(16))  # the language of the SMS
    password_hash: Mapped[str | None] = mapped_column(String(200))  # a waiting sign-up's
    role: Mapped[Role | None] = mapped_column(code_enum(Role, 12))
    display_name: Mapped[str] = mapped_column(String(80), default="")
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (Index("ix_mobile_code_mobile_created_at", "mobile", "created_at"),)


class AuditLog(db.Model):
    """Who saw or changed something sensitive, and when (never deleted)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text, default="")
    ip: Mapped[str] = mapped_column(String(45), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
