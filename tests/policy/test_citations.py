"""Source codes become readable citations: the full short title of each source (POLICY.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marketplace.policy.citations import chinese_number, readable

ROOT = Path(__file__).resolve().parents[2]
NOTICE = "《宁波市关于进一步做好支持灵活就业工作的通知》"
PRACTICE = "《宁波市对灵活就业人员的支持政策和主要做法》"
# A code as the code base writes it: N(九), P 三(二), 劳社部发〔2005〕12号.
CODE = re.compile(r"N\([一二三四五六七八九十]+\)|P [一二三四五六七八九十]+|劳社部发〔\d{4}〕\d+号")


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("N(九)", f"{NOTICE}第九条", "Flexible Employment (2021-12-28), item 9"),
        ("N(十五)", f"{NOTICE}第十五条", "item 15"),
        (
            "N(十一); P 三(二)",
            f"{NOTICE}第十一条；{PRACTICE}第三部分第（二）项",
            "item 11; Ningbo's Support Policies and Practices for Flexible Workers, part 3, item 2",
        ),
        ("N(十五), P 五(三)", f"{NOTICE}第十五条；{PRACTICE}第五部分第（三）项", "part 5, item 3"),
        (
            "劳社部发〔2005〕12号 第一条",
            "《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第一条",
            "Establishment of Labour Relations (劳社部发〔2005〕12号), article 1",
        ),
        (
            "劳社部发〔2003〕12号 第十二条",
            "《关于非全日制用工若干问题的意见》（劳社部发〔2003〕12号）第十二条",
            "Part-time Employment (劳社部发〔2003〕12号), article 12",
        ),
        (
            "宁波市支持灵活就业通知（2021-12-28）第（三）、（十五）项",
            f"{NOTICE}第三、十五条",
            "items 3, 15",
        ),
    ],
)
def test_codes_read_as_titles_in_both_languages(code, zh, en):
    """Each code names its document by title, and the item or article, in Chinese and English."""
    assert readable(code, "zh") == zh
    assert en in readable(code, "en")
    assert not CODE.search(readable(code, "en").replace("（劳社部发", "").replace("(劳社部发", ""))


def test_plain_text_is_left_alone():
    """A citation already in words (e.g. the NPC decision) passes through unchanged."""
    text = "NPC Standing Committee decision of 2024-09-13, annex art. 1 and tables"
    assert readable(text, "en") == text


@pytest.mark.parametrize(
    ("text", "n"), [("一", 1), ("九", 9), ("十", 10), ("十五", 15), ("二十三", 23)]
)
def test_chinese_numbers(text, n):
    """Item numbers in Chinese numerals count as they read."""
    assert chinese_number(text) == n


def test_every_citation_in_the_code_base_becomes_readable():
    """Every citation= literal in the code and templates reads without a bare code left."""
    found = set()
    for path in [*ROOT.glob("marketplace/**/*.py"), *ROOT.glob("templates/**/*.html")]:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'citation\s*=\s*"([^"]+)"', text))
        found |= set(re.findall(r'(?:source|citation)="(N\([^"]+)"\|cite', text))
        found |= set(re.findall(r'^CITATION_\w+ = "([^"]+)"', text, flags=re.M))
    assert len(found) >= 5
    for code in found:
        for lang in ("zh", "en"):
            shown = readable(code, lang)
            assert not re.search(r"N\(|P [一二三四五六七八九十]", shown), (code, shown)
