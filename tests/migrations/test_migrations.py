"""The Alembic migrations build exactly the schema the models describe, on both engines,
with the same keyword-search index and triggers as ``db.create_all()``."""

from __future__ import annotations

import re

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select, text

from marketplace.gigs.search import GigFilters, search
from marketplace.models import EmployerProfile, Skill, db
from marketplace.models.gig_search import CREATE, FTS_TABLE, described_by_models
from marketplace.seeding.reference import load_reference
from tests.conftest import ROOT, make_test_app
from tests.factories import make_employer, make_gig


def test_upgrade_matches_models_and_downgrades(empty_database, tmp_path):
    """`flask db upgrade` leaves no difference to the models; downgrade removes every table."""
    app = make_test_app(empty_database, tmp_path / "instance")
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": described_by_models})
            diff = compare_metadata(context, db.metadata)
        assert diff == []
        downgrade(revision="base")
        leftover = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert leftover == set()
        db.engine.dispose()


def _search_structures(conn) -> set[str]:
    """Names of the keyword index and the triggers that keep the search documents."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' OR name = :fts"),
            {"fts": FTS_TABLE},
        )
    else:
        rows = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal UNION "
                "SELECT indexname FROM pg_indexes WHERE tablename = 'gig_search'"
            )
        )
    return set(rows.scalars())


def _declared(dialect: str) -> set[str]:
    """The same names as ``db.create_all()`` makes them (marketplace/models/gig_search.py)."""
    names = re.compile(r"CREATE (?:TRIGGER|VIRTUAL TABLE|INDEX) (\w+)")
    found = {m.group(1) for s in CREATE[dialect] for m in [names.search(s)] if m}
    return found | ({"pk_gig_search"} if dialect == "postgresql" else set())


def test_upgrade_indexes_posted_gigs_for_keyword_search(empty_database, tmp_path):
    """Gigs posted before the search revision are found after it, and edits keep them found."""
    app = make_test_app(empty_database, tmp_path / "instance")
    with app.app_context():
        upgrade()
        downgrade(revision="-1")
        load_reference(ROOT / "seeds")
        employer = make_employer("象山石浦海港水产有限公司")
        net = db.session.scalar(select(Skill).where(Skill.code == "fishing.net_mending"))
        make_gig(employer, title="渔港帮工", description="按时到岗。", skill_ids=[net.id])
        db.session.commit()
        upgrade()
        with db.engine.connect() as conn:
            assert _search_structures(conn) == _declared(conn.dialect.name)

        def titles(words: str) -> list[str]:
            return [g.title for g in search(GigFilters(keywords=words))[0].items]

        assert titles("补网") == titles("网具修补") == titles("海港水产") == ["渔港帮工"]
        db.session.get(EmployerProfile, employer.id).name = "东海渔业合作社"
        db.session.commit()
        assert titles("东海渔业") == ["渔港帮工"] and titles("海港水产") == []
        db.session.remove()
        db.engine.dispose()
