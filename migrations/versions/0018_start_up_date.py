"""benefit facts: the date the worker started their own business (start-up support, P 二(一))

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('benefit_facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('business_started_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('benefit_facts', schema=None) as batch_op:
        batch_op.drop_column('business_started_on')
