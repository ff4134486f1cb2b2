"""A smaller database file: an item's checklist is one packed value instead of a row per entry,
the search index keeps no copy of its terms, and a tick record that only repeats its entry's state
is not kept.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

1. ``item_checklist_entry`` (about 21 rows per item: 150 MB with its index at 100,000 items) goes:
   each item's entries, in display order, with its state of each (done, when, by whom, note,
   evidence), are packed into ``item_checklist.entries`` (domain/checklist_state.py), the entries
   with a due offset into ``dated`` and the progress into ``done_count``, ``total``, ``next_step``.
   An entry pointing at a template entry stays a pointer; one with its own text keeps it. An
   entry's id becomes ``item id << 10 | slot`` (slot: its place in the item's checklist today), and
   the tick records follow it. An item with entries but no ``item_checklist`` row gets one, for the
   version its entries point at (or the newest), so its checklist now shows.
2. A tick record that repeats what its entry says (the entry's only record: ticked, at the entry's
   ``done_at``, by its ``done_by``, with its note and evidence) goes: the tick history shows such an
   entry's tick from the entry itself (services/checklist.py), and the first untick or re-tick
   writes that record before its own. ``checklist_tick`` now cascades from the item (index on
   ``item_id``) instead of from the entry rows.
3. ``item_search`` becomes a contentless FTS5 table (``content=''``): the index alone answers every
   query (phrases of bigrams, prefixes), and the copy of each item's terms (100 MB) goes. A
   contentless table cannot delete a row, so a changed item's terms go in under a new document id,
   ``item id + (generation << 32)``, and ``item_search_gen`` holds the generation that counts for
   each item indexed more than once or deleted (services/search.py).

Every item's checklist reads back as before: entries, order, names, state, tick history. The freed
pages stay in the file until it is compacted (``VACUUM``; a migration runs inside a transaction
and cannot do that).
"""

from collections import defaultdict
from datetime import datetime
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from desktop_app.domain import checklist_state as packed
from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import Condition, Entry, EntryLevel, GateAction, progress
from desktop_app.domain.deadlines import Anchor
from desktop_app.domain.search import search_terms
from desktop_app.storage.migrations import constraint_name

revision: str = "0012"
down_revision: Union[str, Sequence[str], None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The one tick record of a done entry that says nothing the entry does not.
MIRRORED_TICKS = (
    "SELECT t.id FROM checklist_tick t JOIN item_checklist_entry e ON e.id = t.entry_id"
    " WHERE e.done AND t.ticked AND t.ticked_at IS NOT DISTINCT FROM e.done_at AND t.ticked_by IS NOT DISTINCT FROM e.done_by AND t.note IS NOT DISTINCT FROM e.note"
    " AND t.contact_id IS NOT DISTINCT FROM e.contact_id AND t.attachment_id IS NOT DISTINCT FROM e.attachment_id AND t.item_id = e.item_id"
    " AND NOT EXISTS (SELECT 1 FROM checklist_tick o WHERE o.entry_id = t.entry_id AND o.id != t.id)"
)
TEXT_COLUMNS = ("key", "parent_key", "level", "name", "description", "due_length", "due_unit", "due_anchor",
                "gate")
STATE_COLUMNS = ("done", "done_at", "done_by", "note", "contact_id", "attachment_id")
TICK_COLUMNS = ("id", "entry_id", "item_id", "ticked", "ticked_at", "ticked_by", "note", "contact_id",
                "attachment_id")
CHECKLIST_COLUMNS = (
    ("entries", sa.Text(), ""), ("dated", sa.Text(), ""), ("done_count", sa.Integer(), "0"),
    ("total", sa.Integer(), "0"), ("next_step", sa.String(length=200), ""),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # the server's index is a plain table (storage/search_index.py)
        _search_without_terms()
    conn = op.get_bind()
    conn.exec_driver_sql(f"DELETE FROM checklist_tick WHERE id IN ({MIRRORED_TICKS})")
    for name, type_, default in CHECKLIST_COLUMNS:
        op.add_column("item_checklist", sa.Column(name, type_, nullable=False, server_default=default))
    # Entries of an item without a checklist row (possible before 0005): their version, or the newest.
    conn.exec_driver_sql(
        "INSERT INTO item_checklist (item_id, version_id)"
        " SELECT item_id, version_id FROM (SELECT e.item_id, coalesce(max(t.version_id),"
        " (SELECT max(id) FROM checklist_template_version)) AS version_id FROM item_checklist_entry e"
        " LEFT JOIN checklist_template_entry t ON t.id = e.template_entry_id"
        " WHERE e.item_id NOT IN (SELECT item_id FROM item_checklist) GROUP BY e.item_id) AS found"
        " WHERE version_id IS NOT NULL")
    template = {row[0]: _entry(*row[1:]) for row in conn.exec_driver_sql(
        f"SELECT id, {', '.join(TEXT_COLUMNS)} FROM checklist_template_entry")}
    by_item: dict[int, list] = defaultdict(list)
    new_id: dict[int, int] = {}
    for row in conn.exec_driver_sql(
            f"SELECT id, item_id, template_entry_id, {', '.join(STATE_COLUMNS)}, {', '.join(TEXT_COLUMNS)}"
            " FROM item_checklist_entry WHERE item_id IN (SELECT item_id FROM item_checklist)"
            " ORDER BY item_id, position, id"):
        old_id, item_id, template_entry_id = row[:3]
        done, done_at, done_by, note, contact_id, attachment_id = row[3:9]
        own = None if template_entry_id is not None else _entry(*row[9:])
        entries = by_item[item_id]
        state = packed.EntryState(
            item_id, len(entries), template_entry_id if own is None else packed.own_text(own), bool(done),
            _when(done_at), done_by or "", note or "", contact_id, attachment_id)
        entries.append((state, own or template[template_entry_id]))
        new_id[old_id] = state.id
    updates = []
    for item_id, pairs in by_item.items():
        shown = progress(tuple(e for _s, e in pairs), {e.key for s, e in pairs if s.done})
        updates.append((packed.pack([s for s, _e in pairs]), packed.pack_dated(pairs), shown.done, shown.total,
                        shown.next_step, item_id))
    if updates:
        conn.exec_driver_sql("UPDATE item_checklist SET entries = ?, dated = ?, done_count = ?, total = ?,"
                             " next_step = ? WHERE item_id = ?", updates)
    ticks = [(row[0], new_id[row[1]], *row[2:]) for row in conn.exec_driver_sql(
        f"SELECT {', '.join(TICK_COLUMNS)} FROM checklist_tick ORDER BY id") if row[1] in new_id]
    op.drop_table("checklist_tick")
    op.drop_table("item_checklist_entry")
    _tick_table(
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_checklist_tick_item_id_item", ondelete="CASCADE"),
    )
    if ticks:
        conn.exec_driver_sql(f"INSERT INTO checklist_tick ({', '.join(TICK_COLUMNS)})"
                             f" VALUES ({', '.join('?' for _c in TICK_COLUMNS)})", ticks)
    op.create_index("ix_checklist_tick_item_id", "checklist_tick", ["item_id"])


def downgrade() -> None:
    conn = op.get_bind()
    ticks = conn.exec_driver_sql(f"SELECT {', '.join(TICK_COLUMNS)} FROM checklist_tick ORDER BY id").all()
    op.drop_table("checklist_tick")
    op.create_table(
        "item_checklist_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("template_entry_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=40), nullable=True),
        sa.Column("parent_key", sa.String(length=40), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("due_length", sa.Integer(), nullable=True),
        sa.Column("due_unit", sa.String(length=20), nullable=True),
        sa.Column("due_anchor", sa.String(length=30), nullable=True),
        sa.Column("gate", sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_item_checklist_entry_item_id_item",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"],
                                name="fk_item_checklist_entry_contact_id_contact", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachment.id"],
                                name="fk_item_checklist_entry_attachment_id_attachment", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["template_entry_id"], ["checklist_template_entry.id"],
                                name=constraint_name("fk_item_checklist_entry_template_entry_id_checklist_template_entry"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name="pk_item_checklist_entry"),
    )
    rows = []
    for item_id, text in conn.exec_driver_sql("SELECT item_id, entries FROM item_checklist").all():
        for position, e in enumerate(packed.unpack(text, item_id)):
            own = packed.own_entry(e.ref) if isinstance(e.ref, dict) else None
            rows.append((e.id, item_id, e.template_entry_id, position, e.done, _stamp(e.done_at), e.done_by, e.note,
                         e.contact_id, e.attachment_id,
                         *((own.key, own.parent_key, own.level.value, own.name, own.description, own.due_length,
                            own.due_unit.value, own.due_anchor.value, own.gate.value if own.gate else "")
                           if own else (None,) * len(TEXT_COLUMNS))))
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO item_checklist_entry (id, item_id, template_entry_id, position, {', '.join(STATE_COLUMNS)},"
            f" {', '.join(TEXT_COLUMNS)}) VALUES ({', '.join('?' for _c in range(19))})", rows)
    op.create_index("ix_item_checklist_entry_template", "item_checklist_entry", ["item_id", "template_entry_id"],
                    unique=True)
    op.create_index("ix_item_checklist_entry_due", "item_checklist_entry", ["item_id"],
                    sqlite_where=sa.text("due_length IS NOT NULL"))
    _tick_table(
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["item_checklist_entry.id"],
                                name="fk_checklist_tick_entry_id_item_checklist_entry", ondelete="CASCADE"),
    )
    if ticks:
        conn.exec_driver_sql(f"INSERT INTO checklist_tick ({', '.join(TICK_COLUMNS)})"
                             f" VALUES ({', '.join('?' for _c in TICK_COLUMNS)})", [tuple(t) for t in ticks])
    op.create_index("ix_checklist_tick_entry_id", "checklist_tick", ["entry_id"])
    # Every tick record again, also of entries ticked when their item was registered.
    conn.exec_driver_sql(
        "INSERT INTO checklist_tick (entry_id, item_id, ticked, ticked_at, ticked_by, note, contact_id,"
        " attachment_id) SELECT e.id, e.item_id, TRUE, e.done_at, e.done_by, e.note, e.contact_id, e.attachment_id"
        " FROM item_checklist_entry e WHERE e.done AND e.done_at IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM checklist_tick t WHERE t.entry_id = e.id)"
    )
    for name, _type, _default in CHECKLIST_COLUMNS:
        op.execute(f"ALTER TABLE item_checklist DROP COLUMN {name}")
    if conn.dialect.name == "sqlite":
        _search_with_terms(conn)


def _tick_table(entry_column, foreign_key) -> None:
    op.create_table(
        "checklist_tick",
        sa.Column("id", sa.Integer(), nullable=False),
        entry_column,
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("ticked", sa.Boolean(), nullable=False),
        sa.Column("ticked_at", sa.DateTime(), nullable=False),
        sa.Column("ticked_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        foreign_key,
        sa.PrimaryKeyConstraint("id", name="pk_checklist_tick"),
    )


def _entry(key, parent_key, level, name, description, due_length, due_unit, due_anchor, gate) -> Entry:
    return Entry(key or "", name or "", _member(EntryLevel, level, EntryLevel.STEP), parent_key or "",
                 description or "", Condition(), due_length, _member(LengthUnit, due_unit, LengthUnit.DAYS),
                 _member(Anchor, due_anchor, Anchor.ASSIGNED), _member(GateAction, gate, None))


def _member(enum_cls, code, default):
    try:
        return enum_cls(code) if code else default
    except ValueError:
        return default


def _when(text):
    return datetime.fromisoformat(text) if text else None


def _stamp(value):
    # The format SQLAlchemy's SQLite DateTime type writes and parses.
    return None if value is None else value.isoformat(" ", "microseconds")


def _search_without_terms() -> None:
    op.execute("CREATE TABLE item_search_old_terms AS SELECT rowid AS id, terms FROM item_search")
    op.execute("DROP TABLE item_search")
    op.execute("CREATE VIRTUAL TABLE item_search USING fts5(terms, content='', tokenize='unicode61')")
    op.execute("INSERT INTO item_search (rowid, terms) SELECT id, terms FROM item_search_old_terms ORDER BY id")
    op.execute("DROP TABLE item_search_old_terms")
    op.execute("CREATE TABLE item_search_gen (item_id INTEGER PRIMARY KEY, gen INTEGER NOT NULL)")


def _search_with_terms(conn) -> None:
    # The terms were not kept: they are made again from the items (as services/search.py does).
    op.execute("DROP TABLE item_search_gen")
    op.execute("DROP TABLE item_search")
    op.execute("CREATE VIRTUAL TABLE item_search USING fts5(terms, tokenize='unicode61')")
    names: dict[int, tuple[list, list]] = {}
    for item_id, name in conn.exec_driver_sql(
            "SELECT ip.item_id, p.name FROM item_proposer ip JOIN proposer p ON p.id = ip.proposer_id"
            " ORDER BY ip.item_id, ip.position, ip.id"):
        names.setdefault(item_id, ([], []))[0].append(name)
    for item_id, name in conn.exec_driver_sql(
            "SELECT a.item_id, u.name FROM assignment a JOIN unit u ON u.id = a.unit_id"
            " ORDER BY a.item_id, a.position, a.id"):
        names.setdefault(item_id, ([], []))[1].append(name)
    rows = [
        (item_id, search_terms(number, title, *names.get(item_id, ([], []))[0], *names.get(item_id, ([], []))[1],
                               content))
        for item_id, number, title, content in conn.exec_driver_sql("SELECT id, number, title, content FROM item")
    ]
    if rows:
        conn.exec_driver_sql("INSERT INTO item_search (rowid, terms) VALUES (?, ?)", rows)
