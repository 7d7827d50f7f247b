"""The search document of each gig, kept by database triggers; the keyword index over it.

One row per gig holds the text a keyword is looked for in: the title, the skills (Chinese and
English names and every synonym), the employer's name and the description. Triggers on
``gig``, ``gig_skill``, ``skill`` and ``employer_profile`` write it, so every way a gig, its
skills or its employer's name change keeps it right — the services, the demo's bulk inserts and
a reload of ``seeds/skills.csv`` alike. The application only reads it.

The index is engine-specific: SQLite gets an FTS5 table with the ``trigram`` tokenizer
(SQLite ≥ 3.34) over this table's columns, PostgreSQL a ``pg_trgm`` GIN index. Both serve
substring queries of three or more characters; shorter ones are a LIKE over the same columns.
The same statements are in migration 0014; ``db.create_all()`` runs them through the DDL
events below. A later migration that rebuilds one of the four source tables on SQLite (batch
mode copies and drops the table, and its triggers with it) must create the triggers again.
"""

from __future__ import annotations

from sqlalchemy import DDL, ForeignKey, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import db

FTS_TABLE = "gig_search_fts"
TRGM_INDEX = "ix_gig_search_trgm"
COLUMNS = ("title", "skills", "employer", "body")


class GigSearch(db.Model):
    """The searchable text of one gig (written by triggers, never by the application)."""

    gig_id: Mapped[int] = mapped_column(ForeignKey("gig.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    employer: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


def skills_text(gig_id: str, concat: str) -> str:
    """SQL for the skills text of one gig: names and synonyms, '|' between synonyms dropped."""
    words = (
        "s.name_zh || ' ' || s.name_en || ' ' || replace(s.synonyms_zh, '|', ' ') || ' ' || "
        "replace(s.synonyms_en, '|', ' ')"
    )
    return (
        f"coalesce((SELECT {concat}({words}, ' ') FROM gig_skill gs "
        f"JOIN skill s ON s.id = gs.skill_id WHERE gs.gig_id = {gig_id}), '')"
    )


def _employer_of(employer_id: str) -> str:
    return f"coalesce((SELECT name FROM employer_profile WHERE user_id = {employer_id}), '')"


def _sqlite_ddl() -> list[str]:
    cols = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    forget = (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.gig_id, {old});"
    )
    index = f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.gig_id, {new});"
    skills_of = skills_text("gig_search.gig_id", "group_concat")
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({cols}, content='gig_search', "
        "content_rowid='gig_id', tokenize='trigram')",
        f"CREATE TRIGGER gig_search_ai AFTER INSERT ON gig_search BEGIN {index} END",
        f"CREATE TRIGGER gig_search_ad AFTER DELETE ON gig_search BEGIN {forget} END",
        f"CREATE TRIGGER gig_search_au AFTER UPDATE ON gig_search BEGIN {forget} {index} END",
        "CREATE TRIGGER gig_search_gig_ai AFTER INSERT ON gig BEGIN "
        f"INSERT INTO gig_search (gig_id, {cols}) VALUES (new.id, new.title, "
        f"{skills_text('new.id', 'group_concat')}, {_employer_of('new.employer_id')}, "
        "new.description); END",
        "CREATE TRIGGER gig_search_gig_au AFTER UPDATE OF title, description, employer_id ON gig "
        "BEGIN UPDATE gig_search SET title = new.title, body = new.description, "
        f"employer = {_employer_of('new.employer_id')} WHERE gig_id = new.id; END",
        "CREATE TRIGGER gig_search_gig_skill_ai AFTER INSERT ON gig_skill BEGIN "
        f"UPDATE gig_search SET skills = {skills_of} WHERE gig_id = new.gig_id; END",
        "CREATE TRIGGER gig_search_gig_skill_ad AFTER DELETE ON gig_skill BEGIN "
        f"UPDATE gig_search SET skills = {skills_of} WHERE gig_id = old.gig_id; END",
        "CREATE TRIGGER gig_search_skill_au AFTER UPDATE OF name_zh, name_en, synonyms_zh, "
        f"synonyms_en ON skill BEGIN UPDATE gig_search SET skills = {skills_of} "
        "WHERE gig_id IN (SELECT gig_id FROM gig_skill WHERE skill_id = new.id); END",
        "CREATE TRIGGER gig_search_employer_au AFTER UPDATE OF name ON employer_profile BEGIN "
        "UPDATE gig_search SET employer = new.name "
        "WHERE gig_id IN (SELECT id FROM gig WHERE employer_id = new.user_id); END",
    ]


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NULL; END $$"
    )


def _pg_trigger(name: str, event_: str, table: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event_} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"


def _postgresql_ddl() -> list[str]:
    cols = ", ".join(COLUMNS)
    ops = ", ".join(f"{c} gin_trgm_ops" for c in COLUMNS)
    skills_of = skills_text("gig_search.gig_id", "string_agg")
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE INDEX {TRGM_INDEX} ON gig_search USING gin ({ops})",
        _pg_function(
            "gig_search_gig",
            "IF TG_OP = 'INSERT' THEN "
            f"INSERT INTO gig_search (gig_id, {cols}) VALUES (NEW.id, NEW.title, "
            f"{skills_text('NEW.id', 'string_agg')}, {_employer_of('NEW.employer_id')}, "
            "NEW.description); "
            "ELSE UPDATE gig_search SET title = NEW.title, body = NEW.description, "
            f"employer = {_employer_of('NEW.employer_id')} WHERE gig_id = NEW.id; END IF;",
        ),
        _pg_trigger("gig_search_gig", "INSERT OR UPDATE OF title, description, employer_id", "gig"),
        _pg_function(
            "gig_search_gig_skill",
            "IF TG_OP = 'DELETE' THEN "
            f"UPDATE gig_search SET skills = {skills_of} WHERE gig_id = OLD.gig_id; "
            f"ELSE UPDATE gig_search SET skills = {skills_of} WHERE gig_id = NEW.gig_id; END IF;",
        ),
        _pg_trigger("gig_search_gig_skill", "INSERT OR DELETE", "gig_skill"),
        _pg_function(
            "gig_search_skill",
            f"UPDATE gig_search SET skills = {skills_of} "
            "WHERE gig_id IN (SELECT gig_id FROM gig_skill WHERE skill_id = NEW.id);",
        ),
        _pg_trigger(
            "gig_search_skill", "UPDATE OF name_zh, name_en, synonyms_zh, synonyms_en", "skill"
        ),
        _pg_function(
            "gig_search_employer",
            "UPDATE gig_search SET employer = NEW.name "
            "WHERE gig_id IN (SELECT id FROM gig WHERE employer_id = NEW.user_id);",
        ),
        _pg_trigger("gig_search_employer", "UPDATE OF name", "employer_profile"),
    ]


PG_FUNCTIONS = ("gig_search_gig", "gig_search_gig_skill", "gig_search_skill", "gig_search_employer")
CREATE = {"sqlite": _sqlite_ddl(), "postgresql": _postgresql_ddl()}
# Tables go with their triggers; what outlives them is dropped before the tables.
DROP = {
    "sqlite": [f"DROP TABLE IF EXISTS {FTS_TABLE}"],
    "postgresql": [f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name in PG_FUNCTIONS],
}


def described_by_models(name: str | None, _type: str, _parents: dict) -> bool:
    """Alembic's ``include_name``: leave out the engine-specific index the models do not describe
    (the FTS5 table and its shadow tables, the GIN index)."""
    return not (name and (name.startswith(FTS_TABLE) or name == TRGM_INDEX))


for _dialect in CREATE:
    for _statement in CREATE[_dialect]:
        event.listen(db.metadata, "after_create", DDL(_statement).execute_if(dialect=_dialect))
    for _statement in DROP[_dialect]:
        event.listen(db.metadata, "before_drop", DDL(_statement).execute_if(dialect=_dialect))
