"""The outbox: every notification is also queued for a sender (SMS gateway, or the log).

The sender is chosen by configuration (``OUTBOX_SENDER = "module:Class"``); a failed send is
retried with growing delays and, after the last try, kept as failed — never lost or deleted.
"""

from __future__ import annotations

import importlib
import logging
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from marketplace.models import Notification, OutboxMessage, OutboxStatus, User, db, utcnow

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)


class LoggingSender:
    """The default sender: writes each message to the application log."""

    def send(self, channel: str, recipient: str, body: str) -> None:
        """Log the message instead of sending it."""
        log.info("outbox %s to %s: %s", channel, recipient[:3] + "****" + recipient[-4:], body)


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


def deliver_due(now: datetime | None = None, limit: int = 200) -> tuple[int, int]:
    """Try every due pending message once; returns (sent, failed attempts)."""
    now = now or utcnow()
    due = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at)
        .limit(limit)
    ).all()
    out = sender()
    sent = failed = 0
    for message in due:
        message.attempts += 1
        try:
            out.send(message.channel, message.recipient, message.body)
        except Exception as exc:  # any gateway error: keep the message and try again later
            failed += 1
            message.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboxStatus.FAILED
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
        else:
            sent += 1
            message.status = OutboxStatus.SENT
            message.sent_at = now
        db.session.commit()  # one message at a time: a crash never loses a sent mark
    return sent, failed
