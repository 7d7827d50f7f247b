"""The shift loop over HTTP: apply, accept/reject, withdraw, check in/out, pay, rate."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.i18n import to_local
from marketplace.models import Application, AppStatus, Notification, Rating, Shift, db, utcnow
from marketplace.work import attendance
from tests.factories import (
    make_employer,
    make_gig,
    make_worker,
    move_shift,
    shift_in,
    sign_agreement,
)


@pytest.fixture
def market(app):
    """An employer with a gig of one 2-slot shift and two workers."""
    employer = make_employer(verified=True)
    gig = make_gig(employer, shifts=[shift_in(days=2, slots=2)])
    w1, w2 = make_worker("王一"), make_worker("王二")
    db.session.commit()
    return employer, gig, gig.shifts[0], w1, w2


def _apply(client, login, worker, shift):
    login(client, worker)
    r = client.post(f"/shifts/{shift.id}/apply")
    assert r.status_code == 302
    client.post("/account/logout")
    return db.session.scalar(
        select(Application).where(
            Application.worker_id == worker.id, Application.shift_id == shift.id
        )
    )


def test_apply_accept_notifies_both(client, login, market):
    """The employer is told of the application; the worker is told of the acceptance."""
    employer, gig, shift, w1, _ = market
    app_ = _apply(client, login, w1, shift)
    assert app_.status == AppStatus.APPLIED
    login(client, employer)
    inbox = client.get("/inbox/").get_data(as_text=True)
    assert gig.title in inbox
    manage = client.get(f"/gigs/{gig.id}/manage").get_data(as_text=True)
    assert "王一" in manage
    assert client.post(f"/applications/{app_.id}/accept").status_code == 302
    db.session.expire_all()
    assert app_.status == AppStatus.ACCEPTED and shift.filled == 1
    client.post("/account/logout")
    login(client, w1)
    assert "录用" in client.get("/inbox/").get_data(as_text=True)
    dash = client.get("/dashboard").get_data(as_text=True)
    assert gig.title in dash


def test_applying_twice_is_refused(client, login, market):
    """A second application to the same shift changes nothing."""
    _, _, shift, w1, _ = market
    _apply(client, login, w1, shift)
    login(client, w1)
    r = client.post(f"/shifts/{shift.id}/apply", follow_redirects=True)
    assert "已经报名" in r.get_data(as_text=True) or "already" in r.get_data(as_text=True)
    assert (
        db.session.scalar(select(Application.id).where(Application.worker_id == w1.id)) is not None
    )


def test_reject_and_full_shift(client, login, market, app):
    """Declined workers hear of it; a full shift refuses further acceptances."""
    employer, gig, shift, w1, w2 = market
    w3 = make_worker("王三")
    db.session.commit()
    a1, a2, a3 = (_apply(client, login, w, shift) for w in (w1, w2, w3))
    login(client, employer)
    client.post(f"/applications/{a1.id}/accept")
    client.post(f"/applications/{a2.id}/accept")
    r = client.post(f"/applications/{a3.id}/accept", follow_redirects=True)
    assert "已满" in r.get_data(as_text=True)
    client.post(f"/applications/{a3.id}/reject")
    db.session.expire_all()
    assert shift.filled == 2 and a3.status == AppStatus.REJECTED
    kinds = set(db.session.scalars(select(Notification.kind).where(Notification.user_id == w3.id)))
    assert "application_rejected" in kinds


def test_withdraw_frees_the_slot(client, login, market):
    """A worker who withdraws before the shift gives the place back."""
    employer, gig, shift, w1, _ = market
    a1 = _apply(client, login, w1, shift)
    login(client, employer)
    client.post(f"/applications/{a1.id}/accept")
    client.post("/account/logout")
    login(client, w1)
    assert client.post(f"/applications/{a1.id}/withdraw").status_code == 302
    db.session.expire_all()
    assert a1.status == AppStatus.WITHDRAWN and shift.filled == 0


def test_withdraw_refused_after_start(client, login, market):
    """Once the shift has started the worker can no longer withdraw."""
    employer, gig, shift, w1, _ = market
    a1 = _apply(client, login, w1, shift)
    login(client, employer)
    client.post(f"/applications/{a1.id}/accept")
    client.post("/account/logout")
    move_shift(shift, utcnow() - timedelta(hours=1))
    db.session.commit()
    login(client, w1)
    client.post(f"/applications/{a1.id}/withdraw")
    db.session.expire_all()
    assert a1.status == AppStatus.ACCEPTED and shift.filled == 1


def _accepted_today(client, login, market, signed: bool = True):
    employer, gig, shift, w1, _ = market
    a1 = _apply(client, login, w1, shift)
    login(client, employer)
    client.post(f"/applications/{a1.id}/accept")
    client.post("/account/logout")
    if signed:
        sign_agreement(a1)
    move_shift(shift, utcnow() - timedelta(minutes=30), hours=4)
    db.session.commit()
    return employer, shift, w1, a1


def test_check_in_and_out_with_code(client, login, market):
    """The worker types the employer's code to check in, then again to check out."""
    employer, shift, w1, a1 = _accepted_today(client, login, market)
    login(client, w1)
    wrong = "000000" if shift.checkin_code != "000000" else "111111"
    r = client.post(f"/applications/{a1.id}/check", data={"code": wrong}, follow_redirects=True)
    assert "代码" in r.get_data(as_text=True) or "code" in r.get_data(as_text=True)
    db.session.expire_all()
    assert a1.checked_in_at is None
    client.post(f"/applications/{a1.id}/check", data={"code": shift.checkin_code})
    client.post(f"/applications/{a1.id}/check", data={"code": shift.checkin_code})
    db.session.expire_all()
    assert a1.checked_in_at is not None and a1.checked_out_at is not None


def test_check_in_waits_for_the_signed_agreement(client, login, market):
    """A written agreement is due: check-in is refused with a message until both have signed."""
    employer, shift, w1, a1 = _accepted_today(client, login, market, signed=False)
    login(client, w1)
    r = client.post(
        f"/applications/{a1.id}/check", data={"code": shift.checkin_code}, follow_redirects=True
    )
    assert "签署" in r.get_data(as_text=True)
    db.session.expire_all()
    assert a1.checked_in_at is None
    sign_agreement(a1)
    db.session.commit()
    client.post(f"/applications/{a1.id}/check", data={"code": shift.checkin_code})
    db.session.expire_all()
    assert a1.checked_in_at is not None


def test_check_in_by_employer_scanning_qr(client, login, market):
    """The employer opens the worker's QR link and confirms the check-in."""
    employer, shift, w1, a1 = _accepted_today(client, login, market)
    login(client, w1)
    page = client.get(f"/applications/{a1.id}").get_data(as_text=True)
    assert "<svg" in page
    token = attendance.qr_token(a1)
    client.post("/account/logout")
    login(client, employer)
    assert client.get(f"/scan/{token}").status_code == 200
    client.post(f"/scan/{token}")
    db.session.expire_all()
    assert a1.checked_in_at is not None
    assert client.get("/scan/forged-token", follow_redirects=True).status_code == 200
    client.post("/account/logout")
    other = make_employer("别的公司")
    db.session.commit()
    login(client, other)
    assert client.get(f"/scan/{token}").status_code == 403


def test_confirm_pay_and_rate_both_ways(client, login, market):
    """After the shift: hours confirmed, payment recorded, both sides rate."""
    employer, shift, w1, a1 = _accepted_today(client, login, market)
    login(client, w1)
    client.post(f"/applications/{a1.id}/check", data={"code": shift.checkin_code})
    client.post("/account/logout")
    login(client, employer)
    client.post(f"/applications/{a1.id}/pay", data={"amount": "200", "paid_on": "2020-01-01"})
    db.session.expire_all()
    assert a1.payment is None  # not before the hours are confirmed
    client.post(f"/applications/{a1.id}/confirm", data={"hours": "4"})
    db.session.expire_all()
    assert a1.minutes_confirmed == 240 and a1.pay_due_on is not None
    dash = client.get("/dashboard").get_data(as_text=True)
    assert shift.gig.title in dash
    today = to_local(utcnow()).date()  # the shift may end after midnight, Beijing time
    future = (today + timedelta(days=400)).isoformat()
    client.post(f"/applications/{a1.id}/pay", data={"amount": "200", "paid_on": future})
    db.session.expire_all()
    assert a1.payment is None
    client.post(
        f"/applications/{a1.id}/pay", data={"amount": "200.00", "paid_on": today.isoformat()}
    )
    db.session.expire_all()
    assert a1.payment.amount_fen == 20000
    client.post(f"/applications/{a1.id}/rate", data={"stars": "5", "comment": "干活认真"})
    client.post("/account/logout")
    login(client, w1)
    client.post(f"/applications/{a1.id}/rate", data={"stars": "4", "comment": "按时结算"})
    client.post(f"/applications/{a1.id}/rate", data={"stars": "1", "comment": "again"})
    ratings = db.session.scalars(select(Rating).order_by(Rating.id)).all()
    assert [(r.stars, r.ratee_id) for r in ratings] == [(5, w1.id), (4, employer.id)]
    page = client.get(f"/applications/{a1.id}").get_data(as_text=True)
    assert "干活认真" in page and "200.00" in page


def test_rating_out_of_range_refused(client, login, market):
    """Stars outside 1–5 are refused."""
    employer, shift, w1, a1 = _accepted_today(client, login, market)
    login(client, employer)
    client.post(f"/applications/{a1.id}/confirm", data={"hours": "4"})
    client.post(f"/applications/{a1.id}/rate", data={"stars": "9"})
    assert db.session.scalar(select(Rating)) is None


def test_shift_check_constraint_holds(app, market):
    """The database itself refuses more accepted workers than slots."""
    _, _, shift, _, _ = market
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        db.session.execute(update(Shift).where(Shift.id == shift.id).values(filled=shift.slots + 1))
        db.session.flush()
    db.session.rollback()
