"""gig search: a search document per gig, kept by triggers, with a trigram keyword index

SQLite gets an FTS5 table (trigram tokenizer, SQLite >= 3.34) over gig_search; PostgreSQL
the pg_trgm extension and a GIN index. The statements are the ones in
marketplace/models/gig_search.py as they were when this revision was written.

Revision ID: 0019
Revises: 0018
Create Date: 2027-01-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

# The skills text of one gig: both names and every synonym ('|' between synonyms dropped).
SKILLS = """coalesce((
    SELECT {concat}(s.name_zh || ' ' || s.name_en || ' ' || replace(s.synonyms_zh, '|', ' ')
                    || ' ' || replace(s.synonyms_en, '|', ' '), ' ')
    FROM gig_skill gs JOIN skill s ON s.id = gs.skill_id WHERE gs.gig_id = {gig})
, '')"""
EMPLOYER = "coalesce((SELECT name FROM employer_profile WHERE user_id = {employer}), '')"
COLUMNS = "title, skills, employer, body"

SQLITE = [
    f"""CREATE VIRTUAL TABLE gig_search_fts USING fts5(
        {COLUMNS}, content='gig_search', content_rowid='gig_id', tokenize='trigram')""",
    f"""CREATE TRIGGER gig_search_ai AFTER INSERT ON gig_search BEGIN
        INSERT INTO gig_search_fts(rowid, {COLUMNS})
        VALUES (new.gig_id, new.title, new.skills, new.employer, new.body);
    END""",
    f"""CREATE TRIGGER gig_search_ad AFTER DELETE ON gig_search BEGIN
        INSERT INTO gig_search_fts(gig_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.gig_id, old.title, old.skills, old.employer, old.body);
    END""",
    f"""CREATE TRIGGER gig_search_au AFTER UPDATE ON gig_search BEGIN
        INSERT INTO gig_search_fts(gig_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.gig_id, old.title, old.skills, old.employer, old.body);
        INSERT INTO gig_search_fts(rowid, {COLUMNS})
        VALUES (new.gig_id, new.title, new.skills, new.employer, new.body);
    END""",
    f"""CREATE TRIGGER gig_search_gig_ai AFTER INSERT ON gig BEGIN
        INSERT INTO gig_search (gig_id, {COLUMNS})
        VALUES (new.id, new.title, {SKILLS.format(concat='group_concat', gig='new.id')},
                {EMPLOYER.format(employer='new.employer_id')}, new.description);
    END""",
    f"""CREATE TRIGGER gig_search_gig_au AFTER UPDATE OF title, description, employer_id ON gig
    BEGIN
        UPDATE gig_search SET title = new.title, body = new.description,
            employer = {EMPLOYER.format(employer='new.employer_id')}
        WHERE gig_id = new.id;
    END""",
    f"""CREATE TRIGGER gig_search_gig_skill_ai AFTER INSERT ON gig_skill BEGIN
        UPDATE gig_search SET skills = {SKILLS.format(concat='group_concat', gig='gig_search.gig_id')}
        WHERE gig_id = new.gig_id;
    END""",
    f"""CREATE TRIGGER gig_search_gig_skill_ad AFTER DELETE ON gig_skill BEGIN
        UPDATE gig_search SET skills = {SKILLS.format(concat='group_concat', gig='gig_search.gig_id')}
        WHERE gig_id = old.gig_id;
    END""",
    f"""CREATE TRIGGER gig_search_skill_au
    AFTER UPDATE OF name_zh, name_en, synonyms_zh, synonyms_en ON skill BEGIN
        UPDATE gig_search SET skills = {SKILLS.format(concat='group_concat', gig='gig_search.gig_id')}
        WHERE gig_id IN (SELECT gig_id FROM gig_skill WHERE skill_id = new.id);
    END""",
    """CREATE TRIGGER gig_search_employer_au AFTER UPDATE OF name ON employer_profile BEGIN
        UPDATE gig_search SET employer = new.name
        WHERE gig_id IN (SELECT id FROM gig WHERE employer_id = new.user_id);
    END""",
]

PG_SKILLS = SKILLS.format(concat='string_agg', gig='gig_search.gig_id')
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE INDEX ix_gig_search_trgm ON gig_search USING gin (
        title gin_trgm_ops, skills gin_trgm_ops, employer gin_trgm_ops, body gin_trgm_ops)""",
    f"""CREATE OR REPLACE FUNCTION gig_search_gig() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO gig_search (gig_id, {COLUMNS})
            VALUES (NEW.id, NEW.title, {SKILLS.format(concat='string_agg', gig='NEW.id')},
                    {EMPLOYER.format(employer='NEW.employer_id')}, NEW.description);
        ELSE
            UPDATE gig_search SET title = NEW.title, body = NEW.description,
                employer = {EMPLOYER.format(employer='NEW.employer_id')}
            WHERE gig_id = NEW.id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER gig_search_gig AFTER INSERT OR UPDATE OF title, description, employer_id
    ON gig FOR EACH ROW EXECUTE FUNCTION gig_search_gig()""",
    f"""CREATE OR REPLACE FUNCTION gig_search_gig_skill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE gig_search SET skills = {PG_SKILLS} WHERE gig_id = OLD.gig_id;
        ELSE
            UPDATE gig_search SET skills = {PG_SKILLS} WHERE gig_id = NEW.gig_id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER gig_search_gig_skill AFTER INSERT OR DELETE
    ON gig_skill FOR EACH ROW EXECUTE FUNCTION gig_search_gig_skill()""",
    f"""CREATE OR REPLACE FUNCTION gig_search_skill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE gig_search SET skills = {PG_SKILLS}
        WHERE gig_id IN (SELECT gig_id FROM gig_skill WHERE skill_id = NEW.id);
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER gig_search_skill AFTER UPDATE OF name_zh, name_en, synonyms_zh, synonyms_en
    ON skill FOR EACH ROW EXECUTE FUNCTION gig_search_skill()""",
    """CREATE OR REPLACE FUNCTION gig_search_employer() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE gig_search SET employer = NEW.name
        WHERE gig_id IN (SELECT id FROM gig WHERE employer_id = NEW.user_id);
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER gig_search_employer AFTER UPDATE OF name
    ON employer_profile FOR EACH ROW EXECUTE FUNCTION gig_search_employer()""",
]

# The gigs already posted; the index triggers above take each row into the keyword index.
BACKFILL = """INSERT INTO gig_search (gig_id, {columns})
    SELECT g.id, g.title, {skills}, {employer}, g.description FROM gig g"""

PG_FUNCTIONS = ('gig_search_gig', 'gig_search_gig_skill', 'gig_search_skill', 'gig_search_employer')
# Triggers on the source tables; those on gig_search itself go with the table.
SQLITE_TRIGGERS = (
    'gig_search_gig_ai', 'gig_search_gig_au', 'gig_search_gig_skill_ai', 'gig_search_gig_skill_ad',
    'gig_search_skill_au', 'gig_search_employer_au',
)


def upgrade():
    op.create_table(
        'gig_search',
        sa.Column('gig_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('skills', sa.Text(), nullable=False),
        sa.Column('employer', sa.Text(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ['gig_id'], ['gig.id'], name=op.f('fk_gig_search_gig_id_gig'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('gig_id', name=op.f('pk_gig_search')),
    )
    dialect = op.get_bind().dialect.name
    for statement in {'sqlite': SQLITE, 'postgresql': POSTGRESQL}.get(dialect, []):
        op.execute(statement)
    concat = 'string_agg' if dialect == 'postgresql' else 'group_concat'
    op.execute(
        BACKFILL.format(
            columns=COLUMNS,
            skills=SKILLS.format(concat=concat, gig='g.id'),
            employer=EMPLOYER.format(employer='g.employer_id'),
        )
    )


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        for name in SQLITE_TRIGGERS:
            op.execute(f'DROP TRIGGER IF EXISTS {name}')
        op.execute('DROP TABLE IF EXISTS gig_search_fts')
    if dialect == 'postgresql':
        for name in PG_FUNCTIONS:
            op.execute(f'DROP FUNCTION IF EXISTS {name}() CASCADE')
    op.drop_table('gig_search')
