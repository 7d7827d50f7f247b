"""Gig rules: who may post, what a post must contain, and the day rate it implies."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from marketplace import index_versions as versions
from marketplace.employers.standing import ensure_no_open_arrears  # POLICY §9: 安薪
from marketplace.employers.trust import may_see_gig, status_for_new_gig
from marketplace.errors import N_, DomainError, Forbidden, NotFound, from_value_error
from marketplace.i18n import local_to_utc, to_local
from marketplace.models import (
    EmployerProfile,
    Gig,
    GigStatus,
    MinimumWage,
    PayUnit,
    SeasonTag,
    Shift,
    SkillCategory,
    Town,
    User,
    WorkForm,
    db,
    utcnow,
)
from marketplace.policy import part_time
from marketplace.policy.labour_relation import Answers, assess
from marketplace.policy.pricing import daily_pay_fen
from marketplace.reference import get_town, skills_by_ids

MAX_SLOTS_PER_SHIFT = 200
MAX_SHIFTS_PER_POST = 60
WHAT_TO_BRING_MAX_CHARS = 200  # the width of Gig.what_to_bring (issue 5: printed on slips)


class ProfileMissing(DomainError):
    message = N_("Fill in your employer profile before posting a gig.")


class NoShifts(DomainError):
    message = N_("Add at least one shift with a date, start and end time and slots.")


@dataclass
class ShiftInput:
    """One shift as entered: a local date and wall-clock times in Asia/Shanghai."""

    day: date
    start: time
    end: time
    slots: int

    def starts_at_utc(self) -> datetime:
        """Start as naive UTC."""
        return local_to_utc(datetime.combine(self.day, self.start))

    def ends_at_utc(self) -> datetime:
        """End as naive UTC (an end at or before the start means the next day)."""
        end_day = self.day if self.end > self.start else self.day + timedelta(days=1)
        return local_to_utc(datetime.combine(end_day, self.end))


@dataclass
class GigInput:
    """What the posting form collected."""

    title: str
    description: str
    category_id: int
    town_id: int
    address: str
    work_form: WorkForm
    season_tag: SeasonTag
    pay_fen: int
    pay_unit: PayUnit
    shifts: list[ShiftInput]
    skill_ids: list[int] = field(default_factory=list)
    pieces_per_day: int | None = None
    pay_within_days: int = 7
    injury_insurance: bool = False
    what_to_bring: str = ""
    # POLICY §3 assessment; the defaults describe a managed gig that needs a written agreement.
    answers: Answers = field(
        default_factory=lambda: Answers(
            qualified=True, employer_rules=False, core_business=False, manages_process=True
        )
    )


def _check_shifts(shifts: list[ShiftInput], now: datetime) -> None:
    if not shifts:
        raise NoShifts()
    if len(shifts) > MAX_SHIFTS_PER_POST:
        raise DomainError(N_("A post may have at most %(n)s shifts."), n=MAX_SHIFTS_PER_POST)
    for s in shifts:
        if s.starts_at_utc() <= now:
            raise DomainError(N_("Shifts must start in the future."))
        if not 1 <= s.slots <= MAX_SLOTS_PER_SHIFT:
            raise DomainError(
                N_("Each shift needs between 1 and %(n)s workers."), n=MAX_SLOTS_PER_SHIFT
            )
        if s.end == s.start:
            raise DomainError(N_("A shift must end after it starts."))


def _check_pay(data: GigInput) -> None:
    if data.pay_fen <= 0:
        raise DomainError(N_("Enter the pay."))
    if data.pay_unit == PayUnit.PIECE and not data.pieces_per_day:
        raise DomainError(N_("For pay per piece, say how many pieces a worker does in a day."))
    if not 0 <= data.pay_within_days <= 30:
        raise DomainError(N_("Pay must be made within 0 to 30 days after the shift."))


def _check_what_to_bring(data: GigInput) -> None:
    if len(data.what_to_bring.strip()) > WHAT_TO_BRING_MAX_CHARS:
        raise DomainError(
            N_("Keep what to bring to %(max)d characters or fewer."), max=WHAT_TO_BRING_MAX_CHARS
        )


def hourly_minimum_fen(town: Town, day: date) -> int:
    """The district's hourly minimum wage in force on ``day`` (seeds/minimum_wages.csv)."""
    wage = db.session.scalar(
        select(MinimumWage.hourly_fen)
        .where(MinimumWage.tier == town.district.wage_tier, MinimumWage.effective_on <= day)
        .order_by(MinimumWage.effective_on.desc())
        .limit(1)
    )
    if wage is None:
        raise DomainError(N_("No minimum wage is known for this place and date."))
    return wage


def _check_part_time(data: GigInput, town: Town) -> None:
    """POLICY §4, Labour Contract Law art. 68–72, for posts of work form 非全日制."""
    if data.work_form != WorkForm.PART_TIME:
        return
    spans = [
        part_time.ShiftSpan(to_local(s.starts_at_utc()), to_local(s.ends_at_utc()))
        for s in data.shifts
    ]
    minimum = max(hourly_minimum_fen(town, span.starts_at.date()) for span in spans)
    try:
        part_time.check_part_time(
            spans, data.pay_unit.value, data.pay_fen, minimum, data.pay_within_days
        )
        part_time.check_injury_insurance(data.injury_insurance)
    except part_time.PartTimeViolation as exc:
        raise from_value_error(exc) from exc


def check_gig(user: User, data: GigInput) -> tuple[EmployerProfile, Town]:
    """Every rule a post must keep, without publishing it (the employer's preview step)."""
    employer = db.session.get(EmployerProfile, user.id)
    if employer is None:
        raise ProfileMissing()
    town = get_town(data.town_id)
    if town is None:
        raise DomainError(N_("Choose a town or street from the list."))
    if db.session.get(SkillCategory, data.category_id) is None:
        raise DomainError(N_("Choose a category from the list."))
    _check_shifts(data.shifts, utcnow())
    _check_pay(data)
    _check_what_to_bring(data)
    _check_part_time(data, town)
    return employer, town


def post_gig(user: User, data: GigInput) -> Gig:
    """Publish a gig with its shifts after checking the employer and the post.

    An employer not yet verified gets a draft (待审核) that opens when staff verify it.
    """
    ensure_no_open_arrears(user)
    employer, town = check_gig(user, data)
    minutes = [
        int((s.ends_at_utc() - s.starts_at_utc()).total_seconds() // 60) for s in data.shifts
    ]
    gig = Gig(
        employer_id=employer.user_id,
        title=data.title.strip(),
        description=data.description.strip(),
        category_id=data.category_id,
        town_id=town.id,
        address=data.address.strip(),
        what_to_bring=data.what_to_bring.strip(),
        lat=town.lat,
        lon=town.lon,
        work_form=data.work_form,
        season_tag=data.season_tag,
        pay_fen=data.pay_fen,
        pay_unit=data.pay_unit,
        pieces_per_day=data.pieces_per_day if data.pay_unit == PayUnit.PIECE else None,
        daily_pay_fen=daily_pay_fen(
            data.pay_fen, data.pay_unit, sum(minutes) // len(minutes), data.pieces_per_day
        ),
        pay_within_days=data.pay_within_days,
        injury_insurance=data.injury_insurance,
        answer_qualified=data.answers.qualified,
        answer_employer_rules=data.answers.employer_rules,
        answer_core_business=data.answers.core_business,
        answer_manages_process=data.answers.manages_process,
        relation_outcome=assess(data.answers).outcome,
        status=status_for_new_gig(employer),
        skills=skills_by_ids(data.skill_ids),
    )
    gig.shifts = [
        Shift(
            starts_at=s.starts_at_utc(),
            ends_at=s.ends_at_utc(),
            slots=s.slots,
            checkin_code=f"{secrets.randbelow(10**6):06d}",
        )
        for s in sorted(data.shifts, key=lambda s: s.starts_at_utc())
    ]
    db.session.add(gig)
    db.session.flush()
    versions.bump(versions.GIGS)
    return gig


def get_gig(gig_id: int) -> Gig:
    """A gig by id with its employer, shifts and skills (its place comes from the reference
    cache), or NotFound."""
    gig = db.session.get(
        Gig,
        gig_id,
        options=[joinedload(Gig.employer), selectinload(Gig.shifts), selectinload(Gig.skills)],
    )
    if gig is None:
        raise NotFound()
    return gig


def visible_gig(user: User | None, gig_id: int) -> Gig:
    """A gig the user may see (a draft only by its employer and staff), or NotFound."""
    gig = get_gig(gig_id)
    if not may_see_gig(user, gig):
        raise NotFound()
    return gig


def owned_gig(user: User, gig_id: int) -> Gig:
    """A gig the user posted, or Forbidden/NotFound."""
    gig = get_gig(gig_id)
    if gig.employer_id != user.id:
        raise Forbidden()
    return gig


def close_gig(user: User, gig_id: int) -> Gig:
    """Stop taking applications for a gig."""
    gig = owned_gig(user, gig_id)
    gig.status = GigStatus.CLOSED
    db.session.flush()
    versions.bump(versions.GIGS)
    return gig


def employer_gigs(user: User) -> list[Gig]:
    """The employer's gigs, newest first."""
    return list(
        db.session.scalars(
            select(Gig).where(Gig.employer_id == user.id).order_by(Gig.created_at.desc())
        )
    )
