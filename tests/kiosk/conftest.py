"""Fixtures for the kiosk tests: a staff account serving the station nearest the test town."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from marketplace.accounts.services import register
from marketplace.kiosk import services
from marketplace.models import Role, Station, db
from tests.factories import PASSWORD, mobile, town


def nearest_station() -> Station:
    """The seeded station closest to the factories' town (where their gigs are)."""
    home = town()
    return min(
        db.session.scalars(select(Station)),
        key=lambda s: math.hypot(s.lat - home.lat, s.lon - home.lon),
    )


def make_staff(*stations: Station):
    """A staff account serving ``stations``."""
    user = register(mobile(), PASSWORD, Role.STAFF, "驿站 王")
    for station in stations:
        services.assign_station(user, station.code)
    return user


@pytest.fixture
def station(app) -> Station:
    """The station the kiosk tests serve."""
    return nearest_station()


@pytest.fixture
def staff(station):
    """A staff account serving ``station``."""
    return make_staff(station)


@pytest.fixture
def kiosk(client, login, staff, station):
    """A client signed in as staff, with the station chosen."""
    login(client, staff)
    response = client.post("/kiosk/start", data={"station_id": station.id})
    assert response.status_code == 302
    return client
