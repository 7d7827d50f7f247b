"""The 我能享受哪些政策 page for profiles whose answers are known; staff set 就业困难人员."""

import re
from datetime import date, timedelta

from marketplace.accounts.services import register as register_account
from marketplace.models import BenefitFacts, Hukou, Role, db
from marketplace.rights.registration import today
from tests.factories import id_number, make_worker, mobile


def _page(client, login, worker) -> str:
    login(client, worker)
    response = client.get("/entitlements?lang=en")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_ningbo_man_born_1970(app, client, login):
    """Man born 1970-03 (table 1: 61 years 4 months, 2031-07); Ningbo hukou: both schemes."""
    worker = make_worker(id_number=id_number(date(1970, 3, 5), serial=11))
    page = _page(client, login, worker)
    assert "61 years 4 months" in page and "2031-07" in page
    # 办法 art. 3 弹性退休: from 2030-03 (not below 60) to 2034-07; art. 2: 2031 → 16 years.
    assert "from 2030-03 at the earliest" in page and "until 2034-07" in page
    assert "at least 16 years 0 months of contributions" in page
    assert 'data-testid="group-why"' not in page  # a man has no group to choose
    assert "employee pension scheme in Ningbo" in page
    assert "employee medical insurance in Ningbo" in page
    assert "Ningbo Notice on Further Supporting Flexible Employment (2021-12-28), item 9" in page
    assert "N(九)" not in page


def test_woman_from_another_province_with_a_young_permit(app, client, login):
    """Woman, other province, permit 8 months old: medical says how many months remain."""
    since = today() - timedelta(days=245)  # a little over 8 months
    worker = make_worker(
        "李梅",
        id_number=id_number(date(1985, 6, 15), serial=12),
        hukou=Hukou.OTHER,
        residence_permit_since=since,
    )
    page = _page(client, login, worker)
    assert 'data-testid="group-assumed"' in page
    assert 'data-testid="group-why"' in page and "holds no worker (工人) post" in page
    assert "months to go" in page
    assert "Register your flexible employment first" in page


def test_woman_chooses_the_50_group(app, client, login):
    """A woman may say she is in a 50-age post; the age follows table 3."""
    worker = make_worker("王芳", id_number=id_number(date(1980, 1, 10), serial=14))
    login(client, worker)
    client.post("/entitlements", data={"retirement_group": "female_50"})
    page = client.get("/entitlements?lang=en").get_data(as_text=True)
    assert "52 years 7 months" in page
    assert 'data-testid="group-assumed"' not in page


def test_recent_graduate_paying_as_individual_gets_the_subsidy(app, client, login):
    """N(十一): graduate within 2 years, paying as an individual: 450 yuan, 36 months."""
    worker = make_worker(id_number=id_number(date(2002, 3, 5), serial=15))
    login(client, worker)
    left = (today() - timedelta(days=200)).isoformat()
    client.post(
        "/entitlements",
        data={"left_school_on": left, "education": "senior_secondary", "pays_as_individual": "y"},
    )
    page = client.get("/entitlements?lang=en").get_data(as_text=True)
    assert "450 yuan a month" not in page  # N(十一): a 中专 leaver is not a 高校毕业生
    assert "Only graduates of a university or college" in page
    client.post(
        "/entitlements",
        data={"left_school_on": left, "education": "bachelor", "pays_as_individual": "y"},
    )
    page = client.get("/entitlements?lang=en").get_data(as_text=True)
    assert "450 yuan a month, for 36 months" in page
    assert re.search(r"<option[^>]*selected[^>]*value=\"bachelor\"", page)


def test_only_staff_set_hard_to_employ(app, client, login):
    """就业困难人员 is set by staff; workers cannot reach the staff page."""
    worker = make_worker(id_number=id_number(date(1975, 3, 5), serial=17))
    staff = register_account(mobile(), "secret-pass-1", Role.STAFF, "站点")
    db.session.commit()
    login(client, worker)
    assert client.get(f"/staff/workers/{worker.id}/benefits").status_code == 403
    client.post("/account/logout")
    login(client, staff)
    client.post(f"/staff/workers/{worker.id}/benefits", data={"hard_to_employ": "y"})
    assert client.get("/staff/workers/9999/benefits").status_code == 404
    db.session.expire_all()
    assert db.session.get(BenefitFacts, worker.id).hard_to_employ


def test_entitlements_need_a_worker(app, client, login):
    """Anonymous users sign in first."""
    assert client.get("/entitlements").status_code == 302


def test_rider_sees_delivery_training_first(app, client, login):
    """N(七): a delivery rider sees subsidised delivery training before other courses."""
    from sqlalchemy import select

    from marketplace.models import Skill

    rider_skill = db.session.scalars(select(Skill).where(Skill.code.like("delivery.%"))).first()
    worker = make_worker("骑手小周", skill_ids=[rider_skill.id])
    login(client, worker)
    page = client.get("/entitlements").get_data(as_text=True)
    training = page[page.index('data-testid="training"') :]
    assert training.index("网约配送员") < training.index("技能+创业")
    assert "《宁波市关于进一步做好支持灵活就业工作的通知》第七条" in training
    assert "N(七)" not in training


def test_sources_read_as_titled_citations_in_chinese(app, client, login):
    """The Chinese page cites 《宁波市…通知》第九条, never the bare code N(九)."""
    worker = make_worker(id_number=id_number(date(1970, 3, 5), serial=11))
    login(client, worker)
    page = client.get("/entitlements").get_data(as_text=True)
    assert "依据：《宁波市关于进一步做好支持灵活就业工作的通知》第九条" in page
    assert not re.search(r"N\([一二三四五六七八九十]+\)", page)
    for url in ("/registration", "/complaints/new"):
        page = client.get(url).get_data(as_text=True)
        assert "《宁波市关于进一步做好支持灵活就业工作的通知》" in page
