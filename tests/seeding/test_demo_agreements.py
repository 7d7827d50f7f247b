"""The demo market's agreements: every accepted application has one; worked shifts were signed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.agreements.templating import content_hash
from marketplace.models import (
    Agreement,
    AgreementStatus,
    Application,
    AppStatus,
    Party,
    User,
    db,
)
from marketplace.seeding.demo import DEMO_LOGINS, DEMO_PASSWORD, generate_demo
from marketplace.seeding.reference import load_reference
from tests.seeding.test_demo import NOW, SEEDS, SMALL, TODAY


@pytest.fixture
def small_demo(app):
    load_reference(SEEDS)
    generate_demo(today=TODAY, scale=SMALL)
    db.session.commit()


def test_every_accepted_application_has_its_agreement(small_demo):
    """Accepted → an agreement; a begun shift's is in force, signed by both on the same text."""
    accepted = db.session.scalars(
        select(Application).where(Application.status == AppStatus.ACCEPTED)
    ).all()
    assert accepted
    agreements = {a.application_id: a for a in db.session.scalars(select(Agreement))}
    for app in accepted:
        if app.shift.gig.agreement_kind is None:  # a full-time labour contract, signed off here
            assert app.id not in agreements
            continue
        agreement = agreements.get(app.id)
        assert agreement is not None, f"application {app.id} has no agreement"
        assert agreement.template.kind == app.shift.gig.agreement_kind
        if app.shift.starts_at > NOW:
            assert agreement.status == AgreementStatus.DRAFT
            continue
        assert agreement.status == AgreementStatus.IN_FORCE
        assert agreement.content_hash == content_hash(agreement.rendered_text)
        assert app.worker.real_name in agreement.rendered_text
        signed = {s.party: s for s in agreement.signatures}
        assert set(signed) == {Party.EMPLOYER, Party.WORKER}
        assert signed[Party.WORKER].signer_id == app.worker_id
        assert all(s.content_hash == agreement.content_hash for s in signed.values())


def test_demo_worker_opens_every_agreement_link(small_demo, client):
    """The demo worker's "agreement" link on each accepted application leads to its text."""
    worker = db.session.scalar(select(User).where(User.mobile == DEMO_LOGINS[0][1]))
    response = client.post(
        "/account/login", data={"mobile": worker.mobile, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    mine = db.session.scalars(
        select(Application.id).where(
            Application.worker_id == worker.id, Application.status == AppStatus.ACCEPTED
        )
    ).all()
    assert mine
    for app_id in mine:
        page = client.get(f"/agreements/application/{app_id}", follow_redirects=True)
        assert page.status_code == 200, app_id
        assert "协议" in page.get_data(as_text=True)
