"""On the day: check in and out, confirm hours, record payment, rate each other."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from marketplace import index_versions as versions
from marketplace.agreements.services import current_agreement
from marketplace.errors import N_, DomainError, Forbidden
from marketplace.i18n import to_local
from marketplace.models import (
    AgreementStatus,
    Application,
    AppStatus,
    Payment,
    PayUnit,
    Rating,
    User,
    db,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.work import lifecycle
from marketplace.work.services import employer_application, party_application

CHECKIN_OPENS_BEFORE = timedelta(hours=1)
CHECKOUT_CLOSES_AFTER = timedelta(hours=12)
QR_TOKEN_MAX_AGE_S = 24 * 3600
MAX_COMMENT = 500


class WrongCode(DomainError):
    message = N_("The code is wrong. Ask the employer for today's code.")


class NotOpenYet(DomainError):
    message = N_("Check-in opens one hour before the shift starts.")


class BadQrCode(DomainError):
    message = N_("This QR code is not valid.")


class ExpiredQrCode(BadQrCode):
    message = N_("This QR code has expired; ask the worker to refresh it.")


def _must_be_accepted(app: Application) -> None:
    if app.status != AppStatus.ACCEPTED:
        raise DomainError(N_("Only accepted workers can check in."))


def agreement_signed(app: Application) -> bool:
    """True unless the gig's assessment calls for an agreement that is not yet in force.

    A written agreement (N(三)), a service agreement (劳务协议) or a part-time labour contract
    (非全日制劳动合同, POLICY §4) is signed by both sides before the work starts; a full-time
    labour contract is signed off the platform (POLICY §3).
    """
    if app.shift.gig.agreement_kind is None:
        return True
    agreement = current_agreement(app)
    return agreement is not None and agreement.status == AgreementStatus.IN_FORCE


def _check_in(app: Application) -> None:
    _must_be_accepted(app)
    now = utcnow()
    if app.checked_in_at is not None:
        raise DomainError(N_("Already checked in."))
    if now < app.shift.starts_at - CHECKIN_OPENS_BEFORE:
        raise NotOpenYet()
    if now > app.shift.ends_at:
        raise DomainError(N_("The shift is over; check-in is closed."))
    lifecycle.check_in(app, now, agreement_signed(app))


def _check_out(app: Application) -> None:
    _must_be_accepted(app)
    now = utcnow()
    if app.checked_in_at is not None and now > app.shift.ends_at + CHECKOUT_CLOSES_AFTER:
        raise DomainError(N_("Check-out is closed; the employer will confirm your hours."))
    lifecycle.check_out(app, now)


def _check_in_or_out(app: Application) -> None:
    if app.checked_in_at is None:
        _check_in(app)
    else:
        _check_out(app)


def check_with_code(user: User, application_id: int, code: str) -> Application:
    """The worker types the code the employer shows: first time checks in, then out."""
    app = party_application(user, application_id)
    if app.worker_id != user.id:
        raise DomainError(N_("Only the worker checks in with a code."))
    if not hmac.compare_digest(code.strip().encode(), app.shift.checkin_code.encode()):
        raise WrongCode()
    _check_in_or_out(app)
    db.session.flush()
    return app


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="attendance-qr")


def qr_token(app: Application) -> str:
    """The token in the worker's QR code; the employer's scan checks them in or out."""
    return _serializer().dumps({"a": app.id, "w": app.worker_id})


def application_from_token(user: User, token: str) -> Application:
    """The application a scanned QR code stands for; Forbidden unless it is this employer's."""
    try:
        data = _serializer().loads(token, max_age=QR_TOKEN_MAX_AGE_S)
    except SignatureExpired as exc:
        raise ExpiredQrCode() from exc
    except BadSignature as exc:
        raise BadQrCode() from exc
    app = db.session.get(Application, int(data["a"]))
    if app is None or app.shift.gig.employer_id != user.id:
        raise Forbidden()
    if app.worker_id != data.get("w"):
        raise BadQrCode()
    return app


@dataclass
class Scan:
    """What a scanned QR code stands for: the application, or why the code cannot be used."""

    app: Application | None
    problem: BadQrCode | None = None


def scanned(user: User, token: str) -> Scan:
    """Read a scanned QR code; a bad or expired code is an answer to show, not an error."""
    try:
        return Scan(application_from_token(user, token))
    except BadQrCode as exc:
        return Scan(None, exc)


def check_by_scan(user: User, token: str) -> Application:
    """The employer scanned the worker's QR code: check in, or out if already in."""
    app = application_from_token(user, token)
    _check_in_or_out(app)
    db.session.flush()
    return app


def suggested_minutes(app: Application) -> int:
    """Checked-in time if both ends were recorded, else the planned shift length."""
    if app.checked_in_at and app.checked_out_at:
        return int((app.checked_out_at - app.checked_in_at).total_seconds() // 60)
    return int((app.shift.ends_at - app.shift.starts_at).total_seconds() // 60)


def worked_minutes(app: Application) -> int:
    """The time the worker is paid for: the confirmed hours, else the checked or scheduled time.

    N(十五), P 五(三): wages do not wait for the employer's confirmation; an accepted worker with
    no recorded no-show is owed for the scheduled shift unless check-in and check-out say more
    precisely what was worked.
    """
    if app.minutes_confirmed is not None:
        return app.minutes_confirmed
    return suggested_minutes(app)


def amount_due_fen(app: Application) -> int:
    """What the worked time is worth under the gig's pay terms."""
    gig = app.shift.gig
    if gig.pay_unit == PayUnit.HOUR:
        return gig.pay_fen * worked_minutes(app) // 60
    return gig.daily_pay_fen


def confirm_hours(user: User, application_id: int, minutes: int) -> Application:
    """The employer confirms the time worked; this sets the pay date."""
    app = employer_application(user, application_id)
    _must_be_accepted(app)
    if app.checked_in_at is None and utcnow() < app.shift.ends_at:
        raise DomainError(N_("Hours can be confirmed after check-in or once the shift is over."))
    if not 0 < minutes <= 24 * 60:
        raise DomainError(N_("Enter between 1 minute and 24 hours."))
    if app.payment is not None:
        raise DomainError(N_("The shift is already paid; hours can no longer change."))
    lifecycle.set_hours(app, minutes)
    app.pay_due_on = lifecycle.pay_date(app)
    db.session.flush()
    versions.bump(versions.WORKERS)
    notify(app.worker_id, "hours_confirmed", app.shift.gig.title, f"/applications/{app.id}")
    return app


def record_payment(user: User, application_id: int, amount_fen: int, paid_on: date) -> Payment:
    """The employer records paying the worker for a confirmed shift."""
    app = employer_application(user, application_id)
    if app.confirmed_at is None:
        raise DomainError(N_("Confirm the hours before recording the payment."))
    if app.payment is not None:
        raise DomainError(N_("The payment for this shift is already recorded."))
    if amount_fen <= 0:
        raise DomainError(N_("Enter the amount paid."))
    if paid_on > to_local(utcnow()).date():
        raise DomainError(N_("The payment date cannot be in the future."))
    if paid_on < to_local(app.shift.starts_at).date() - timedelta(days=31):
        raise DomainError(N_("The payment date is too long before the shift."))
    payment = Payment(application=app, amount_fen=amount_fen, paid_on=paid_on)
    db.session.add(payment)
    db.session.flush()
    notify(app.worker_id, "payment_recorded", app.shift.gig.title, f"/applications/{app.id}")
    return payment


def rate(user: User, application_id: int, stars: int, comment: str) -> Rating:
    """Either party rates the other once the hours are confirmed."""
    app = party_application(user, application_id)
    if app.confirmed_at is None:
        raise DomainError(N_("You can rate once the hours are confirmed."))
    if not 1 <= stars <= 5:
        raise DomainError(N_("Choose 1 to 5 stars."))
    if len(comment) > MAX_COMMENT:
        raise DomainError(N_("The comment is too long."))
    if any(r.rater_id == user.id for r in app.ratings):
        raise DomainError(N_("You have already rated this shift."))
    employer_id = app.shift.gig.employer_id
    ratee = employer_id if user.id == app.worker_id else app.worker_id
    rating = Rating(
        application=app,
        rater_id=user.id,
        ratee_id=ratee,
        stars=stars,
        comment=comment.strip(),
    )
    db.session.add(rating)
    db.session.flush()
    versions.bump(versions.WORKERS)
    notify(ratee, "rating_received", app.shift.gig.title, f"/applications/{app.id}")
    return rating
