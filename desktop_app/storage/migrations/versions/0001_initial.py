"""The first released schema: every table of the domain and the FTS5 search index.

Revision ID: 0001
Revises:
Create Date: 2024-06-03

Written out table by table on purpose (no ``create_all``): later changes to ``tables.py`` go into
new revisions and must not change what this one creates. ``item_search`` is an FTS5 table whose
rowid is ``item.id``; the case service keeps its ``terms``.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from desktop_app.storage.search_index import create_statements

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=50), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index("ix_history_item_changed", ["item_id", "changed_at"], unique=False)

    op.create_table(
        "proposer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("body", sa.String(length=20), nullable=False),
        sa.Column("proposer_type", sa.String(length=20), nullable=False),
        sa.Column("delegation", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposer")),
        sa.UniqueConstraint("name", "body", name="uq_proposer_name_body"),
    )
    op.create_table(
        "rectification_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("opinion_title", sa.String(length=300), nullable=False),
        sa.Column("opinion_issuer", sa.String(length=100), nullable=False),
        sa.Column("opinion_date", sa.Date(), nullable=True),
        sa.Column("report_doc_number", sa.String(length=100), nullable=False),
        sa.Column("report_title", sa.String(length=300), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("report_body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_list")),
    )
    op.create_table(
        "saved_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("filter_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_view")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_view_name")),
    )
    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("body", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session")),
        sa.UniqueConstraint("name", name=op.f("uq_session_name")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_name")),
    )
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("raised_at", sa.String(length=20), nullable=False),
        sa.Column("is_key", sa.Boolean(), nullable=False),
        sa.Column("is_leader_handled", sa.Boolean(), nullable=False),
        sa.Column("leader_name", sa.String(length=50), nullable=False),
        sa.Column("is_secret", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("assigned_on", sa.Date(), nullable=True),
        sa.Column("lead_proposer_name", sa.String(length=100), nullable=False),
        sa.Column("lead_unit_names", sa.String(length=500), nullable=False),
        sa.Column("co_unit_names", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_item_session_id_session"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item")),
        sa.UniqueConstraint("session_id", "number", name="uq_item_session_number"),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_assigned_on"), ["assigned_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_status"), ["status"], unique=False)

    op.create_table(
        "rectification_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("aspect", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("units_text", sa.Text(), nullable=False),
        sa.Column("deadline_on", sa.Date(), nullable=True),
        sa.Column("deadline_term", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["rectification_list.id"],
            name=op.f("fk_rectification_row_list_id_rectification_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_row")),
    )
    with op.batch_alter_table("rectification_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectification_row_list_id"), ["list_id"], unique=False)

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("leader", sa.String(length=50), nullable=False),
        sa.Column("section", sa.String(length=100), nullable=False),
        sa.Column("handler", sa.String(length=50), nullable=False),
        sa.Column("handler_phone", sa.String(length=50), nullable=False),
        sa.Column("opinion_sent_on", sa.Date(), nullable=True),
        sa.Column("opinion_received_on", sa.Date(), nullable=True),
        sa.Column("opinion_text", sa.Text(), nullable=False),
        sa.Column("return_requested_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=False),
        sa.Column("return_outcome", sa.String(length=20), nullable=True),
        sa.Column("return_decided_on", sa.Date(), nullable=True),
        sa.Column("extension_requested_on", sa.Date(), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("extension_months", sa.Integer(), nullable=True),
        sa.Column("extension_approved_on", sa.Date(), nullable=True),
        sa.Column("extension_approver", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_assignment_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_assignment_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        sa.UniqueConstraint("item_id", "unit_id", name="uq_assignment_item_unit"),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_attachment_item_id_item"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_item_id"), ["item_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("contact_on", sa.Date(), nullable=False),
        sa.Column("way", sa.String(length=30), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_contact_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_contact_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_item_id"), ["item_id"], unique=False)

    op.create_table(
        "item_proposer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("proposer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_item_proposer_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["proposer_id"],
            ["proposer.id"],
            name=op.f("fk_item_proposer_proposer_id_proposer"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_proposer")),
        sa.UniqueConstraint("item_id", "proposer_id", name="uq_item_proposer_pair"),
    )
    with op.batch_alter_table("item_proposer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_proposer_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_item_proposer_proposer_id"), ["proposer_id"], unique=False
        )

    op.create_table(
        "rectification_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence_name", sa.String(length=255), nullable=False),
        sa.Column("evidence_data", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["rectification_row.id"],
            name=op.f("fk_rectification_progress_row_id_rectification_row"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_progress")),
    )
    with op.batch_alter_table("rectification_progress", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_progress_row_id"), ["row_id"], unique=False
        )

    op.create_table(
        "rectification_row_item",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
            name=op.f("fk_rectification_row_item_item_id_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["rectification_row.id"],
            name=op.f("fk_rectification_row_item_row_id_rectification_row"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row_id", "item_id", name=op.f("pk_rectification_row_item")),
    )
    op.create_table(
        "rectification_row_unit",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["rectification_row.id"],
            name=op.f("fk_rectification_row_unit_row_id_rectification_row"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_rectification_row_unit_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row_id", "unit_id", name=op.f("pk_rectification_row_unit")),
    )
    op.create_table(
        "reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("doc_number", sa.String(length=100), nullable=False),
        sa.Column("signer", sa.String(length=50), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("disclosure", sa.String(length=20), nullable=False),
        sa.Column("disclosure_reason", sa.Text(), nullable=False),
        sa.Column("contact_person", sa.String(length=50), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("cc", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("finalised", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_reply_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_reply_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply")),
        sa.UniqueConstraint("item_id", "round", name="uq_reply_item_round"),
    )
    with op.batch_alter_table("reply", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reply_item_id"), ["item_id"], unique=False)

    op.create_table(
        "attachment_content",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_attachment_content_attachment_id_attachment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_content")),
    )
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_term", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("carried_reason", sa.Text(), nullable=False),
        sa.Column("carried_to_year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_commitment_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reply_id"],
            ["reply.id"],
            name=op.f("fk_commitment_reply_id_reply"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_commitment_unit_id_unit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
    )
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_item_id"), ["item_id"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.Integer(), nullable=True),
        sa.Column("proposer_id", sa.Integer(), nullable=True),
        sa.Column("attitude", sa.String(length=30), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("form_reference", sa.String(length=200), nullable=False),
        sa.Column("entered_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_feedback_item_id_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["proposer_id"],
            ["proposer.id"],
            name=op.f("fk_feedback_proposer_id_proposer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reply_id"], ["reply.id"], name=op.f("fk_feedback_reply_id_reply"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_item_id"), ["item_id"], unique=False)

    # The index's form differs by back end (FTS5 on SQLite, tsvector + GIN on PostgreSQL).
    for statement in create_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TABLE item_search")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_item_id"))

    op.drop_table("feedback")
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_item_id"))

    op.drop_table("commitment")
    op.drop_table("attachment_content")
    with op.batch_alter_table("reply", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reply_item_id"))

    op.drop_table("reply")
    op.drop_table("rectification_row_unit")
    op.drop_table("rectification_row_item")
    with op.batch_alter_table("rectification_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_progress_row_id"))

    op.drop_table("rectification_progress")
    with op.batch_alter_table("item_proposer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_proposer_proposer_id"))
        batch_op.drop_index(batch_op.f("ix_item_proposer_item_id"))

    op.drop_table("item_proposer")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_item_id"))

    op.drop_table("contact")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_item_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_unit_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_item_id"))

    op.drop_table("assignment")
    with op.batch_alter_table("rectification_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_row_list_id"))

    op.drop_table("rectification_row")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_status"))
        batch_op.drop_index(batch_op.f("ix_item_session_id"))
        batch_op.drop_index(batch_op.f("ix_item_assigned_on"))

    op.drop_table("item")
    op.drop_table("unit")
    op.drop_table("setting")
    op.drop_table("session")
    op.drop_table("saved_view")
    op.drop_table("rectification_list")
    op.drop_table("proposer")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index("ix_history_item_changed")

    op.drop_table("history")
