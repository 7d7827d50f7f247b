"""codes sent by SMS to prove a mobile number; outbox messages to numbers without an account

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mobile_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.Enum('signup', 'reset', name='codepurpose', native_enum=False, length=8), nullable=False),
    sa.Column('mobile', sa.String(length=11), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('tries', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('role', sa.Enum('worker', 'employer', 'staff', 'admin', name='role', native_enum=False, length=12), nullable=True),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_mobile_code_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mobile_code'))
    )
    with op.batch_alter_table('mobile_code', schema=None) as batch_op:
        batch_op.create_index('ix_mobile_code_mobile_created_at', ['mobile', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mobile_code_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    # Messages to numbers without an account cannot be kept under the older schema.
    op.execute('DELETE FROM outbox_message WHERE user_id IS NULL')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table('mobile_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mobile_code_user_id'))
        batch_op.drop_index('ix_mobile_code_mobile_created_at')

    op.drop_table('mobile_code')
