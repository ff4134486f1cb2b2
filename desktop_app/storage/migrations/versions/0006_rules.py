"""Rules that hold (issue 15): each assignment's own 交办日期 and 指定办理 flag, the date the deputy
was told of an extension, the reason for a late 退回 request, and the recorded wait for feedback.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Existing assignments keep an empty 交办日期 and so keep running from the item's, as before.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (no batch copy): recreating ``item`` would cascade-delete its children.
    op.add_column("assignment", sa.Column("assigned_on", sa.Date(), nullable=True))
    op.add_column("assignment", sa.Column("designated", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("assignment", sa.Column("extension_told_on", sa.Date(), nullable=True))
    op.add_column("assignment", sa.Column("return_late_reason", sa.Text(), nullable=False, server_default=""))
    op.add_column("item", sa.Column("feedback_wait_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("item", "feedback_wait_note")
    for column in ("return_late_reason", "extension_told_on", "designated", "assigned_on"):
        op.drop_column("assignment", column)
