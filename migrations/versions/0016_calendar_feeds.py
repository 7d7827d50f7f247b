"""calendar feeds

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'calendar_feed',
        sa.Column('worker_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['worker_id'], ['user.id'], ),
        sa.PrimaryKeyConstraint('worker_id'),
        sa.UniqueConstraint('token_hash')
    )


def downgrade():
    op.drop_table('calendar_feed')
