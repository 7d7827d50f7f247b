"""GB/T 2260 division codes in 身份证 numbers and GB 32100-2015 credit-code structure.

Sources: seeds/division_codes.csv (GB/T 2260 county-level-and-above codes 1981–2024, with the NBS
统计用区划代码 功能区 rows) and seeds/credit_code_types.csv (GB 32100-2015 附录 A); see
seeds/SOURCES.md.
"""

import csv
import datetime

import pytest

from marketplace.policy import divisions
from marketplace.policy.identity import (
    MSG_CREDIT_REGION,
    MSG_CREDIT_TYPE,
    MSG_ID_REGION,
    IdentityError,
    normalise_credit_code,
    parse_id_number,
)
from tests.factories import credit_code_with, id_number

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("330203", "海曙区"),
        ("330212", "鄞州区"),
        ("330204", "江东区"),  # abolished 2016: old numbers keep it
        ("330227", "鄞县"),  # abolished 2002
        ("110105", "朝阳区"),
        ("652901", "阿克苏市"),
    ],
)
def test_real_division_codes_are_accepted_gbt2260(code, name):
    """GB 11643-1999: characters 1-6 are a GB/T 2260 code, including abolished ones."""
    rows = list(csv.DictReader(divisions.DIVISIONS_CSV.open(encoding="utf-8")))
    assert any(r["code"] == code and r["name"] == name for r in rows)
    number = id_number(datetime.date(1980, 5, 5), region=code)
    assert parse_id_number(number, today=TODAY).region_code == code


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("000000", id="zeros"),
        pytest.param("999999", id="no such province"),
        pytest.param("330299", id="no such Ningbo county"),
        pytest.param("331234", id="no such Zhejiang city"),
        pytest.param("123456", id="made up"),
    ],
)
def test_made_up_division_codes_are_refused_gbt2260(code):
    """A number with a valid check character but no real division code is refused."""
    number = id_number(datetime.date(1980, 5, 5), region=code)
    with pytest.raises(IdentityError) as refused:
        parse_id_number(number, today=TODAY)
    assert refused.value.msgid == MSG_ID_REGION


def test_city_district_and_permit_codes_are_accepted_gbt2260():
    """市辖区 xxxx01 under a listed city; 港澳台居民居住证 81/82/830000 (国办发〔2018〕81号)."""
    for code in ("330201", "810000", "820000", "830000"):
        assert parse_id_number(id_number(datetime.date(1990, 1, 1), region=code), today=TODAY)


def test_the_whole_national_list_is_there():
    """Every province has codes, and Ningbo's ten current divisions are all listed."""
    rows = list(csv.DictReader(divisions.DIVISIONS_CSV.open(encoding="utf-8")))
    provinces = {r["code"][:2] for r in rows}
    assert len(provinces) >= 34
    ningbo_now = {r["code"] for r in rows if r["code"].startswith("3302") and not r["until_year"]}
    assert {"330203", "330205", "330206", "330211", "330212", "330213"} <= ningbo_now
    assert {"330225", "330226", "330281", "330282"} <= ningbo_now


@pytest.mark.parametrize(
    ("prefix", "division"),
    [
        pytest.param("91", "330200", id="企业 宁波市"),
        pytest.param("92", "330225", id="个体工商户 象山县"),
        pytest.param("93", "330281", id="农民专业合作社 余姚市"),
        pytest.param("52", "330212", id="民办非企业单位 鄞州区"),
        pytest.param("12", "100000", id="事业单位, national level"),
        pytest.param("N2", "330226", id="村级集体经济组织 宁海县"),
    ],
)
def test_credit_code_structure_accepted_gb32100(prefix, division):
    """GB 32100-2015: authority, type (附录 A) and the authority's GB/T 2260 code."""
    code = credit_code_with(prefix, division)
    assert normalise_credit_code(code) == code


@pytest.mark.parametrize(
    ("prefix", "division", "msgid"),
    [
        pytest.param("94", "330200", MSG_CREDIT_TYPE, id="工商 has no type 4"),
        pytest.param("B1", "330200", MSG_CREDIT_TYPE, id="no authority B"),
        pytest.param("01", "330200", MSG_CREDIT_TYPE, id="no authority 0"),
        pytest.param("91", "339999", MSG_CREDIT_REGION, id="no such division"),
        pytest.param("91", "330227", MSG_CREDIT_REGION, id="鄞县 was gone before 2015"),
    ],
)
def test_credit_code_structure_refused_gb32100(prefix, division, msgid):
    """A code with a correct check character but a wrong structure is refused."""
    with pytest.raises(IdentityError) as refused:
        normalise_credit_code(credit_code_with(prefix, division))
    assert refused.value.msgid == msgid
