"""Skills: codes, synonyms in free text, and partial credit within a family."""

from __future__ import annotations

from matching import MatchRanker

from .conftest import ids, make_job, make_worker, said


def test_free_text_synonyms_relate_to_the_taxonomy(taxonomy):
    hourly = taxonomy.text_profile("钟点工")
    assert "domestic.hourly_worker" in hourly
    assert "domestic.housekeeping" in hourly  # 钟点工 is a synonym of 家政保洁
    assert "cleaning.cleaner" in taxonomy.text_profile("保洁")
    assert "cleaning.cleaner" in taxonomy.text_profile("I do cleaning")


def test_worker_who_writes_钟点工_ranks_for_a_家政保洁_job(ranker):
    job = make_job(skills=("domestic.housekeeping",), text="家政保洁")
    writes = make_worker(1, km=3, text="做过钟点工，会打扫卫生")
    unrelated = make_worker(2, km=1, skills=("warehouse.forklift",))
    assert ids(ranker.rank_workers(job, [unrelated, writes], k=2))[0] == 1


def test_job_text_alone_finds_skilled_workers(ranker):
    job = make_job(text="招保洁阿姨，打扫办公室")
    cleaner = make_worker(1, km=4, skills=("cleaning.cleaner",))
    driver = make_worker(2, km=1, skills=("driving.taxi",))
    assert ids(ranker.rank_workers(job, [driver, cleaner], k=2))[0] == 1


def test_same_family_counts_partly(ranker, taxonomy):
    """补网 and 渔船船员 share the fishing_vessel family: between exact and unrelated."""
    job = make_job(skills=("fishing.net_mending",))
    exact = make_worker(1, skills=("fishing.net_mending",))
    family = make_worker(2, skills=("fishing.deck_hand",))
    unrelated = make_worker(3, skills=("catering.cook",))
    matches = ranker.rank_workers(job, [unrelated, family, exact], k=3)
    assert ids(matches) == [1, 2, 3]
    assert "Related skills: Fishing deck hand" in said(matches[1], taxonomy)
    assert not any("kills" in r for r in said(matches[2]))


def test_without_taxonomy_codes_match_by_prefix():
    ranker = MatchRanker()
    job = make_job(skills=("fishing.net_mending",))
    exact = make_worker(1, km=5, skills=("fishing.net_mending",))
    prefix = make_worker(2, km=5, skills=("fishing.anything",))
    other = make_worker(3, km=5, skills=("catering.cook",))
    matches = ranker.rank_workers(job, [other, prefix, exact], k=3)
    assert ids(matches) == [1, 2, 3]
    assert "Skills match: fishing.net_mending" in said(matches[0])
    assert "Related skills: fishing.anything" in said(matches[1])


def test_job_needing_two_skills_prefers_the_worker_with_both(ranker, taxonomy):
    job = make_job(skills=("cleaning.cleaner", "cleaning.greening"))
    both = make_worker(1, km=5, skills=("cleaning.cleaner", "cleaning.greening"))
    one = make_worker(2, km=5, skills=("cleaning.cleaner",))
    matches = ranker.rank_workers(job, [one, both], k=2)
    assert ids(matches) == [1, 2]
    assert "Skills match: Cleaner, Landscaping & greening" in said(matches[0], taxonomy)
    assert "Skills match: Cleaner" in said(matches[1], taxonomy)


def test_taxonomy_from_rows_names_and_fallbacks():
    from matching import Taxonomy

    tax = Taxonomy.from_rows(
        [{"code": "x.a", "category_code": "x", "family": "fa", "name_zh": "甲", "name_en": "A",
          "synonyms_zh": "阿|啊", "synonyms_en": "ay"}]
    )  # fmt: skip
    assert tax.name("x.a") == "甲" and tax.name("x.a", "en") == "A"
    assert tax.family("x.a") == "fa" and tax.family("y.b") == "y"  # unknown codes: the prefix
    assert tax.text_profile("我会阿") == {"x.a": 0.85}
    assert tax.text_profile("ay") == {"x.a": 0.85}
