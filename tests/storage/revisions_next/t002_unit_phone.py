"""Test-only revision after the released head: adds a column through a batch (table rebuild).

Revision ID: t002
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "t002"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("phone", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("phone")
