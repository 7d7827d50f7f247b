"""What every set of application records must satisfy, whoever wrote them (services or seeding)."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select

from marketplace.models import Application, AppStatus, Payment, Shift, db, utcnow


def _slots_and_overlaps(rows: list) -> list[str]:
    problems: list[str] = []
    accepted = Counter(a.shift_id for a, _ in rows if a.status == AppStatus.ACCEPTED)
    for shift in db.session.scalars(select(Shift)):
        if shift.filled != accepted.get(shift.id, 0):
            problems.append(
                f"shift {shift.id}: filled {shift.filled}, accepted {accepted[shift.id]}"
            )
    held: defaultdict[int, list[Shift]] = defaultdict(list)
    for app, shift in rows:
        if app.status == AppStatus.ACCEPTED:
            held[app.worker_id].append(shift)
    for worker_id, shifts in held.items():
        shifts.sort(key=lambda s: s.starts_at)
        for a, b in zip(shifts, shifts[1:], strict=False):
            if b.starts_at < a.ends_at:
                problems.append(f"worker {worker_id} holds overlapping shifts {a.id} and {b.id}")
    return problems


def _attendance(rows: list) -> list[str]:
    problems: list[str] = []
    for app, _shift in rows:
        if app.status != AppStatus.ACCEPTED and (app.checked_in_at or app.checked_out_at):
            problems.append(f"application {app.id} is {app.status} with a check-in")
        if app.checked_out_at and (not app.checked_in_at or app.checked_out_at < app.checked_in_at):
            problems.append(f"application {app.id} checked out without checking in first")
    return problems


def _payments() -> list[str]:
    now = utcnow()
    problems: list[str] = []
    for payment, app, shift in db.session.execute(
        select(Payment, Application, Shift)
        .join(Application, Application.id == Payment.application_id)
        .join(Shift, Shift.id == Application.shift_id)
    ):
        worked = app.status == AppStatus.ACCEPTED and (
            app.checked_in_at is not None or shift.ends_at <= now
        )
        if not worked:
            problems.append(f"payment {payment.id} for application {app.id} with no worked time")
    return problems


def broken_invariants() -> list[str]:
    """Every contradiction found in the records; empty when they agree."""
    rows = list(db.session.execute(select(Application, Shift).join(Shift)).all())
    return _slots_and_overlaps(rows) + _attendance(rows) + _payments()
