"""The ranker's reasons reach users through gettext in their language and say only what is true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from marketplace.models import Skill, db
from matching import MESSAGES
from tests.factories import make_employer, make_gig, make_worker, town

CATALOG = (
    Path(__file__).resolve().parents[2]
    / "marketplace/translations/zh_Hans_CN/LC_MESSAGES/messages.po"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-z]|%%")


def test_every_reason_message_has_its_chinese_text():
    """Each message id the ranker can return is translated, with the same placeholders."""
    with CATALOG.open("rb") as fh:
        catalog = read_po(fh)
    assert len(MESSAGES) >= 35
    for msgid in MESSAGES:
        entry = catalog.get(msgid)
        assert entry is not None and entry.string and not entry.fuzzy, msgid
        assert sorted(PLACEHOLDER.findall(entry.string)) == sorted(PLACEHOLDER.findall(msgid))


def _skill(code: str) -> Skill:
    return db.session.scalar(select(Skill).where(Skill.code == code))


@pytest.fixture
def crab_market(app):
    """A gig asking only for 蟹类加工; a worker with 蟹类加工 and 渔船船员; a deck hand."""
    shipu = town("石浦镇")
    crab, deck = _skill("fishing.crab_processing"), _skill("fishing.deck_hand")
    employer = make_employer()
    gig = make_gig(
        employer, title="梭子蟹分拣", category_code="fishing", town_id=shipu.id, skill_ids=[crab.id]
    )
    both = make_worker("蟹工老王", town_id=shipu.id, skill_ids=[crab.id, deck.id])
    deckhand = make_worker("船员小李", town_id=shipu.id, skill_ids=[deck.id])
    db.session.commit()
    return employer, gig, both, deckhand


def _reasons(page: str, name: str) -> str:
    """The reasons list that follows ``name`` on a candidates page."""
    start = page.index(name)
    block = page[page.index('data-testid="reasons"', start) :]
    return block[: block.index("</ul>")]


def test_skills_match_names_only_skills_the_gig_asks_for(client, login, crab_market):
    """Issue 11 §6: not '技能匹配：蟹类加工、渔船船员' for a gig asking for 蟹类加工 only."""
    employer, gig, both, deckhand = crab_market
    login(client, employer)
    page = client.get(f"/gigs/{gig.id}/candidates").get_data(as_text=True)
    mine = _reasons(page, "蟹工老王")
    assert "技能匹配：蟹类加工<" in mine and "渔船船员" not in mine
    assert "相关技能：渔船船员" in _reasons(page, "船员小李")  # kin is said as kin
    assert "距离 0.0 公里" in mine and "新人，暂无评价" in mine


def test_worker_reads_the_reasons_in_english_when_asked(client, login, crab_market):
    _, gig, both, _ = crab_market
    login(client, both)
    page = client.get("/dashboard?lang=en").get_data(as_text=True)
    section = page[page.index('data-testid="recommended"') :]
    assert "梭子蟹分拣" in section and "Skills match: Crab processing<" in section
    assert "0.0 km away" in section and "技能" not in section
