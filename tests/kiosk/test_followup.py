"""Referrals followed to their outcome: from applications where possible, by staff otherwise."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from marketplace.errors import DomainError
from marketplace.kiosk import followup, services
from marketplace.models import Referral, ReferralStatus, db, utcnow
from marketplace.work import attendance
from marketplace.work import services as work
from tests.factories import make_employer, make_gig, make_worker, mobile, move_shift, shift_in


@pytest.fixture
def referred(staff, station):
    """A worker referred to a gig's first shift, with the employer."""
    employer = make_employer(verified=True)
    gig = make_gig(employer)
    worker = make_worker()
    ref = services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=worker.id)
    return employer, worker, gig, ref


def _status(ref) -> ReferralStatus:
    followup.referrals()
    return db.session.get(Referral, ref.id).status


def test_worker_referral_follows_the_application(referred):
    """referred → applied → hired → completed, read from the marketplace's records."""
    employer, worker, gig, ref = referred
    assert _status(ref) == ReferralStatus.REFERRED
    application = work.apply_to_shift(worker, gig.shifts[0].id)
    assert _status(ref) == ReferralStatus.APPLIED
    work.accept(employer, application.id)
    assert _status(ref) == ReferralStatus.HIRED
    move_shift(gig.shifts[0], utcnow() - timedelta(days=3))
    assert _status(ref) == ReferralStatus.NO_SHOW
    attendance.confirm_hours(employer, application.id, 8 * 60)
    assert _status(ref) == ReferralStatus.COMPLETED


def test_rejected_application_means_declined(referred):
    """A rejected application closes the referral as declined."""
    employer, worker, gig, ref = referred
    application = work.apply_to_shift(worker, gig.shifts[0].id)
    work.reject(employer, application.id)
    assert _status(ref) == ReferralStatus.DECLINED


def test_staff_record_the_outcome_of_a_need(staff, station):
    """A need has no account to follow: staff record the outcome."""
    gig = make_gig(make_employer())
    need = services.record_need(staff, station, services.NeedInput("王阿姨", mobile(), "保洁"))
    ref = services.refer(staff, station, gig.id, need_id=need.id)
    followup.set_status(staff, ref, ReferralStatus.HIRED)
    assert _status(ref) == ReferralStatus.HIRED
    with pytest.raises(DomainError):
        followup.set_status(staff, ref, ReferralStatus.REFERRED)


def test_referrals_page_lists_and_updates_outcomes(kiosk, staff, station):
    """Staff see referrals from every station and can record an outcome."""
    gig = make_gig(make_employer(), title="搬运工")
    need = services.record_need(staff, station, services.NeedInput("陈伯", mobile(), "搬运"))
    ref = services.refer(staff, station, gig.id, need_id=need.id)
    db.session.commit()
    page = kiosk.get("/kiosk/referrals").get_data(as_text=True)
    assert "陈伯" in page and "搬运工" in page
    response = kiosk.post(f"/kiosk/referrals/{ref.id}/outcome", data={"status": "completed"})
    assert response.status_code == 302
    status = db.session.scalar(select(Referral.status).where(Referral.id == ref.id))
    assert status == ReferralStatus.COMPLETED


def test_outcome_follows_the_referred_shift_not_the_newest_application(staff, station):
    """Hired on the referred shift, then turned down for a later one: the referral stays hired."""
    employer = make_employer(verified=True)
    gig = make_gig(employer, shifts=[shift_in(days=2), shift_in(days=4)])
    worker = make_worker()
    ref = services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=worker.id)
    work.accept(employer, work.apply_to_shift(worker, gig.shifts[0].id).id)
    later = work.apply_to_shift(worker, gig.shifts[1].id)
    assert _status(ref) == ReferralStatus.HIRED
    work.reject(employer, later.id)
    assert _status(ref) == ReferralStatus.HIRED


def test_referral_to_another_shift_is_not_moved_by_this_one(staff, station):
    """Applying to a shift other than the referred one leaves the referral where it was."""
    gig = make_gig(make_employer(verified=True), shifts=[shift_in(days=2), shift_in(days=4)])
    worker = make_worker()
    ref = services.refer(staff, station, gig.id, gig.shifts[1].id, worker_id=worker.id)
    work.apply_to_shift(worker, gig.shifts[0].id)
    assert _status(ref) == ReferralStatus.REFERRED


def test_referral_rows_name_the_person(kiosk, staff, station):
    """A worker's referral shows the worker's real name, not a generic account label."""
    gig = make_gig(make_employer(), title="搬运工")
    worker = make_worker("应海波")
    services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=worker.id)
    db.session.commit()
    page = kiosk.get("/kiosk/referrals").get_data(as_text=True)
    assert "应海波" in page and "工人账号" not in page


def test_outcome_picker_starts_empty_and_saving_it_records_nothing(kiosk, staff, station):
    """Saving the picker untouched changes no referral and says why."""
    gig = make_gig(make_employer(), title="搬运工")
    need = services.record_need(staff, station, services.NeedInput("陈伯", mobile(), "搬运"))
    ref = services.refer(staff, station, gig.id, need_id=need.id)
    db.session.commit()
    page = kiosk.get("/kiosk/referrals").get_data(as_text=True)
    picker = page[page.index('<select name="status">') : page.index("</select>")]
    assert picker.count(" selected") == 1 and '<option value="" selected>' in picker
    response = kiosk.post(f"/kiosk/referrals/{ref.id}/outcome", data={"status": ""})
    assert response.status_code == 302
    status = db.session.scalar(select(Referral.status).where(Referral.id == ref.id))
    assert status == ReferralStatus.REFERRED
    assert "请先选择结果" in kiosk.get("/kiosk/referrals").get_data(as_text=True)
