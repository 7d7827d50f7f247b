"""Training subsidies — N(七): platform workers' skills training and 技能+创业 packages."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

COURSES_CSV = Path(__file__).resolve().parents[2] / "seeds" / "training_courses.csv"

# N(七): platform delivery riders and domestic-service workers are covered by skills training
# subsidies; catering, elder care and domestic service get "skills + start-up" packages.
PLATFORM = "platform"
SKILLS_STARTUP = "skills_startup"


@dataclass(frozen=True)
class Course:
    """A subsidised course listed in seeds/training_courses.csv."""

    code: str
    kind: str
    category_code: str
    name_zh: str
    name_en: str
    hours: int
    provider_zh: str
    note_zh: str
    source: str

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Course:
        """A course from one row of the seeds file (every field a string)."""
        return cls(
            code=row["code"],
            kind=row["kind"],
            category_code=row["category_code"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            hours=int(row["hours"]),
            provider_zh=row["provider_zh"],
            note_zh=row["note_zh"],
            source=row["source"],
        )


def load_courses(path: Path = COURSES_CSV) -> list[Course]:
    """Every course in the seeds file."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [Course.from_row(row) for row in csv.DictReader(fh)]


def courses_for(categories: set[str], courses: list[Course]) -> list[Course]:
    """Courses for the worker's skill categories first, then the rest; start-up packages last."""
    return sorted(
        courses,
        key=lambda c: (c.category_code not in categories, c.kind == SKILLS_STARTUP, c.code),
    )
