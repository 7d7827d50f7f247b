"""What each sector of the demo market looks like: employers, hours, pay and wording.

The tables are read from seeds/demo/ (sectors.csv and the files its columns point to).
"""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.models import EmployerKind, SeasonTag, WorkForm
from marketplace.seeding.demo import data


@dataclass(frozen=True)
class Sector:
    """How gigs of one skill category are posted in the demo market."""

    company_names: tuple[str, ...]  # {place} is a district or town, {brand} a trade name
    individual_names: tuple[str, ...]  # {name} a person, {surname}, {place}
    requirements: tuple[str, ...]
    start_hours: tuple[float, ...]  # local wall-clock start, 7.5 = 07:30
    day_hours: tuple[int, ...]  # shift length of full-day gigs
    day_pay_yuan: tuple[int, int]
    forms: tuple[tuple[WorkForm, int], ...]  # weights for gigs outside a season
    piece: tuple[str, int, int, int, int] | None = None  # unit, fen lo/hi, pieces lo/hi
    credit_prefix: str = "91"
    piece_families: tuple[str, ...] = ()  # skill families whose work is counted in pieces


DEFAULT_CATEGORY = "events"  # the sector of a category that sectors.csv does not list


def _names(kind: str, category: str = "") -> tuple[str, ...]:
    rows = data.where("employer_names.csv", kind=kind, category_code=category)
    return tuple(r["template"] for r in rows)


def _sector(row: data.Row) -> Sector:
    code = row["category_code"]
    piece = None
    if row["piece_unit"]:
        bounds = ("piece_fen_lo", "piece_fen_hi", "pieces_lo", "pieces_hi")
        lo, hi, pieces_lo, pieces_hi = (row.convert(c, int) for c in bounds)
        piece = (row["piece_unit"], lo, hi, pieces_lo, pieces_hi)
    return Sector(
        company_names=_names("company", code),
        individual_names=_names("individual", code),
        requirements=tuple(
            r["requirement"] for r in data.where("requirements.csv", category_code=code)
        ),
        start_hours=row.items("start_hours", float),
        day_hours=row.items("day_hours", int),
        day_pay_yuan=(row.convert("day_pay_yuan_lo", int), row.convert("day_pay_yuan_hi", int)),
        forms=data.weights(f"work_form.{row['form_mix']}", WorkForm),
        piece=piece,
        credit_prefix=row["credit_prefix"],
        piece_families=row.items("piece_families"),
    )


SECTORS: dict[str, Sector] = {r["category_code"]: _sector(r) for r in data.table("sectors.csv")}
DEFAULT_SECTOR = SECTORS[DEFAULT_CATEGORY]

_KINDS = data.table("employer_kinds.csv")
# Which sectors each kind of employer tends to hire for.
KIND_SECTORS: dict[EmployerKind, tuple[tuple[str, int], ...]] = {
    kind: data.weights(f"sector.{kind.value}") for kind in EmployerKind
}
KIND_WEIGHTS = tuple((r.convert("kind", EmployerKind), r.convert("weight", int)) for r in _KINDS)
PLATFORM_NAMES = _names("platform")
# Gigs a verified employer of each kind posts, on average.
GIGS_PER_KIND = {
    r.convert("kind", EmployerKind): r.convert("gigs_per_employer", int) for r in _KINDS
}
SLOTS_PER_KIND = {
    r.convert("kind", EmployerKind): (r.convert("slots_lo", int), r.convert("slots_hi", int))
    for r in _KINDS
}

# Skills whose work only exists inside a season (codes from seeds/seasons.csv); a gig
# built on one of them is tagged with that season and dated inside it.
SKILL_SEASONS: dict[str, tuple[str, ...]] = {
    r["skill_code"]: r.items("season_codes") for r in data.table("skill_seasons.csv")
}
# Season kinds a gig in a category may be tagged with when its dates allow.
CATEGORY_SEASON_KINDS: dict[str, tuple[str, ...]] = {
    r["category_code"]: r.items("season_kinds") for r in data.table("category_seasons.csv")
}
# Harvest seasons that fishing gigs (processing the catch) may belong to.
FISHING_HARVESTS = data.values("lists.csv", "fishing_harvests")
# Towns on the coast whose people fish (names as in seeds/towns.csv).
FISHING_TOWNS = data.column("fishing_towns.csv", "name_zh")


@dataclass(frozen=True)
class SeasonWording:
    """How a gig tagged with a season kind says so: a title prefix and a line of its post."""

    title_prefix: str
    fishing_title_prefix: str
    phrase: str


SEASON_WORDING: dict[SeasonTag, SeasonWording] = {
    r.convert("season_kind", SeasonTag): SeasonWording(
        r["title_prefix"], r["fishing_title_prefix"], r["phrase"]
    )
    for r in data.table("season_wording.csv")
}
NO_SEASON_WORDING = SeasonWording("", "", "")  # gigs outside any season
_ROLE_ENDINGS = data.values("lists.csv", "role_endings")


def _suffixes(form: WorkForm, after: str) -> tuple[str, ...]:
    rows = data.where("title_suffixes.csv", work_form=form.value, after=after)
    return tuple(r["suffix"] for r in rows)


# (suffixes for role names such as 保洁员, suffixes for activities such as 补网)
_TITLE_SUFFIXES: dict[WorkForm, tuple[tuple[str, ...], tuple[str, ...]]] = {
    form: (_suffixes(form, "role"), _suffixes(form, "activity")) for form in WorkForm
}


def short_place(name: str) -> str:
    """'石浦镇' → '石浦', '海曙区' → '海曙'."""
    for suffix in ("街道", "镇", "乡", "区", "县", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def base_skill_name(name_zh: str) -> str:
    """A skill name without its bracketed gloss: '晒鲞（鱼干晾晒）' → '晒鲞'."""
    return name_zh.split("（", 1)[0].strip()


def title_suffixes(form: WorkForm, base: str) -> tuple[str, ...]:
    """Suffixes that read naturally after ``base`` for gigs of ``form``."""
    for_role, for_activity = _TITLE_SUFFIXES[form]
    return for_role if base.endswith(_ROLE_ENDINGS) else for_activity
