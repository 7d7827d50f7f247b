"""The words an application's status is shown with."""

from __future__ import annotations

from marketplace.labels import label
from marketplace.models import AppStatus, Verification, WorkForm, db
from marketplace.policy.labour_relation import AgreementKind
from marketplace.work import services
from tests.factories import make_employer, make_gig, make_worker


def test_rejected_application_reads_not_hired(client, login):
    """A worker turned down sees "未录用", not the employer-verification "审核未通过"."""
    employer = make_employer(verified=True)
    worker = make_worker()
    application = services.apply_to_shift(worker, make_gig(employer).shifts[0].id)
    services.reject(employer, application.id)
    db.session.commit()
    login(client, worker)
    status = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert 'data-testid="app-status">未录用<' in status
    assert "审核未通过" not in client.get("/dashboard").get_data(as_text=True)


def test_members_sharing_a_value_keep_their_own_words(app):
    """Enums that share a stored code ("rejected", "temporary") are not named alike."""
    with app.test_request_context():
        assert label(AppStatus.REJECTED) != label(Verification.REJECTED)
        assert label(WorkForm.TEMPORARY) != label(AgreementKind.TEMPORARY)
