"""Optimistic version checks beyond items: rectification rows, commitments, review entries and
settings carry a ``version``, raised by every save and compared with the one the editor read.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10

Two editors of one 整改清单 row both saved and the first edit was lost; the same could happen to a
commitment, a 回头看 entry and a setting. Existing rows start at version 1. (Checklist templates
need no column: each save already writes a numbered version, which is what the editor compares.)
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("rectification_row", "commitment", "review_entry", "setting")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
