"""Every agreement route checks role and ownership; staff views are audit-logged (POLICY §3)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.agreements import services, signing, templating
from marketplace.models import AuditLog, Role, db
from tests.factories import PASSWORD, make_employer, make_worker, mobile


@pytest.fixture
def cast(accepted):
    """The two parties, an outsider of each role, station staff and an admin."""
    worker, employer, application, agreement = accepted()
    people = {
        "worker": worker,
        "employer": employer,
        "other_worker": make_worker("赵六"),
        "other_employer": make_employer("别家公司"),
        "staff": register(mobile(), PASSWORD, Role.STAFF, "驿站小王"),
        "admin": register(mobile(), PASSWORD, Role.ADMIN, "管理员"),
    }
    db.session.commit()
    return people, application, agreement


def _sign_both(people, agreement):
    for who, name in (("worker", "陈阿海"), ("employer", "李经理")):
        digest = templating.content_hash(services.text_of(agreement))
        signing.sign(people[who], agreement.id, name, True, digest, "")
    db.session.commit()


READERS = {
    "worker": 200,
    "employer": 200,
    "staff": 200,
    "admin": 200,
    "other_worker": 403,
    "other_employer": 403,
}


@pytest.mark.parametrize("who", list(READERS))
@pytest.mark.parametrize("page", ["", "/print", "/pdf"])
def test_only_parties_staff_and_admins_open_an_agreement(client, login, cast, who, page):
    """Parties, staff and admins read; any other account gets 403; staff views are logged."""
    people, _, agreement = cast
    _sign_both(people, agreement)
    login(client, people[who])
    r = client.get(f"/agreements/{agreement.id}{page}")
    assert r.status_code == READERS[who]
    logged = db.session.scalars(select(AuditLog).where(AuditLog.action == "agreement_view")).all()
    assert len(logged) == (1 if who in ("staff", "admin") else 0)
    if page == "/pdf" and r.status_code == 200:
        assert r.mimetype == "application/pdf" and r.data.startswith(b"%PDF")


@pytest.mark.parametrize("page", ["", "/print", "/pdf", "/edit"])
def test_anonymous_is_sent_to_sign_in(client, cast, page):
    """Signed out: sign in first."""
    _, _, agreement = cast
    r = client.get(f"/agreements/{agreement.id}{page}")
    assert r.status_code == 302 and "/account/login" in r.headers["Location"]


def test_unknown_agreement_is_404(client, login, cast):
    """No such agreement."""
    people, _, _ = cast
    login(client, people["admin"])
    assert client.get("/agreements/999999").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("employer", 200), ("worker", 403), ("other_employer", 403), ("staff", 403), ("admin", 403)],
)
def test_only_the_employer_edits(client, login, cast, who, status):
    """Editing is the employer's, and only for their own agreement."""
    people, _, agreement = cast
    login(client, people[who])
    assert client.get(f"/agreements/{agreement.id}/edit").status_code == status


def test_employer_edit_below_the_post_is_refused(client, login, cast):
    """The pay cannot go below the gig post."""
    people, _, agreement = cast
    login(client, people["employer"])
    data = {**templating.clauses_of(agreement), "pay": "150"}
    r = client.post(f"/agreements/{agreement.id}/edit", data=data)
    assert r.status_code == 400 and agreement.pay_fen == 20000


@pytest.mark.parametrize("who", ["other_worker", "other_employer"])
def test_outsiders_cannot_sign(client, login, cast, who):
    """A stranger's signature is refused and nothing is stored."""
    people, _, agreement = cast
    login(client, people[who])
    digest = templating.content_hash(services.text_of(agreement))
    r = client.post(
        f"/agreements/{agreement.id}/sign",
        data={"typed_name": "赵六", "consent": "y", "content_hash": digest},
    )
    assert r.status_code == 403
    db.session.refresh(agreement)
    assert agreement.signatures == []


def test_staff_and_admin_cannot_sign(client, login, cast):
    """Staff and admins read but do not sign for a party."""
    people, _, agreement = cast
    login(client, people["staff"])
    r = client.post(f"/agreements/{agreement.id}/sign", data={"typed_name": "x"})
    assert r.status_code == 403


def test_worker_signs_through_the_page_with_ip_recorded(client, login, cast):
    """The form posts name, consent and the hash shown; the IP is recorded."""
    people, _, agreement = cast
    login(client, people["worker"])
    page = client.get(f"/agreements/{agreement.id}").get_data(as_text=True)
    assert 'data-testid="sign-form"' in page
    digest = templating.content_hash(services.text_of(agreement))
    r = client.post(
        f"/agreements/{agreement.id}/sign",
        data={"typed_name": "陈阿海", "consent": "y", "content_hash": digest},
        environ_base={"REMOTE_ADDR": "192.0.2.44"},
    )
    assert r.status_code == 302
    db.session.refresh(agreement)
    assert agreement.signatures[0].ip == "192.0.2.44"
    assert agreement.signatures[0].signer_id == people["worker"].id


def test_application_link_leads_to_the_agreement(client, login, cast):
    """The shift page link goes to the current agreement, for the parties only."""
    people, application, agreement = cast
    login(client, people["worker"])
    r = client.get(f"/agreements/application/{application.id}")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/agreements/{agreement.id}")
    assert 'data-testid="agreement-link"' in client.get(f"/applications/{application.id}").get_data(
        as_text=True
    )


def _agreement_row(client, login, user, application) -> str:
    """The agreement row of the application page, as ``user`` sees it."""
    client.post("/account/logout")
    login(client, user)
    page = client.get(f"/applications/{application.id}").get_data(as_text=True)
    return page[page.index('data-testid="agreement-link"') :].split("</a>")[0]


def test_application_link_says_what_is_left_to_do(client, login, cast):
    """Read and sign until one has signed; waiting for the other; signed once both have."""
    people, application, agreement = cast
    worker, employer = people["worker"], people["employer"]
    assert "阅读并签署协议" in _agreement_row(client, login, worker, application)
    digest = templating.content_hash(services.text_of(agreement))
    signing.sign(worker, agreement.id, "陈阿海", True, digest, "")
    db.session.commit()
    assert "等待对方签署" in _agreement_row(client, login, worker, application)
    assert "阅读并签署协议" in _agreement_row(client, login, employer, application)
    signing.sign(employer, agreement.id, "李经理", True, digest, "")
    db.session.commit()
    for user in (employer, worker):
        row = _agreement_row(client, login, user, application)
        assert "查看已签署的协议" in row and "阅读并签署" not in row


def test_application_link_is_refused_to_strangers(client, login, cast):
    """Another worker cannot reach the agreement through the application link."""
    people, application, _ = cast
    login(client, people["other_worker"])
    assert client.get(f"/agreements/application/{application.id}").status_code == 403


def test_verify_page_is_public_and_shows_no_personal_data(client, cast):
    """Anyone may verify: gig title, masked parties, date; no ID numbers, phones, full names."""
    people, application, agreement = cast
    _sign_both(people, agreement)
    r = client.get(f"/agreements/verify/{agreement.content_hash}")
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and 'data-testid="verify-ok"' in page
    assert application.shift.gig.title in page and "陈**" in page
    assert "陈阿海" not in page and people["worker"].mobile not in page
    assert application.worker.id_number_masked not in page
    assert client.get("/agreements/verify/" + "0" * 64).status_code == 404


def test_verify_fails_after_tampering(client, cast):
    """Changing the stored text makes the public verification fail."""
    people, _, agreement = cast
    _sign_both(people, agreement)
    agreement.rendered_text += "<p>甲方可随时扣减报酬。</p>"
    db.session.commit()
    r = client.get(f"/agreements/verify/{agreement.content_hash}")
    assert r.status_code == 404 and 'data-testid="verify-failed"' in r.get_data(as_text=True)


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("staff", 403), ("employer", 403), ("worker", 403)],
)
def test_only_admins_publish_templates(client, login, cast, who, status):
    """The template pages are for administrators."""
    people, _, _ = cast
    login(client, people[who])
    assert client.get("/agreements/templates").status_code == status
    assert client.get("/agreements/templates/temporary/publish").status_code == status


def test_admin_publishes_through_the_form(client, login, cast):
    """A valid source becomes version 2; a source without the dispute clause is refused."""
    people, _, agreement = cast
    login(client, people["admin"])
    source = agreement.template.source
    r = client.post("/agreements/templates/temporary/publish", data={"source": source + " "})
    assert r.status_code == 302
    bad = source.replace('data-clause="dispute"', "")
    r = client.post("/agreements/templates/temporary/publish", data={"source": bad})
    assert r.status_code == 400
    assert services.current_template(agreement.template.kind).version == 2
