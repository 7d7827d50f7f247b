"""Every route checks role and ownership: anonymous, other workers and other employers."""

import pytest

from marketplace.models import db
from marketplace.work.services import apply_to_shift
from tests.factories import make_employer, make_gig, make_worker


@pytest.fixture
def owned(app):
    """A gig of one employer with an application of one worker."""
    employer = make_employer()
    gig = make_gig(employer)
    worker = make_worker("李四")
    application = apply_to_shift(worker, gig.shifts[0].id)
    db.session.commit()
    return employer, gig, worker, application


PROTECTED_GET = [
    "/dashboard",
    "/worker/profile",
    "/employer/profile",
    "/gigs/new",
    "/my/gigs",
    "/inbox/",
    "/account/password",
]


@pytest.mark.parametrize("path", PROTECTED_GET)
def test_anonymous_is_sent_to_sign_in(client, path):
    """Signed-out visitors are redirected to the sign-in page."""
    r = client.get(path)
    assert r.status_code == 302 and "/account/login" in r.headers["Location"]


def test_anonymous_cannot_act(client, owned):
    """Signed-out POSTs change nothing and lead to sign-in."""
    employer, gig, worker, application = owned
    for path in (
        f"/shifts/{gig.shifts[0].id}/apply",
        f"/applications/{application.id}/accept",
        f"/gigs/{gig.id}/close",
    ):
        r = client.post(path)
        assert r.status_code == 302 and "/account/login" in r.headers["Location"]
    assert client.get(f"/applications/{application.id}").status_code == 302


def test_other_worker_cannot_see_or_touch_application(client, login, owned):
    """Another worker gets 403 on someone else's application."""
    _, _, _, application = owned
    other = make_worker("外人")
    db.session.commit()
    login(client, other)
    assert client.get(f"/applications/{application.id}").status_code == 403
    assert client.post(f"/applications/{application.id}/withdraw").status_code == 403
    assert (
        client.post(f"/applications/{application.id}/check", data={"code": "123456"}).status_code
        == 403
    )
    assert "李四" not in client.get("/dashboard").get_data(as_text=True)


def test_other_employer_cannot_manage(client, login, owned):
    """Another employer gets 403 on the gig's management and its applicants."""
    _, gig, _, application = owned
    other = make_employer("别家公司")
    db.session.commit()
    login(client, other)
    assert client.get(f"/gigs/{gig.id}/manage").status_code == 403
    assert client.post(f"/applications/{application.id}/accept").status_code == 403
    assert (
        client.post(f"/applications/{application.id}/confirm", data={"hours": "2"}).status_code
        == 403
    )
    assert client.post(f"/gigs/{gig.id}/close").status_code == 403
    assert client.get(f"/applications/{application.id}").status_code == 403
    assert client.get("/gigs/99999/manage").status_code == 404


def test_worker_cannot_use_employer_routes(client, login, owned):
    """Role checks: a worker cannot post or accept."""
    _, gig, worker, application = owned
    login(client, worker)
    assert client.get("/gigs/new").status_code == 403
    assert client.post(f"/applications/{application.id}/accept").status_code == 403
    assert client.get("/employer/profile").status_code == 403


def test_employer_cannot_apply(client, login, owned):
    """An employer account cannot apply to shifts."""
    employer, gig, _, _ = owned
    login(client, employer)
    assert client.post(f"/shifts/{gig.shifts[0].id}/apply").status_code == 403
    assert client.get("/worker/profile").status_code == 403


def test_parties_can_see_application(client, login, owned):
    """The worker and the gig's employer both open the application."""
    employer, _, worker, application = owned
    login(client, worker)
    assert client.get(f"/applications/{application.id}").status_code == 200
    client.post("/account/logout")
    login(client, employer)
    assert client.get(f"/applications/{application.id}").status_code == 200
