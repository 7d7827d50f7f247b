"""N(十五): 服务时间、报酬、休息休假、劳动保护 and 调解仲裁 — the six terms, read from clauses."""

import pytest

from marketplace.policy.agreement_terms import TERMS, Sample, missing_term

SAMPLE = Sample("2026年5月1日", "08:00", "12:00", "987.65", "2026年5月8日")
GOOD = {
    "time": "服务时间：2026年5月1日 08:00 至 12:00",
    "pay": "报酬 987.65 元/天，最晚在 2026年5月8日 付清",
    "rest": "连续工作满 4 小时应安排休息",
    "protection": "提供安全防护用品；工伤保险：已参加",
    "dispute": "先商量；不成的申请调解；调解不成的申请仲裁",
}


def test_all_six_terms_stated_n15():
    """A text that states every term passes."""
    assert missing_term(GOOD, SAMPLE) is None


@pytest.mark.parametrize(
    ("clause", "text", "term"),
    [
        ("time", "服务时间：另行通知", "time"),
        ("pay", "报酬面议，最晚在 2026年5月8日 付清", "pay"),
        ("pay", "报酬 987.65 元/天", "pay_date"),
        ("rest", "", "rest"),
        ("protection", "工伤保险：已参加", "protection"),
        ("dispute", "先申请仲裁，再调解", "dispute"),
        ("dispute", "双方协商解决", "dispute"),
    ],
)
def test_each_missing_term_is_named_n15(clause, text, term):
    """The first missing term is named, so the admin knows what to add."""
    assert missing_term({**GOOD, clause: text}, SAMPLE) == TERMS[term]
