"""年年提: links between items on the same problem, and dismissed suggestions.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

``item_link`` keeps a pair of items once (``item_id`` < ``other_item_id``): kind ``same`` (a user
linked them as 同一问题) or ``dismissed`` (a user said a suggested similar item is not the same
problem; it is not suggested again). Who and when are kept on the row and in both items' history.
The similarity ranking itself needs nothing new: it reads the bigram index ``item_search``.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: Union[str, Sequence[str], None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "item_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("other_item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_item_link_item_id_item"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_item_id"], ["item.id"], name=op.f("fk_item_link_other_item_id_item"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_link")),
        sa.UniqueConstraint("item_id", "other_item_id", name="uq_item_link_pair"),
    )
    with op.batch_alter_table("item_link", schema=None) as batch_op:
        batch_op.create_index("ix_item_link_other_item_id", ["other_item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("item_link", schema=None) as batch_op:
        batch_op.drop_index("ix_item_link_other_item_id")
    op.drop_table("item_link")
