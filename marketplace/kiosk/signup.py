"""Assisted sign-up at a station: staff create a worker account for a walk-in.

The person reads and signs the truthfulness pledge on the kiosk screen; the account gets a
one-time password, printed on a slip, that must be changed at the first sign-in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from marketplace.accounts import sessions
from marketplace.accounts.services import audit, register
from marketplace.errors import N_, DomainError, NotFound
from marketplace.kiosk.services import need as load_need
from marketplace.models import AssistedSignup, JobNeed, Role, Station, User, db, utcnow
from marketplace.security import hash_password
from marketplace.workers.services import WorkerProfileInput, save_profile

ONE_TIME_PASSWORD_DIGITS = 8
ONE_TIME_PASSWORD_DAYS = 7  # a printed password not used by then no longer signs in


class PledgeNotSigned(DomainError):
    message = N_("The person must agree to the pledge and type their full name as on the form.")


class NeedAlreadyConverted(DomainError):
    message = N_("An account has already been created for this need.")


@dataclass
class SignupInput:
    """What staff and the person filled in at the kiosk."""

    mobile: str
    profile: WorkerProfileInput
    pledge_name: str
    pledge_agreed: bool
    need_id: int | None = None


@dataclass
class Issued:
    """An account and the one-time password to print; the password is never stored in clear."""

    user: User
    password: str


def one_time_password() -> str:
    """Eight random digits: easy to type on any phone, changed at the first sign-in."""
    return "".join(secrets.choice("0123456789") for _ in range(ONE_TIME_PASSWORD_DIGITS))


def _make_one_time(user: User) -> None:
    """The account's password is a printed one: change it at first sign-in, within the week."""
    user.must_change_password = True
    user.one_time_password_until = utcnow() + timedelta(days=ONE_TIME_PASSWORD_DAYS)


def _need_to_convert(need_id: int | None) -> JobNeed | None:
    if need_id is None:
        return None
    need = load_need(need_id)
    if need.converted_user_id is not None:
        raise NeedAlreadyConverted()
    return need


def sign_up(staff: User, station: Station, data: SignupInput, ip: str = "") -> Issued:
    """Create the worker account and profile with the signed pledge; nothing is kept on error.

    The caller rolls back the session when a :class:`DomainError` is raised.
    """
    name = data.profile.real_name.strip()
    if not data.pledge_agreed or not name or data.pledge_name.strip() != name:
        raise PledgeNotSigned()
    need = _need_to_convert(data.need_id)
    password = one_time_password()
    user = register(data.mobile, password, Role.WORKER, name, one_time=True)
    _make_one_time(user)
    save_profile(user, data.profile)
    db.session.add(
        AssistedSignup(
            user_id=user.id,
            station_id=station.id,
            staff_id=staff.id,
            need_id=need.id if need else None,
            pledge_name=data.pledge_name.strip(),
            pledge_signed_at=utcnow(),
        )
    )
    if need is not None:
        need.converted_user_id = user.id
    audit(staff, "kiosk_signup", f"user:{user.id}", f"station:{station.code}", ip)
    db.session.flush()
    return Issued(user, password)


def end_sessions(staff: User, station: Station, worker_id: int, ip: str = "") -> User:
    """Sign a worker out on every device (a lost or shared phone), audit-logged."""
    user = db.session.get(User, worker_id)
    if user is None or user.role != Role.WORKER:
        raise NotFound()
    sessions.end_everywhere(user)
    audit(staff, "kiosk_end_sessions", f"user:{user.id}", f"station:{station.code}", ip)
    return user


def reissue_password(staff: User, station: Station, worker_id: int, ip: str = "") -> Issued:
    """A new one-time password for a worker who lost theirs; the old one stops working."""
    user = db.session.get(User, worker_id)
    if user is None or user.role != Role.WORKER:
        raise NotFound()
    password = one_time_password()
    user.password_hash = hash_password(password)
    _make_one_time(user)
    sessions.end_everywhere(user)  # whoever holds the lost phone is signed out
    audit(staff, "kiosk_new_password", f"user:{user.id}", f"station:{station.code}", ip)
    db.session.flush()
    return Issued(user, password)


def signed_up_at(user_id: int) -> AssistedSignup | None:
    """How the account was created at a station, if it was."""
    return db.session.scalar(db.select(AssistedSignup).where(AssistedSignup.user_id == user_id))
