"""Each item's checklist points at its template entries instead of copying them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Until now every item's checklist copied each entry's key, level, name, description, due offset and
gate from the template version (about 20 rows per item: 370 MB of a 100,000-item database). Now an
item's entry points at the template version's entry (``template_entry_id``) and holds only the
item's state; its own text columns are NULL.

Conversion keeps every item's checklist as it reads today: an entry whose copied text equals the
entry of the same key in the item's template version (``item_checklist.version_id``) points at it;
any other entry (text that differs, a key the version lacks, an item without ``item_checklist``)
keeps its own text. Entry ids, positions and ticks stay as they are, so the tick history
(``checklist_tick``) still names the same entries.

SQLite cannot change a column's NOT NULL in place, so the table is rebuilt. Dropping the old table
with foreign keys on would cascade to ``checklist_tick``; the ticks are therefore copied aside, the
tick table dropped and rebuilt after, with the same rows. Its index on ``item_id`` goes (an item's
ticks are found through its entries): 21 MB at 100,000 items. The entries' index on item_id
becomes (item_id, template_entry_id), unique; the partial index of 0004 on dated entries now
holds only dated entries of their own (template entries' offsets are read from the template). The freed pages stay in the file
until it is compacted (``VACUUM``; a migration runs inside a transaction and cannot do that).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from desktop_app.storage.migrations import constraint_name

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TEXT_COLUMNS = ("key", "parent_key", "level", "name", "description", "due_length", "due_unit", "due_anchor",
                "gate")
STATE_COLUMNS = ("done", "done_at", "done_by", "note", "contact_id", "attachment_id")
TICK_COLUMNS = ("id", "entry_id", "item_id", "ticked", "ticked_at", "ticked_by", "note", "contact_id",
                "attachment_id")


def _same_as_template() -> str:
    """The copy equals its template entry in every text column (NULL equal to NULL: due_length
    may be NULL); SQLite's ``IS``, PostgreSQL's ``IS NOT DISTINCT FROM``."""
    same = "IS NOT DISTINCT FROM" if op.get_bind().dialect.name == "postgresql" else "IS"
    return " AND ".join(f"t.{c} {same} e.{c}" for c in TEXT_COLUMNS)


def upgrade() -> None:
    _set_ticks_aside()
    _free_key_names()
    op.create_table(
        "item_checklist_entry_0005",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("template_entry_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_state_columns(),
        sa.Column("key", sa.String(length=40), nullable=True),
        sa.Column("parent_key", sa.String(length=40), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("due_length", sa.Integer(), nullable=True),
        sa.Column("due_unit", sa.String(length=20), nullable=True),
        sa.Column("due_anchor", sa.String(length=30), nullable=True),
        sa.Column("gate", sa.String(length=30), nullable=True),
        *_entry_foreign_keys(),
        sa.ForeignKeyConstraint(["template_entry_id"], ["checklist_template_entry.id"],
                                name=constraint_name("fk_item_checklist_entry_template_entry_id_checklist_template_entry"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name="pk_item_checklist_entry"),
    )
    state = ", ".join(STATE_COLUMNS)
    e_state = ", ".join(f"e.{c}" for c in STATE_COLUMNS)
    text = ", ".join(TEXT_COLUMNS)
    e_text = ", ".join(f"e.{c}" for c in TEXT_COLUMNS)
    matched = (
        " FROM item_checklist_entry e JOIN item_checklist c ON c.item_id = e.item_id"
        f" JOIN checklist_template_entry t ON t.version_id = c.version_id AND t.key = e.key AND {_same_as_template()}"
    )
    op.execute(
        f"INSERT INTO item_checklist_entry_0005 (id, item_id, template_entry_id, position, {state})"
        f" SELECT e.id, e.item_id, t.id, e.position, {e_state}{matched}"
    )
    op.execute(
        f"INSERT INTO item_checklist_entry_0005 (id, item_id, position, {state}, {text})"
        f" SELECT e.id, e.item_id, e.position, {e_state}, {e_text} FROM item_checklist_entry e"
        " WHERE e.id NOT IN (SELECT id FROM item_checklist_entry_0005)"
    )
    op.drop_table("item_checklist_entry")
    op.rename_table("item_checklist_entry_0005", "item_checklist_entry")
    _entry_indexes()
    _restore_ticks(index_item=False)


def downgrade() -> None:
    _set_ticks_aside()
    _free_key_names()
    op.create_table(
        "item_checklist_entry_0004",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("parent_key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_length", sa.Integer(), nullable=True),
        sa.Column("due_unit", sa.String(length=20), nullable=False),
        sa.Column("due_anchor", sa.String(length=30), nullable=False),
        sa.Column("gate", sa.String(length=30), nullable=False),
        *_state_columns(),
        *_entry_foreign_keys(),
        sa.PrimaryKeyConstraint("id", name="pk_item_checklist_entry"),
        sa.UniqueConstraint("item_id", "key", name="uq_item_checklist_entry_key"),
    )
    state = ", ".join(STATE_COLUMNS)
    text = ", ".join(TEXT_COLUMNS)
    either = ", ".join(f"CASE WHEN e.template_entry_id IS NULL THEN e.{c} ELSE t.{c} END" for c in TEXT_COLUMNS)
    op.execute(
        f"INSERT INTO item_checklist_entry_0004 (id, item_id, position, {state}, {text})"
        f" SELECT e.id, e.item_id, e.position, {', '.join(f'e.{c}' for c in STATE_COLUMNS)}, {either}"
        " FROM item_checklist_entry e LEFT JOIN checklist_template_entry t ON t.id = e.template_entry_id"
    )
    op.drop_table("item_checklist_entry")
    op.rename_table("item_checklist_entry_0004", "item_checklist_entry")
    op.create_index("ix_item_checklist_entry_item_id", "item_checklist_entry", ["item_id"])
    op.create_index("ix_item_checklist_entry_due", "item_checklist_entry", ["item_id"],
                    sqlite_where=sa.text("due_length IS NOT NULL"), postgresql_where=sa.text("due_length IS NOT NULL"))
    _restore_ticks(index_item=True)


def _free_key_names() -> None:
    # PostgreSQL names a table's keys in the schema, not the table: the copy cannot take its
    # keys' names while the old table still holds them (SQLite allows it).
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in ("pk_item_checklist_entry", "uq_item_checklist_entry_key"):
        op.execute(f"ALTER TABLE item_checklist_entry RENAME CONSTRAINT {name} TO {name}_old") if _has_constraint(name) else None


def _has_constraint(name: str) -> bool:
    return bool(op.get_bind().exec_driver_sql(
        "SELECT 1 FROM pg_constraint WHERE conname = %(name)s", {"name": name}).first())


def _set_ticks_aside() -> None:
    # A plain copy (no foreign key), so that dropping the entries cascades to nothing.
    op.execute("CREATE TABLE checklist_tick_0005 AS SELECT * FROM checklist_tick")
    op.drop_table("checklist_tick")


def _restore_ticks(index_item: bool) -> None:
    op.create_table(
        "checklist_tick",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("ticked", sa.Boolean(), nullable=False),
        sa.Column("ticked_at", sa.DateTime(), nullable=False),
        sa.Column("ticked_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["item_checklist_entry.id"],
                                name="fk_checklist_tick_entry_id_item_checklist_entry", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_tick"),
    )
    columns = ", ".join(TICK_COLUMNS)
    op.execute(f"INSERT INTO checklist_tick ({columns}) SELECT {columns} FROM checklist_tick_0005 ORDER BY id")
    op.drop_table("checklist_tick_0005")
    op.create_index("ix_checklist_tick_entry_id", "checklist_tick", ["entry_id"])
    if index_item:
        op.create_index("ix_checklist_tick_item_id", "checklist_tick", ["item_id"])


def _entry_indexes() -> None:
    op.create_index("ix_item_checklist_entry_template", "item_checklist_entry", ["item_id", "template_entry_id"],
                    unique=True)
    op.create_index("ix_item_checklist_entry_due", "item_checklist_entry", ["item_id"],
                    sqlite_where=sa.text("due_length IS NOT NULL"), postgresql_where=sa.text("due_length IS NOT NULL"))


def _state_columns():
    return [
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
    ]


def _entry_foreign_keys():
    return [
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_item_checklist_entry_item_id_item",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"],
                                name="fk_item_checklist_entry_contact_id_contact", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachment.id"],
                                name="fk_item_checklist_entry_attachment_id_attachment", ondelete="SET NULL"),
    ]
