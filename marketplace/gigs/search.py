"""Finding open gigs: keywords, filters, sort orders and pagination."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, and_, exists, select
from sqlalchemy.orm import joinedload

from marketplace import reference
from marketplace.gigs import keywords
from marketplace.i18n import local_to_utc
from marketplace.models import (
    Gig,
    GigSearch,
    GigStatus,
    SeasonTag,
    Shift,
    WorkForm,
    db,
    utcnow,
)
from marketplace.reference import TownRef

EARTH_RADIUS_KM = 6371.0088
SORTS = ("newest", "pay", "distance")


@dataclass
class GigFilters:
    """What the browse form asked for; every field optional."""

    district_id: int | None = None
    town_id: int | None = None
    category_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_daily_pay_fen: int | None = None
    work_form: WorkForm | None = None
    season_tag: SeasonTag | None = None
    sort: str = "newest"
    near_town_id: int | None = None
    keywords: str = ""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _shift_window(filters: GigFilters, now: datetime):
    start = now
    if filters.date_from:
        start = max(start, local_to_utc(datetime.combine(filters.date_from, time.min)))
    conditions = [Shift.gig_id == Gig.id, Shift.starts_at >= start, Shift.filled < Shift.slots]
    if filters.date_to:
        end = local_to_utc(datetime.combine(filters.date_to + timedelta(days=1), time.min))
        conditions.append(Shift.starts_at < end)
    return exists().where(and_(*conditions))


def _where(stmt: Select, filters: GigFilters) -> Select:
    if filters.town_id:
        stmt = stmt.where(Gig.town_id == filters.town_id)
    elif filters.district_id:
        in_district = [t.id for t in reference.towns_of(filters.district_id)]
        stmt = stmt.where(Gig.town_id.in_(in_district))
    if filters.category_id:
        stmt = stmt.where(Gig.category_id == filters.category_id)
    if filters.min_daily_pay_fen:
        stmt = stmt.where(Gig.daily_pay_fen >= filters.min_daily_pay_fen)
    if filters.work_form:
        stmt = stmt.where(Gig.work_form == filters.work_form)
    if filters.season_tag:
        stmt = stmt.where(Gig.season_tag == filters.season_tag)
    return stmt


def _order(stmt: Select, filters: GigFilters, origin: TownRef | None) -> Select:
    if filters.sort == "pay":
        return stmt.order_by(Gig.daily_pay_fen.desc(), Gig.id.desc())
    if filters.sort == "distance" and origin is not None:
        # Equirectangular distance is monotonic enough for ordering at a city's scale.
        k = math.cos(math.radians(origin.lat))
        dlat, dlon = Gig.lat - origin.lat, (Gig.lon - origin.lon) * k
        dist2 = dlat * dlat + dlon * dlon
        return stmt.order_by(dist2, Gig.id.desc())
    return stmt.order_by(Gig.created_at.desc(), Gig.id.desc())


def _with_keywords(stmt: Select, filters: GigFilters) -> Select:
    """Only gigs containing every word, the most relevant first (the chosen sort breaks ties)."""
    found = keywords.words(filters.keywords)
    if not found:
        return stmt
    stmt = stmt.join(GigSearch, GigSearch.gig_id == Gig.id).where(keywords.matches(found))
    return stmt.order_by(keywords.relevance(found).desc())


def search(filters: GigFilters, page: int = 1, per_page: int = 20):
    """A page of open gigs with a future shift that still has a free slot, and how far each is
    from the chosen town."""
    origin = reference.town(filters.near_town_id)
    stmt = select(Gig).where(Gig.status == GigStatus.OPEN, _shift_window(filters, utcnow()))
    stmt = _order(_with_keywords(_where(stmt, filters), filters), filters, origin)
    # Places and categories come from the reference cache (marketplace/reference.py).
    stmt = stmt.options(joinedload(Gig.employer))
    result = db.paginate(stmt, page=page, per_page=per_page, error_out=False)
    distances = {}
    if origin is not None:
        distances = {g.id: haversine_km(origin.lat, origin.lon, g.lat, g.lon) for g in result.items}
    return result, distances


def upcoming_shifts(gig: Gig) -> list[Shift]:
    """The gig's shifts that have not started yet."""
    now = utcnow()
    return [s for s in gig.shifts if s.starts_at > now]
