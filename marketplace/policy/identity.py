"""Validate and mask Chinese identity numbers and mobile numbers.

Standards implemented:

* GB 11643-1999 "Citizen identification number" (公民身份号码): 18 characters,
  a 6-digit address code (a GB/T 2260 division code, see
  ``marketplace.policy.divisions``), an 8-digit birth date (YYYYMMDD), a 3-digit
  sequence code whose last digit gives the sex, and a check character computed
  with ISO 7064:1983 MOD 11-2 (GB/T 17710).
* Mainland China mobile numbers (MIIT numbering plan): 11 digits starting 13-19,
  optionally written with the +86 country code.

Unified social credit codes (GB 32100-2015) are checked in
``marketplace.policy.credit_code``, which shares ``IdentityError`` and
``clean_input`` from here.

This module is pure: no Flask, no database; the standard library and
``marketplace.policy`` only.

Error messages are user-facing English msgids marked with ``N_`` for
extraction (e.g. ``pybabel extract -k N_``). Every failure raises
``IdentityError``, a ``ValueError`` subclass: ``str(exc)`` is the English text
with any values filled in, ``exc.msgid`` is the untranslated template and
``exc.params`` its values. To translate, the web layer should use
``gettext(exc.msgid) % exc.params``. Calling ``gettext(str(exc))`` only works for
messages that have no values filled in.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Literal

from marketplace.policy.divisions import is_division_code

__all__ = [
    "IdentityError",
    "IdNumber",
    "N_",
    "clean_input",
    "mask_id_number",
    "mask_mobile",
    "normalise_mobile",
    "parse_id_number",
]


def N_(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


class IdentityError(ValueError):
    """A ValueError whose message is a translatable msgid plus %-style params."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(msgid % params if params else msgid)


# --- User-facing messages (msgids) ------------------------------------------

MSG_ID_LENGTH = N_("The ID number must have 18 characters.")
MSG_ID_DIGITS = N_("The first 17 characters of the ID number must be digits.")
MSG_ID_LAST_CHAR = N_("The last character of the ID number must be a digit or X.")
MSG_ID_CHECK = N_("The last character of the ID number does not match; please check it.")
MSG_ID_DIVISION = N_(
    "The first six digits of the ID number are not a Chinese administrative division code."
)
MSG_ID_BAD_DATE = N_("The birth date in the ID number is not a real date.")
MSG_ID_FUTURE_DATE = N_("The birth date in the ID number is in the future.")
MSG_TOO_YOUNG = N_("You must be at least %(min_age)d years old.")
MSG_TOO_OLD = N_("You must be %(max_age)d years old or younger.")

MSG_MOBILE = N_("The mobile number must be 11 digits starting with 13–19.")


# Chinese input methods often produce full-width forms (U+FF01-U+FF5E, e.g.
# "３３０２", "＋８６") and the ideographic space U+3000. Fold exactly those to
# ASCII. Full NFKC is not used because it would also turn e.g. "²" into "2".
_FULLWIDTH_TO_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH_TO_ASCII[0x3000] = 0x20


def _fold_fullwidth(text: str) -> str:
    """Fold full-width ASCII forms and the ideographic space to plain ASCII."""
    return text.translate(_FULLWIDTH_TO_ASCII)


def clean_input(text: str) -> str:
    """Fold full-width forms to ASCII, drop all whitespace and uppercase."""
    return "".join(_fold_fullwidth(text).split()).upper()


# --- GB 11643-1999 citizen identification number ----------------------------

# GB 11643-1999, check code: ISO 7064:1983 MOD 11-2. The weight of position i
# (1-based, left to right) is 2**(18 - i) mod 11.
_ID_WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# GB 11643-1999: the check character depends on (sum of weighted digits) mod 11,
# giving 0..10 -> "1 0 X 9 8 7 6 5 4 3 2"; the value 10 is written as "X".
_ID_CHECK_CHARS = "10X98765432"
_ASCII_DIGITS = frozenset("0123456789")


def _id_check_char(first17: str) -> str:
    """Return the GB 11643-1999 (ISO 7064 MOD 11-2) check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _age_on(birth: datetime.date, today: datetime.date) -> int:
    """Return the age in whole years on ``today``; 29 Feb birthdays count from 1 Mar."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def mask_id_number(number: str) -> str:
    """Mask an 18-character ID number as first 4 + 10 asterisks + last 4."""
    # Mask format: keep the first 4 characters (province + city of the GB 11643
    # address code) and the last 4 (end of the sequence code + check
    # character), e.g. "3302**********123X". The birth date is always hidden.
    # The check character is not verified here; only the length is.
    cleaned = clean_input(number)
    if len(cleaned) != 18:
        raise IdentityError(MSG_ID_LENGTH)
    return cleaned[:4] + "*" * 10 + cleaned[-4:]


@dataclass(frozen=True)
class IdNumber:
    """A validated GB 11643-1999 citizen ID number; build it with parse_id_number."""

    number: str  # normalised: 18 characters, a final "x" written as "X"
    birth_date: datetime.date
    sex: Literal["male", "female"]

    @property
    def masked(self) -> str:
        """Return the number masked for display, e.g. "3302**********123X"."""
        return mask_id_number(self.number)

    @property
    def region_code(self) -> str:
        """Return the 6-digit GB 11643-1999 address code (GB/T 2260 division)."""
        return self.number[:6]


def _checked_characters(text: str) -> str:
    """The normalised number once its characters, check character and address code pass."""
    number = clean_input(text)

    # GB 11643-1999: the number has 18 characters: 17 digits and a check character.
    if len(number) != 18:
        raise IdentityError(MSG_ID_LENGTH)
    first17, check = number[:17], number[17]
    # ASCII digits only: str.isdigit() would also accept e.g. superscripts.
    if not set(first17) <= _ASCII_DIGITS:
        raise IdentityError(MSG_ID_DIGITS)
    # GB 11643-1999: the check character is 0-9 or X (the value 10).
    if check not in _ID_CHECK_CHARS:
        raise IdentityError(MSG_ID_LAST_CHAR)
    if check != _id_check_char(first17):
        raise IdentityError(MSG_ID_CHECK)
    # GB 11643-1999: characters 1-6 are the address code, a GB/T 2260 division
    # code; a code abolished since the number was issued still counts.
    if not is_division_code(number[:6]):
        raise IdentityError(MSG_ID_DIVISION)
    return number


def parse_id_number(
    text: str,
    *,
    today: datetime.date | None = None,
    min_age: int = 16,
    max_age: int | None = None,
) -> IdNumber:
    """Validate a GB 11643-1999 ID number and age limits; raise IdentityError if invalid."""
    number = _checked_characters(text)

    # GB 11643-1999: characters 7-14 are the birth date as YYYYMMDD
    # (GB/T 7408 format).
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdentityError(MSG_ID_BAD_DATE) from None

    # Callers should pass `today` in China Standard Time (Asia/Shanghai);
    # date.today() uses the server's local time zone.
    if today is None:
        today = datetime.date.today()
    if birth > today:
        raise IdentityError(MSG_ID_FUTURE_DATE)

    # Age limits. The minimum of 16 is the legal working age (Labour Law of the
    # PRC, Art. 15). Age counts in whole years on `today`.
    age = _age_on(birth, today)
    if age < min_age:
        raise IdentityError(MSG_TOO_YOUNG, min_age=min_age)
    if max_age is not None and age > max_age:
        raise IdentityError(MSG_TOO_OLD, max_age=max_age)

    # GB 11643-1999: characters 15-17 are the sequence code; the 17th digit is
    # odd for men and even for women.
    sex: Literal["male", "female"] = "male" if int(number[16]) % 2 else "female"
    return IdNumber(number=number, birth_date=birth, sex=sex)


# --- Mainland China mobile numbers -------------------------------------------

# MIIT numbering plan (Telecommunication Network Numbering Plan): mainland
# mobile numbers are 11 digits in the 13x-19x ranges.
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")


def normalise_mobile(text: str) -> str:
    """Return the bare 11-digit mainland mobile number; raise IdentityError if invalid."""
    digits = re.sub(r"[\s\-]", "", _fold_fullwidth(text))
    # ITU-T E.164: +86 is China's country code. Also accept a bare "86" prefix,
    # but only in front of a full 11-digit number (86 + 11 = 13 digits).
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _MOBILE_RE.fullmatch(digits):
        raise IdentityError(MSG_MOBILE)
    return digits


def mask_mobile(number: str) -> str:
    """Mask a mobile number as first 3 + 4 asterisks + last 4, e.g. "138****5678"."""
    digits = normalise_mobile(number)
    return digits[:3] + "****" + digits[-4:]
