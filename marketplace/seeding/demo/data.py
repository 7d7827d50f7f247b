"""Read the demo generator's word tables from ``seeds/demo/`` (see its README.md).

Like the reference files in ``seeds/``, each table is a UTF-8 CSV with a header row, and a
cell holding several values separates them with ``|``. Rows keep their order: the generator
draws from them by position, so reordering a file changes the demo market.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

DEMO_SEEDS_DIR = Path(__file__).resolve().parents[3] / "seeds" / "demo"
SEPARATOR = "|"

T = TypeVar("T")


@dataclass(frozen=True)
class Layout:
    """A table's columns, in order, and those that may be left empty."""

    columns: tuple[str, ...]
    optional: tuple[str, ...] = ()


# Columns of sectors.csv left empty for a sector whose work is never paid by the piece.
_PIECE = ("piece_unit", "piece_fen_lo", "piece_fen_hi", "pieces_lo", "pieces_hi", "piece_families")

# Every table in seeds/demo/ and its layout (README.md there says what the columns mean).
TABLES: dict[str, Layout] = {
    "names.csv": Layout(("list", "value")),
    "regions.csv": Layout(("group", "code")),
    "mobile_prefixes.csv": Layout(("prefix",)),
    "roads.csv": Layout(("road",)),
    "trade_names.csv": Layout(("trade_name",)),
    "rating_comments.csv": Layout(("about", "tone", "comment")),
    "sectors.csv": Layout(
        (
            "category_code",
            "start_hours",
            "day_hours",
            "day_pay_yuan_lo",
            "day_pay_yuan_hi",
            "form_mix",
            *_PIECE,
            "credit_prefix",
        ),
        optional=_PIECE,
    ),
    "employer_names.csv": Layout(("kind", "category_code", "template"), ("category_code",)),
    "requirements.csv": Layout(("category_code", "requirement")),
    "employer_kinds.csv": Layout(("kind", "weight", "gigs_per_employer", "slots_lo", "slots_hi")),
    "weights.csv": Layout(("choice", "value", "weight")),
    "skill_seasons.csv": Layout(("skill_code", "season_codes")),
    "category_seasons.csv": Layout(("category_code", "season_kinds")),
    "fishing_towns.csv": Layout(("name_zh",)),
    "season_wording.csv": Layout(
        ("season_kind", "title_prefix", "fishing_title_prefix", "phrase"), ("title_prefix",)
    ),
    "title_suffixes.csv": Layout(("work_form", "after", "suffix")),
    "what_to_bring.csv": Layout(("match", "key", "items"), ("key",)),
    "story_gigs.csv": Layout(
        (
            "title",
            "skills",
            "work_form",
            "pay_unit",
            "pay_fen",
            "start_hour",
            "minutes",
            "day_offsets",
            "slots",
            "season_codes",
            "story",
        ),
        optional=("day_offsets", "season_codes", "story"),
    ),
    "demo_accounts.csv": Layout(("role", "mobile", "display_name", "login_note")),
    "lists.csv": Layout(("list", "value"), ("value",)),
    "kiosk_work.csv": Layout(("station", "category_code", "weight", "male_share")),
    "kiosk_volumes.csv": Layout(
        (
            "station",
            "needs",
            "needs_today",
            "applied",
            "referred",
            "referred_needs",
            "signups",
            "views",
        )
    ),
}


class DemoDataError(ValueError):
    """A word table that is missing or does not have the layout the generator reads."""


@dataclass(frozen=True)
class Row:
    """One data row of a table, with errors that name the file and the line."""

    table: str
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        """The cell in ``column``, as text."""
        return self.cells[column]

    def error(self, message: str) -> DemoDataError:
        """A DemoDataError naming this row's file and line."""
        return DemoDataError(f"seeds/demo/{self.table}, line {self.line}: {message}")

    def convert(self, column: str, kind: Callable[[str], T]) -> T:
        """The cell converted with ``kind`` (a type or an enum), or a clear error."""
        text = self.cells[column]
        try:
            return kind(text)
        except ValueError as exc:
            raise self.error(f"bad {column} {text!r}: {exc}") from None

    def items(self, column: str, kind: Callable[[str], T] = str) -> tuple[T, ...]:
        """The ``|``-separated values of the cell, each converted; none when it is empty."""
        text = self.cells[column]
        if not text:
            return ()
        try:
            return tuple(kind(part.strip()) for part in text.split(SEPARATOR))
        except ValueError as exc:
            raise self.error(f"bad {column} {text!r}: {exc}") from None


def read_table(name: str, directory: Path = DEMO_SEEDS_DIR) -> tuple[Row, ...]:
    """The rows of one table, checked against its layout (not cached)."""
    layout = TABLES.get(name)
    if layout is None:
        raise DemoDataError(f"seeds/demo/{name}: not a table the demo generator knows")
    path = directory / name
    if not path.is_file():
        raise DemoDataError(f"seeds/demo/{name}: the file is missing")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = tuple(next(reader, ()))
        if header != layout.columns:
            raise DemoDataError(
                f"seeds/demo/{name}: columns are {header}, expected {layout.columns}"
            )
        # Line 1 is the header, so the first data row is line 2.
        rows = tuple(_row(name, layout, n, cells) for n, cells in enumerate(reader, start=2))
    if not rows:
        raise DemoDataError(f"seeds/demo/{name}: the table has no rows")
    return rows


def _row(name: str, layout: Layout, line: int, cells: list[str]) -> Row:
    row = Row(name, line, dict(zip(layout.columns, (c.strip() for c in cells), strict=False)))
    if len(cells) != len(layout.columns):
        raise row.error(f"{len(cells)} cells, expected {len(layout.columns)}")
    for column in layout.columns:
        if not row[column] and column not in layout.optional:
            raise row.error(f"{column} is empty")
    return row


@cache
def table(name: str) -> tuple[Row, ...]:
    """The rows of ``seeds/demo/<name>``, read once."""
    return read_table(name)


def column(name: str, key: str) -> tuple[str, ...]:
    """The column ``key`` of a table, in file order."""
    return tuple(row[key] for row in table(name))


def where(name: str, **match: str) -> tuple[Row, ...]:
    """The rows of a table whose cells equal ``match``; an error when there are none."""
    rows = tuple(row for row in table(name) if all(row[k] == v for k, v in match.items()))
    if not rows:
        wanted = ", ".join(f"{k}={v!r}" for k, v in match.items())
        raise DemoDataError(f"seeds/demo/{name}: no rows with {wanted}")
    return rows


def values(name: str, list_name: str, blank_ok: bool = False) -> tuple[str, ...]:
    """The ``value`` of every row of a ``list,value`` table whose ``list`` is ``list_name``."""
    rows = where(name, list=list_name)
    for row in rows:
        if not row["value"] and not blank_ok:
            raise row.error(f"value of list {list_name!r} is empty")
    return tuple(row["value"] for row in rows)


def weights(choice: str, kind: Callable[[str], T] = str) -> tuple[tuple[T, int], ...]:
    """``(value, weight)`` pairs of one choice in ``weights.csv``, values converted."""
    rows = where("weights.csv", choice=choice)
    return tuple((row.convert("value", kind), row.convert("weight", int)) for row in rows)
