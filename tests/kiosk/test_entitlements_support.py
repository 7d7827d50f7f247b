"""The kiosk screen reads out the support sections of the worker page: trade union, 职称, 创业,
housing and schooling, 社会救助, each with its source in Chinese, and the same start-up dates."""

from __future__ import annotations

from datetime import timedelta

from marketplace.models import BenefitFacts, db
from marketplace.policy.subsidy import add_years
from marketplace.rights.registration import today
from tests.factories import make_worker
from tests.rights.test_support import SECTIONS, section, skill


def test_each_section_is_read_out_in_chinese_with_its_source(kiosk):
    """Staff see every section with its heading and its citation in Chinese."""
    worker = make_worker("应海波")
    db.session.commit()

    screen = kiosk.get(f"/kiosk/workers/{worker.id}/entitlements").get_data(as_text=True)

    for testid, (heading, citation) in SECTIONS.items():
        card = section(screen, testid)
        assert heading in card and citation in card, testid
    assert "需填写日期" in section(screen, "start-up")


def test_the_start_up_dates_match_the_worker_page(client, login, staff, station):
    """A driver who started two years ago: both pages give the same last days, to the letter."""
    worker = make_worker("网约车司机老林", skill_ids=[skill("driving")])
    started = today() - timedelta(days=2 * 365)
    db.session.add(BenefitFacts(worker_id=worker.id, business_started_on=started))
    db.session.commit()
    login(client, worker)
    mine = client.get("/entitlements").get_data(as_text=True)
    client.post("/account/logout")
    login(client, staff)
    client.post("/kiosk/start", data={"station_id": station.id})

    screen = client.get(f"/kiosk/workers/{worker.id}/entitlements").get_data(as_text=True)

    card = section(screen, "start-up")
    assert card == section(mine, "start-up")
    assert f"创业带动就业岗位补贴）可申请至 {add_years(started, 3)}" in card
    assert f"创业担保贷款可申请至 {add_years(started, 5)}" in card
    assert "网约车平台专职司机" in card
