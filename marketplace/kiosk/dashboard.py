"""A station's dashboard: people served, needs, referrals, placements and open gigs near it.

Every figure is for one station and a clock ``now`` (naive UTC). Days, weeks (Monday first, as
the Chinese calendar has them) and months are Asia/Shanghai ones. Rows are fetched once per kind
for the whole window and bucketed in Python, so the queries are few and portable (no
engine-specific date functions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from marketplace.i18n import local_to_utc, to_local
from marketplace.kiosk.nearby import Opening, openings
from marketplace.models import (
    AssistedSignup,
    AuditLog,
    JobNeed,
    Referral,
    ReferralStatus,
    SkillCategory,
    Station,
    User,
    db,
)

SERIES_DAYS = 30  # the charts show the last 30 local days, today included
OPENINGS_SHOWN = 30  # rows of the open-gigs table; the tile counts them all
PLACED = (ReferralStatus.HIRED, ReferralStatus.COMPLETED)
LIVE = (ReferralStatus.REFERRED, ReferralStatus.APPLIED, ReferralStatus.HIRED)
VIEW_ACTION = "kiosk_view_worker"  # the audit action services.open_worker writes


@dataclass(frozen=True)
class Bounds:
    """Where the local day, week and month around ``now`` start, as naive UTC."""

    now: datetime
    today: date  # the local (Asia/Shanghai) date of ``now``
    day_start: datetime
    week_start: datetime
    month_start: datetime
    series_start: datetime

    @property
    def week_began_last_month(self) -> bool:
        """This week's Monday is in last month: the week counts days the month does not."""
        return self.week_start < self.month_start

    @property
    def earliest(self) -> datetime:
        """The start of the longest window any figure needs."""
        return min(self.week_start, self.month_start, self.series_start)


def _local_midnight(day: date) -> datetime:
    return local_to_utc(datetime.combine(day, time.min))


def bounds(now: datetime) -> Bounds:
    """Today, this week (from Monday) and this month in Asia/Shanghai around ``now`` (UTC)."""
    today = to_local(now).date()
    return Bounds(
        now=now,
        today=today,
        day_start=_local_midnight(today),
        week_start=_local_midnight(today - timedelta(days=today.weekday())),
        month_start=_local_midnight(today.replace(day=1)),
        series_start=_local_midnight(today - timedelta(days=SERIES_DAYS - 1)),
    )


@dataclass(frozen=True)
class Tally:
    """How many events fell today, this week and this month."""

    today: int = 0
    week: int = 0
    month: int = 0


def tally(times: list[datetime], b: Bounds) -> Tally:
    """Count the (UTC) times in each of the local periods up to ``b.now``."""
    times = [t for t in times if t <= b.now]
    return Tally(
        today=sum(t >= b.day_start for t in times),
        week=sum(t >= b.week_start for t in times),
        month=sum(t >= b.month_start for t in times),
    )


@dataclass(frozen=True)
class DayCount:
    """Referrals made and placements reached on one local day."""

    day: date
    referrals: int
    placements: int


@dataclass(frozen=True)
class Dashboard:
    """Everything the station dashboard shows."""

    station: Station
    bounds: Bounds
    visitors_today: int
    needs: Tally
    referrals: Tally
    placements: Tally
    series: list[DayCount]
    needs_by_category: list[tuple[SkillCategory | None, int]]  # this month, most first
    openings: list[Opening]  # soonest first

    @property
    def free_slots_nearby(self) -> int:
        """Unfilled slots in the upcoming shifts of the open gigs near the station."""
        return sum(o.free_slots for o in self.openings)


def build(station: Station, now: datetime) -> Dashboard:
    """The station's figures at ``now`` (naive UTC)."""
    b = bounds(now)
    need_rows = _needs(station, b)
    referral_times = _referral_times(station, b)
    placement_times = _placement_times(station, b)
    need_mobiles = {row.mobile for row in need_rows if b.day_start <= row.created_at <= now}
    return Dashboard(
        station=station,
        bounds=b,
        visitors_today=visitors_today(station, b, need_mobiles),
        needs=tally([row.created_at for row in need_rows], b),
        referrals=tally(referral_times, b),
        placements=tally(placement_times, b),
        series=daily_series(referral_times, placement_times, b),
        needs_by_category=_by_category(need_rows, b),
        openings=openings(station, now),
    )


# --- people served ------------------------------------------------------------------


def visitors_today(station: Station, b: Bounds, need_mobiles: set[str]) -> int:
    """Distinct people served at the station since local midnight, counted by mobile number.

    A person was served when staff at this station opened their worker record (the audit log's
    ``kiosk_view_worker`` with ``station:<code>``), referred them (a worker or a need's person),
    recorded a job-seeking need for them, or signed them up for an account. The mobile number is
    the one key that accounts and needs both carry, so someone served in several of these ways,
    e.g. a need recorded and then an account signed up, counts once. ``need_mobiles`` are the
    mobile numbers of the needs recorded here today.
    """
    user_ids, mobiles = _people_referred(station, b)
    mobiles |= need_mobiles
    user_ids |= _records_opened(station, b)
    user_ids |= set(
        db.session.scalars(
            select(AssistedSignup.user_id).where(
                AssistedSignup.station_id == station.id, *_today(AssistedSignup.created_at, b)
            )
        )
    )
    if user_ids:
        mobiles |= set(db.session.scalars(select(User.mobile).where(User.id.in_(user_ids))))
    return len(mobiles)


def _today(column, b: Bounds) -> tuple:
    return column >= b.day_start, column <= b.now


def _records_opened(station: Station, b: Bounds) -> set[int]:
    subjects = db.session.scalars(
        select(AuditLog.subject).where(
            AuditLog.action == VIEW_ACTION,
            AuditLog.detail == f"station:{station.code}",
            *_today(AuditLog.created_at, b),
        )
    )
    kind_ids = (subject.partition(":") for subject in subjects)
    return {int(value) for kind, _, value in kind_ids if kind == "user" and value.isdigit()}


def _people_referred(station: Station, b: Bounds) -> tuple[set[int], set[str]]:
    rows = db.session.execute(
        select(Referral.worker_id, JobNeed.mobile)
        .outerjoin(JobNeed, JobNeed.id == Referral.need_id)
        .where(Referral.station_id == station.id, *_today(Referral.created_at, b))
    )
    user_ids: set[int] = set()
    mobiles: set[str] = set()
    for worker_id, need_mobile in rows:
        if worker_id is not None:
            user_ids.add(worker_id)
        elif need_mobile:
            mobiles.add(need_mobile)
    return user_ids, mobiles


# --- needs, referrals, placements ----------------------------------------------------


def _window(column, b: Bounds) -> tuple:
    return column >= b.earliest, column <= b.now


def _needs(station: Station, b: Bounds) -> list:
    """The station's needs in the window: rows of (created_at, category_id, mobile)."""
    return db.session.execute(
        select(JobNeed.created_at, JobNeed.category_id, JobNeed.mobile).where(
            JobNeed.station_id == station.id, *_window(JobNeed.created_at, b)
        )
    ).all()


def _times(column, b: Bounds, *where) -> list[datetime]:
    """Values of a timestamp ``column`` of referrals in the window, filtered by ``where``."""
    return list(db.session.scalars(select(column).where(*where, *_window(column, b))))


def _referral_times(station: Station, b: Bounds) -> list[datetime]:
    return _times(Referral.created_at, b, Referral.station_id == station.id)


def _placement_times(station: Station, b: Bounds) -> list[datetime]:
    """When this station's referrals were placed (hired or completed).

    A referral keeps no separate hiring time, so its last status change (``updated_at``) stands
    for it: a referral hired last week and completed this week counts this week.
    """
    placed = (Referral.station_id == station.id, Referral.status.in_(PLACED))
    return _times(Referral.updated_at, b, *placed)


def daily_series(referrals: list[datetime], placements: list[datetime], b: Bounds) -> list:
    """Referrals and placements per local day over the last ``SERIES_DAYS`` days, oldest first."""
    made = Counter(to_local(t).date() for t in referrals if b.series_start <= t <= b.now)
    placed = Counter(to_local(t).date() for t in placements if b.series_start <= t <= b.now)
    days = [b.today - timedelta(days=n) for n in range(SERIES_DAYS - 1, -1, -1)]
    return [DayCount(day, made[day], placed[day]) for day in days]


def _by_category(rows: list, b: Bounds) -> list:
    counts = Counter(r.category_id for r in rows if b.month_start <= r.created_at <= b.now)
    ids = [cat for cat in counts if cat is not None]
    names = {
        c.id: c for c in db.session.scalars(select(SkillCategory).where(SkillCategory.id.in_(ids)))
    }
    found = [(names.get(cat) if cat is not None else None, n) for cat, n in counts.items()]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].code if pair[0] else "~"))


def live_referrals(station: Station, now: datetime) -> list[Referral]:
    """The station's recent referrals whose outcome may still change, to refresh before counting."""
    return list(
        db.session.scalars(
            select(Referral).where(
                Referral.station_id == station.id,
                Referral.status.in_(LIVE),
                Referral.created_at >= bounds(now).earliest - timedelta(days=SERIES_DAYS),
            )
        )
    )
