"""A worker signs an agreement on the kiosk with station staff present as witness."""

from sqlalchemy import select

from marketplace.agreements import templating
from marketplace.agreements.services import text_of
from marketplace.models import AgreementSignature, AuditLog, db
from tests.factories import make_worker


def test_worker_signs_on_kiosk_with_staff_as_witness(kiosk, staff, station, accepted):
    """The person page offers the draft; the signature records worker, witness and station."""
    worker, _employer, _application, agreement = accepted()
    page = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert 'data-testid="drafts"' in page
    url = f"/kiosk/workers/{worker.id}/agreements/{agreement.id}"
    shown = kiosk.get(url).get_data(as_text=True)
    assert 'data-testid="agreement-text"' in shown
    digest = templating.content_hash(text_of(agreement))
    wrong = kiosk.post(url, data={"typed_name": "别人", "consent": "y", "content_hash": digest})
    assert wrong.status_code == 200 and db.session.scalar(select(AgreementSignature)) is None
    done = kiosk.post(url, data={"typed_name": "陈阿海", "consent": "y", "content_hash": digest})
    assert done.status_code == 302
    signature = db.session.scalar(select(AgreementSignature))
    assert (signature.signer_id, signature.witness_id, signature.station_id) == (
        worker.id,
        staff.id,
        station.id,
    )
    assert db.session.scalar(select(AuditLog).where(AuditLog.actor_id == staff.id)) is not None
    page = kiosk.get(f"/kiosk/workers/{worker.id}").get_data(as_text=True)
    assert 'data-testid="drafts"' not in page


def test_kiosk_cannot_sign_for_someone_not_party(kiosk, accepted):
    """Staff cannot make another worker sign someone else's agreement."""
    _worker, _employer, _application, agreement = accepted()
    stranger = make_worker("路人甲")
    db.session.commit()
    digest = templating.content_hash(text_of(agreement))
    r = kiosk.post(
        f"/kiosk/workers/{stranger.id}/agreements/{agreement.id}",
        data={"typed_name": "路人甲", "consent": "y", "content_hash": digest},
    )
    assert r.status_code == 403
    assert db.session.scalar(select(AgreementSignature)) is None


def test_workers_cannot_use_kiosk_signing(client, login, accepted):
    """Only staff reach the kiosk signing page."""
    worker, _employer, _application, agreement = accepted()
    login(client, worker)
    assert client.get(f"/kiosk/workers/{worker.id}/agreements/{agreement.id}").status_code == 403
