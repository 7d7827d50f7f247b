"""The outbox: every notification is also queued for a sender (SMS gateway, or the log).

The sender is chosen by configuration (``OUTBOX_SENDER = "module:Class"``); a failed send is
retried with growing delays and, after the last try, kept as failed — never lost or deleted.

Several senders may drain one outbox (two scheduler processes started by mistake, or a second
host): each claims a few due messages under a lease before sending them, so every message is sent
once. A claim is a compare-and-set in the database — ``SELECT … FOR UPDATE SKIP LOCKED`` and an
``UPDATE`` on PostgreSQL, one conditional ``UPDATE`` on SQLite — committed before anything is
sent. A sender that dies leaves its claims to lapse at ``claimed_until``; another takes them then.
"""

from __future__ import annotations

import importlib
import logging
import secrets
import time
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import ColumnElement, Row, and_, or_, select, update

from marketplace.models import (
    Notification,
    OutboxMessage,
    OutboxStatus,
    User,
    db,
    rows_changed,
    utcnow,
)

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
# Messages claimed at a time: small, so that concurrent senders share the work and a claim's
# lease easily covers sending all of them.
CLAIM_BATCH = 10


def masked(recipient: str) -> str:
    """A mobile number as logs and listings show it: 138****0001."""
    return recipient[:3] + "****" + recipient[-4:]


class LoggingSender:
    """The default sender when no gateway is configured: writes each message to the log.

    It logs at WARNING, a level every configuration shows: the message reached no phone.
    """

    def send(self, channel: str, recipient: str, body: str) -> None:
        """Log the message instead of sending it."""
        log.warning(
            "outbox %s to %s (no gateway configured, OUTBOX_SENDER): %s",
            channel,
            masked(recipient),
            body,
        )


def sender():
    """The configured sender instance."""
    spec = current_app.config.get("OUTBOX_SENDER", "marketplace.notifications.outbox:LoggingSender")
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()


def enqueue(note: Notification, text: str) -> OutboxMessage:
    """Queue a notification for delivery to the user's mobile, in the user's language."""
    user = db.session.get(User, note.user_id)
    message = OutboxMessage(
        notification_id=note.id,
        user_id=user.id,
        channel="sms",
        recipient=user.mobile,
        body=text,
    )
    db.session.add(message)
    db.session.flush()
    return message


def enqueue_sms(mobile: str, text: str, user_id: int | None = None) -> OutboxMessage:
    """Queue an SMS to a number that may have no account yet (a code for a sign-up)."""
    message = OutboxMessage(user_id=user_id, channel="sms", recipient=mobile, body=text)
    db.session.add(message)
    db.session.flush()
    return message


def render_for(user: User, render) -> str:
    """Render text in the recipient's language (Chinese unless they chose English)."""
    with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        return render()


def retry_delay(attempts: int) -> timedelta:
    """Doubling delays from one minute, at most six hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def lease() -> timedelta:
    """How long a claim holds before another sender may take the message."""
    return timedelta(seconds=current_app.config.get("OUTBOX_LEASE_SECONDS", 300))


def _claimable(now: datetime) -> ColumnElement[bool]:
    """Due, still pending, and claimed by nobody (or under a lease that has lapsed)."""
    return and_(
        OutboxMessage.status == OutboxStatus.PENDING,
        OutboxMessage.next_attempt_at <= now,
        or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now),
    )


def claim(now: datetime, limit: int = CLAIM_BATCH) -> tuple[str, list[Row]]:
    """Claim up to ``limit`` due messages for this sender and commit the claim at once.

    Returns the claim's token and the claimed messages (id, channel, recipient, body, attempts,
    claimed_until). Each claim counts as an attempt, so a message that kills its sender every
    time still ends as failed.
    """
    token = secrets.token_hex(16)
    candidates = (
        select(OutboxMessage.id)
        .where(_claimable(now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # Lock the rows we take; rows another sender is claiming right now are skipped.
        ids = db.session.scalars(candidates.with_for_update(skip_locked=True)).all()
        chosen = OutboxMessage.id.in_(ids)
    else:
        # SQLite runs one writer at a time: the UPDATE's own WHERE is the compare-and-set.
        chosen = OutboxMessage.id.in_(candidates)
    claimed = db.session.execute(
        update(OutboxMessage)
        .where(chosen, _claimable(now))
        .values(
            claim_token=token,
            claimed_until=now + lease(),
            attempts=OutboxMessage.attempts + 1,
        )
        .returning(
            OutboxMessage.id,
            OutboxMessage.channel,
            OutboxMessage.recipient,
            OutboxMessage.body,
            OutboxMessage.attempts,
            OutboxMessage.claimed_until,
        ),
        execution_options={"synchronize_session": False},
    ).all()
    db.session.commit()
    return token, sorted(claimed, key=lambda row: row.id)


def _settle(message: Row, token: str, values: dict) -> None:
    """Record the outcome of one send, if the claim is still ours; commit it at once."""
    still_ours = rows_changed(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.claim_token == token)
        .values(claimed_until=None, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()  # one message at a time: a crash never loses a sent mark
    if not still_ours:
        log.warning("outbox message %s: the lease ran out while it was being sent", message.id)


def _send_one(out, message: Row, token: str, now: datetime) -> bool:
    """Send one claimed message; True when the sender accepted it."""
    try:
        out.send(message.channel, message.recipient, message.body)
    except Exception as exc:  # any gateway error: keep the message and try again later
        values: dict = {"last_error": f"{type(exc).__name__}: {exc}"[:500]}
        if message.attempts >= MAX_ATTEMPTS:
            values["status"] = OutboxStatus.FAILED
        else:
            values["next_attempt_at"] = now + retry_delay(message.attempts)
        _settle(message, token, values)
        return False
    _settle(message, token, {"status": OutboxStatus.SENT, "sent_at": now})
    return True


def deliver_due(now: datetime | None = None, limit: int = 200) -> tuple[int, int]:
    """Claim and send due messages, a few at a time; returns (sent, failed attempts)."""
    now = now or utcnow()
    started = time.monotonic()
    out = sender()
    sent = failed = 0
    while sent + failed < limit:
        token, batch = claim(now, min(CLAIM_BATCH, limit - sent - failed))
        if not batch:
            break
        for message in batch:
            clock = now + timedelta(seconds=time.monotonic() - started)
            if clock >= message.claimed_until:
                continue  # our lease lapsed (a slow gateway): another sender may have it now
            if _send_one(out, message, token, clock):
                sent += 1
            else:
                failed += 1
    return sent, failed


def delivery_state(message: OutboxMessage, now: datetime) -> str:
    """queued, claimed (a sender holds it now), sent or failed."""
    if message.status == OutboxStatus.PENDING:
        live_claim = message.claimed_until is not None and message.claimed_until > now
        return "claimed" if live_claim else "queued"
    return message.status.value


def newest(limit: int = 20) -> list[OutboxMessage]:
    """The newest messages first."""
    return list(
        db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit))
    )
