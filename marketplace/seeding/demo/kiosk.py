"""Demo kiosk activity at 零工驿站: needs, referrals, assisted sign-ups and record views.

The demo staff member's station (石浦) and the busiest station of a few other districts get a
month of walk-ins up to ``clock.now``: 求职需求 of people without accounts, referrals of workers
and of those people to gigs near the station (``referrals``), a couple of accounts signed
up with staff help, and today's record views. The phase runs after all others and only adds
rows, so its draws from the random source change nothing they made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from marketplace.models import (
    AssistedSignup,
    AuditLog,
    JobNeed,
    Referral,
    Role,
    Station,
    User,
    db,
    staff_station,
)
from marketplace.seeding.demo import data, names
from marketplace.seeding.demo.accounts import DEMO_ACCOUNTS, DEMO_STATION
from marketplace.seeding.demo.catalog import FISHING_TOWNS, base_skill_name
from marketplace.seeding.demo.context import Clock, Identities, Reference, TownRef, bulk_insert_ids
from marketplace.seeding.demo.people import user_row
from marketplace.seeding.demo.plans import GigPlan
from marketplace.seeding.demo.referrals import (
    DAYS,
    OPEN_HOURS,
    Desk,
    Market,
    Referrals,
    Volume,
    pick,
)
from matching.features import haversine_km

__all__ = ["KioskSummary", "Market", "add_kiosk_activity"]

OTHER_STATIONS = 3  # stations in other districts that get activity too
REFER_KM = 30.0  # gigs in the station's district this close are referred to
VIEW_ACTION = "kiosk_view_worker"  # as kiosk.services.open_worker writes it


def _volume(station: str) -> Volume:
    row = data.where("kiosk_volumes.csv", station=station)[0]
    counts = {c: row.convert(c, int) for c in ("needs", "needs_today", "applied", "referred")}
    return Volume(
        **counts,
        referred_needs=row.convert("referred_needs", float),
        signups=row.convert("signups", int),
        views=row.convert("views", int),
    )


def _work(station: str) -> dict[str, tuple[int, float]]:
    rows = data.where("kiosk_work.csv", station=station)
    return {
        r["category_code"]: (r.convert("weight", int), r.convert("male_share", float)) for r in rows
    }


HOME_VOLUME = _volume("home")
OTHER_VOLUME = _volume("other")
# What people ask for at a fishing station and elsewhere: category → (weight, share of men).
FISHING_WORK = _work("fishing")
OTHER_WORK = _work("other")
WANTS = data.values("lists.csv", "kiosk_wants")
WHEN_FISHING = data.values("lists.csv", "kiosk_when_fishing")
WHEN_OTHER = data.values("lists.csv", "kiosk_when_other")
NOTES = data.values("lists.csv", "kiosk_notes", blank_ok=True)


@dataclass(frozen=True)
class KioskSummary:
    """How many kiosk rows the phase added."""

    needs: int
    referrals: int
    signups: int
    views: int


class KioskActivity(Referrals):
    """One run of the phase: which stations, and their needs, sign-ups and record views."""

    def __init__(
        self, rng: random.Random, clock: Clock, ref: Reference, ids: Identities, market: Market
    ) -> None:
        super().__init__(rng, clock, ref, market)
        self.ids = ids

    def desks(self, password_hash: str) -> list[Desk]:
        """The demo staff member's station and the busiest station of a few other districts."""
        stations = list(db.session.scalars(select(Station).order_by(Station.code)))
        staff = DEMO_ACCOUNTS[Role.STAFF].mobile
        staff_id = db.session.scalar(select(User.id).where(User.mobile == staff))
        home = next((s for s in stations if s.code == DEMO_STATION), None)
        if home is None or staff_id is None:
            return []
        mine = self._desk(home, staff_id, HOME_VOLUME)
        mine.home = True
        best: dict[int, Desk] = {}  # per district, the station with the most gigs near it
        for desk in (self._desk(s, 0, OTHER_VOLUME) for s in stations):
            district = desk.towns[0].district_id
            if district == mine.towns[0].district_id or not desk.gigs:
                continue
            if district not in best or len(desk.gigs) > len(best[district].gigs):
                best[district] = desk
        others = sorted(best.values(), key=lambda d: (-len(d.gigs), d.station.code))
        others = others[:OTHER_STATIONS]
        for desk, user_id in zip(others, self._staff(others, password_hash), strict=True):
            desk.staff_id = user_id
        return [mine, *others]

    def _desk(self, station: Station, staff_id: int, volume: Volume) -> Desk:
        def km(place: TownRef | GigPlan) -> float:
            return haversine_km(station.lat, station.lon, place.lat, place.lon)

        town = next(t for t in self.ref.towns if t.id == station.town_id)
        towns = sorted(self.ref.by_district[town.district_id], key=km)
        near = [(km(p), p) for p in self.market.plans if p.town.district_id == town.district_id]
        near.sort(key=lambda pair: pair[0])  # stable: gigs as far away keep their order
        gigs = [p for distance, p in near if distance <= REFER_KM]
        return Desk(station, staff_id, volume, [town, *(t for t in towns if t != town)], gigs)

    def _staff(self, desks: list[Desk], password_hash: str) -> list[int]:
        """A staff account for each other station, serving only that station."""
        rows = []
        for desk in desks:
            person = names.person_name(self.rng, male=self.rng.random() < 0.4)
            label = f"{desk.station.name_zh.split('（')[0]} {person}"
            created = self.clock.now - timedelta(days=self.rng.randint(200, 600))
            rows.append(user_row(Role.STAFF, self.ids.mobile(), password_hash, label, created))
        user_ids = bulk_insert_ids(User, rows)
        if user_ids:
            links = zip(user_ids, desks, strict=True)
            db.session.execute(
                insert(staff_station),
                [{"user_id": u, "station_id": d.station.id} for u, d in links],
            )
        return user_ids

    def needs(self, desk: Desk) -> list[dict]:
        """The station's 求职需求 over the month, a few of them today, oldest first."""
        vol = desk.volume
        ago = [0] * vol.needs_today
        ago += [self.rng.randint(1, DAYS - 1) for _ in range(vol.needs - vol.needs_today)]
        rows = [self._need(desk, days) for days in ago]
        return sorted(rows, key=lambda r: r["created_at"])

    def _need(self, desk: Desk, days_ago: int) -> dict:
        work = FISHING_WORK if desk.towns[0].name_zh in FISHING_TOWNS else OTHER_WORK
        offered = [(c, weight) for c, (weight, _) in work.items() if c in self.ref.by_category]
        code = str(pick(self.rng, offered))
        skills = self.ref.by_category[code]
        words = [
            self.rng.choice((base_skill_name(s.name_zh), *s.synonyms_zh))
            for s in self.rng.sample(skills, min(2, len(skills)))
        ]
        towns = desk.towns[:4]
        _, male_share = work[code]
        male = self.rng.random() < male_share
        return {
            "name": names.person_name(self.rng, male),
            "mobile": self.ids.mobile(),
            "desired_work": self.rng.choice(WANTS).format(work=words[0], other=words[-1]),
            "category_id": self.ref.category_ids[code],
            "town_id": self.rng.choices(towns, weights=(6, 3, 2, 1)[: len(towns)])[0].id,
            "availability": self.rng.choice(WHEN_FISHING if code == "fishing" else WHEN_OTHER),
            "notes": self.rng.choice(NOTES),
            "station_id": desk.station.id,
            "staff_id": desk.staff_id,
            "created_at": self.day_at(days_ago),
            "converted_user_id": None,
        }

    def signups(self, desk: Desk) -> list[dict]:
        """Local workers whose accounts staff helped make: the district's newest, in hours."""
        local = [w for w in desk.locals(self.crowd) if _in_hours(w.user["created_at"])]
        local.sort(key=lambda w: (w.user["created_at"], w.user_id), reverse=True)
        return [
            {
                "user_id": w.user_id,
                "station_id": desk.station.id,
                "staff_id": desk.staff_id,
                "need_id": None,
                "pledge_name": w.profile["real_name"],
                "pledge_signed_at": w.user["created_at"],
                "created_at": w.user["created_at"],
            }
            for w in local[: desk.volume.signups]
        ]

    def views(self, desk: Desk, referrals: list[dict]) -> list[dict]:
        """Today's openings of worker records: those referred today, the demo worker, others."""
        seen = [r["worker_id"] for r in referrals if r["created_at"] >= self.today_from]
        if desk.home:
            seen.append(self.demo_worker_id)
        local = [w.user_id for w in desk.locals(self.crowd)]
        seen += self.rng.sample(local, min(len(local), desk.volume.views))
        viewed = [w for w in dict.fromkeys(seen) if w is not None][: desk.volume.views + 2]
        return [
            {
                "actor_id": desk.staff_id,
                "action": VIEW_ACTION,
                "subject": f"user:{worker_id}",
                "detail": f"station:{desk.station.code}",
                "ip": "",
                "created_at": self.day_at(0),
            }
            for worker_id in viewed
        ]


def _in_hours(moment: datetime) -> bool:
    """True when a (UTC) moment falls in the stations' opening hours."""
    hour = (moment + timedelta(hours=8)).hour + (moment.minute / 60)
    return OPEN_HOURS[0] <= hour < OPEN_HOURS[1]


def add_kiosk_activity(
    rng: random.Random,
    clock: Clock,
    ref: Reference,
    ids: Identities,
    password_hash: str,
    market: Market,
) -> KioskSummary:
    """Add a month of kiosk activity at the demo station and a few others; flush, no commit."""
    run = KioskActivity(rng, clock, ref, ids, market)
    needs = refs = signups = views = 0
    for desk in run.desks(password_hash):
        need_rows = run.needs(desk)
        need_ids = bulk_insert_ids(JobNeed, need_rows)
        rows = run.applied(desk) + run.not_applied(desk)
        rows += run.for_needs(desk, need_rows, need_ids)
        rows.sort(key=lambda r: r["created_at"])
        bulk_insert_ids(Referral, rows)
        signed = run.signups(desk)
        bulk_insert_ids(AssistedSignup, signed)
        seen = run.views(desk, rows)
        bulk_insert_ids(AuditLog, seen)
        needs, refs = needs + len(need_rows), refs + len(rows)
        signups, views = signups + len(signed), views + len(seen)
    db.session.flush()
    return KioskSummary(needs, refs, signups, views)
