"""A worker's shifts in their own calendar (an ICS feed at a secret, renewable link), and the
shifts they applied for or were invited to that clash with one they already hold.

The feed follows RFC 5545: CRLF lines folded at 75 octets, text escaped, times in UTC.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.models import Application, AppStatus, CalendarFeed, Gig, Shift, User, db, utcnow

PRODID = "-//Yonglinggong//Ningbo gig marketplace//ZH"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def renew(user: User) -> str:
    """A new secret link for the worker's calendar; the old one stops working."""
    token = secrets.token_urlsafe(24)
    feed = db.session.get(CalendarFeed, user.id)
    if feed is None:
        db.session.add(CalendarFeed(worker_id=user.id, token_hash=_digest(token)))
    else:
        feed.token_hash, feed.created_at = _digest(token), utcnow()
    db.session.flush()
    return token


def has_feed(user: User) -> bool:
    return db.session.get(CalendarFeed, user.id) is not None


def worker_of(token: str) -> int | None:
    """The worker a link belongs to, if it is a current one."""
    if not token or len(token) > 64:
        return None
    return db.session.scalar(
        select(CalendarFeed.worker_id).where(CalendarFeed.token_hash == _digest(token))
    )


def _held(worker_id: int) -> list[Application]:
    return list(
        db.session.scalars(
            select(Application)
            .join(Shift, Shift.id == Application.shift_id)
            .where(Application.worker_id == worker_id, Application.status == AppStatus.ACCEPTED)
            .options(selectinload(Application.shift).selectinload(Shift.gig).selectinload(Gig.town))
            .order_by(Shift.starts_at)
        )
    )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def ics(worker_id: int, host: str) -> str:
    """Every shift the worker holds, as a calendar."""
    now = utcnow()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for app in _held(worker_id):
        shift, gig = app.shift, app.shift.gig
        lines += [
            "BEGIN:VEVENT",
            f"UID:application-{app.id}@{host}",
            f"DTSTAMP:{_stamp(now)}",
            f"DTSTART:{_stamp(shift.starts_at)}",
            f"DTEND:{_stamp(shift.ends_at)}",
            f"SUMMARY:{_escape(gig.title)}",
            f"LOCATION:{_escape(gig.town.name_zh + gig.address)}",
            f"DESCRIPTION:{_escape(gig.what_to_bring or gig.description[:200])}",
            f"URL:https://{host}/applications/{app.id}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


@dataclass(frozen=True)
class Clash:
    """A shift the worker asked for (or was invited to) that overlaps one they hold."""

    wanted: Application
    held: Application


def clashes(user: User) -> list[Clash]:
    """Pending applications and invitations that overlap a held shift (accepting would fail)."""
    held = [a for a in _held(user.id) if a.shift.ends_at > utcnow()]
    pending = db.session.scalars(
        select(Application)
        .join(Shift, Shift.id == Application.shift_id)
        .where(
            Application.worker_id == user.id,
            Application.status.in_((AppStatus.APPLIED, AppStatus.INVITED)),
            Shift.starts_at > utcnow(),
        )
        .options(selectinload(Application.shift).selectinload(Shift.gig))
    )
    return [
        Clash(want, have)
        for want in pending
        for have in held
        if want.shift.starts_at < have.shift.ends_at and have.shift.starts_at < want.shift.ends_at
    ]
