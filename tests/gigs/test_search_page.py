"""The keyword box of the gig list: in the user's language, and calm with any input."""

from __future__ import annotations

import pytest

from marketplace.models import db
from tests.factories import make_employer, make_gig

PLAIN = "按时到岗，听从安排。"


@pytest.fixture
def gigs(app):
    employer = make_employer("宁波洁美物业服务有限公司")
    make_gig(employer, title="小区保洁员", description=PLAIN)
    make_gig(employer, title="杨梅采摘", description=PLAIN)
    db.session.commit()


def test_keyword_box_is_labelled_in_chinese_and_english(client):
    """The list page offers a keyword box, labelled 关键词 (Keywords in English)."""
    page = client.get("/gigs").get_data(as_text=True)
    assert 'type="search"' in page and 'name="q"' in page and ">关键词<" in page
    page = client.get("/gigs?lang=en").get_data(as_text=True)
    assert ">Keywords<" in page


def test_keyword_narrows_the_list_and_stays_in_the_box(client, gigs):
    """Searching 保洁 lists the cleaning gig only, and the box still shows 保洁."""
    response = client.get("/gigs?q=保洁")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "小区保洁员" in page and "杨梅采摘" not in page
    assert 'value="保洁"' in page


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "保洁*", "NEAR(保洁 杨梅)", '保洁" OR "杨梅', "保洁 AND", "^保洁", "%", "_",
     "\\", "'; DROP TABLE gig; --", "\u202e保洁", "🦀🦀🦀", "ｘ" * 100, "保 洁"],
)  # fmt: skip
def test_odd_keywords_are_words_not_syntax(client, gigs, query):
    """FTS5 syntax and LIKE wildcards are searched as text: no error, no wildcard match-all."""
    response = client.get("/gigs", query_string={"q": query})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    if query not in ("\u202e保洁", "保 洁"):
        assert "杨梅采摘" not in page  # a wildcard or an OR would have matched it
    else:
        assert "小区保洁员" in page  # the invisible mark is dropped; two words both found


def test_blank_and_overlong_keywords(client, gigs):
    """Only spaces lists everything; more than 100 characters is refused with a message."""
    page = client.get("/gigs", query_string={"q": "   \u3000 "}).get_data(as_text=True)
    assert "小区保洁员" in page and "杨梅采摘" in page
    response = client.get("/gigs", query_string={"q": "保洁" * 51})
    assert response.status_code == 400 and "100" in response.get_data(as_text=True)
