"""The four demo accounts: a 象山 fisherman, his employer, a station's staff member, an admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from marketplace.models import ALL_WEEKDAYS, EmployerKind, Hukou, Role, Verification
from marketplace.seeding.demo import data
from marketplace.seeding.demo.context import Clock, Identities, Reference, TownRef
from marketplace.seeding.demo.people import identity_columns, user_row
from marketplace.seeding.demo.plans import EmployerSeed, WorkerSeed

DEMO_PASSWORD = "demo1234"


@dataclass(frozen=True)
class DemoAccount:
    """One of the demo accounts the CLI prints after ``flask seed --demo``."""

    role: Role
    mobile: str
    display_name: str
    login_note: str


_ACCOUNTS = tuple(
    DemoAccount(r.convert("role", Role), r["mobile"], r["display_name"], r["login_note"])
    for r in data.table("demo_accounts.csv")
)
DEMO_ACCOUNTS: dict[Role, DemoAccount] = {a.role: a for a in _ACCOUNTS}
DEMO_LOGINS: list[tuple[str, str, str, str]] = [
    (a.role, a.mobile, DEMO_PASSWORD, a.login_note) for a in _ACCOUNTS
]
DEMO_MOBILES = tuple(a.mobile for a in _ACCOUNTS)
DEMO_TOWN = "石浦镇"
DEMO_STATION = "ST028"  # 石浦镇零工驿站, seeds/stations.csv: where the demo staff member works
DEMO_SKILLS = data.values("lists.csv", "demo_worker_skills")


def _home(ref: Reference) -> TownRef:
    return next((t for t in ref.towns if t.name_zh == DEMO_TOWN), ref.fishing_towns[0])


def demo_worker(ref: Reference, clock: Clock, ids: Identities, password_hash: str) -> WorkerSeed:
    """应海波, 47, born and living in 石浦, mends nets while the boats are in port."""
    town = _home(ref)
    birth = date(clock.today.year - 47, 3, 18)
    region = town.district_code if len(town.district_code) == 6 else "330225"
    number = ids.id_number(region, birth, male=True)
    skills = [ref.skill_by_code[c] for c in DEMO_SKILLS if c in ref.skill_by_code]
    moratorium = ref.season_by_code.get("moratorium_east_sea")
    seasons = [moratorium] if moratorium else ref.seasons_of_kind("moratorium")[:1]
    account = DEMO_ACCOUNTS[Role.WORKER]
    created = clock.now - timedelta(days=320)
    profile = {
        "real_name": account.display_name,
        **identity_columns(number),
        "birth_date": birth,
        "sex": "male",
        "hukou": Hukou.NINGBO,
        "residence_permit_since": None,
        "town_id": town.id,
        "max_travel_km": 15,
        "skills_text": "补网二十多年，会织网、修网，跑过渔船，也能做海鲜分拣和码头装卸；"
        "渔船这两个月进坞维修，这段时间有空",
        "expected_daily_pay_fen": 28000,
        "weekdays": ALL_WEEKDAYS,
        # Free in every moratorium, and now while his boat is in dock for repairs.
        "available_from": clock.today,
        "available_until": clock.today + timedelta(days=75),
        "updated_at": created,
    }
    user = user_row(Role.WORKER, account.mobile, password_hash, account.display_name, created)
    user["last_login_at"] = clock.now - timedelta(days=1)
    return WorkerSeed(user, profile, skills or ref.skills[:1], [s.id for s in seasons], town)


def demo_employer(
    ref: Reference, clock: Clock, ids: Identities, password_hash: str
) -> EmployerSeed:
    """A verified seafood company in 石浦 with a valid credit code."""
    town = _home(ref)
    account = DEMO_ACCOUNTS[Role.EMPLOYER]
    name = account.display_name
    created = clock.now - timedelta(days=400)
    profile = {
        "kind": EmployerKind.COMPANY,
        "name": name,
        "credit_code": ids.credit_code(
            "91", town.district_code if len(town.district_code) == 6 else "330225"
        ),
        "contact_name": "林海峰",
        "town_id": town.id,
        "address": f"{town.name_zh}渔港路88号",
        "verification": Verification.VERIFIED,
        "verified_at": created + timedelta(hours=30),
        "verification_note": "",
        "created_at": created,
    }
    user = user_row(Role.EMPLOYER, account.mobile, password_hash, name, created)
    return EmployerSeed(user, profile, EmployerKind.COMPANY, "fishing", town, verified=True)


def staff_accounts(clock: Clock, password_hash: str) -> list[dict]:
    """The demo staff member and administrator (accounts only)."""
    created = clock.now - timedelta(days=500)
    return [
        user_row(
            role,
            DEMO_ACCOUNTS[role].mobile,
            password_hash,
            DEMO_ACCOUNTS[role].display_name,
            created,
        )
        for role in (Role.STAFF, Role.ADMIN)
    ]
