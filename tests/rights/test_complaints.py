"""Complaints: filed by a party or by staff for one, the same workflow and trail as wage cases."""

import pytest

from marketplace.accounts.services import register as register_account
from marketplace.errors import DomainError, Forbidden
from marketplace.models import CaseEvent, CaseStatus, Complaint, ComplaintCategory, Role, db
from marketplace.rights import complaints
from marketplace.rights.cases import WrongStep
from tests.factories import make_employer, make_worker, mobile


def _staff():
    return register_account(mobile(), "secret-pass-1", Role.STAFF, "驿站工作人员")


def test_worker_complains_employer_answers_worker_accepts(app, parties):
    """open → answered → accepted: resolved, each step with who and what."""
    employer, worker, application = parties
    item = complaints.file_complaint(
        worker, application.id, "employer", ComplaintCategory.WORKER_FEE, "收了我50元介绍费"
    )
    assert item.respondent_id == employer.id
    with pytest.raises(Forbidden):
        complaints.respond(worker, item.id, "我自己回答")
    complaints.respond(employer, item.id, "已退还")
    complaints.complainant_replies(worker, item.id, True)
    assert item.status == CaseStatus.RESOLVED and item.closed_at
    assert [e.action for e in item.events] == ["opened", "answered", "agreed"]


def test_staff_file_for_a_worker_then_mediate_and_refer(app, parties):
    """Staff file for the worker; not accepted → mediation → arbitration; final stays final."""
    employer, worker, application = parties
    staff = _staff()
    item = complaints.file_complaint(
        staff, application.id, "gig", ComplaintCategory.SAFETY, "没有安全绳", on_behalf_of="worker"
    )
    assert item.complainant_id == worker.id and item.filed_by_id == staff.id
    complaints.respond(employer, item.id, "有提供")
    complaints.complainant_replies(worker, item.id, False, "没有")
    assert item.status == CaseStatus.MEDIATION
    complaints.staff_step(staff, item.id, "refer", "调解不成")
    assert item.status == CaseStatus.ARBITRATION
    with pytest.raises(WrongStep):
        complaints.staff_step(staff, item.id, "resolve", "again")
    assert db.session.query(CaseEvent).filter_by(complaint_id=item.id).count() == 4


def test_employer_complains_against_the_worker(app, parties):
    """Either party may complain, always against the other side."""
    employer, worker, application = parties
    item = complaints.file_complaint(
        employer, application.id, "worker", ComplaintCategory.AGREEMENT_BREACH, "提前离开"
    )
    assert item.respondent_id == worker.id
    with pytest.raises(DomainError):
        complaints.file_complaint(
            employer, application.id, "employer", ComplaintCategory.OTHER, "x"
        )


def test_outsiders_cannot_file_or_see(app, parties):
    """A stranger can neither file about the shift nor read the complaint."""
    employer, worker, application = parties
    stranger = make_worker("王五")
    with pytest.raises(Forbidden):
        complaints.file_complaint(stranger, application.id, "gig", ComplaintCategory.OTHER, "x")
    item = complaints.file_complaint(worker, application.id, "gig", ComplaintCategory.OTHER, "x")
    with pytest.raises(Forbidden):
        complaints.complaint_for(stranger, item.id)


def test_complaint_pages(app, client, login, parties):
    """File over HTTP; parties and staff see it; others 403; anonymous signs in first."""
    employer, worker, application = parties
    staff = _staff()
    other_employer = make_employer("别家公司")
    db.session.commit()
    assert client.get("/complaints/new").status_code == 302
    login(client, worker)
    form = client.get("/complaints/new").get_data(as_text=True)
    assert f'value="{application.id}"' in form
    response = client.post(
        "/complaints/new",
        data={
            "application_id": application.id,
            "against": "employer",
            "category": "discrimination",
            "description": "因为是外地人少给钱",
        },
    )
    assert response.status_code == 302
    item = db.session.query(Complaint).one()
    url = f"/complaints/{item.id}"
    page = client.get(url).get_data(as_text=True)
    assert "外地人" in page
    # Who complained is labelled as the complainant, not as a start date.
    assert '<dt>投诉人</dt><dd data-testid="complainant">' in page and "开始日期" not in page
    client.post("/account/logout")
    login(client, other_employer)
    assert client.get(url).status_code == 403
    assert client.post(f"{url}/respond", data={"note": "x"}).status_code == 403
    client.post("/account/logout")
    login(client, employer)
    client.post(f"{url}/respond", data={"note": "没有这回事"})
    assert client.post(f"{url}/staff", data={"outcome": "resolve", "note": "x"}).status_code == 403
    client.post("/account/logout")
    login(client, staff)
    client.post(f"{url}/staff", data={"outcome": "mediate", "note": "约双方面谈"})
    db.session.expire_all()
    assert db.session.get(Complaint, item.id).status == CaseStatus.MEDIATION
    assert client.get("/complaints/9999").status_code == 404
