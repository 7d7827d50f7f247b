"""no-show appeals

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 11:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'no_show_appeal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Enum('illness', 'weather', 'emergency', 'employer', 'came', 'other', name='appealreason', native_enum=False, length=10), nullable=False),
        sa.Column('explanation', sa.Text(), nullable=False),
        sa.Column('appealed_at', sa.DateTime(), nullable=False),
        sa.Column('status', sa.Enum('pending', 'upheld', 'overturned', name='appealstatus', native_enum=False, length=10), nullable=False),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.Column('decision_note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
        sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('application_id')
    )
    with op.batch_alter_table('no_show_appeal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_no_show_appeal_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('no_show_appeal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_no_show_appeal_status'))
    op.drop_table('no_show_appeal')
