"""Kiosk services: stations, finding people, needs, gigs near the station, referrals, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.errors import DomainError, Forbidden
from marketplace.kiosk import nearby, services
from marketplace.models import AuditLog, JobNeed, Notification, ReferralStatus, Station, db
from marketplace.security import decrypt_id_number
from marketplace.workers.services import profile_of
from tests.factories import make_employer, make_gig, make_worker, mobile
from tests.kiosk.conftest import make_staff


def _need(staff, station, **overrides) -> JobNeed:
    data = services.NeedInput(
        name="王阿姨", mobile=mobile(), desired_work="保洁 打扫卫生", availability="上午"
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return services.record_need(staff, station, data)


def test_staff_may_serve_several_stations_and_only_those(app, station):
    """A staff account serves the stations it is assigned to, and no other."""
    other = db.session.scalars(select(Station).where(Station.id != station.id)).first()
    staff = make_staff(station, other)
    assert {s.id for s in services.stations_of(staff)} == {station.id, other.id}
    services.assign_station(staff, station.code)  # idempotent
    assert len(services.stations_of(staff)) == 2
    lonely = make_staff(station)
    with pytest.raises(Forbidden):
        services.station_for(lonely, other.id)


def test_only_staff_accounts_can_be_assigned(app, station):
    """Workers are never bound to a station."""
    with pytest.raises(services.NotStaff):
        services.assign_station(make_worker(), station.code)


def test_record_need_keeps_station_staff_and_normalised_mobile(app, staff, station):
    """A 求职需求 keeps who took it, where, and a clean mobile number."""
    need = _need(staff, station, mobile="+86 139 0000 1111")
    assert need.mobile == "13900001111"
    assert need.station_id == station.id and need.staff_id == staff.id
    assert need.converted_user_id is None


def test_record_need_refuses_bad_mobile(app, staff, station):
    """A mistyped mobile number is refused with a message."""
    with pytest.raises(DomainError):
        _need(staff, station, mobile="12345")


def test_needs_are_shared_city_wide(app, staff, station):
    """POLICY §10: staff of another station see every station's needs."""
    other = db.session.scalars(select(Station).where(Station.id != station.id)).first()
    _need(staff, station, name="甲")
    _need(make_staff(other), other, name="乙")
    assert {n.name for n in services.needs()} == {"甲", "乙"}


def test_find_by_mobile_returns_masked_worker_and_need(app, staff, station):
    """Search by mobile finds both the account and needs, masked."""
    worker = make_worker("李四")
    _need(staff, station, mobile=worker.mobile, name="李四")
    hits = services.find_people(worker.mobile)
    assert {h.kind for h in hits} == {"worker", "need"}
    for hit in hits:
        assert worker.mobile not in hit.mobile_masked and "****" in hit.mobile_masked
    assert "*" in next(h for h in hits if h.kind == "worker").id_number_masked


def test_find_by_id_number_uses_the_keyed_hash(app):
    """Search by 身份证 finds the worker without decrypting every row."""
    worker = make_worker("赵五")
    number = decrypt_id_number(profile_of(worker).id_number_enc)
    hits = services.find_people(number.lower())
    assert [h.id for h in hits] == [worker.id]
    assert number not in hits[0].id_number_masked


def test_find_refuses_garbage(app):
    """Something neither a mobile nor an ID number gets a message, not a crash."""
    with pytest.raises(DomainError):
        services.find_people("hello")


def test_opening_a_full_record_is_audit_logged(app, staff, station):
    """Each full view writes who, which station and when."""
    worker = make_worker()
    record = services.open_worker(staff, station, worker.id)
    assert len(record.id_number) == 18 and record.mobile == worker.mobile
    log = db.session.scalars(select(AuditLog)).one()
    assert log.actor_id == staff.id and log.subject == f"user:{worker.id}"
    assert station.code in log.detail and log.created_at is not None


def test_gigs_near_the_station_are_ranked_with_reasons(app, station):
    """A worker's ranked gigs this week come with reasons and free shifts."""
    employer = make_employer(verified=True)
    gig = make_gig(employer)
    worker = make_worker()
    db.session.commit()
    ranked = nearby.gigs_near(station, worker_id=worker.id, window="week")
    assert [r.gig.id for r in ranked] == [gig.id]
    assert ranked[0].match.reasons and ranked[0].shifts
    assert nearby.gigs_near(station, worker_id=worker.id, window="today") == []


def test_gigs_near_rank_for_a_need_too(app, staff, station):
    """A need without an account is ranked from its desired work."""
    gig = make_gig(make_employer(verified=True))
    need = _need(staff, station)
    db.session.commit()
    assert [r.gig.id for r in nearby.gigs_near(station, need_row=need)] == [gig.id]


def test_refer_records_referral_and_notifies_employer(app, staff, station):
    """The referral keeps person, gig, shift, station and staff; the employer hears of it."""
    employer = make_employer(verified=True)
    gig = make_gig(employer)
    worker = make_worker()
    ref = services.refer(staff, station, gig.id, gig.shifts[0].id, worker_id=worker.id)
    assert ref.status == ReferralStatus.REFERRED
    assert (ref.worker_id, ref.need_id, ref.shift_id) == (worker.id, None, gig.shifts[0].id)
    assert (ref.station_id, ref.staff_id) == (station.id, staff.id)
    note = db.session.scalars(select(Notification)).one()
    assert note.user_id == employer.id and note.kind == "kiosk_referral"


def test_refer_a_need_and_refuse_both_or_neither(app, staff, station):
    """A referral is for exactly one person: a worker or a need."""
    gig = make_gig(make_employer())
    need = _need(staff, station)
    assert services.refer(staff, station, gig.id, need_id=need.id).need_id == need.id
    with pytest.raises(DomainError):
        services.refer(staff, station, gig.id)
    with pytest.raises(DomainError):
        services.refer(staff, station, gig.id, worker_id=make_worker().id, need_id=need.id)


def test_refer_refuses_a_shift_of_another_gig(app, staff, station):
    """The shift must belong to the gig."""
    employer = make_employer()
    gig, other = make_gig(employer), make_gig(employer, title="搬运")
    with pytest.raises(DomainError):
        services.refer(staff, station, gig.id, other.shifts[0].id, worker_id=make_worker().id)
