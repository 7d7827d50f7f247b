"""Reference data, and the gig pages visitors see, are kept per process and refreshed on change.

A kept page is one for visitors who are not signed in: it is shown while the data it was made
from has not moved (the version stamps) and for ``PAGE_CACHE_SECONDS`` at most.
"""

from __future__ import annotations

from sqlalchemy import select

from marketplace import index_versions as versions
from marketplace.gigs import page_cache
from marketplace.models import District, Gig, db
from marketplace.seeding.reference import load_reference
from tests.conftest import ROOT
from tests.factories import make_employer, make_gig, make_worker

PLAIN = "按时到岗，听从安排。"


def test_reference_data_is_read_once_per_process(client, count_queries, app):
    """Rendered afresh, the list asks for no district, town or category: they are kept."""
    app.config["PAGE_CACHE_SECONDS"] = 0
    try:
        client.get("/gigs")
        with count_queries() as counted:
            assert client.get("/gigs?district_id=1").status_code == 200
    finally:
        app.config["PAGE_CACHE_SECONDS"] = 15
    read = " ".join(counted.statements)
    assert not any(f"FROM {table}" in read for table in ("district", "town", "skill_category"))


def test_a_reference_change_shows_on_the_next_page(client):
    """A district renamed and its stamp moved is shown at once; reloading seeds/ restores it."""
    district = db.session.scalar(select(District).order_by(District.code))
    name = district.name_zh
    assert name in client.get("/gigs").get_data(as_text=True)
    district.name_zh = "测试新区"
    versions.bump(versions.REFERENCE)
    db.session.commit()
    assert "测试新区" in client.get("/gigs").get_data(as_text=True)
    load_reference(ROOT / "seeds")  # what `flask seed` does
    db.session.commit()
    page = client.get("/gigs").get_data(as_text=True)
    assert name in page and "测试新区" not in page


def test_the_list_is_kept_and_a_new_gig_shows_at_once(client, count_queries):
    """A second visit reads only the version stamps; a gig posted since is listed at once."""
    employer = make_employer()
    make_gig(employer, title="小区保洁员", description=PLAIN)
    db.session.commit()
    assert "小区保洁员" in client.get("/gigs").get_data(as_text=True)
    with count_queries() as counted:
        assert "小区保洁员" in client.get("/gigs").get_data(as_text=True)
    assert counted.n == 1
    make_gig(employer, title="杨梅采摘", description=PLAIN)
    db.session.commit()
    assert "杨梅采摘" in client.get("/gigs").get_data(as_text=True)


def test_a_kept_page_expires(client, monkeypatch):
    """A change no stamp records (here a title edited in place) shows once the seconds pass."""
    gig = make_gig(make_employer(), title="小区保洁员", description=PLAIN)
    db.session.commit()
    client.get("/gigs")
    client.get(f"/gigs/{gig.id}")
    db.session.execute(Gig.__table__.update().values(title="楼道保洁员"))
    db.session.commit()
    assert "小区保洁员" in client.get("/gigs").get_data(as_text=True)
    assert "<h1>小区保洁员</h1>" in client.get(f"/gigs/{gig.id}").get_data(as_text=True)
    later = page_cache.time.monotonic() + 16
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert "楼道保洁员" in client.get("/gigs").get_data(as_text=True)
    assert "楼道保洁员" in client.get(f"/gigs/{gig.id}").get_data(as_text=True)


def test_each_language_has_its_own_page(client):
    """The kept Chinese list is not shown to a reader who chose English."""
    assert "找工作" in client.get("/gigs").get_data(as_text=True)
    english = client.get("/gigs?lang=en").get_data(as_text=True)
    assert "Find gigs" in english and "找工作" not in english


def test_signed_in_users_get_their_own_page(client, login):
    """A visitor's kept page never reaches a worker: the worker sees 报名 and the news at once."""
    gig = make_gig(make_employer("石浦海产合作社"), title="休渔期补网工", description=PLAIN)
    db.session.commit()
    visitor = client.get(f"/gigs/{gig.id}").get_data(as_text=True)
    assert "石浦海产合作社" in visitor and "登录后报名" in visitor
    client.get("/gigs")
    db.session.execute(Gig.__table__.update().values(title="补网临时工"))
    db.session.commit()
    assert "休渔期补网工" in client.get("/gigs").get_data(as_text=True)  # the visitor's, kept
    worker = make_worker("陈阿海")
    signed_in = client.application.test_client()
    login(signed_in, worker)
    page = signed_in.get(f"/gigs/{gig.id}").get_data(as_text=True)
    assert "补网临时工" in page and "报名" in page and "登录后报名" not in page
    assert "补网临时工" in signed_in.get("/gigs").get_data(as_text=True)
