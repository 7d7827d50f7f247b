"""Account rules: registration, password checks and sign-in slowed down after failures."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from marketplace import throttle
from marketplace.accounts import passwords, sessions
from marketplace.accounts.passwords import WeakPassword
from marketplace.errors import N_, DomainError, from_value_error
from marketplace.models import AuditLog, Role, User, db, utcnow
from marketplace.policy.identity import normalise_mobile
from marketplace.security import hash_password, password_needs_rehash, verify_password

MIN_PASSWORD_LENGTH = passwords.MIN_LENGTH


class MobileTaken(DomainError):
    message = N_("This mobile number is already registered.")


class BadCredentials(DomainError):
    message = N_("Wrong mobile number or password.")


class TooManyAttempts(DomainError):
    message = N_("Too many failed attempts. Try again in %(minutes)s minutes.")


class OneTimePasswordExpired(DomainError):
    message = N_(
        "This one-time password has expired. A gig station can print you a new one "
        "(bring your ID card)."
    )


def _check_password(password: str, *personal: str) -> None:
    passwords.check(password, *personal)


def register(
    mobile: str, password: str, role: Role, display_name: str = "", one_time: bool = False
) -> User:
    """Create an account; the mobile number is its sign-in name.

    A ``one_time`` password is a random one a station prints, changed at the first sign-in:
    the person's own choice is checked then.
    """
    mobile = check_new_account(mobile, password, display_name, one_time)
    return create_account(mobile, hash_password(password), role, display_name)


def check_new_account(
    mobile: str, password: str, display_name: str = "", one_time: bool = False
) -> str:
    """Refuse what would stop an account from being created; return the normalised mobile."""
    try:
        mobile = normalise_mobile(mobile)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    if not one_time:
        _check_password(password, mobile, display_name)
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
    """The outcome of a sign-in: the account, or the refusal to show (and seconds to wait)."""

    user: User | None = None
    refusal: DomainError | None = None
    retry_after: int = 0


@cache
def _stand_in_hash() -> str:
    """A hash to check unknown numbers against, so they take as long as known ones."""
    return hash_password(secrets.token_urlsafe(16))


def authenticate(mobile: str, password: str, address: str = "") -> SignIn:
    """Check a sign-in, slowed down per account and address (see marketplace.throttle).

    Every attempt is counted before the password is checked, in one atomic step; the right
    password clears the count. Unknown and known numbers get the same answer after the same
    work. Nothing is written when the password is wrong, so the owner is never locked out.
    """
    try:
        account = normalise_mobile(mobile)
    except ValueError:
        account = mobile.strip()[:32]
    wait = throttle.try_sign_in(account, address)
    if wait:
        return SignIn(refusal=TooManyAttempts(minutes=math.ceil(wait / 60)), retry_after=wait)
    user = db.session.scalar(select(User).where(User.mobile == account))
    if user is None or not user.active:
        verify_password(_stand_in_hash(), password)
        return SignIn(refusal=BadCredentials())
    if not verify_password(user.password_hash, password):
        return SignIn(refusal=BadCredentials())
    throttle.signed_in(account, address)
    now = utcnow()
    if user.must_change_password and user.one_time_password_until is not None:
        if user.one_time_password_until < now:
            return SignIn(refusal=OneTimePasswordExpired())
    user.last_login_at = now
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.flush()
    return SignIn(user)


def change_password(user: User, old: str, new: str) -> None:
    """Replace the password after checking the current one; a one-time password ends here."""
    if not verify_password(user.password_hash, old):
        raise BadCredentials(N_("The current password is wrong."))
    _check_password(new, user.mobile, user.display_name)
    if new == old:
        raise WeakPassword(N_("Choose a new password that differs from the current one."))
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.one_time_password_until = None
    db.session.flush()


def reset_password(user: User, new: str, address: str = "") -> None:
    """Set a forgotten password anew (the mobile was proven by a code); every session ends.

    A one-time password from a station slip ends too, and so does the wait after failed
    sign-ins from ``address``.
    """
    _check_password(new, user.mobile, user.display_name)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.one_time_password_until = None
    sessions.end_everywhere(user)
    throttle.signed_in(user.mobile, address)
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


def find_by_mobile(mobile: str) -> User:
    """The account with this mobile number; a refusal when there is none."""
    try:
        number = normalise_mobile(mobile)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    user = db.session.scalar(select(User).where(User.mobile == number))
    if user is None:
        raise DomainError(N_("No account has this mobile number."))
    return user


def set_locked(actor: User | None, user: User, locked: bool, reason: str = "") -> None:
    """An administrator locks an account (every session ends at once) or unlocks it; logged."""
    user.active = not locked
    if locked:
        sessions.end_everywhere(user)
    audit(actor, "account_lock" if locked else "account_unlock", f"user:{user.id}", reason)
    db.session.flush()
