"""安薪 wage cases: detection, the worker's report, the workflow, access control, posting block."""

from datetime import timedelta

import pytest

from marketplace.accounts.services import register as register_account
from marketplace.employers import standing
from marketplace.errors import Forbidden
from marketplace.models import CaseEvent, CaseStatus, Notification, Role, WageCase, db
from marketplace.rights import cases
from marketplace.rights.registration import today
from tests.factories import make_employer, make_gig, make_worker, mobile
from tests.rights.conftest import worked_shift


def _staff():
    return register_account(mobile(), "secret-pass-1", Role.STAFF, "驿站工作人员")


def test_detects_shift_unpaid_after_pay_date(app, parties):
    """N(十五): unpaid the day after the agreed pay date → a case, once (idempotent)."""
    employer, worker, application = parties
    due = application.pay_due_on
    assert cases.detect_arrears(due) == []
    opened = cases.detect_arrears(due + timedelta(days=1))
    assert len(opened) == 1 and opened[0].amount_due_fen == 20000
    assert cases.detect_arrears(due + timedelta(days=2)) == []
    kinds = [n.kind for n in db.session.query(Notification).filter_by(user_id=worker.id)]
    assert kinds.count("wage_case_opened") == 1


def test_grace_days_is_a_setting(app, parties):
    """WAGE_GRACE_DAYS (default 0) delays when arrears start."""
    _, _, application = parties
    app.config["WAGE_GRACE_DAYS"] = 3
    try:
        assert cases.detect_arrears(application.pay_due_on + timedelta(days=3)) == []
        assert len(cases.detect_arrears(application.pay_due_on + timedelta(days=4))) == 1
    finally:
        app.config["WAGE_GRACE_DAYS"] = 0


def test_paid_shift_is_not_arrears(app, parties):
    """A recorded payment means no case."""
    from marketplace.work.attendance import record_payment

    employer, _, application = parties
    record_payment(employer, application.id, 20000, today())
    assert cases.detect_arrears(today() + timedelta(days=30)) == []


def test_workflow_paid_then_worker_confirms(app, parties):
    """open → employer paid → worker confirms → resolved; each step kept with who and what."""
    employer, worker, application = parties
    case = cases.report_unpaid(worker, application.id, "老板说下周给")
    with pytest.raises(standing.OpenArrears):
        standing.ensure_no_open_arrears(employer)
    with pytest.raises(Forbidden):
        cases.employer_paid(worker, case.id, today())
    cases.employer_paid(employer, case.id, today())
    assert case.status == CaseStatus.PAID_CLAIMED
    cases.worker_answers(worker, case.id, True)
    assert case.status == CaseStatus.RESOLVED and case.closed_at
    assert application.payment is not None
    assert [e.action for e in case.events] == ["opened", "paid", "agreed"]
    assert [e.actor_id for e in case.events] == [worker.id, employer.id, worker.id]
    standing.ensure_no_open_arrears(employer)  # resolved: posting allowed again


def test_workflow_dispute_mediation_arbitration(app, parties):
    """Dispute → worker disagrees → staff mediate → refer to arbitration; no step skipped."""
    employer, worker, application = parties
    staff = _staff()
    case = cases.report_unpaid(worker, application.id)
    with pytest.raises(cases.WrongStep):
        cases.worker_answers(worker, case.id, True)
    cases.employer_disputes(employer, case.id, "工人提前离开")
    cases.worker_answers(worker, case.id, False, "我做满了8小时")
    assert case.status == CaseStatus.MEDIATION
    with pytest.raises(Forbidden):
        cases.staff_step(employer, case.id, "resolve", "自己结案")
    cases.staff_step(staff, case.id, "refer", "调解不成，转劳动仲裁")
    assert case.status == CaseStatus.ARBITRATION
    with pytest.raises(cases.WrongStep):
        cases.staff_step(staff, case.id, "resolve", "again")
    assert db.session.query(CaseEvent).filter_by(case_id=case.id).count() == 4
    with pytest.raises(standing.OpenArrears):
        standing.ensure_no_open_arrears(employer)


def test_report_needs_confirmed_hours_and_only_once(app, parties):
    """A case per shift; the worker reports only confirmed shifts of their own."""
    employer, worker, application = parties
    cases.report_unpaid(worker, application.id)
    with pytest.raises(Exception, match="already"):
        cases.report_unpaid(worker, application.id)
    other = make_worker("李四")
    with pytest.raises(Forbidden):
        cases.report_unpaid(other, application.id)


def test_employer_with_open_arrears_cannot_post(app, parties):
    """POLICY §9: post_gig refuses while a case is unresolved."""
    employer, worker, application = parties
    cases.report_unpaid(worker, application.id)
    with pytest.raises(standing.OpenArrears):
        make_gig(employer, title="新活")


def test_post_page_shows_the_block(app, client, login, parties):
    """The post page says clearly why posting is blocked."""
    employer, worker, application = parties
    cases.report_unpaid(worker, application.id)
    login(client, employer)
    page = client.get("/gigs/new").get_data(as_text=True)
    assert "unresolved wage-arrears case" in page or "欠薪" in page


def test_case_pages_access(app, client, login, parties):
    """Worker, employer and staff see the case; others get 403, anonymous is sent to sign in."""
    employer, worker, application = parties
    case = cases.report_unpaid(worker, application.id)
    staff = _staff()
    stranger_employer = make_employer("别家公司")
    stranger_worker = make_worker("王五")
    db.session.commit()
    url = f"/wage-cases/{case.id}"
    assert client.get(url).status_code == 302
    for user, code in ((stranger_worker, 403), (stranger_employer, 403), (worker, 200)):
        login(client, user)
        assert client.get(url).status_code == code
        client.post("/account/logout")
    login(client, employer)
    assert client.get(url).status_code == 200
    assert client.post(f"{url}/staff", data={"outcome": "resolve", "note": "x"}).status_code == 403
    client.post("/account/logout")
    login(client, stranger_employer)
    assert client.post(f"{url}/paid", data={"paid_on": today().isoformat()}).status_code == 403
    client.post("/account/logout")
    login(client, staff)
    assert client.get(url).status_code == 200
    assert client.get(f"{url}/summary").status_code == 200
    assert client.get("/wage-cases/9999").status_code == 404


def test_end_to_end_over_http(app, client, login, parties):
    """Worker reports, employer answers paid, worker confirms: the case resolves."""
    employer, worker, application = parties
    login(client, worker)
    assert f"/applications/{application.id}/unpaid" in client.get("/dashboard").get_data(
        as_text=True
    )
    response = client.post(f"/applications/{application.id}/unpaid", data={"note": "没收到"})
    assert response.status_code == 302
    case = db.session.query(WageCase).one()
    client.post("/account/logout")
    login(client, employer)
    client.post(f"/wage-cases/{case.id}/paid", data={"paid_on": today().isoformat()})
    client.post("/account/logout")
    login(client, worker)
    client.post(f"/wage-cases/{case.id}/answer", data={"agrees": "yes"})
    db.session.expire_all()
    assert db.session.get(WageCase, case.id).status == CaseStatus.RESOLVED
    summary = client.get(f"/wage-cases/{case.id}/summary").get_data(as_text=True)
    assert "没收到" in summary


def test_a_second_report_of_the_same_shift_is_refused_on_the_form(app, client, login, parties):
    """The report page comes back with the refusal; there is still one case."""
    _, worker, application = parties
    login(client, worker)
    client.post(f"/applications/{application.id}/unpaid", data={"note": "没收到"})
    again = client.post(f"/applications/{application.id}/unpaid", data={"note": "还是没收到"})
    assert again.status_code == 400
    assert "这个班次已经有一个案件。" in again.get_data(as_text=True)
    assert db.session.query(WageCase).count() == 1


def test_other_worker_cannot_report_someone_elses_shift(app, client, login, parties):
    """Ownership of the report page."""
    _, _, application = parties
    login(client, make_worker("赵六"))
    assert client.get(f"/applications/{application.id}/unpaid").status_code == 403


def test_second_shift_other_worker(app):
    """Detection handles several employers and workers at once."""
    e1, e2 = make_employer("甲公司"), make_employer("乙公司")
    w1, w2 = make_worker("甲"), make_worker("乙")
    worked_shift(e1, w1)
    worked_shift(e2, w2, days_ago=20)
    assert len(cases.detect_arrears()) == 2
