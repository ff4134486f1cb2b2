"""Test-only revision that fails half-way: its first step must be rolled back with it.

Revision ID: t003
Revises: t002
"""

import sqlalchemy as sa
from alembic import op

revision = "t003"
down_revision = "t002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE unit SET name = name || '（已改）'")
    op.execute("INSERT INTO no_such_table VALUES (1)")


def downgrade() -> None:
    op.drop_table("half_done")
