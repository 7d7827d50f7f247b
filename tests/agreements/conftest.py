"""Factories for agreement tests: an accepted application with its draft agreement."""

from __future__ import annotations

import pytest

from marketplace.agreements.services import current_agreement
from marketplace.models import db
from marketplace.work.services import accept, apply_to_shift
from tests.factories import make_employer, make_gig, make_worker


@pytest.fixture
def accepted(app):
    """Build (worker, employer, application, agreement) for a gig with the given overrides."""

    def _accepted(worker_name: str = "陈阿海", **gig_overrides):
        employer = make_employer("石浦海产合作社", verified=True)
        gig = make_gig(employer, injury_insurance=True, **gig_overrides)
        worker = make_worker(worker_name)
        application = apply_to_shift(worker, gig.shifts[0].id)
        accept(employer, application.id)
        db.session.commit()
        return worker, employer, application, current_agreement(application)

    return _accepted
