"""Keyword search: title, skills (names and synonyms, 中文 and English), employer, description.

Each test runs on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm). Words of one or two Chinese
characters ("保洁", "补网") take the LIKE path, longer ones the trigram index; both must agree.
"""

from __future__ import annotations

from sqlalchemy import select

from marketplace.employers.services import EmployerProfileInput, save_profile
from marketplace.gigs.search import GigFilters, search
from marketplace.models import EmployerKind, EmployerProfile, Skill, WorkForm, db
from tests.factories import make_employer, make_gig

PLAIN = "按时到岗，听从安排。"  # a description that matches none of the words searched below


def _skill(code: str) -> Skill:
    return db.session.scalar(select(Skill).where(Skill.code == code))


def _titles(keywords: str, **filters) -> list[str]:
    page, _ = search(GigFilters(keywords=keywords, **filters))
    return [gig.title for gig in page.items]


def _market():
    """Three employers' gigs: cleaning, net mending (by skill only) and fruit picking."""
    cleaners = make_employer("宁波洁美物业服务有限公司")
    port = make_employer("象山石浦海港水产有限公司")
    farm = make_employer("余姚杨梅合作社")
    make_gig(
        cleaners, title="小区保洁员", description=PLAIN, skill_ids=[_skill("cleaning.cleaner").id]
    )
    make_gig(port, title="休渔期补网工", description=PLAIN)
    make_gig(
        port,
        title="渔港帮工",
        description=PLAIN,
        category_code="fishing",
        skill_ids=[_skill("fishing.net_mending").id],
    )
    make_gig(farm, title="杨梅采摘", description="上山采摘杨梅，包午饭。")
    db.session.commit()


def test_two_character_words_find_their_gigs_only(app):
    """ "保洁" and "补网" are shorter than a trigram: found by title or skill, nothing else."""
    _market()
    assert _titles("保洁") == ["小区保洁员"]
    # 补网 is in one title and is the Chinese name of the other gig's skill.
    assert sorted(_titles("补网")) == ["休渔期补网工", "渔港帮工"]
    assert _titles("采摘") == ["杨梅采摘"]


def test_synonyms_and_english_skill_names_find_the_gig(app):
    """A synonym (织网, 网具修补), the English name or synonym in any case finds the skill's gig."""
    _market()
    for words in (
        "织网",
        "网具修补",
        "Net mending",
        "NET MENDING",
        "fishing net repair",
        "janitor",
    ):
        expected = ["小区保洁员"] if words == "janitor" else ["渔港帮工"]
        assert _titles(words) == expected, words


def test_employer_name_and_description_are_searched(app):
    """Part of an employer's name finds all its gigs; a word of a description finds that gig."""
    _market()
    assert sorted(_titles("海港水产")) == ["休渔期补网工", "渔港帮工"]
    assert _titles("包午饭") == ["杨梅采摘"]
    assert _titles("洁美 保洁员") == ["小区保洁员"]  # every word must be found
    assert _titles("洁美 杨梅") == []


def test_title_match_ranks_first_then_the_chosen_sort(app):
    """A title match outranks a newer gig that only mentions the word in its description."""
    employer = make_employer()
    make_gig(employer, title="保洁员（老岗位）", description=PLAIN, pay_fen=15000)
    make_gig(employer, title="小时工", description="主要做保洁和收纳。", pay_fen=40000)
    make_gig(employer, title="开荒保洁", description=PLAIN, pay_fen=30000)
    db.session.commit()
    assert _titles("保洁") == ["开荒保洁", "保洁员（老岗位）", "小时工"]
    assert _titles("保洁", sort="pay") == ["开荒保洁", "保洁员（老岗位）", "小时工"]
    assert _titles("", sort="pay") == ["小时工", "开荒保洁", "保洁员（老岗位）"]


def test_changed_title_skill_and_employer_are_found_by_the_new_words(app):
    """After an edit the new words find the gig and the old ones no longer do."""
    employer = make_employer("石浦海产合作社")
    gig = make_gig(
        employer, title="晒鱼工", description=PLAIN, skill_ids=[_skill("fishing.net_mending").id]
    )
    db.session.commit()
    gig.title = "鱼鲞晾晒工"
    gig.skills = [_skill("cleaning.cleaner")]
    db.session.commit()
    assert _titles("鱼鲞晾晒") == ["鱼鲞晾晒工"] and _titles("晒鱼工") == []
    assert _titles("打扫卫生") == ["鱼鲞晾晒工"] and _titles("织网") == []
    cleaner = _skill("cleaning.cleaner")
    synonyms = cleaner.synonyms_zh
    cleaner.synonyms_zh += "|擦玻璃工"  # what a reload of seeds/skills.csv with a new synonym does
    db.session.commit()
    try:
        assert _titles("擦玻璃") == ["鱼鲞晾晒工"]
    finally:
        cleaner.synonyms_zh = synonyms  # reference data outlives the test
        db.session.commit()
    profile = db.session.get(EmployerProfile, employer.id)
    save_profile(
        employer,
        EmployerProfileInput(
            kind=EmployerKind.COMPANY,
            name="东海渔业合作社",
            credit_code=profile.credit_code,
            contact_name=profile.contact_name,
            town_id=profile.town_id,
            address=profile.address,
        ),
    )
    db.session.commit()
    assert _titles("东海渔业") == ["鱼鲞晾晒工"] and _titles("海产合作") == []


def test_drafts_closed_and_past_gigs_stay_hidden(app):
    """A gig waiting for verification is not found by its words."""
    make_gig(make_employer("待审核保洁公司", verified=False), title="楼道保洁", description=PLAIN)
    db.session.commit()
    assert _titles("保洁") == [] and _titles("楼道保洁") == []


def test_keywords_combine_with_filters_and_pages(app):
    """A keyword narrows a filtered list, and its pages split the ranked result."""
    _market()
    employer = make_employer()
    for day in range(3):
        form = WorkForm.FLEXIBLE if day == 0 else WorkForm.TEMPORARY
        make_gig(employer, title=f"保洁钟点工{day}", description=PLAIN, work_form=form)
    db.session.commit()
    assert _titles("保洁", work_form=WorkForm.FLEXIBLE) == ["保洁钟点工0"]
    assert _titles("补网", work_form=WorkForm.FLEXIBLE) == []
    first, _ = search(GigFilters(keywords="保洁", sort="newest"), page=1, per_page=2)
    second, _ = search(GigFilters(keywords="保洁", sort="newest"), page=2, per_page=2)
    assert first.total == 4
    titles = [g.title for g in first.items + second.items]
    assert titles[0] == "小区保洁员" and sorted(titles[1:]) == [
        "保洁钟点工0",
        "保洁钟点工1",
        "保洁钟点工2",
    ]
