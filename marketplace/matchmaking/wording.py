"""The ranker's reasons in the reader's language: its message ids through gettext."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext

from marketplace.i18n import is_english
from matching import Phrase, Taxonomy


def said(reasons: Sequence[Phrase], taxonomy: Taxonomy | None) -> tuple[str, ...]:
    """Each reason translated, skills named from the taxonomy in the page's language."""
    english = is_english()
    lang = "en" if english else "zh"

    def name(code: str) -> str:
        return taxonomy.name(code, lang) if taxonomy is not None else code

    separator = ", " if english else "、"
    return tuple(reason.render(gettext, name, separator) for reason in reasons)
