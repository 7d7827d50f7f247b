"""Kiosk work: stations of staff, finding people, needs (求职需求), referrals (POLICY §10)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.accounts.services import audit
from marketplace.errors import N_, DomainError, Forbidden, NotFound, from_value_error
from marketplace.models import (
    Gig,
    GigStatus,
    JobNeed,
    Referral,
    Role,
    Shift,
    Station,
    User,
    WorkerProfile,
    db,
    staff_station,
    utcnow,
)
from marketplace.notifications.services import notify
from marketplace.policy.identity import (
    mask_mobile,
    normalise_mobile,
    parse_id_number,
)
from marketplace.security import decrypt_id_number, id_number_index


class NoSuchStation(DomainError):
    message = N_("No station with the code %(code)s.")


class NotStaff(DomainError):
    message = N_("Only station staff accounts can serve a station.")


# --- stations ---------------------------------------------------------------


def stations_of(user: User) -> list[Station]:
    """The stations a staff account serves; administrators may serve any station."""
    stmt = select(Station).order_by(Station.code)
    if user.role != Role.ADMIN:
        stmt = stmt.join(staff_station, staff_station.c.station_id == Station.id).where(
            staff_station.c.user_id == user.id
        )
    return list(db.session.scalars(stmt))


def station_for(user: User, station_id: int | None) -> Station:
    """The station ``user`` may serve with id ``station_id``; Forbidden otherwise."""
    station = db.session.get(Station, station_id) if station_id else None
    if station is None or station not in stations_of(user):
        raise Forbidden()
    return station


def assign_station(user: User, code: str) -> Station:
    """Let a staff account serve the station with ``code`` (idempotent)."""
    if user.role not in (Role.STAFF, Role.ADMIN):
        raise NotStaff()
    station = db.session.scalar(select(Station).where(Station.code == code))
    if station is None:
        raise NoSuchStation(code=code)
    if station not in stations_of(user):
        db.session.execute(staff_station.insert().values(user_id=user.id, station_id=station.id))
        db.session.flush()
    return station


# --- finding people -----------------------------------------------------------


@dataclass
class PersonHit:
    """One search result, masked: a worker account or a recorded need."""

    kind: str  # "worker" or "need"
    id: int
    name: str
    mobile_masked: str
    id_number_masked: str = ""


def find_people(query: str) -> list[PersonHit]:
    """Workers and needs by mobile number, or workers by 身份证 (via the keyed hash)."""
    query = (query or "").strip()
    try:
        mobile = normalise_mobile(query)
    except ValueError:
        mobile = None
    if mobile:
        return _by_mobile(mobile)
    try:
        number = parse_id_number(query, min_age=0).number
    except ValueError as exc:
        raise DomainError(
            N_("Enter an 11-digit mobile number or an 18-character ID number.")
        ) from exc
    profile = db.session.scalar(
        select(WorkerProfile).where(WorkerProfile.id_number_hash == id_number_index(number))
    )
    return [_worker_hit(profile)] if profile else []


def _worker_hit(profile: WorkerProfile) -> PersonHit:
    return PersonHit(
        "worker",
        profile.user_id,
        profile.real_name,
        mask_mobile(profile.user.mobile),
        profile.id_number_masked,
    )


def _by_mobile(mobile: str) -> list[PersonHit]:
    hits = [
        _worker_hit(p)
        for p in db.session.scalars(
            select(WorkerProfile)
            .join(User, User.id == WorkerProfile.user_id)
            .where(User.mobile == mobile)
        )
    ]
    needs = db.session.scalars(
        select(JobNeed).where(JobNeed.mobile == mobile).order_by(JobNeed.created_at.desc())
    )
    hits += [PersonHit("need", n.id, n.name, mask_mobile(n.mobile)) for n in needs]
    return hits


@dataclass
class FullRecord:
    """A worker's record in full, as staff see it after the view is logged."""

    profile: WorkerProfile
    mobile: str
    id_number: str


def open_worker(staff: User, station: Station, worker_id: int, ip: str = "") -> FullRecord:
    """Show a worker's full record to staff; each view is audit-logged (POLICY, identity data)."""
    profile = db.session.get(WorkerProfile, worker_id)
    if profile is None:
        raise NotFound()
    audit(staff, "kiosk_view_worker", f"user:{worker_id}", f"station:{station.code}", ip)
    return FullRecord(profile, profile.user.mobile, decrypt_id_number(profile.id_number_enc))


# --- needs ---------------------------------------------------------------------


@dataclass
class NeedInput:
    """What staff type in for a job-seeking need."""

    name: str
    mobile: str
    desired_work: str
    category_id: int | None = None
    town_id: int | None = None
    availability: str = ""
    notes: str = ""


def record_need(staff: User, station: Station, data: NeedInput) -> JobNeed:
    """Record a 求职需求 taken at ``station`` by ``staff``."""
    try:
        mobile = normalise_mobile(data.mobile)
    except ValueError as exc:
        raise from_value_error(exc) from exc
    if not data.name.strip() or not data.desired_work.strip():
        raise DomainError(N_("Name and desired work are required."))
    need = JobNeed(
        name=data.name.strip(),
        mobile=mobile,
        desired_work=data.desired_work.strip(),
        category_id=data.category_id or None,
        town_id=data.town_id or None,
        availability=data.availability.strip(),
        notes=data.notes.strip(),
        station_id=station.id,
        staff_id=staff.id,
    )
    db.session.add(need)
    db.session.flush()
    return need


def needs(limit: int = 200) -> list[JobNeed]:
    """Needs from every station in the city, newest first (shared data, POLICY §10)."""
    return list(
        db.session.scalars(
            select(JobNeed)
            .options(selectinload(JobNeed.station), selectinload(JobNeed.category))
            .order_by(JobNeed.created_at.desc(), JobNeed.id.desc())
            .limit(limit)
        )
    )


def need(need_id: int) -> JobNeed:
    """One need by id."""
    found = db.session.get(JobNeed, need_id)
    if found is None:
        raise NotFound()
    return found


# --- referrals -----------------------------------------------------------------


def refer(
    staff: User,
    station: Station,
    gig_id: int,
    shift_id: int | None = None,
    worker_id: int | None = None,
    need_id: int | None = None,
) -> Referral:
    """Refer a worker or a need's person to a gig; the employer is told."""
    if (worker_id is None) == (need_id is None):
        raise DomainError(N_("Refer either a worker or a recorded need."))
    gig = db.session.get(Gig, gig_id)
    if gig is None or gig.status != GigStatus.OPEN:
        raise DomainError(N_("This gig no longer takes workers."))
    shift = db.session.get(Shift, shift_id) if shift_id else None
    if shift_id and (shift is None or shift.gig_id != gig.id or shift.starts_at <= utcnow()):
        raise DomainError(N_("This shift no longer takes workers."))
    if worker_id is not None and db.session.get(WorkerProfile, worker_id) is None:
        raise NotFound()
    if need_id is not None and db.session.get(JobNeed, need_id) is None:
        raise NotFound()
    referral = Referral(
        worker_id=worker_id,
        need_id=need_id,
        gig_id=gig.id,
        shift_id=shift.id if shift else None,
        station_id=station.id,
        staff_id=staff.id,
    )
    db.session.add(referral)
    db.session.flush()
    notify(gig.employer_id, "kiosk_referral", gig.title, f"/gigs/{gig.id}/manage")
    return referral


def referral(referral_id: int) -> Referral:
    """One referral by id (visible to staff of any station)."""
    found = db.session.get(Referral, referral_id)
    if found is None:
        raise NotFound()
    return found


def person_name(ref: Referral) -> str:
    """The referred person's name (for the slip, only if they agreed)."""
    if ref.need is not None:
        return ref.need.name
    profile = db.session.get(WorkerProfile, ref.worker_id)
    return profile.real_name if profile else ""
