"""Passwords others cannot guess: long enough, not common, not the person's own number or name.

``zxcvbn`` estimates how many guesses a password takes from English-language frequency lists,
keyboard patterns, dates and repeats; ``seeds/common_passwords.txt`` adds Chinese-language
passwords those lists miss (see seeds/SOURCES.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from zxcvbn import zxcvbn

from marketplace.errors import N_, DomainError

MIN_LENGTH = 8
# zxcvbn's score: 0 and 1 fall to fewer than about a million guesses — an online attacker
# slowed to a few tries a minute per address still gets there; 2 and up do not.
MIN_SCORE = 2
MAX_CHECKED = 100  # zxcvbn's time grows with length; longer passwords are not common ones
COMMON_FILE = Path(__file__).resolve().parents[2] / "seeds" / "common_passwords.txt"


class WeakPassword(DomainError):
    message = N_("The password must have at least %(n)s characters.")


class GuessablePassword(DomainError):
    message = N_(
        "This password is too easy to guess: it is a common password, a simple pattern or "
        "your own number or name. Add a few words or numbers only you know."
    )


@cache
def common_passwords() -> frozenset[str]:
    """The extra common passwords, lower-cased."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def check(password: str, *personal: str) -> None:
    """Refuse a short or guessable password; ``personal`` are the mobile number, name and such."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(n=MIN_LENGTH)
    if password.strip().lower() in common_passwords():
        raise GuessablePassword()
    words = [p for p in personal if p]
    if zxcvbn(password[:MAX_CHECKED], user_inputs=words)["score"] < MIN_SCORE:
        raise GuessablePassword()
