"""Test-only revision after the released head: adds a column through a batch (table rebuild).

Revision ID: t002
Revises: the released head (migrations.HEAD)
"""

import sqlalchemy as sa
from alembic import op

from desktop_app.storage.migrations import HEAD

revision = "t002"
down_revision = HEAD  # always the released head, whatever it is now
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("phone", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("phone")
