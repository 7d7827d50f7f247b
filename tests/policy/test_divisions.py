"""seeds/divisions.csv: the GB/T 2260 codes that ID numbers and credit codes are checked against."""

from __future__ import annotations

import csv
import re

from marketplace.policy import divisions


def _rows() -> list[dict[str, str]]:
    with divisions.DIVISIONS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_rows_are_six_digit_codes_with_names_and_optional_years() -> None:
    """One row per code, name and period; a blank year is open-ended (seeds/SOURCES.md)."""
    rows = _rows()
    assert list(rows[0]) == ["code", "name", "first_year", "last_year"]
    for row in rows:
        assert re.fullmatch(r"[1-9]\d{5}", row["code"]), row
        assert row["name"], row
        assert all(re.fullmatch(r"(19|20)\d\d|", row[k]) for k in ("first_year", "last_year")), row
    assert len({(r["code"], r["name"], r["first_year"], r["last_year"]) for r in rows}) == len(rows)


def test_ningbo_history_is_there_including_abolished_and_old_codes() -> None:
    """Ningbo's divisions, with 江东区 (ended 2015) and 市辖区 rows older numbers carry."""
    rows = {(r["code"], r["name"]): r for r in _rows()}
    assert rows[("330204", "江东区")]["last_year"] == "2015"
    assert rows[("330212", "鄞州区")]["last_year"] == ""
    assert ("330201", "市辖区") in rows
    assert ("330227", "鄞县") in rows


def test_the_national_code_is_not_a_division_for_id_numbers() -> None:
    """100000 is accepted only in credit codes (marketplace.policy.credit_code), never as a row."""
    assert not divisions.is_division_code("100000")
    assert divisions.is_division_code("330204")
