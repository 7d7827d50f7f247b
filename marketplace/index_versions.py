"""Version stamps: a write bumps one, every process compares it before using its index or cache."""

from __future__ import annotations

from datetime import datetime

from flask import has_request_context, request
from sqlalchemy import select, update

from marketplace.models import IndexVersion, db, rows_changed, utcnow

WORKERS = "workers"
GIGS = "gigs"
REFERENCE = "reference"  # districts, towns, skills, seasons: bumped by loading seeds/
REQUEST_ATTRIBUTE = "version_stamps"
Stamp = tuple[int, datetime | None]


def bump(name: str) -> None:
    """Record that workers, gigs or reference data changed (committed with the caller's
    transaction)."""
    changed = rows_changed(
        update(IndexVersion)
        .where(IndexVersion.name == name)
        .values(version=IndexVersion.version + 1, changed_at=utcnow())
    )
    if changed == 0:
        db.session.add(IndexVersion(name=name, version=1))
    db.session.flush()
    if has_request_context():
        setattr(request, REQUEST_ATTRIBUTE, None)  # this request reads the new stamp


def current() -> tuple[int, int]:
    """(workers version, gigs version) as stored now."""
    rows = dict(db.session.execute(select(IndexVersion.name, IndexVersion.version)).all())
    return rows.get(WORKERS, 0), rows.get(GIGS, 0)


def stamps() -> dict[str, Stamp]:
    """Every stamp as (version, when it last moved), read once per request.

    The time tells a version that restarted (an emptied table) from one that never moved.
    """
    memo = getattr(request, REQUEST_ATTRIBUTE, None) if has_request_context() else None
    if memo is not None:
        return memo
    rows = db.session.execute(
        select(IndexVersion.name, IndexVersion.version, IndexVersion.changed_at)
    ).all()
    found = {row.name: (row.version, row.changed_at) for row in rows}
    if has_request_context():
        setattr(request, REQUEST_ATTRIBUTE, found)
    return found


def stamp(name: str) -> Stamp:
    """One stamp; (0, None) when it never moved."""
    return stamps().get(name, (0, None))
