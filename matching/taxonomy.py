"""The skills taxonomy: codes, families, names, synonyms, and free-text matching.

Free text is matched two ways: exact synonym look-up (every substring of a Chinese run, every
1–3 word phrase of English), then, for what that misses, character n-gram TF-IDF similarity to
each skill's names and synonyms.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["Skill", "Taxonomy", "family_of_code"]

NAME_WEIGHT = 1.0  # the text names the skill itself
SYNONYM_WEIGHT = 0.85  # the text uses a synonym, which may be shared by several skills
FUZZY_MAX_WEIGHT = 0.6  # an n-gram resemblance is weaker evidence than a named skill
FUZZY_MIN_SIMILARITY = 0.35
FUZZY_TOP = 3
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+")
_MAX_TERM_CHARS = 8


def family_of_code(code: str) -> str:
    """Return the prefix before the first '.', the family fallback without a taxonomy."""
    return code.split(".", 1)[0]


def _split(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split("|") if s.strip())


def _phrases(text: str) -> set[str]:
    """Every lookup key in ``text``: Chinese substrings and English 1–3 word phrases."""
    text = text.lower()
    keys: set[str] = set()
    for run in _CJK_RUN.findall(text):
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + _MAX_TERM_CHARS) + 1):
                keys.add(run[i:j])
    words = _WORD.findall(text)
    for n in (1, 2, 3):
        keys.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return keys


def _normalise_term(term: str) -> str:
    term = term.lower().strip()
    if _CJK_RUN.fullmatch(term):
        return term
    return " ".join(_WORD.findall(term))


@dataclass(frozen=True)
class Skill:
    """One skill of the taxonomy."""

    code: str
    category: str
    family: str
    name_zh: str
    name_en: str
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()


class Taxonomy:
    """Skill codes with their family, category, names and synonyms.

    Parameters
    ----------
    skills : iterable of Skill
        The skills; codes must be unique.

    Examples
    --------
    >>> tax = Taxonomy.from_csv("seeds/skills.csv")  # doctest: +SKIP
    >>> tax.text_profile("会做钟点工")  # doctest: +SKIP
    {'domestic.hourly_worker': 1.0, 'domestic.housekeeping': 0.85}
    """

    def __init__(self, skills: Iterable[Skill]) -> None:
        self.skills: dict[str, Skill] = {s.code: s for s in skills}
        self._terms: dict[str, dict[str, float]] = {}
        for s in self.skills.values():
            self._add_term(s.name_zh, s.code, NAME_WEIGHT)
            self._add_term(s.name_en, s.code, NAME_WEIGHT)
            for term in s.synonyms_zh + s.synonyms_en:
                self._add_term(term, s.code, SYNONYM_WEIGHT)
        self._codes = list(self.skills)
        self._vectorizer: TfidfVectorizer | None = None
        self._doc_matrix = None
        if self._codes:
            docs = [
                " ".join((s.name_zh, s.name_en) + s.synonyms_zh + s.synonyms_en).lower()
                for s in self.skills.values()
            ]
            self._vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
            self._doc_matrix = self._vectorizer.fit_transform(docs)
        self._cache: dict[str, dict[str, float]] = {}

    def _add_term(self, term: str, code: str, weight: float) -> None:
        key = _normalise_term(term)
        if key:
            entry = self._terms.setdefault(key, {})
            entry[code] = max(entry.get(code, 0.0), weight)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]]) -> Taxonomy:
        """Build from mappings with the columns of ``seeds/skills.csv``."""
        return cls(
            Skill(
                code=r["code"],
                category=r.get("category_code") or family_of_code(r["code"]),
                family=r.get("family") or family_of_code(r["code"]),
                name_zh=r.get("name_zh") or r["code"],
                name_en=r.get("name_en") or r["code"],
                synonyms_zh=_split(r.get("synonyms_zh", "")),
                synonyms_en=_split(r.get("synonyms_en", "")),
            )
            for r in rows
        )

    @classmethod
    def from_csv(cls, path: str | Path) -> Taxonomy:
        """Read ``seeds/skills.csv`` (code, category, family, names, '|'-separated synonyms)."""
        with open(path, encoding="utf-8", newline="") as fh:
            return cls.from_rows(list(csv.DictReader(fh)))

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, code: object) -> bool:
        return code in self.skills

    @property
    def codes(self) -> list[str]:
        """All skill codes in file order."""
        return list(self._codes)

    def family(self, code: str) -> str:
        """The skill's family; the code's prefix for a code not in the taxonomy."""
        s = self.skills.get(code)
        return s.family if s else family_of_code(code)

    def category(self, code: str) -> str:
        """The skill's category; the code's prefix for a code not in the taxonomy."""
        s = self.skills.get(code)
        return s.category if s else family_of_code(code)

    def name(self, code: str, lang: str = "zh") -> str:
        """The skill's display name in ``lang`` ("zh" or "en"); the code if unknown."""
        s = self.skills.get(code)
        if s is None:
            return code
        return s.name_en if lang == "en" else s.name_zh

    def text_profile(self, text: str) -> dict[str, float]:
        """Map free text to ``{skill code: weight in (0, 1]}``."""
        return self.text_profiles([text])[0]

    def text_profiles(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Map many texts at once (one TF-IDF pass for the ones not cached)."""
        todo = sorted({t for t in texts if t and t not in self._cache})
        if todo:
            for text, profile in zip(todo, self._profile_batch(todo), strict=True):
                self._cache[text] = profile
        return [dict(self._cache[t]) if t else {} for t in texts]

    def _profile_batch(self, texts: list[str]) -> list[dict[str, float]]:
        profiles = [self._lookup(t) for t in texts]
        if self._vectorizer is None or self._doc_matrix is None:
            return profiles
        sims = (
            self._vectorizer.transform([t.lower() for t in texts]) @ self._doc_matrix.T
        ).toarray()
        for profile, row in zip(profiles, sims, strict=True):
            top = np.argsort(row)[::-1][:FUZZY_TOP]
            for j in top:
                if row[j] < FUZZY_MIN_SIMILARITY:
                    break
                code = self._codes[j]
                weight = min(FUZZY_MAX_WEIGHT, float(row[j]))
                profile[code] = max(profile.get(code, 0.0), weight)
        return profiles

    def _lookup(self, text: str) -> dict[str, float]:
        """Codes named in ``text``, in a fixed order (phrases sorted: no hash-seed dependence)."""
        found: dict[str, float] = {}
        for key in sorted(_phrases(text)):
            for code, weight in self._terms.get(key, {}).items():
                found[code] = max(found.get(code, 0.0), weight)
        return found

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state
