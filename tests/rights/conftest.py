"""Fixtures for the rights tests: a shift worked and confirmed some days ago."""

from __future__ import annotations

from datetime import timedelta

import pytest

from marketplace.models import db, utcnow
from marketplace.work import attendance, services
from tests.factories import make_employer, make_gig, make_worker, move_shift


def worked_shift(employer, worker, days_ago: int = 15, title: str = "休渔期补网工"):
    """An accepted application whose shift ended ``days_ago`` and whose hours are confirmed."""
    gig = make_gig(employer, title=title)
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    services.accept(employer, application.id)
    move_shift(gig.shifts[0], utcnow() - timedelta(days=days_ago))
    attendance.confirm_hours(employer, application.id, 8 * 60)
    db.session.flush()
    return application


@pytest.fixture
def parties(app):
    """An employer, a worker, and the worker's confirmed shift 15 days ago (pay due 8 days ago)."""
    employer = make_employer(verified=True)
    worker = make_worker()
    application = worked_shift(employer, worker)
    return employer, worker, application
