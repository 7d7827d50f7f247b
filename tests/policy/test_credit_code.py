"""Tests for marketplace.policy.credit_code (GB 32100-2015 unified social credit code).

The code has 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY": registration authority,
organisation type allowed for that authority (GB 32100-2015 表1 and later allocations, in
seeds/credit_code_authorities.csv), a GB/T 2260 division code (or 100000 for national
authorities), the organisation code and a modulus-31 check character.

Expected check characters come from ``_gb32100_check`` below, which computes the weights from
the standard's formula (3**(i-1) mod 31) rather than reuse the module's tables and is checked
against the standard's worked example.
"""

from __future__ import annotations

import csv
from itertools import product

import pytest

from marketplace.policy import credit_code
from marketplace.policy.identity import IdentityError

is_valid_credit_code = credit_code.is_valid_credit_code
normalise_credit_code = credit_code.normalise_credit_code

MSG_CREDIT_LENGTH = "The unified social credit code must have 18 characters."
MSG_CREDIT_CHARSET = (
    "The unified social credit code may only contain digits and capital "
    "letters other than I, O, S, V and Z."
)
MSG_CREDIT_CHECK = (
    "The unified social credit code's check character does not match; please check it."
)
MSG_CREDIT_AUTHORITY = credit_code.MSG_CREDIT_AUTHORITY
MSG_CREDIT_TYPE = credit_code.MSG_CREDIT_TYPE
MSG_CREDIT_DIVISION = credit_code.MSG_CREDIT_DIVISION

_GB32100_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _gb32100_check(first17: str) -> str:
    """GB 32100-2015 check character, with weights computed as 3**(i-1) mod 31."""
    total = sum(_GB32100_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return _GB32100_CHARSET[(31 - total % 31) % 31]


def _code(first17: str) -> str:
    """Complete 17 characters into a code with the correct check character."""
    return first17 + _gb32100_check(first17)


def _refusal(code: str) -> str:
    with pytest.raises(IdentityError) as exc:
        normalise_credit_code(code)
    assert not is_valid_credit_code(code)
    return exc.value.msgid


def test_oracle_matches_published_example_gb32100() -> None:
    """GB 32100-2015 worked example: 91350100M000100Y4? -> check "3"."""
    assert _gb32100_check("91350100M000100Y4") == "3"


VALID_CREDIT_CODES = [
    "91350100M000100Y43",  # GB 32100-2015 worked example (Fuzhou)
    "91110000802100433B",  # Beijing-registered enterprise, check character B
    "91330200MA2AB1C2DJ",  # Ningbo (330200) enterprise, MA-series organisation code
    "91330203MA2CJ8N9R1",  # Ningbo Haishu enterprise
    "123302000029627514",  # Ningbo public institution (registration authority 1)
    "52330200MJ8A1234Q4",  # Ningbo social organisation (registration authority 5)
    "91330206MA21001QQ0",  # check value 31 - 0 wraps to "0"
]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_gb32100_valid_codes(code: str) -> None:
    """GB 32100-2015: codes with a correct modulus-31 check character are valid."""
    assert code[17] == _gb32100_check(code[:17])  # the fixture really is valid
    assert is_valid_credit_code(code)
    assert normalise_credit_code(code) == code


def test_gb32100_lowercase_and_spaces_are_accepted() -> None:
    """GB 32100-2015: lowercase input and surrounding spaces are normalised."""
    assert is_valid_credit_code("  91330200ma2ab1c2dj ")
    assert normalise_credit_code(" 91330200ma2ab1c2dj\n") == "91330200MA2AB1C2DJ"
    assert normalise_credit_code("９１３５０１００ｍ０００１００ｙ４３") == ("91350100M000100Y43")


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y4" + c for c in "0123456789ABCDEFGHJKLMNPQRTUWXY" if c != "3"],
)
def test_gb32100_every_wrong_check_character_is_rejected(code: str) -> None:
    """GB 32100-2015: each of the 30 wrong check characters is rejected."""
    assert not is_valid_credit_code(code)
    with pytest.raises(ValueError) as exc:
        normalise_credit_code(code)
    assert str(exc.value) == MSG_CREDIT_CHECK


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_gb32100_forbidden_letters_are_rejected(letter: str) -> None:
    """GB 32100-2015: the letters I, O, S, V and Z are not in the code alphabet."""
    for code in (
        "91330200MA2AB1C2D" + letter,  # as the check character
        "91330200MA2A" + letter + "1C2DJ",  # in the organisation code
    ):
        assert not is_valid_credit_code(code)
        assert not is_valid_credit_code(code.lower())
        with pytest.raises(ValueError) as exc:
            normalise_credit_code(code)
        assert str(exc.value) == MSG_CREDIT_CHARSET


def test_gb32100_standard_counterexample_is_rejected() -> None:
    """GB 32100-2015 worked counterexample 91350100M000100Y4Z is invalid."""
    assert not is_valid_credit_code("91350100M000100Y4Z")


@pytest.mark.parametrize(
    "code",
    ["", "91350100M000100Y4", "91350100M000100Y433", "913501001"],
)
def test_gb32100_wrong_length_is_rejected(code: str) -> None:
    """GB 32100-2015: the code must have exactly 18 characters."""
    assert not is_valid_credit_code(code)
    with pytest.raises(ValueError) as exc:
        normalise_credit_code(code)
    assert str(exc.value) == MSG_CREDIT_LENGTH


def test_gb32100_punctuation_is_rejected() -> None:
    """GB 32100-2015: punctuation is not in the code alphabet."""
    assert not is_valid_credit_code("91350100-000100Y43")


# --- Registration authority, organisation type, division ------------------------


def _table() -> set[tuple[str, str]]:
    with credit_code.AUTHORITIES_CSV.open(encoding="utf-8", newline="") as handle:
        return {(row["authority"], row["type"]) for row in csv.DictReader(handle)}


def test_the_table_holds_gb32100_table_1_and_the_later_allocations() -> None:
    """GB 32100-2015 表1 plus A (中央军委改革和编制办公室) and N (农业): 36 authority/type pairs."""
    pairs = _table()
    assert {a for a, _ in pairs} == set("123456789ANY")
    assert {t for a, t in pairs if a == "9"} == {"1", "2", "3"}
    assert {t for a, t in pairs if a == "Y"} == {"1"}
    assert {t for a, t in pairs if a == "N"} == {"1", "2", "3", "9"}
    assert len(pairs) == 36


@pytest.mark.parametrize(("authority", "kind"), sorted(_table()))
def test_every_authority_and_type_in_the_table_passes(authority: str, kind: str) -> None:
    """GB 32100-2015 表1: each listed pair, with a Ningbo division, makes a valid code."""
    assert is_valid_credit_code(_code(authority + kind + "330200MA2AB1C2D"))


def test_pairs_outside_the_table_are_refused_by_the_part_that_is_wrong() -> None:
    """GB 32100-2015 表1: an unknown authority, or a type its authority lacks, is refused."""
    pairs = _table()
    authorities = {a for a, _ in pairs}
    for authority, kind in product(_GB32100_CHARSET, repeat=2):
        if (authority, kind) in pairs:
            continue
        expected = MSG_CREDIT_TYPE if authority in authorities else MSG_CREDIT_AUTHORITY
        assert _refusal(_code(authority + kind + "330200MA2AB1C2D")) == expected


def test_authority_b_is_refused_with_the_authority_message() -> None:
    """GB 32100-2015: no registration authority has the code B."""
    assert _refusal(_code("B1330200MA2AB1C2D")) == MSG_CREDIT_AUTHORITY


@pytest.mark.parametrize("kind", ["4", "9", "0"])
def test_a_type_the_market_regulator_does_not_give_is_refused(kind: str) -> None:
    """GB 32100-2015 表1: authority 9 (工商) gives only 1 企业, 2 个体工商户, 3 农民专业合作社."""
    assert _refusal(_code("9" + kind + "330200MA2AB1C2D")) == MSG_CREDIT_TYPE


@pytest.mark.parametrize("division", ["999999", "330299", "990101", "000000"])
def test_made_up_division_is_refused_with_the_division_message(division: str) -> None:
    """GB 32100-2015: characters 3-8 must be a GB/T 2260 division code."""
    assert _refusal(_code("91" + division + "MA2AB1C2D")) == MSG_CREDIT_DIVISION


@pytest.mark.parametrize("division", ["330200", "330212", "330204", "330000"])
def test_listed_divisions_pass_even_after_abolition(division: str) -> None:
    """GB/T 2260: a code ever listed passes (330204 江东区 was abolished in 2016)."""
    code = _code("91" + division + "MA2AB1C2D")
    assert normalise_credit_code(code) == code


@pytest.mark.parametrize("prefix", ["11", "12", "51", "53", "91"])
def test_100000_is_accepted_for_organisations_registered_nationally(prefix: str) -> None:
    """GB 32100-2015: national authorities write 100000 (中华人民共和国) as their division."""
    assert is_valid_credit_code(_code(prefix + "100000MA2AB1C2D"))


def test_a_wrong_check_character_is_reported_before_a_wrong_part() -> None:
    """A mistyped code is told as one: the check character comes first, then the parts."""
    for first17 in ("B1330200MA2AB1C2D", "94330200MA2AB1C2D", "91999999MA2AB1C2D"):
        good = _code(first17)
        wrong = good[:17] + ("1" if good[17] != "1" else "2")
        assert _refusal(wrong) == MSG_CREDIT_CHECK
