"""Names, places and phrases that make the demo market read like Ningbo (from seeds/demo/)."""

from __future__ import annotations

import random

from marketplace.seeding.demo import data

# Common surnames, heavier at the front (names.csv lists them by frequency).
SURNAMES = data.values("names.csv", "surname")
_SURNAME_WEIGHTS = tuple(max(1.0, 30.0 - i * 0.4) for i in range(len(SURNAMES)))

GIVEN_MALE = data.values("names.csv", "given_male")
GIVEN_FEMALE = data.values("names.csv", "given_female")

# GB/T 2260 county codes: Ningbo city, elsewhere in Zhejiang, and migrants' home provinces.
NINGBO_CITY_REGION = data.where("regions.csv", group="ningbo_city")[0]["code"]
ZHEJIANG_REGIONS = tuple(r["code"] for r in data.where("regions.csv", group="zhejiang"))
OTHER_REGIONS = tuple(r["code"] for r in data.where("regions.csv", group="other"))

ROADS = data.column("roads.csv", "road")
# Trade names (字号) for made-up firms.
COMPANY_PREFIXES = data.column("trade_names.csv", "trade_name")


def _comments(about: str, tone: str) -> tuple[str, ...]:
    return tuple(r["comment"] for r in data.where("rating_comments.csv", about=about, tone=tone))


WORKER_COMMENTS = _comments("worker", "good")
EMPLOYER_COMMENTS = _comments("employer", "good")
LOW_ABOUT_WORKER = _comments("worker", "low")
LOW_ABOUT_EMPLOYER = _comments("employer", "low")

SKILL_LEADS = data.values("lists.csv", "skill_leads")


def weighted_surname(rng: random.Random) -> str:
    """A surname drawn with a rough frequency weighting."""
    return rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]


def person_name(rng: random.Random, male: bool) -> str:
    """A two- or three-character Chinese name."""
    chars = GIVEN_MALE if male else GIVEN_FEMALE
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return weighted_surname(rng) + given


def street_address(rng: random.Random, town_name: str) -> str:
    """A plausible street address inside a town."""
    return f"{town_name}{rng.choice(ROADS)}{rng.randint(1, 388)}号"


def rating_comment(rng: random.Random, stars: int, about_worker: bool) -> str:
    """A short comment matching the number of stars."""
    if stars <= 3:
        return rng.choice(LOW_ABOUT_WORKER if about_worker else LOW_ABOUT_EMPLOYER)
    if rng.random() < 0.2:
        return ""
    return rng.choice(WORKER_COMMENTS if about_worker else EMPLOYER_COMMENTS)


def stars(rng: random.Random) -> int:
    """Mostly 4 or 5 stars, sometimes fewer."""
    return rng.choices((5, 4, 3, 2, 1), weights=(55, 32, 8, 3, 2))[0]
