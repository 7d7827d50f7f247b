"""The gig list's filters list the towns of one district, not every town of the city."""

from __future__ import annotations

import re

from sqlalchemy import select

from marketplace.models import District, Town, db


def _options(page: str, select_id: str) -> list[str]:
    """The texts of a select's options."""
    found = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    assert found, select_id
    return re.findall(r"<option[^>]*>([^<]*)</option>", found.group(1))


def test_the_list_page_ships_no_town_list(client):
    """Without a district chosen, the town pickers hold only "All" and "My town…"."""
    page = client.get("/gigs").get_data(as_text=True)
    assert _options(page, "town_id") == ["全部"]
    assert _options(page, "near_town_id") == ["我所在的乡镇…"]
    assert page.count("<option") < 60  # was ~350: 156 towns, twice
    assert len(_options(page, "district_id")) == 1 + db.session.query(District).count()


def test_a_chosen_district_lists_its_towns(client):
    """Choosing 象山县 offers its towns (石浦镇 among them) and none of another district."""
    xiangshan = db.session.scalar(select(District).where(District.name_zh == "象山县"))
    page = client.get(f"/gigs?district_id={xiangshan.id}").get_data(as_text=True)
    towns = _options(page, "town_id")
    assert towns[0] == "全部" and "石浦镇" in towns
    assert len(towns) == 1 + len(xiangshan.towns)
    assert _options(page, "near_town_id")[1:] == towns[1:]


def test_a_town_of_another_district_gives_way_to_the_chosen_district(client):
    """Switching the district without JavaScript keeps the town of the old one out: no error."""
    shipu = db.session.scalar(select(Town).where(Town.name_zh == "石浦镇"))
    other = db.session.scalar(select(District).where(District.id != shipu.district_id))
    response = client.get(f"/gigs?district_id={other.id}&town_id={shipu.id}")
    assert response.status_code == 200
    assert "石浦镇" not in _options(response.get_data(as_text=True), "town_id")


def test_distance_from_a_town_lists_that_towns_district(client):
    """ "Distance from 石浦镇" keeps 石浦镇 chosen among the towns of its district."""
    shipu = db.session.scalar(select(Town).where(Town.name_zh == "石浦镇"))
    page = client.get(f"/gigs?sort=distance&near_town_id={shipu.id}").get_data(as_text=True)
    assert f'<option value="{shipu.id}" selected>石浦镇</option>' in page
    assert len(_options(page, "near_town_id")) == 1 + len(shipu.district.towns)


def test_every_town_is_one_cached_request_away(client):
    """/gigs/towns lists each district with its towns, cacheable and revalidated by ETag."""
    response = client.get("/gigs/towns")
    districts = response.get_json()["districts"]
    assert sum(len(d["towns"]) for d in districts) == db.session.query(Town).count()
    xiangshan = next(d for d in districts if d["name_zh"] == "象山县")
    assert "石浦镇" in [t["name_zh"] for t in xiangshan["towns"]]
    assert "public" in response.headers["Cache-Control"]
    again = client.get("/gigs/towns", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
