"""accident reports

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 11:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'accident_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('reported_by_id', sa.Integer(), nullable=False),
        sa.Column('occurred_at', sa.DateTime(), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('injured', sa.Boolean(), nullable=False),
        sa.Column('cover', sa.Enum('work_injury', 'accident', 'none', name='cover', native_enum=False, length=12), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('employer_applied_on', sa.Date(), nullable=True),
        sa.Column('worker_applied_on', sa.Date(), nullable=True),
        sa.Column('reminders_sent', sa.Integer(), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('closed_by_id', sa.Integer(), nullable=True),
        sa.Column('close_note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
        sa.ForeignKeyConstraint(['closed_by_id'], ['user.id'], ),
        sa.ForeignKeyConstraint(['reported_by_id'], ['user.id'], ),
        sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('accident_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accident_report_application_id'), ['application_id'], unique=False)


def downgrade():
    with op.batch_alter_table('accident_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accident_report_application_id'))
    op.drop_table('accident_report')
