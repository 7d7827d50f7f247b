"""Demo workers and employers as plain rows, ready for bulk insert."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from marketplace.models import ALL_WEEKDAYS, EmployerKind, Hukou, Role, Verification
from marketplace.policy.identity import mask_id_number
from marketplace.security import encrypt_id_number, id_number_index
from marketplace.seeding.demo import data, names
from marketplace.seeding.demo.catalog import (
    DEFAULT_SECTOR,
    KIND_SECTORS,
    KIND_WEIGHTS,
    PLATFORM_NAMES,
    SECTORS,
    base_skill_name,
    short_place,
)
from marketplace.seeding.demo.codes import random_birth_date
from marketplace.seeding.demo.context import Clock, Identities, Reference, SkillRef, TownRef
from marketplace.seeding.demo.plans import EmployerSeed, WorkerSeed

# Weekday masks (bit 0 = Monday) written in binary; 0 stands for a random mask.
WEEKDAY_PATTERNS = data.weights("weekdays", lambda mask: int(mask, 2))
REJECTION_NOTES = data.values("lists.csv", "rejection_notes")


def user_row(role: Role, mobile: str, password_hash: str, name: str, created: datetime) -> dict:
    """The ``user`` row of a demo account."""
    return {
        "mobile": mobile,
        "password_hash": password_hash,
        "role": role,
        "display_name": name,
        "locale": None,
        "active": True,
        "created_at": created,
        "last_login_at": None,
    }


def _skills_text(rng: random.Random, skills: list[SkillRef]) -> str:
    words = [rng.choice((base_skill_name(s.name_zh), *s.synonyms_zh)) for s in skills]
    return rng.choice(names.SKILL_LEADS) + "、".join(dict.fromkeys(words))


def _weekdays(rng: random.Random) -> int:
    pattern = rng.choices(*zip(*WEEKDAY_PATTERNS, strict=True))[0]
    return pattern or rng.randint(1, ALL_WEEKDAYS)


def _hukou(rng: random.Random, local: bool) -> Hukou:
    if local:
        return rng.choices((Hukou.NINGBO, Hukou.ZHEJIANG), weights=(9, 1))[0]
    return rng.choices((Hukou.NINGBO, Hukou.ZHEJIANG, Hukou.OTHER), weights=(35, 20, 45))[0]


def _region(rng: random.Random, hukou: Hukou, town: TownRef) -> str:
    if hukou == Hukou.NINGBO:
        code = town.district_code
        return code if len(code) == 6 and code.isdigit() else names.NINGBO_CITY_REGION
    return rng.choice(names.ZHEJIANG_REGIONS if hukou == Hukou.ZHEJIANG else names.OTHER_REGIONS)


@dataclass(frozen=True)
class _Persona:
    """What kind of worker to make: where they live, what they do, how old they are."""

    towns: list[TownRef]
    categories: tuple[str, ...]
    seasons: tuple[str, ...]  # season kinds the worker is free in
    ages: tuple[int, int]
    male_share: float
    local: bool


# Sectors whose workers are mostly women, and those whose workers are mostly men.
_FEMALE_SECTORS = data.values("lists.csv", "female_sectors")
_MALE_SECTORS = data.values("lists.csv", "male_sectors")


def _persona(rng: random.Random, ref: Reference) -> _Persona:
    roll = rng.random()
    if roll < 0.12:
        return _Persona(ref.fishing_towns, ("fishing",), ("moratorium",), (30, 60), 0.9, True)
    if roll < 0.27:
        return _Persona(ref.rural_towns, ("farming",), ("farming_lull",), (35, 60), 0.6, True)
    sectors = [c for c in ref.by_category if c not in ("fishing", "farming")] or ["farming"]
    chosen = tuple(dict.fromkeys(rng.choice(sectors) for _ in range(rng.choice((1, 1, 2)))))
    male = 0.15 if chosen[0] in _FEMALE_SECTORS else 0.9 if chosen[0] in _MALE_SECTORS else 0.55
    return _Persona(ref.towns, chosen, (), (18, 55), male, False)


def _pick_skills(rng: random.Random, ref: Reference, persona: _Persona) -> list[SkillRef]:
    pool = [s for c in persona.categories for s in ref.by_category.get(c, [])] or ref.skills
    chosen = rng.sample(pool, min(len(pool), rng.randint(1, 5)))
    return sorted(chosen, key=lambda s: s.code)


def _worker_seasons(rng: random.Random, ref: Reference, persona: _Persona) -> list[int]:
    ids = []
    for kind in persona.seasons:
        seasons = ref.seasons_of_kind(kind)
        if seasons:
            ids += [s.id for s in rng.sample(seasons, rng.randint(1, len(seasons)))]
    return sorted(ids)


def identity_columns(number: str) -> dict:
    """The encrypted, keyed-hash and masked forms of an ID number, as a profile stores them."""
    return {
        "id_number_enc": encrypt_id_number(number),
        "id_number_hash": id_number_index(number),
        "id_number_masked": mask_id_number(number),
    }


def build_worker(
    rng: random.Random, ref: Reference, clock: Clock, ids: Identities, password_hash: str
) -> WorkerSeed:
    """One realistic worker with a valid, unique, encrypted ID number."""
    persona = _persona(rng, ref)
    town = rng.choice(persona.towns)
    male = rng.random() < persona.male_share
    name = names.person_name(rng, male)
    # Working age (policy.working_age): under 60 (men) and 55 (women) is inside it in every group.
    low, high = persona.ages
    birth = random_birth_date(rng, clock.today, low, min(high, 59 if male else 54))
    hukou = _hukou(rng, persona.local)
    number = ids.id_number(_region(rng, hukou, town), birth, male)
    skills = _pick_skills(rng, ref, persona)
    created = clock.now - timedelta(days=rng.randint(1, 700), minutes=rng.randint(0, 1439))
    permit = None
    if hukou != Hukou.NINGBO and rng.random() < 0.7:
        permit = clock.today - timedelta(days=rng.randint(30, 3000))
    profile = {
        "real_name": name,
        **identity_columns(number),
        "birth_date": birth,
        "sex": "male" if male else "female",
        "hukou": hukou,
        "residence_permit_since": permit,
        "town_id": town.id,
        "max_travel_km": rng.randint(3, 20 if persona.local else 40),
        "skills_text": _skills_text(rng, skills),
        "expected_daily_pay_fen": rng.randint(15, 40) * 1000 if rng.random() < 0.9 else None,
        "weekdays": _weekdays(rng),
        "available_from": None,
        "available_until": None,
        "updated_at": created + timedelta(hours=rng.randint(0, 48)),
    }
    return WorkerSeed(
        user=user_row(Role.WORKER, ids.mobile(), password_hash, name, created),
        profile=profile,
        skills=skills,
        season_ids=_worker_seasons(rng, ref, persona),
        town=town,
    )


def _employer_town(rng: random.Random, ref: Reference, sector: str) -> TownRef:
    if sector == "fishing":
        return rng.choice(ref.fishing_towns)
    if sector == "farming":
        return rng.choice(ref.rural_towns)
    return rng.choice(ref.towns)


def _organisation_name(rng: random.Random, kind: EmployerKind, sector: str, town: TownRef) -> str:
    templates = SECTORS.get(sector, DEFAULT_SECTOR).company_names
    if kind == EmployerKind.PLATFORM:
        templates = PLATFORM_NAMES
    place = short_place(rng.choice((town.district_name, town.name_zh)))
    return rng.choice(templates).format(place=place, brand=rng.choice(names.COMPANY_PREFIXES))


def _person_name(
    rng: random.Random, kind: EmployerKind, sector: str, town: TownRef, contact: str, male: bool
) -> str:
    templates = SECTORS.get(sector, DEFAULT_SECTOR).individual_names
    if kind == EmployerKind.HOUSEHOLD:
        templates = ("{surname}先生家",) if male else ("{surname}女士家",)
    return rng.choice(templates).format(
        name=contact, surname=contact[0], place=short_place(town.name_zh)
    )


def _employer_name(
    rng: random.Random, kind: EmployerKind, sector: str, town: TownRef, contact: str, male: bool
) -> str:
    if kind in (EmployerKind.COMPANY, EmployerKind.PLATFORM):
        return _organisation_name(rng, kind, sector, town)
    return _person_name(rng, kind, sector, town, contact, male)


def _credit_code(
    rng: random.Random, ids: Identities, kind: EmployerKind, sector: str, town: TownRef
) -> str | None:
    division = town.district_code if len(town.district_code) == 6 else "330200"
    if kind in (EmployerKind.COMPANY, EmployerKind.PLATFORM):
        return ids.credit_code(SECTORS.get(sector, DEFAULT_SECTOR).credit_prefix, division)
    if kind == EmployerKind.INDIVIDUAL and rng.random() < 0.4:  # 个体工商户
        return ids.credit_code("92", division)
    return None


def _unique_name(
    rng: random.Random,
    kind: EmployerKind,
    sector: str,
    town: TownRef,
    contact: str,
    male: bool,
    taken: set[str],
) -> str:
    """A fresh name; after a few clashes an organisation becomes a local branch."""
    for _ in range(8):
        name = _employer_name(rng, kind, sector, town, contact, male)
        if name not in taken:
            break
    else:
        name = f"{name}{short_place(town.name_zh)}分部"
    taken.add(name)
    return name


def _verification(rng: random.Random, clock: Clock, created: datetime) -> dict:
    roll = rng.random()
    if roll < 0.7:
        verified_at = min(clock.now, created + timedelta(hours=rng.randint(2, 96)))
        return {
            "verification": Verification.VERIFIED,
            "verified_at": verified_at,
            "verification_note": "",
        }
    if roll < 0.93:
        return {"verification": Verification.PENDING, "verified_at": None, "verification_note": ""}
    return {
        "verification": Verification.REJECTED,
        "verified_at": None,
        "verification_note": rng.choice(REJECTION_NOTES),
    }


def build_employer(
    rng: random.Random,
    ref: Reference,
    clock: Clock,
    ids: Identities,
    password_hash: str,
    kind: EmployerKind,
    taken_names: set[str],
) -> EmployerSeed:
    """One employer of ``kind``; organisations get a valid, unique credit code."""
    sector = rng.choices(*zip(*KIND_SECTORS[kind], strict=True))[0]
    town = _employer_town(rng, ref, sector)
    male = rng.random() < 0.6
    contact = names.person_name(rng, male)
    name = _unique_name(rng, kind, sector, town, contact, male, taken_names)
    created = clock.now - timedelta(days=rng.randint(100, 900), minutes=rng.randint(0, 1439))
    status = _verification(rng, clock, created)
    profile = {
        "kind": kind,
        "name": name,
        "credit_code": _credit_code(rng, ids, kind, sector, town),
        "contact_name": contact,
        "town_id": town.id,
        "address": names.street_address(rng, town.name_zh),
        "created_at": created,
        **status,
    }
    return EmployerSeed(
        user=user_row(Role.EMPLOYER, ids.mobile(), password_hash, name, created),
        profile=profile,
        kind=kind,
        sector=sector,
        town=town,
        verified=status["verification"] == Verification.VERIFIED,
    )


def employer_kinds(rng: random.Random, count: int) -> list[EmployerKind]:
    """``count`` kinds, every kind at least once, the rest by weight."""
    fixed = [kind for kind, _ in KIND_WEIGHTS]
    rest = rng.choices(*zip(*KIND_WEIGHTS, strict=True), k=max(0, count - len(fixed)))
    return fixed[:count] + rest
