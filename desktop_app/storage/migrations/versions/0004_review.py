"""回头看: review campaigns (one per year) and their entries; an index for dated checklist steps.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

Two new tables: existing databases get empty campaigns, built on demand from 跟踪 → 回头看. The
partial index finds the few checklist steps that have a due offset among some 20 entries per item
(``desktop-app due`` and the dashboard read them; 150 ms without it at 100,000 items).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "review_campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_campaign")),
        sa.UniqueConstraint("year", name=op.f("uq_review_campaign_year")),
    )
    op.create_table(
        "review_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("reviewer", sa.String(length=50), nullable=False),
        sa.Column("tell_deputy", sa.Boolean(), nullable=False),
        sa.Column("told_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["review_campaign.id"],
                                name=op.f("fk_review_entry_campaign_id_review_campaign"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_review_entry_item_id_item"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"],
                                name=op.f("fk_review_entry_commitment_id_commitment"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_entry")),
        sa.UniqueConstraint("campaign_id", "key", name="uq_review_entry_campaign_key"),
    )
    op.create_index(op.f("ix_review_entry_campaign_id"), "review_entry", ["campaign_id"])
    op.create_index(op.f("ix_review_entry_item_id"), "review_entry", ["item_id"])
    op.create_index("ix_item_checklist_entry_due", "item_checklist_entry", ["item_id"],
                    sqlite_where=sa.text("due_length IS NOT NULL"), postgresql_where=sa.text("due_length IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_item_checklist_entry_due", table_name="item_checklist_entry")
    op.drop_table("review_entry")
    op.drop_table("review_campaign")
