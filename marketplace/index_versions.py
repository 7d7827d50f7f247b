"""Version stamps: a write bumps one, every process compares it before using its index."""

from __future__ import annotations

from sqlalchemy import select, update

from marketplace.models import IndexVersion, db, rows_changed, utcnow

WORKERS = "workers"
GIGS = "gigs"


def bump(name: str) -> None:
    """Record that workers or gigs changed (committed with the caller's transaction)."""
    changed = rows_changed(
        update(IndexVersion)
        .where(IndexVersion.name == name)
        .values(version=IndexVersion.version + 1, changed_at=utcnow())
    )
    if changed == 0:
        db.session.add(IndexVersion(name=name, version=1))
    db.session.flush()


def current() -> tuple[int, int]:
    """(workers version, gigs version) as stored now."""
    rows = dict(db.session.execute(select(IndexVersion.name, IndexVersion.version)).all())
    return rows.get(WORKERS, 0), rows.get(GIGS, 0)
