"""Skill profiles and the similarity of skill codes (same code, same family, same category)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .taxonomy import Taxonomy, family_of_code

__all__ = ["Profile", "SkillSpace", "build_profiles"]


@dataclass(frozen=True)
class Profile:
    """A skill profile: codes with weights; explicit codes (from ``skills``) weigh 1."""

    codes: tuple[str, ...]
    weights: tuple[float, ...]
    explicit: tuple[bool, ...]


def build_profiles(
    skills: Sequence[tuple[str, ...]], texts: Sequence[str], taxonomy: Taxonomy | None
) -> list[Profile]:
    """Merge explicit codes (weight 1) with codes found in the free text."""
    found = taxonomy.text_profiles(texts) if taxonomy is not None else [{} for _ in texts]
    profiles = []
    for codes, from_text in zip(skills, found, strict=True):
        weights = dict(from_text)
        weights.update(dict.fromkeys(codes, 1.0))
        explicit = set(codes)
        keys = tuple(weights)
        profiles.append(
            Profile(keys, tuple(weights[c] for c in keys), tuple(c in explicit for c in keys))
        )
    return profiles


class SkillSpace:
    """A vocabulary of codes with their family and category, for vectorised similarity.

    Parameters
    ----------
    codes : sequence of str
        The vocabulary (columns of the skill matrices).
    taxonomy : Taxonomy or None
        Source of families and categories; without it a code's prefix before '.' is both.
    """

    def __init__(self, codes: Sequence[str], taxonomy: Taxonomy | None) -> None:
        self.codes = list(dict.fromkeys(codes))
        self.col = {c: i for i, c in enumerate(self.codes)}
        self.taxonomy = taxonomy
        fams = [self.family(c) for c in self.codes]
        cats = [self.category(c) for c in self.codes]
        self._fam_id = {f: i for i, f in enumerate(dict.fromkeys(fams))}
        self._cat_id = {c: i for i, c in enumerate(dict.fromkeys(cats))}
        self.fam = np.array([self._fam_id[f] for f in fams], dtype=np.int64)
        self.cat = np.array([self._cat_id[c] for c in cats], dtype=np.int64)
        self._sim_cache: dict[tuple[str, float, float], np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.codes)

    def family(self, code: str) -> str:
        """The family of ``code``."""
        return self.taxonomy.family(code) if self.taxonomy is not None else family_of_code(code)

    def category(self, code: str) -> str:
        """The category of ``code``."""
        return self.taxonomy.category(code) if self.taxonomy is not None else family_of_code(code)

    def similarity(self, code: str, family_weight: float, category_weight: float) -> np.ndarray:
        """Similarity of ``code`` to every vocabulary code: 1, family, category or 0."""
        key = (code, family_weight, category_weight)
        sims = self._sim_cache.get(key)
        if sims is None:
            sims = np.zeros(len(self.codes) + 1)  # the last slot is padding
            sims[:-1][self.cat == self._cat_id.get(self.category(code), -1)] = category_weight
            sims[:-1][self.fam == self._fam_id.get(self.family(code), -1)] = family_weight
            if code in self.col:
                sims[self.col[code]] = 1.0
            self._sim_cache[key] = sims
        return sims

    def expand(self, profile: Profile, family_weight: float, category_weight: float) -> np.ndarray:
        """Best weighted similarity of the profile to every vocabulary code."""
        out = np.zeros(len(self.codes) + 1)
        for code, weight in zip(profile.codes, profile.weights, strict=True):
            np.maximum(out, weight * self.similarity(code, family_weight, category_weight), out=out)
        return out

    def padded(
        self, profiles: Sequence[Profile], width: int | None = None
    ) -> tuple[np.ndarray, ...]:
        """Profiles as dense slot-major ``(width, n)`` columns, weights and explicit flags.

        Padding points at column ``len(self)``, one past the vocabulary, where every
        similarity vector built by :meth:`similarity` is zero. A profile longer than
        ``width`` keeps its heaviest codes.
        """
        width = min(width or 64, max((len(p.codes) for p in profiles), default=1)) or 1
        cols = np.full((width, len(profiles)), len(self.codes), dtype=np.int32)
        weights = np.zeros((width, len(profiles)))
        explicit = np.zeros((width, len(profiles)), dtype=bool)
        for i, p in enumerate(profiles):
            order = sorted(range(len(p.codes)), key=lambda j: -p.weights[j])[:width]
            for slot, j in enumerate(order):
                cols[slot, i] = self.col[p.codes[j]]
                weights[slot, i] = p.weights[j]
                explicit[slot, i] = p.explicit[j]
        return cols, weights, explicit

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_sim_cache"] = {}
        return state
