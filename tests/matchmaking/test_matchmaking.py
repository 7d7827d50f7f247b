"""Recommendations, candidates and invitations in the marketplace, and the index's freshness."""

import pytest
from sqlalchemy import func, select

from marketplace.matchmaking import services
from marketplace.matchmaking.index import MarketIndex
from marketplace.models import Application, AppStatus, Impression, Skill, db
from tests.factories import make_employer, make_gig, make_worker, town


def _skill(code_prefix: str) -> Skill:
    return db.session.scalars(select(Skill).where(Skill.code.like(f"{code_prefix}%"))).first()


@pytest.fixture
def fishing_market(app):
    """A fishing gig and a cleaning gig in 石浦镇; a net-mender and a cleaner living there."""
    shipu = town("石浦镇")
    employer = make_employer(verified=True)
    net = _skill("fishing.")
    clean = _skill("cleaning.")
    fishing = make_gig(
        employer, title="补网临时工", category_code="fishing", town_id=shipu.id, skill_ids=[net.id]
    )
    cleaning = make_gig(
        employer,
        title="写字楼保洁",
        category_code="cleaning",
        town_id=shipu.id,
        skill_ids=[clean.id],
    )
    fisher = make_worker("渔民老陈", town_id=shipu.id, skill_ids=[net.id], skills_text="补网 织网")
    cleaner = make_worker(
        "保洁阿姨", town_id=shipu.id, skill_ids=[clean.id], skills_text="保洁 钟点工"
    )
    db.session.commit()
    return employer, fishing, cleaning, fisher, cleaner


def test_worker_sees_fitting_gig_first_with_reasons(client, login, fishing_market):
    """The net-mender's dashboard recommends the fishing gig first, saying why."""
    _, fishing, cleaning, fisher, _ = fishing_market
    login(client, fisher)
    page = client.get("/dashboard").get_data(as_text=True)
    section = page[page.index('data-testid="recommended"') :]
    assert section.index("补网临时工") < section.index("写字楼保洁")
    assert "公里" in section
    shown = db.session.scalar(
        select(func.count()).select_from(Impression).where(Impression.worker_id == fisher.id)
    )
    assert shown >= 2


def test_english_reasons(client, login, fishing_market):
    """With the English switch the reasons are in English."""
    _, _, _, fisher, _ = fishing_market
    login(client, fisher)
    page = client.get("/dashboard?lang=en").get_data(as_text=True)
    assert "Recommended for you" in page and "km" in page


def test_employer_candidates_and_invite(client, login, fishing_market):
    """The employer sees the net-mender ranked first and invites them; accepting applies."""
    employer, fishing, _, fisher, cleaner = fishing_market
    login(client, employer)
    page = client.get(f"/gigs/{fishing.id}/candidates").get_data(as_text=True)
    assert page.index("渔民老陈") < page.index("保洁阿姨")
    assert 'data-testid="reasons"' in page
    r = client.post(
        f"/gigs/{fishing.id}/invite",
        data={"shift_id": fishing.shifts[0].id, "worker_id": fisher.id},
    )
    assert r.status_code == 302
    invite = db.session.scalar(select(Application).where(Application.worker_id == fisher.id))
    assert invite.status == AppStatus.INVITED
    client.post("/account/logout")
    login(client, fisher)
    dash = client.get("/dashboard").get_data(as_text=True)
    assert 'data-testid="invites"' in dash and "补网临时工" in dash
    client.post(f"/shifts/{fishing.shifts[0].id}/apply")
    db.session.expire_all()
    assert invite.status == AppStatus.APPLIED
    recommended = client.get("/dashboard").get_data(as_text=True)
    recommended = recommended[recommended.index('data-testid="recommended"') :]
    assert "补网临时工" not in recommended.split("</section>")[0]  # already applied
    client.post("/account/logout")
    login(client, employer)
    page = client.get(f"/gigs/{fishing.id}/candidates").get_data(as_text=True)
    assert "渔民老陈" not in page  # already an applicant


def test_candidates_access_control(client, login, fishing_market):
    """Other employers and workers cannot see or invite for someone's gig."""
    _, fishing, _, fisher, _ = fishing_market
    other = make_employer("别家公司")
    db.session.commit()
    login(client, other)
    assert client.get(f"/gigs/{fishing.id}/candidates").status_code == 403
    r = client.post(
        f"/gigs/{fishing.id}/invite",
        data={"shift_id": fishing.shifts[0].id, "worker_id": fisher.id},
    )
    assert r.status_code == 403
    client.post("/account/logout")
    login(client, fisher)
    assert client.get(f"/gigs/{fishing.id}/candidates").status_code == 403
    client.post("/account/logout")
    assert client.get(f"/gigs/{fishing.id}/candidates").status_code == 302


def test_index_refreshes_in_every_process_after_a_change(app, fishing_market):
    """A gig posted later reaches a second process's index through the stored version stamp."""
    employer, _, _, fisher, _ = fishing_market
    first, second = MarketIndex(), MarketIndex()
    before = first.get()
    assert second.get().stamp == before.stamp
    new = make_gig(
        employer,
        title="新来的补网活",
        category_code="fishing",
        town_id=town("石浦镇").id,
        skill_ids=[_skill("fishing.").id],
    )
    db.session.commit()
    assert first.get() is not before
    assert new.id in second.get().jobs_by_id
    assert first.get() is first.get()  # unchanged stamp: no rebuild


def test_recommendations_empty_without_profile(app):
    """A worker account without profile gets no recommendations, not an error."""
    from marketplace.accounts.services import register
    from marketplace.models import Role

    bare = register("13522223333", "secret-pass-1", Role.WORKER)
    assert services.recommend_gigs(bare) == []
