"""Policy figures live in seeds/ or named constants with their source, and both languages' texts
show the same figures: 60 days (N(二)), 2 years (N(十一)), 12 months of 居住证 (N(九))."""

import csv
import re
from datetime import date
from pathlib import Path

from babel.messages.pofile import read_po

from marketplace.policy import entitlements, registration, subsidy

PO = (
    Path(__file__).resolve().parents[2]
    / "marketplace/translations/zh_Hans_CN/LC_MESSAGES/messages.po"
)


def test_every_figure_row_has_a_source_and_a_date():
    """seeds/policy_figures.csv: each figure names its document and effective date."""
    with subsidy.FIGURES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["key"] for r in rows} >= {
        "registration.deadline_days",
        "subsidy.graduate_window_years",
        "medical.permit_months",
    }
    for row in rows:
        assert row["source"].startswith(("N(", "P ")), row["key"]
        date.fromisoformat(row["effective_on"])


def test_constants_are_the_seed_figures_n2_n9_n11():
    """N(二) 60日, N(九) 居住证满1年, N(十一) 离校2年: the code uses the seeds' values."""
    assert registration.DEADLINE_DAYS == 60
    assert entitlements.PERMIT_MONTHS_FOR_MEDICAL == 12
    assert subsidy.GRADUATE_WINDOW_YEARS == 2


# Month names are calendar words, not figures: in Chinese they are written with digits (4月).
MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", re.sub(r"%\(\w+\)\w", "", text)))


def test_the_chinese_text_adds_no_figure_the_english_lacks():
    """A figure written into one language only would go stale when the data changes."""
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id or not message.string or message.id in MONTHS:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = set().union(*(_numbers(i) for i in ids))
        for text in strings:
            assert _numbers(text) <= allowed, (ids[0], text)


def test_medical_answer_states_the_permit_figure_n9():
    """N(九): the months come from the data, not from the wording."""
    person = entitlements.Person(
        hukou="other",
        birth=date(1990, 1, 1),
        group="male",
        residence_permit_since=date(2026, 1, 15),
    )
    answer = entitlements.medical(person, date(2026, 6, 20))
    assert answer.missing[0][1] == {"needed": 12, "months": 7}
