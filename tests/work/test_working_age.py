"""Acceptance checks the worker's own working age on the shift's dates (POLICY §1, N(一))."""

from datetime import date

import pytest

from marketplace.errors import DomainError
from marketplace.models import AppStatus, BenefitFacts, db
from marketplace.work import services
from tests.factories import id_number, make_employer, make_gig, make_worker


def test_accept_refused_after_the_workers_own_retirement_date(app):
    """表3: a woman born 1975-01-10 in a 50-age post retired on 2025-02-10: not accepted."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker("林秀英", id_number=id_number(date(1975, 1, 10), serial=34))
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    db.session.add(BenefitFacts(worker_id=worker.id, retirement_group="female_50"))
    db.session.flush()
    with pytest.raises(DomainError) as refused:
        services.accept(employer, application.id)
    assert refused.value.params == {"retires_on": "2025-02-10"}
    assert application.status == AppStatus.APPLIED


def test_accept_allowed_before_the_workers_own_retirement_date(app):
    """表2: the same woman under the 55 base works until 2031-05-10: accepted."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker("林秀英", id_number=id_number(date(1975, 1, 10), serial=36))
    application = services.apply_to_shift(worker, gig.shifts[0].id)
    assert services.accept(employer, application.id).status == AppStatus.ACCEPTED
