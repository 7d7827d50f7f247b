"""Reasons as message ids with parameters, for the caller to translate.

The library writes no language of its own: a reason is a ``Phrase``, an English source text
with ``%(name)s`` placeholders (marked with ``N_`` so the caller's catalog extractor finds it)
and its parameters. The caller renders it with its own ``gettext`` and skill names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["N_", "Phrase", "SkillList", "MESSAGES"]

# Every message id this library can return, in the order marked (the catalog must hold each).
MESSAGES: list[str] = []


def N_(msgid: str) -> str:
    """Mark ``msgid`` for translation (the caller's gettext) and record it in ``MESSAGES``."""
    if msgid not in MESSAGES:
        MESSAGES.append(msgid)
    return msgid


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class SkillList:
    """Skill codes named in a reason; the caller names them in the reader's language."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """A message id (English source text with ``%(name)s`` placeholders) and its values.

    A value may itself be a ``Phrase`` (rendered first, e.g. a month's name) or a
    ``SkillList`` (skill names joined by ``separator``).
    """

    msgid: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, msgid: str, **params: Any) -> Phrase:
        """A phrase with keyword parameters."""
        return cls(msgid, tuple(sorted(params.items())))

    @property
    def values(self) -> dict[str, Any]:
        """The parameters as a dict."""
        return dict(self.params)

    def render(
        self,
        gettext: Callable[[str], str] = _same,
        name: Callable[[str], str] = _same,
        separator: str = ", ",
    ) -> str:
        """The text in the reader's language: ``gettext`` translates, ``name`` names skills."""
        values = {
            key: (
                value.render(gettext, name, separator)
                if isinstance(value, Phrase)
                else separator.join(name(c) for c in value.codes)
                if isinstance(value, SkillList)
                else value
            )
            for key, value in self.params
        }
        text = gettext(self.msgid)
        return text % values if values else text

    def __str__(self) -> str:
        return self.render()
