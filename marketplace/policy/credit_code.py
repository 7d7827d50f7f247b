"""Validate the unified social credit code (统一社会信用代码) of an organisation.

Standard: GB 32100-2015 "Coding rule of the unified social credit identifier for legal entities
and other organizations": 18 characters from a 31-symbol alphabet —

1. registration authority (登记管理部门代码), e.g. 9 工商 (now market regulation);
2. organisation type (机构类别代码), allowed per authority, e.g. 91 企业, 92 个体工商户;
3. characters 3-8: the division of the registration authority (登记管理机关行政区划码, GB/T 2260);
4. characters 9-17: the organisation code (主体标识码);
5. a modulus-31 check character.

Authorities and their types are ``seeds/credit_code_authorities.csv`` (GB 32100-2015 表1 and
the codes allocated since); divisions come from ``marketplace.policy.divisions``. National
authorities (中央编办, 民政部, 国家市场监督管理总局, …) write 100000 (中华人民共和国) as
the division, so a credit code also accepts it; an ID number never does. Sources:
``seeds/SOURCES.md``.

Errors are ``IdentityError`` with an English msgid, as in ``marketplace.policy.identity``.
This module is pure: no Flask, no database.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from marketplace.policy.divisions import is_division_code
from marketplace.policy.identity import N_, IdentityError, clean_input

__all__ = [
    "AUTHORITIES_CSV",
    "NATIONAL_DIVISION",
    "is_valid_credit_code",
    "normalise_credit_code",
]

AUTHORITIES_CSV = Path(__file__).resolve().parents[2] / "seeds" / "credit_code_authorities.csv"

# GB/T 2260: 100000 is 中华人民共和国 itself, the division of organisations registered by a
# national authority (e.g. 11100000… 机关, 51100000… 社会团体 registered by 民政部).
NATIONAL_DIVISION = "100000"

MSG_CREDIT_LENGTH = N_("The unified social credit code must have 18 characters.")
MSG_CREDIT_CHARSET = N_(
    "The unified social credit code may only contain digits and capital "
    "letters other than I, O, S, V and Z."
)
MSG_CREDIT_CHECK = N_(
    "The unified social credit code's check character does not match; please check it."
)
MSG_CREDIT_AUTHORITY = N_(
    "The first character of the unified social credit code is not the code of a "
    "registration office (1–9, A, N or Y). "
    "Check it against the business licence or registration certificate."
)
MSG_CREDIT_TYPE = N_(
    "The first two characters of the unified social credit code do not go together: the "
    "second is not a kind of organisation that the office in the first one registers (a "
    "company's code starts with 91, an individual business's with 92). "
    "Check it against the business licence or registration certificate."
)
MSG_CREDIT_DIVISION = N_(
    "Characters 3 to 8 of the unified social credit code are not a Chinese administrative "
    "division code (in Ningbo they start with 3302). "
    "Check it against the business licence or registration certificate."
)

# GB 32100-2015, code character set: digits and capital letters except I, O, S,
# V, Z. A character's value is its index here (0-30).
_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES: dict[str, int] = {c: i for i, c in enumerate(_CREDIT_CHARSET)}
# GB 32100-2015, check code: the weight of position i (1-based) is
# 3**(i-1) mod 31.
_CREDIT_WEIGHTS: tuple[int, ...] = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@cache
def _types_by_authority(path: Path = AUTHORITIES_CSV) -> dict[str, frozenset[str]]:
    """Registration authority code → the organisation type codes it may give, read once."""
    types: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            types.setdefault(row["authority"], set()).add(row["type"])
    return {authority: frozenset(codes) for authority, codes in types.items()}


def _credit_check_char(first17: str) -> str:
    """Return the GB 32100-2015 check character for the first 17 characters."""
    # GB 32100-2015: C18 = 31 - MOD(sum(Ci * Wi), 31). A result of 31 maps to
    # 0, which is why the outer "% 31" is there.
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def _check_parts(code: str) -> None:
    """Raise IdentityError unless authority, type and division are ones GB 32100 allows."""
    types = _types_by_authority().get(code[0])
    if types is None:
        raise IdentityError(MSG_CREDIT_AUTHORITY)
    if code[1] not in types:
        raise IdentityError(MSG_CREDIT_TYPE)
    division = code[2:8]
    if division != NATIONAL_DIVISION and not is_division_code(division):
        raise IdentityError(MSG_CREDIT_DIVISION)


def normalise_credit_code(text: str) -> str:
    """Normalise a GB 32100-2015 credit code to uppercase; raise IdentityError if invalid."""
    code = clean_input(text)
    # GB 32100-2015, code structure: 18 characters (registration authority,
    # organisation type, 6-digit division code, 9-character organisation
    # code, check character).
    if len(code) != 18:
        raise IdentityError(MSG_CREDIT_LENGTH)
    # GB 32100-2015, code character set: no I, O, S, V or Z.
    if any(c not in _CREDIT_VALUES for c in code):
        raise IdentityError(MSG_CREDIT_CHARSET)
    # A wrong check character means a mistyped code: say that first, and name a wrong part
    # only when the code is otherwise consistent.
    if code[17] != _credit_check_char(code[:17]):
        raise IdentityError(MSG_CREDIT_CHECK)
    _check_parts(code)
    return code


def is_valid_credit_code(text: str) -> bool:
    """Return True if ``text`` is a valid GB 32100-2015 unified social credit code."""
    try:
        normalise_credit_code(text)
    except ValueError:
        return False
    return True
