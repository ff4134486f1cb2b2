"""政协提案 in the CPPCC's own terms: 立案 / 不立案, 并案, 集体提案 contacts and 重点提案督办.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

On ``item``: ``filing`` (立案 / 不立案, NULL for a 建议 or a 提案 not yet decided) and ``filed_on``
(the 提案委员会's decision date); ``reference_due_on`` (a 不立案 意见 has no reply deadline unless
the office sets one); ``merged_into_id`` (并案: the lead proposal this one is handled with, NULL
for a lead or a stand-alone item); ``supervisor`` (the CPPCC leader supervising a 重点提案). On
``proposer``: ``contact_person`` of a 集体提案 (a party, organisation or 专门委员会). The 界别 list is
reference data in the ``setting`` table (key ``sectors``), so it needs no column.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: Union[str, Sequence[str], None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("item", sa.Column("filing", sa.String(20), nullable=True))
    op.add_column("item", sa.Column("filed_on", sa.Date(), nullable=True))
    op.add_column("item", sa.Column("reference_due_on", sa.Date(), nullable=True))
    # A plain column with an index rather than a foreign key: SQLite cannot add a constraint to an
    # existing table without rebuilding it (and ``item`` is what every other table points at);
    # the service clears the link when the lead proposal is deleted.
    op.add_column("item", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    op.create_index("ix_item_merged_into_id", "item", ["merged_into_id"])
    op.add_column("item", sa.Column("supervisor", sa.String(50), nullable=False, server_default=""))
    op.add_column("proposer", sa.Column("contact_person", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_index("ix_item_merged_into_id", table_name="item")
    for name in ("filing", "filed_on", "reference_due_on", "merged_into_id", "supervisor"):
        op.execute(f"ALTER TABLE item DROP COLUMN {name}")
    op.execute("ALTER TABLE proposer DROP COLUMN contact_person")
