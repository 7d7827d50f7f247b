"""Code lists the identity checks need: GB/T 2260 division codes and GB 32100 code types.

Sources (see seeds/SOURCES.md for how the files were built and what they cover):

* ``seeds/division_codes.csv`` — every county-level-and-above code of 中华人民共和国行政区划代码
  (GB/T 2260, as published yearly by the Ministry of Civil Affairs) in use at any time from 1981 to
  2024, with the years it was in use, plus the 功能区 codes (development zones) of the NBS
  统计用区划代码 that registration authorities also use.
* ``seeds/credit_code_types.csv`` — GB 32100-2015 附录 A: 登记管理部门代码 (position 1) and
  机构类别代码 (position 2) of the unified social credit code.

Rules, documented so they can be checked:

* A 身份证 number's address code is that of the county where the person's 户口 was when the
  number was assigned (GB 11643-1999), and the number never changes afterwards (居民身份证法
  art. 3: 公民身份号码是每个公民唯一的、终身不变的身份代码). So any code that was ever in the list
  counts, including abolished ones (e.g. 330204 江东区, 330227 鄞县).
* GB/T 2260 lists a 市辖区 code (xxxx01) under each prefecture-level city; the published yearly
  lists used here leave those rows out, so xxxx01 counts when its city (xxxx00) is listed.
* 港澳台居民居住证 numbers use 810000 (Hong Kong), 820000 (Macao) and 830000 (Taiwan) as their
  address code (港澳台居民居住证申领发放办法, 国办发〔2018〕81号); 830000 is not a division code.
* A credit code's division (positions 3–8) is the registration authority's; codes were first
  issued on 2015-10-01 (国发〔2015〕33号), so the division must have been in use in 2015 or later,
  or be 100000 for authorities at national level.

This module is pure: no Flask, no database, standard library only.
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = [
    "CREDIT_CODES_FROM_YEAR",
    "credit_type_name",
    "is_credit_division",
    "is_id_division",
]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DIVISIONS_CSV = SEEDS / "division_codes.csv"
CREDIT_TYPES_CSV = SEEDS / "credit_code_types.csv"

# 国发〔2015〕33号: unified social credit codes were issued from 2015-10-01.
CREDIT_CODES_FROM_YEAR = 2015
# 国办发〔2018〕81号: address codes of 港澳台居民居住证 numbers.
RESIDENCE_PERMIT_CODES = frozenset({"810000", "820000", "830000"})
# GB 32100-2015: registration authorities at national level use 100000.
NATIONAL_CODE = "100000"


def _read_divisions(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Return (every code ever listed, codes in use in or after CREDIT_CODES_FROM_YEAR)."""
    ever: set[str] = set()
    recent: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ever.add(row["code"])
            until = row["until_year"]
            if not until or int(until) >= CREDIT_CODES_FROM_YEAR:
                recent.add(row["code"])
    return frozenset(ever), frozenset(recent)


def _read_credit_types(path: Path) -> dict[str, str]:
    """Return {authority + type: "部门 / 类别"} from GB 32100-2015 附录 A."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["authority"] + row["type"]: f"{row['authority_name']} / {row['type_name']}"
            for row in csv.DictReader(handle)
        }


_EVER, _SINCE_2015 = _read_divisions(DIVISIONS_CSV)
_CREDIT_TYPES = _read_credit_types(CREDIT_TYPES_CSV)


def _listed(code: str, codes: frozenset[str]) -> bool:
    """True if ``code`` is listed, or is the 市辖区 (xxxx01) of a listed city (xxxx00)."""
    return code in codes or (code.endswith("01") and code[:4] + "00" in codes)


def is_id_division(code: str) -> bool:
    """True if ``code`` can be the address code of a 身份证 or 港澳台 residence permit."""
    return code in RESIDENCE_PERMIT_CODES or _listed(code, _EVER)


def is_credit_division(code: str) -> bool:
    """True if ``code`` can be a credit code's registration-authority division (GB 32100)."""
    return code == NATIONAL_CODE or _listed(code, _SINCE_2015)


def credit_type_name(authority_and_type: str) -> str | None:
    """The 登记管理部门 / 机构类别 of a credit code's first two characters, or None."""
    return _CREDIT_TYPES.get(authority_and_type)
