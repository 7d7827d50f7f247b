"""Generate valid-looking identity numbers and credit codes for demo data (pure)."""

from __future__ import annotations

import random
from datetime import date, timedelta

# GB 11643-1999: weight of position i (1-based) is 2**(18 - i) mod 11; the check
# character for (weighted sum mod 11) = 0..10 is "10X98765432" (ISO 7064 MOD 11-2).
_ID_WEIGHTS = tuple(2 ** (18 - i) % 11 for i in range(1, 18))
_ID_CHECK_CHARS = "10X98765432"

# GB 32100-2015: 31-symbol alphabet (no I, O, S, V, Z); weight of position i is
# 3**(i-1) mod 31; check = 31 - (weighted sum mod 31), where 31 is written 0.
_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(3 ** (i - 1) % 31 for i in range(1, 18))

# GB 11714-1997 organisation code (positions 9-17 of a credit code): weights of the
# eight body characters, check = 11 - (sum mod 11), 10 written X and 11 written 0.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_BODY = "0123456789ABCDEFGHJKLMNPQRTUWY"  # 'X' is left out: it is only a check value

# GB 32100-2015 registration authority + organisation type: 91 enterprise,
# 92 individual business (个体工商户), 93 farmers' cooperative.
CREDIT_PREFIX_COMPANY = "91"
CREDIT_PREFIX_INDIVIDUAL = "92"
CREDIT_PREFIX_COOPERATIVE = "93"


def id_check_char(first17: str) -> str:
    """GB 11643-1999 check character of 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def credit_check_char(first17: str) -> str:
    """GB 32100-2015 check character of the first 17 characters."""
    values = [_CREDIT_CHARSET.index(c) for c in first17]
    total = sum(v * w for v, w in zip(values, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def _org_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


def org_check_char(body8: str) -> str:
    """GB 11714-1997 check character of an 8-character organisation code body."""
    check = 11 - sum(_org_value(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 Feb falls back to 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def random_birth_date(rng: random.Random, today: date, min_age: int, max_age: int) -> date:
    """A birth date giving an age in whole years between ``min_age`` and ``max_age``."""
    earliest = years_before(today, max_age + 1) + timedelta(days=1)
    latest = years_before(today, min_age)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def make_id_number(rng: random.Random, region: str, birth: date, male: bool) -> str:
    """An 18-character citizen ID number with a valid check character."""
    sequence = rng.randrange(100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def make_credit_code(rng: random.Random, prefix: str, division: str) -> str:
    """An 18-character unified social credit code, new-style (MA…) organisation code."""
    body = "MA2" + "".join(rng.choice(_ORG_BODY) for _ in range(5))
    first17 = f"{prefix}{division}{body}{org_check_char(body)}"
    return first17 + credit_check_char(first17)
