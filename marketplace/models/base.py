"""Declarative base, naming convention and shared column helpers."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import cast

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Enum, Executable, MetaData
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic alter them on SQLite too.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    """Current time in UTC, naive, as every timestamp column stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


def code_enum(enum_cls: type[enum.Enum], length: int) -> Enum:
    """A portable enum column that stores the member's value (e.g. 'worker'), not its name."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )


def rows_changed(statement: Executable) -> int:
    """Run an UPDATE or DELETE in the session and say how many rows it changed."""
    return cast(CursorResult, db.session.execute(statement)).rowcount
