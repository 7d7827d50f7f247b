"""Account rules: registration, password checks and the sign-in lock after failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from marketplace.errors import N_, DomainError, from_value_error
from marketplace.models import AuditLog, Role, User, db, utcnow
from marketplace.policy.identity import normalise_mobile
from marketplace.security import hash_password, password_needs_rehash, verify_password

MIN_PASSWORD_LENGTH = 8


class MobileTaken(DomainError):
    message = N_("This mobile number is already registered.")


class BadCredentials(DomainError):
    message = N_("Wrong mobile number or password.")


class AccountLocked(DomainError):
    message = N_("Too many failed attempts. Try again in %(minutes)s minutes.")


class OneTimePasswordExpired(DomainError):
    message = N_(
        "This one-time password has expired. A gig station can print you a new one "
        "(bring your ID card)."
    )


class WeakPassword(DomainError):
    message = N_("The password must have at least %(n)s characters.")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(n=MIN_PASSWORD_LENGTH)


def register(mobile: str, password: str, role: Role, display_name: str = "") -> User:
    """Create an account; the mobile number is its sign-in name."""
    mobile = check_new_account(mobile, password)
    return create_account(mobile, hash_password(password), role, display_name)


def check_new_account(mobile: str, password: str) -> str:
    """Refuse what would stop an account from being created; return the normalised mobile."""
    try:
        mobile = normalise_mobile(mobile)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    _check_password(password)
    _refuse_taken(mobile)
    return mobile


def create_account(mobile: str, password_hash: str, role: Role, display_name: str = "") -> User:
    """Create an account whose mobile and password were checked (and the password hashed)."""
    _refuse_taken(mobile)
    user = User(
        mobile=mobile,
        password_hash=password_hash,
        role=role,
        display_name=display_name.strip(),
    )
    db.session.add(user)
    db.session.flush()
    return user


def _refuse_taken(mobile: str) -> None:
    if db.session.scalar(select(User.id).where(User.mobile == mobile)) is not None:
        raise MobileTaken()


@dataclass
class SignIn:
    """The outcome of a sign-in: the account, or the refusal to show."""

    user: User | None = None
    refusal: DomainError | None = None


def authenticate(mobile: str, password: str) -> SignIn:
    """Check a sign-in; count failures and lock after too many.

    A refusal is returned, not raised, so that the counted failure is kept.
    """
    try:
        mobile = normalise_mobile(mobile)
    except ValueError:
        return SignIn(refusal=BadCredentials())
    user = db.session.scalar(select(User).where(User.mobile == mobile))
    if user is None or not user.active:
        return SignIn(refusal=BadCredentials())
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        minutes = int((user.locked_until - now).total_seconds() // 60) + 1
        return SignIn(refusal=AccountLocked(minutes=minutes))
    if not verify_password(user.password_hash, password):
        _record_failure(user, now)
        return SignIn(refusal=BadCredentials())
    if user.must_change_password and user.one_time_password_until is not None:
        if user.one_time_password_until < now:
            return SignIn(refusal=OneTimePasswordExpired())
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.flush()
    return SignIn(user)


def _record_failure(user: User, now) -> None:
    cfg = current_app.config
    user.failed_logins += 1
    if user.failed_logins >= cfg["LOGIN_MAX_FAILURES"]:
        user.locked_until = now + timedelta(minutes=cfg["LOGIN_LOCK_MINUTES"])
        user.failed_logins = 0
    db.session.flush()


def change_password(user: User, old: str, new: str) -> None:
    """Replace the password after checking the current one; a one-time password ends here."""
    if not verify_password(user.password_hash, old):
        raise BadCredentials(N_("The current password is wrong."))
    _check_password(new)
    if new == old:
        raise WeakPassword(N_("Choose a new password that differs from the current one."))
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.one_time_password_until = None
    db.session.flush()


def reset_password(user: User, new: str) -> None:
    """Set a forgotten password anew (the mobile was proven by a code); every session ends.

    A one-time password from a station slip and a sign-in lock end too.
    """
    _check_password(new)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.one_time_password_until = None
    user.failed_logins = 0
    user.locked_until = None
    end_all_sessions(user)


def end_all_sessions(user: User) -> None:
    """Sign the account out everywhere: sessions made before carry an older version."""
    user.session_version = User.session_version + 1  # in SQL: two resets at once both count
    db.session.flush()


def set_locale(user: User, locale: str) -> None:
    """Remember the account's language."""
    user.locale = locale
    db.session.flush()


def audit(actor: User | None, action: str, subject: str, detail: str = "", ip: str = "") -> None:
    """Keep a record of a sensitive view or change."""
    db.session.add(
        AuditLog(
            actor_id=actor.id if actor else None,
            action=action,
            subject=subject,
            detail=detail,
            ip=ip,
        )
    )
    db.session.flush()
