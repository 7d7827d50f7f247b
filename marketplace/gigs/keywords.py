"""Keyword search over the gigs' search documents (marketplace/models/gig_search.py).

A query is split into words; a gig matches when every word is a substring of its title,
skills, employer or description, in any case. Words of three or more characters are looked up
in the trigram index (SQLite FTS5, PostgreSQL pg_trgm); shorter ones ("保洁", "补网") are a
LIKE over the same columns. Relevance counts where each word was found: in the title first,
then the skills, the employer's name, the description.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, Integer, and_, case, literal, or_, text
from sqlalchemy.sql.expression import TextClause

from marketplace.models import GigSearch, db
from marketplace.models.gig_search import FTS_TABLE

MAX_WORDS = 6
MAX_WORD_CHARS = 40
TRIGRAM = 3  # the shortest word a trigram index can look up
# Where a word was found, and what that adds to a gig's relevance.
WEIGHTS = (
    (GigSearch.title, 8),
    (GigSearch.skills, 4),
    (GigSearch.employer, 2),
    (GigSearch.body, 1),
)
_SEPARATORS = re.compile(r"[\s,;、；，。|/]+")


def words(query: str | None) -> list[str]:
    """The words of a typed query: no control characters, at most a few, each of bounded length.

    Full-width letters and digits become their usual forms (NFKC), so "ＣＬＥＡＮ" finds "clean".
    """
    if not query:
        return []
    normal = unicodedata.normalize("NFKC", query)
    printable = "".join(ch for ch in normal if unicodedata.category(ch)[0] != "C" or ch.isspace())
    found: list[str] = []
    for word in _SEPARATORS.split(printable):
        word = word[:MAX_WORD_CHARS]
        if word and word.casefold() not in (w.casefold() for w in found):
            found.append(word)
    return found[:MAX_WORDS]


def _pattern(word: str) -> str:
    """A LIKE pattern that finds ``word`` anywhere, its wildcards taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _found_in(column, word: str) -> ColumnElement[bool]:
    # SQLite's LIKE already ignores case (of ASCII letters, as its lower() would).
    if db.engine.dialect.name == "sqlite":
        return column.like(_pattern(word), escape="\\")
    return column.ilike(_pattern(word), escape="\\")


def _anywhere(word: str) -> ColumnElement[bool]:
    return or_(*(_found_in(column, word) for column, _ in WEIGHTS))


def _fts_phrase(word: str) -> str:
    """An FTS5 string: its characters (quotes, '*', 'NEAR(') are text, never query syntax."""
    return '"' + word.replace('"', '""') + '"'


def _fts_lookup(long_words: list[str]) -> TextClause:
    query = " AND ".join(_fts_phrase(w) for w in long_words)
    return text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_query").bindparams(
        fts_query=query
    )


def matches(found: list[str]) -> ColumnElement[bool]:
    """A condition on ``GigSearch`` that holds when the gig contains every word."""
    long_words = [w for w in found if len(w) >= TRIGRAM]
    if db.engine.dialect.name == "sqlite" and long_words:
        rows = _fts_lookup(long_words).columns(rowid=Integer)
        short = [_anywhere(w) for w in found if len(w) < TRIGRAM]
        return and_(GigSearch.gig_id.in_(rows), *short)
    # PostgreSQL: the GIN trigram index serves ILIKE '%word%' directly.
    return and_(*(_anywhere(w) for w in found))


def relevance(found: list[str]) -> ColumnElement[int]:
    """Higher when the words are in the title, then the skills, the employer, the description."""
    score: ColumnElement[int] = literal(0)
    for word in found:
        for column, weight in WEIGHTS:
            score = score + case((_found_in(column, word), weight), else_=0)
    return score
