"""Demo gigs say what to bring (issue 5), chosen by skill so the rest of the demo is unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from marketplace.models import Gig, Skill, db
from marketplace.seeding.demo import generate_demo
from marketplace.seeding.demo.bring import ID_CARD, what_to_bring
from marketplace.seeding.demo.context import SkillRef
from marketplace.seeding.reference import load_reference

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _ref(code: str, family: str) -> SkillRef:
    return SkillRef(0, code, code.split(".")[0], 0, family, "", ())


@pytest.fixture
def small_demo(app):
    load_reference(SEEDS)
    return generate_demo(today=date(2026, 11, 21), scale=0.05)


def test_items_follow_the_skill():
    """补网 asks for gloves and scissors, cleaning for work clothes; other work for the ID card."""
    assert what_to_bring(_ref("fishing.net_mending", "fishing_vessel")) == "手套、剪刀"
    assert what_to_bring(_ref("cleaning.cleaner", "cleaning")) == "工作服"
    assert what_to_bring(_ref("catering.dishwasher", "kitchen")) == "健康证"
    assert what_to_bring(_ref("community.grid_worker", "grid")) == ID_CARD


def test_every_demo_gig_says_what_to_bring(small_demo):
    """Each demo gig names items that fit one of its skills, within the 200-character column."""
    gigs = db.session.scalars(select(Gig)).all()
    assert gigs and all(0 < len(g.what_to_bring) <= 200 for g in gigs)
    for gig in gigs:
        fitting = {what_to_bring(_ref(s.code, s.family)) for s in gig.skills}
        assert gig.what_to_bring in fitting, (gig.title, gig.what_to_bring)
    assert len({g.what_to_bring for g in gigs}) >= 5  # the items vary with the work
    mending = db.session.scalar(select(Skill).where(Skill.code == "fishing.net_mending"))
    story = [g for g in gigs if g.title == "休渔期补网工" and mending in g.skills]
    assert story and all(g.what_to_bring == "手套、剪刀" for g in story)
