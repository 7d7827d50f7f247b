"""Administrative division codes (GB/T 2260) that identity numbers and credit codes carry.

Standards: GB 11643-1999 makes the first six digits of a 身份证 number the address code of the
place where the number was issued, and GB 32100-2015 makes characters 3-8 of a 统一社会信用代码 the
division of the registration authority; both take the code from GB/T 2260, published each year by
the Ministry of Civil Affairs as 中华人民共和国行政区划代码.

Data: ``seeds/divisions.csv`` (source and licence in ``seeds/SOURCES.md``), one row per code,
name and period. A number keeps the code it was issued with after a division is abolished or
renumbered (e.g. 330204 宁波市江东区, abolished in 2016), so every code ever listed is accepted;
the periods are kept for reference, not used to refuse. A division created after the list was
compiled is added as a new row.

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

__all__ = ["DIVISIONS_CSV", "is_division_code"]

DIVISIONS_CSV = Path(__file__).resolve().parents[2] / "seeds" / "divisions.csv"


@cache
def _codes(path: Path = DIVISIONS_CSV) -> frozenset[str]:
    """Every code listed in the division table, read once."""
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle))


def is_division_code(code: str) -> bool:
    """True when ``code`` is a GB/T 2260 division code that has ever been in force."""
    return code in _codes()
