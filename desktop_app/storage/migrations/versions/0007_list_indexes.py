"""Covering indexes for the case list: reply dates and our unit's roles read from indexes alone.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Reading the whole list at 100,000 items scanned the reply table (its letter texts) for the reply
dates and looked up every assignment of our unit row by row; both now come from an index. Each new
index replaces the one-column index it begins with (``ix_reply_item_id``, ``ix_assignment_unit_id``),
which served the same look-ups, so the file barely grows. No data changes.
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_reply_item_replied", "reply", ["item_id", "replied_on"])
    op.drop_index("ix_reply_item_id", table_name="reply")
    op.create_index("ix_assignment_unit_item_role", "assignment", ["unit_id", "item_id", "role"])
    op.drop_index("ix_assignment_unit_id", table_name="assignment")


def downgrade() -> None:
    op.create_index("ix_assignment_unit_id", "assignment", ["unit_id"])
    op.drop_index("ix_assignment_unit_item_role", table_name="assignment")
    op.create_index("ix_reply_item_id", "reply", ["item_id"])
    op.drop_index("ix_reply_item_replied", table_name="reply")
