"""benefit facts: education level (only 高校毕业生 count as graduates, N(十一))

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 07:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('benefit_facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('education', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('benefit_facts', schema=None) as batch_op:
        batch_op.drop_column('education')
