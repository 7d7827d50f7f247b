"""Tests for marketplace.policy.identity.

Standards under test:

* GB 11643-1999 citizen identification number: 18 characters, a GB/T 2260
  address code, a YYYYMMDD birth date, sex from the 17th digit, and an
  ISO 7064 MOD 11-2 check character.
* Mainland mobile numbers (MIIT numbering plan), 11 digits, 13x-19x.

Expected check characters come from ``_gb11643_check`` below. This oracle
computes the weights from the standard's formula (2**(18-i) mod 11) rather than
reuse the module's tables, and it is itself checked against the worked examples
published with the standard.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
from pathlib import Path

import pytest

from marketplace.policy import credit_code, divisions, identity

IdentityError = identity.IdentityError
IdNumber = identity.IdNumber
mask_id_number = identity.mask_id_number
mask_mobile = identity.mask_mobile
normalise_mobile = identity.normalise_mobile
parse_id_number = identity.parse_id_number

TODAY = datetime.date(2024, 6, 1)

MSG_ID_LENGTH = "The ID number must have 18 characters."
MSG_ID_DIGITS = "The first 17 characters of the ID number must be digits."
MSG_ID_LAST_CHAR = "The last character of the ID number must be a digit or X."
MSG_ID_CHECK = "The last character of the ID number does not match; please check it."
MSG_ID_DIVISION = (
    "The first six digits of the ID number are not a Chinese administrative division code."
)
MSG_ID_BAD_DATE = "The birth date in the ID number is not a real date."
MSG_ID_FUTURE = "The birth date in the ID number is in the future."
MSG_MOBILE = "The mobile number must be 11 digits starting with 13–19."


# --- Independent oracle --------------------------------------------------------


def _gb11643_check(first17: str) -> str:
    """GB 11643-1999 / ISO 7064 MOD 11-2 check character, derived from the formula."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def _id(first17: str) -> str:
    """Complete 17 digits into a GB 11643-1999 number with the correct check character."""
    return first17 + _gb11643_check(first17)


def test_oracle_matches_published_examples_gb11643() -> None:
    """The test oracle reproduces the GB 11643-1999 worked examples."""
    assert _id("11010519491231002") == "11010519491231002X"
    assert _id("44052418800101001") == "440524188001010014"


# --- GB 11643-1999: valid numbers ----------------------------------------------

VALID_IDS = [
    # (number, birth date, sex, region code)
    # GB 11643-1999 example (Beijing Chaoyang, check character X, female).
    ("11010519491231002X", datetime.date(1949, 12, 31), "female", "110105"),
    # GB 11643-1999 example (Guangdong, born 1880, male).
    ("440524188001010014", datetime.date(1880, 1, 1), "male", "440524"),
    # Ningbo Haishu (330203), male.
    ("330203199003071232", datetime.date(1990, 3, 7), "male", "330203"),
    # Ningbo Jiangbei (330205), check character X, female.
    ("33020519950718118X", datetime.date(1995, 7, 18), "female", "330205"),
    # Ningbo Xiangshan (330226), check character 0, female.
    ("330226199211080007", datetime.date(1992, 11, 8), "female", "330226"),
]


@pytest.mark.parametrize(("number", "birth", "sex", "region"), VALID_IDS)
def test_gb11643_valid_numbers_parse(
    number: str, birth: datetime.date, sex: str, region: str
) -> None:
    """GB 11643-1999: valid numbers parse with birth date, sex and address code."""
    assert number == _id(number[:17])  # the fixture really is valid
    result = parse_id_number(number, today=TODAY)
    assert result == IdNumber(number=number, birth_date=birth, sex=sex)
    assert result.region_code == region


def test_gb11643_lowercase_x_spaces_and_fullwidth_are_normalised() -> None:
    """GB 11643-1999: 'x' becomes 'X'; spaces and full-width digits are accepted."""
    assert parse_id_number(" 110105 19491231 002x ", today=TODAY).number == ("11010519491231002X")
    fullwidth = "３３０２０３１９９００３０７１２３２"
    assert parse_id_number(fullwidth, today=TODAY).number == "330203199003071232"


def test_gb11643_default_today_is_used_when_not_given() -> None:
    """GB 11643-1999: without `today`, the age check uses date.today()."""
    assert parse_id_number("11010519491231002X").birth_date.year == 1949


def test_gb11643_id_number_is_frozen() -> None:
    """GB 11643-1999 IdNumber values are immutable once parsed."""
    result = parse_id_number("11010519491231002X", today=TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.number = "x"  # type: ignore[misc]


# --- GB 11643-1999: invalid numbers --------------------------------------------


def _wrong_check_cases() -> list[tuple[str, str]]:
    """Every wrong check character for every valid GB 11643-1999 fixture."""
    cases = []
    for number, *_ in VALID_IDS:
        for char in "0123456789X":
            if char != number[17]:
                cases.append((number, char))
    return cases


@pytest.mark.parametrize(("number", "wrong"), _wrong_check_cases())
def test_gb11643_every_wrong_check_character_is_rejected(number: str, wrong: str) -> None:
    """GB 11643-1999 MOD 11-2: each of the 10 wrong check characters is rejected."""
    with pytest.raises(ValueError) as exc:
        parse_id_number(number[:17] + wrong, today=TODAY)
    assert str(exc.value) == MSG_ID_CHECK


@pytest.mark.parametrize(
    "text",
    [
        "",
        "11010519491231002",  # 17 characters
        "11010519491231002X0",  # 19 characters
        "110105491231002",  # 15-digit first-generation number
        "   ",
    ],
)
def test_gb11643_wrong_length_is_rejected(text: str) -> None:
    """GB 11643-1999: the number must have exactly 18 characters."""
    with pytest.raises(ValueError) as exc:
        parse_id_number(text, today=TODAY)
    assert str(exc.value) == MSG_ID_LENGTH


@pytest.mark.parametrize(
    "text",
    [
        "1101051949123100XX",  # X in position 17
        "A1010519491231002X",
        "110105-9491231002X",
        "11010519491231²02X",  # a non-ASCII "digit" (superscript two)
    ],
)
def test_gb11643_letters_in_first_17_are_rejected(text: str) -> None:
    """GB 11643-1999: the first 17 characters must be digits."""
    with pytest.raises(ValueError) as exc:
        parse_id_number(text, today=TODAY)
    assert str(exc.value) == MSG_ID_DIGITS


def test_gb11643_last_character_must_be_digit_or_x() -> None:
    """GB 11643-1999: the check character is 0-9 or X only."""
    with pytest.raises(ValueError) as exc:
        parse_id_number("11010519491231002A", today=TODAY)
    assert str(exc.value) == MSG_ID_LAST_CHAR


@pytest.mark.parametrize(
    "birth",
    ["19900230", "19900231", "19901301", "19900001", "19900100", "19000229", "20230229"],
)
def test_gb11643_impossible_birth_dates_are_rejected(birth: str) -> None:
    """GB 11643-1999: the YYYYMMDD birth date code must be a real calendar date."""
    number = _id("330203" + birth + "123")  # correct check character
    with pytest.raises(ValueError) as exc:
        parse_id_number(number, today=TODAY)
    assert str(exc.value) == MSG_ID_BAD_DATE


def test_gb11643_leap_day_birth_date_is_accepted() -> None:
    """GB 11643-1999: 29 February is accepted in a leap year (2000)."""
    result = parse_id_number(_id("33020320000229123"), today=TODAY)
    assert result.birth_date == datetime.date(2000, 2, 29)


def test_gb11643_future_birth_date_is_rejected() -> None:
    """GB 11643-1999: a birth date after `today` is rejected."""
    number = _id("33020320240602123")  # the day after TODAY
    with pytest.raises(ValueError) as exc:
        parse_id_number(number, today=TODAY, min_age=0)
    assert str(exc.value) == MSG_ID_FUTURE


def test_gb11643_born_today_with_min_age_zero_is_accepted() -> None:
    """GB 11643-1999: a birth date equal to `today` is not in the future."""
    assert parse_id_number(_id("33020320240601123"), today=TODAY, min_age=0)


def test_gb11643_under_16_is_rejected() -> None:
    """GB 11643-1999 birth date: one day short of 16 at `today` is rejected."""
    number = _id("33020320080602123")  # 16th birthday is 2024-06-02
    with pytest.raises(ValueError) as exc:
        parse_id_number(number, today=TODAY)
    assert str(exc.value) == "You must be at least 16 years old."


def test_gb11643_exactly_16_today_is_accepted() -> None:
    """GB 11643-1999 birth date: the 16th birthday itself passes min_age=16."""
    result = parse_id_number(_id("33020320080601123"), today=TODAY)
    assert result.birth_date == datetime.date(2008, 6, 1)


def test_gb11643_leap_day_birthday_counts_from_1_march() -> None:
    """GB 11643-1999 birth date 29 Feb: in a common year, the birthday counts from 1 March."""
    number = _id("33020320080229123")
    with pytest.raises(ValueError):
        parse_id_number(number, today=datetime.date(2024, 2, 28), min_age=16)
    # 2024 is a leap year, so the 16th birthday is 2024-02-29.
    assert parse_id_number(number, today=datetime.date(2024, 2, 29), min_age=16)
    with pytest.raises(ValueError):
        parse_id_number(number, today=datetime.date(2025, 2, 28), min_age=17)
    assert parse_id_number(number, today=datetime.date(2025, 3, 1), min_age=17)


def test_gb11643_custom_min_age_message_is_formatted() -> None:
    """GB 11643-1999 birth date: the minimum-age message shows the configured age."""
    number = "330203199003071232"  # 34 at TODAY
    with pytest.raises(IdentityError) as exc:
        parse_id_number(number, today=TODAY, min_age=35)
    assert str(exc.value) == "You must be at least 35 years old."
    assert exc.value.msgid == "You must be at least %(min_age)d years old."
    assert exc.value.params == {"min_age": 35}


def test_gb11643_max_age_is_enforced() -> None:
    """GB 11643-1999 birth date: age above max_age is rejected; equal passes."""
    number = "330203199003071232"  # 34 at TODAY
    assert parse_id_number(number, today=TODAY, max_age=34)
    with pytest.raises(ValueError) as exc:
        parse_id_number(number, today=TODAY, max_age=33)
    assert str(exc.value) == "You must be 33 years old or younger."


def test_gb11643_errors_are_value_errors_with_msgid() -> None:
    """GB 11643-1999 errors are ValueErrors carrying the untranslated msgid."""
    with pytest.raises(ValueError) as exc:
        parse_id_number("123", today=TODAY)
    assert isinstance(exc.value, IdentityError)
    assert exc.value.msgid == MSG_ID_LENGTH
    assert exc.value.params == {}


# --- GB 11643-1999 address code: a GB/T 2260 division code ---------------------


@pytest.mark.parametrize(
    "division",
    [
        "330212",  # 宁波市鄞州区, in force
        "330225",  # 象山县, in force
        "330204",  # 宁波市江东区, abolished in 2016: numbers issued there keep it
        "330227",  # 鄞县, became 鄞州区 (330212) in 2002
        "330201",  # 宁波市市辖区, carried by older numbers
        "110000",  # 北京市, a province-level code
    ],
)
def test_gb11643_listed_division_codes_pass_even_after_abolition(division: str) -> None:
    """GB 11643-1999: a code ever listed in GB/T 2260 is accepted; an ID keeps its code."""
    number = _id(division + "19800101123")
    assert parse_id_number(number, today=TODAY).region_code == division


@pytest.mark.parametrize(
    "division",
    [
        "990101",  # no province 99
        "330299",  # Ningbo has no 99
        "330207",  # a Ningbo number never used for a division
        "000000",
        "100000",  # 中华人民共和国: only national organisations' credit codes carry it
    ],
)
def test_gb11643_made_up_division_code_is_refused(division: str) -> None:
    """GB 11643-1999: a correct check character does not make up for a made-up address code."""
    number = _id(division + "19800101123")
    with pytest.raises(IdentityError) as exc:
        parse_id_number(number, today=TODAY)
    assert exc.value.msgid == MSG_ID_DIVISION


def test_gb11643_check_character_still_applies_to_listed_and_made_up_codes() -> None:
    """GB 11643-1999: a wrong check character is reported as such, whatever the address code."""
    for division in ("330204", "990101"):
        good = _id(division + "19800101123")
        wrong = good[:17] + ("1" if good[17] != "1" else "2")
        with pytest.raises(IdentityError) as exc:
            parse_id_number(wrong, today=TODAY)
        assert exc.value.msgid == MSG_ID_CHECK


# --- GB 11643-1999: sex and masking ---------------------------------------------


@pytest.mark.parametrize(
    ("digit17", "sex"),
    [(str(d), "male" if d % 2 else "female") for d in range(10)],
)
def test_gb11643_sex_from_17th_digit(digit17: str, sex: str) -> None:
    """GB 11643-1999: the 17th digit is odd for men and even for women."""
    number = _id("3302031990030712" + digit17)
    assert parse_id_number(number, today=TODAY).sex == sex


def test_gb11643_masking_keeps_first_4_and_last_4() -> None:
    """GB 11643-1999 numbers mask as first 4 + 10 asterisks + last 4."""
    assert mask_id_number("33020519950718118X") == "3302**********118X"
    assert mask_id_number("33020519950718118x") == "3302**********118X"
    result = parse_id_number("330203199003071232", today=TODAY)
    assert result.masked == "3302**********1232"
    assert len(result.masked) == 18
    assert "19900307" not in result.masked


def test_gb11643_masking_wrong_length_is_rejected() -> None:
    """GB 11643-1999: only 18-character numbers can be masked."""
    with pytest.raises(ValueError) as exc:
        mask_id_number("12345")
    assert str(exc.value) == MSG_ID_LENGTH


# --- Mobile numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        "+86 138 1234 5678",
        "+8613812345678",
        "86 138-1234-5678",
        "8613812345678",
        "138-1234-5678",
        "＋８６ １３８ １２３４ ５６７８",  # full-width input
    ],
)
def test_mobile_valid_forms_normalise(text: str) -> None:
    """Mobile numbers with +86/86, spaces or dashes normalise to 11 digits."""
    assert normalise_mobile(text) == "13812345678"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_mobile_all_prefixes_13_to_19_are_accepted(prefix: str) -> None:
    """Mobile numbers starting 13 to 19 are accepted."""
    assert normalise_mobile(prefix + "812345678") == prefix + "812345678"


@pytest.mark.parametrize(
    "text",
    [
        "12345678901",  # 12x is not a mobile range
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "+86 12345678901",
        "23812345678",
        "86",
        "",
        "1381234567a",
        "+1 138 1234 5678",
    ],
)
def test_mobile_invalid_numbers_are_rejected(text: str) -> None:
    """Numbers that are not 11 digits starting 13 to 19 are rejected."""
    with pytest.raises(ValueError) as exc:
        normalise_mobile(text)
    assert str(exc.value) == MSG_MOBILE


def test_mobile_masking() -> None:
    """Mobile numbers mask as first 3 + 4 asterisks + last 4."""
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("+86 138 1234 5678") == "138****5678"
    with pytest.raises(ValueError):
        mask_mobile("12345")


# --- Module purity -------------------------------------------------------------


@pytest.mark.parametrize("module", [identity, credit_code, divisions])
def test_modules_import_only_stdlib_and_policy(module) -> None:
    """The GB 11643 / GB 32100 / GB/T 2260 modules import no Flask or database code."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    stdlib = {
        "__future__",
        "csv",
        "dataclasses",
        "datetime",
        "functools",
        "pathlib",
        "re",
        "typing",
    }
    outside = {m for m in imported if m not in stdlib and not m.startswith("marketplace.policy.")}
    assert outside == set()
