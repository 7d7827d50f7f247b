"""After acceptance both sides see each other's phone; before it, neither does."""

from marketplace.models import db
from marketplace.work import services
from tests.factories import make_employer, make_gig, make_worker


def test_phones_appear_only_after_acceptance(app, client, login):
    employer, worker = make_employer(), make_worker()
    application = services.apply_to_shift(worker, make_gig(employer).shifts[0].id)
    db.session.commit()
    login(client, employer)
    before = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert worker.mobile not in before and 'data-testid="phone"' not in before

    services.accept(employer, application.id)
    db.session.commit()
    seen_by_employer = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert f'href="tel:{worker.mobile}"' in seen_by_employer
    client.post("/account/logout")
    login(client, worker)
    seen_by_worker = client.get(f"/applications/{application.id}").get_data(as_text=True)
    assert f'href="tel:{employer.mobile}"' in seen_by_worker and "用工方电话" in seen_by_worker
