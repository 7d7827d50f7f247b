"""Codes sent by SMS that prove a mobile number: for a sign-up, and for a forgotten password.

A code is 6 digits from ``secrets``, stored only as a keyed hash, valid for
``MOBILE_CODE_MINUTES``, and dead after ``MOBILE_CODE_TRIES`` entries. A number gets at most
``MOBILE_CODES_PER_HOUR`` codes an hour, counted under a lock on the number, so parallel requests
cannot pass the cap. A sign-up waits in its code row (the password already hashed) and becomes
an account only when the code is entered. A reset asked for an unknown number answers exactly
as for a known one and sends nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, false, func, select, update

from marketplace.accounts import services
from marketplace.errors import N_, DomainError, from_value_error
from marketplace.models import CodePurpose, MobileCode, Role, User, db, rows_changed, utcnow
from marketplace.notifications.outbox import enqueue_sms
from marketplace.policy.identity import normalise_mobile
from marketplace.security import hash_password

CODE_DIGITS = 6
# Code rows (and the hashed passwords of sign-ups never finished) are deleted after this; the
# hourly cap needs only the last hour.
KEEP_CODES = timedelta(days=1)


class TooManyCodes(DomainError):
    message = N_(
        "This number has been sent %(n)s codes in the last hour. "
        "Please wait a while before asking for another."
    )


class WrongCode(DomainError):
    message = N_("The code is wrong. Tries left: %(left)s.")


class CodeExpired(DomainError):
    message = N_("This code has expired. Ask for a new one.")


class CodeDead(DomainError):
    message = N_("The code was entered wrongly too often. Ask for a new one.")


@dataclass
class CodeCheck:
    """The outcome of entering a code: the account, or the refusal to show.

    A refusal is returned, not raised, so that the counted try is kept.
    """

    user: User | None = None
    refusal: DomainError | None = None


def start_signup(
    mobile: str, password: str, role: Role, display_name: str, locale: str
) -> MobileCode:
    """Check a sign-up, keep it waiting for its code, and send the code by SMS."""
    mobile = services.check_new_account(mobile, password)
    row, code = _issue(
        CodePurpose.SIGNUP,
        mobile,
        locale,
        password_hash=hash_password(password),
        role=role,
        display_name=display_name.strip(),
    )
    _send(row, code)
    return row


def start_reset(mobile: str, locale: str) -> MobileCode:
    """Send a code to reset the password of the account with this mobile, if there is one.

    An unknown number gets a row too (counted the same, never sent), so the answer and the
    hourly cap reveal nothing about which numbers have accounts.
    """
    try:
        mobile = normalise_mobile(mobile)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    user = db.session.scalar(select(User).where(User.mobile == mobile, User.active.is_(True)))
    if user is not None:
        locale = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    row, code = _issue(CodePurpose.RESET, mobile, locale, user_id=user.id if user else None)
    if user is not None:
        _send(row, code)
    return row


def resend(row_id: int, purpose: CodePurpose) -> MobileCode | None:
    """A new code for the same sign-up or reset (the old one ends); None if there is none."""
    old = db.session.get(MobileCode, row_id)
    if old is None or old.purpose != purpose:
        return None
    if purpose == CodePurpose.SIGNUP and old.password_hash is None:
        return None  # finished, or already replaced (a second click): nothing waits here
    row, code = _issue(
        purpose,
        old.mobile,
        old.locale,
        user_id=old.user_id,
        password_hash=old.password_hash,
        role=old.role,
        display_name=old.display_name,
    )
    old.closed_at = row.created_at
    old.password_hash = None
    db.session.flush()
    if purpose == CodePurpose.SIGNUP or row.user_id is not None:
        _send(row, code)
    return row


def waiting(row_id: object, purpose: CodePurpose) -> MobileCode | None:
    """The code row a session points at, if it is of ``purpose``."""
    if not isinstance(row_id, int):
        return None
    row = db.session.get(MobileCode, row_id)
    return row if row is not None and row.purpose == purpose else None


def finish_signup(row_id: int, code: str) -> CodeCheck:
    """Create the waiting account once its code is entered right."""
    refusal = _try(row_id, CodePurpose.SIGNUP, code)
    if refusal is not None:
        return CodeCheck(refusal=refusal)
    row = db.session.get_one(MobileCode, row_id)
    if row.password_hash is None or row.role is None:  # replaced by a newer code meanwhile
        return CodeCheck(refusal=CodeExpired())
    user = services.create_account(row.mobile, row.password_hash, row.role, row.display_name)
    row.password_hash = None  # kept on the account only
    db.session.flush()
    return CodeCheck(user=user)


def finish_reset(row_id: int, code: str, new_password: str, address: str = "") -> CodeCheck:
    """Set a new password once the code sent to the account's mobile is entered right.

    A password the rules refuse is raised after a right code: nothing is kept, so the same
    code can be entered again with a better password.
    """
    refusal = _try(row_id, CodePurpose.RESET, code)
    if refusal is not None:
        return CodeCheck(refusal=refusal)
    row = db.session.get_one(MobileCode, row_id)
    user = db.session.get(User, row.user_id) if row.user_id is not None else None
    if user is None or not user.active:  # no code was sent: no entry can be right
        return CodeCheck(refusal=CodeDead())
    services.reset_password(user, new_password, address)
    return CodeCheck(user=user)


def prune_codes(now: datetime | None = None) -> int:
    """Delete code rows older than ``KEEP_CODES``; returns how many."""
    cutoff = (now or utcnow()) - KEEP_CODES
    return rows_changed(
        delete(MobileCode)
        .where(MobileCode.created_at < cutoff)
        .execution_options(synchronize_session=False)
    )


def _try(row_id: int, purpose: CodePurpose, code: str) -> DomainError | None:
    """Count one entry of a code (never more than allowed, even at once) and check it."""
    now = utcnow()
    tries = current_app.config["MOBILE_CODE_TRIES"]
    counted = rows_changed(
        update(MobileCode)
        .where(
            MobileCode.id == row_id,
            MobileCode.purpose == purpose,
            MobileCode.closed_at.is_(None),
            MobileCode.expires_at > now,
            MobileCode.tries < tries,
        )
        .values(tries=MobileCode.tries + 1)
        .execution_options(synchronize_session=False)
    )
    row = db.session.get(MobileCode, row_id, populate_existing=True)
    if row is None:
        return CodeExpired()
    if not counted:
        return CodeExpired() if row.expires_at <= now else CodeDead()
    if not hmac.compare_digest(row.code_hash, code_hash(row.mobile, code.strip())):
        left = tries - row.tries
        return WrongCode(left=left) if left else CodeDead()
    closed = rows_changed(
        update(MobileCode)
        .where(MobileCode.id == row_id, MobileCode.closed_at.is_(None))
        .values(closed_at=now)
        .execution_options(synchronize_session=False)
    )
    return None if closed else CodeDead()


def _issue(
    purpose: CodePurpose, mobile: str, locale: str, **kept: object
) -> tuple[MobileCode, str]:
    """Make a code for ``mobile`` unless the number had its codes for this hour."""
    cfg = current_app.config
    now = utcnow()
    _lock_number(mobile)
    recent = db.session.scalar(
        select(func.count())
        .select_from(MobileCode)
        .where(MobileCode.mobile == mobile, MobileCode.created_at > now - timedelta(hours=1))
    )
    if recent >= cfg["MOBILE_CODES_PER_HOUR"]:
        raise TooManyCodes(n=cfg["MOBILE_CODES_PER_HOUR"])
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    row = MobileCode(
        purpose=purpose,
        mobile=mobile,
        code_hash=code_hash(mobile, code),
        created_at=now,
        expires_at=now + timedelta(minutes=cfg["MOBILE_CODE_MINUTES"]),
        locale=locale,
        **kept,
    )
    db.session.add(row)
    db.session.flush()
    return row, code


def _lock_number(mobile: str) -> None:
    """Hold a lock on the number until the transaction ends: counting and adding is one step."""
    if db.session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(f"mobile-code:{mobile}".encode()).digest()[:8], "big")
        db.session.execute(select(func.pg_advisory_xact_lock(key - 2**63)))
    else:  # SQLite lets one connection write at a time: an empty write takes that lock now
        db.session.execute(
            update(MobileCode)
            .where(false())
            .values(tries=MobileCode.tries)
            .execution_options(synchronize_session=False)
        )


def code_hash(mobile: str, code: str) -> str:
    """The keyed hash a code is stored as (the app's secret key; bound to the number)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{mobile}:{code}".encode(), hashlib.sha256).hexdigest()


def _send(row: MobileCode, code: str) -> None:
    minutes = current_app.config["MOBILE_CODE_MINUTES"]
    with force_locale(row.locale):
        if row.purpose == CodePurpose.SIGNUP:
            text = _(
                "[Yong gig work] Your sign-up code is %(code)s, valid for %(minutes)s minutes. "
                "Do not tell it to anyone.",
                code=code,
                minutes=minutes,
            )
        else:
            text = _(
                "[Yong gig work] Your code to reset the password is %(code)s, valid for "
                "%(minutes)s minutes. Do not tell it to anyone.",
                code=code,
                minutes=minutes,
            )
    enqueue_sms(row.mobile, text, row.user_id)
