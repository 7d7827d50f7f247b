"""Registrations taken at a station's counter record the station; staff list and export by it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select

from marketplace.models import Registration, Station, db
from marketplace.rights import registration as services
from marketplace.workers.services import profile_of
from tests.factories import make_worker
from tests.kiosk.conftest import make_staff, nearest_station


def _form(name: str = "张三") -> dict:
    return {
        "work_content": "家政保洁",
        "for_whom": "outside",
        "employer_name": "王阿姨家",
        "started_on": (services.today() - timedelta(days=5)).isoformat(),
        "stable_income": "y",
        "pledge_agreed": "y",
        "pledge_name": name,
    }


def _input(name: str = "张三") -> services.RegistrationInput:
    return services.RegistrationInput(
        work_content="补网",
        started_on=services.today() - timedelta(days=10),
        stable_income=True,
        pledge_name=name,
        pledge_agreed=True,
        retirement_group="male",
        employer_name="象山渔业合作社",
    )


def _two_stations() -> tuple[Station, Station]:
    first = nearest_station()
    other = db.session.scalars(select(Station).where(Station.id != first.id)).first()
    return first, other


def _register_at_counter(client, worker) -> Registration:
    response = client.post(f"/staff/workers/{worker.id}/registration", data=_form())
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return db.session.scalars(select(Registration)).one()


def test_the_station_chosen_at_the_kiosk_is_recorded(app, client, login):
    """Staff serving two stations, with the second chosen at the kiosk: the second is kept."""
    first, second = _two_stations()
    staff = make_staff(first, second)
    worker = make_worker()
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": second.id})

    reg = _register_at_counter(client, worker)

    assert reg.station_id == second.id and reg.registered_by_id == staff.id


def test_without_a_chosen_station_the_only_station_is_recorded(app, client, login):
    """Staff who serve one station need not open the kiosk first."""
    station = nearest_station()
    staff = make_staff(station)
    worker = make_worker()
    login(client, staff)

    assert _register_at_counter(client, worker).station_id == station.id


def test_without_a_chosen_station_among_several_none_is_recorded(app, client, login):
    """With two stations and none chosen, the station is not guessed."""
    staff = make_staff(*_two_stations())
    worker = make_worker()
    login(client, staff)

    assert _register_at_counter(client, worker).station_id is None


def test_a_worker_registering_themselves_records_no_station(app, client, login):
    """The worker's own registration was not taken at a counter."""
    worker = make_worker()
    login(client, worker)
    assert client.post("/registration", data=_form()).status_code == 302
    assert db.session.scalars(select(Registration)).one().station_id is None


def _three_registrations() -> tuple[Station, Station, Registration]:
    first, second = _two_stations()
    staff = make_staff(first, second)
    at_first = services.register(
        staff, profile_of(make_worker("陈阿海")), _input("陈阿海"), first.id
    )
    services.register(staff, profile_of(make_worker("李四")), _input("李四"), second.id)
    own = make_worker("王五")
    services.register(own, profile_of(own), _input("王五"))
    db.session.commit()
    return first, second, at_first


def test_staff_list_filters_by_station_and_shows_it(app, client, login):
    """The station filter sits next to the district filter; each row names its station."""
    first, second, reg = _three_registrations()
    login(client, make_staff(first))

    page = client.get(f"/staff/registrations?station={first.id}").get_data(as_text=True)

    assert "陈阿海" in page and "李四" not in page and "王五" not in page
    assert f'<option value="{second.id}" >' in page  # every station can be chosen
    assert f'<option value="{first.id}" selected>' in page
    assert f'<td data-testid="station">{first.name_zh}</td>' in page
    everyone = client.get("/staff/registrations").get_data(as_text=True)
    assert "陈阿海" in everyone and "李四" in everyone and "王五" in everyone
    assert second.name_zh in everyone


def _csv_rows(client, query: str) -> list[dict]:
    text = client.get(f"/staff/registrations?format=csv&{query}").get_data(as_text=True)
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_has_the_station_and_honours_both_filters(app, client, login):
    """The export names the station, and keeps the district and station chosen on the page."""
    first, second, reg = _three_registrations()
    login(client, make_staff(first))

    rows = _csv_rows(client, f"district={reg.district_id}&station={first.id}")

    assert [(r["worker"], r["station"]) for r in rows] == [("陈阿海", first.name_zh)]
    assert _csv_rows(client, f"district={reg.district_id + 1}&station={first.id}") == []
    everyone = {r["worker"]: r["station"] for r in _csv_rows(client, "")}
    assert everyone == {"陈阿海": first.name_zh, "李四": second.name_zh, "王五": ""}
    page = client.get(
        f"/staff/registrations?district={reg.district_id}&station={first.id}"
    ).get_data(as_text=True)
    assert f"district={reg.district_id}&amp;station={first.id}&amp;format=csv" in page
