"""A smaller database file: the search index keeps no copy of its terms, and an entry ticked once
keeps no tick record that only repeats its own state.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

1. ``item_search`` becomes a contentless FTS5 table (``content=''``): the index alone answers
   every query (phrases of bigrams, prefixes), and the copy of each item's terms it kept beside the
   index goes (about 100 MB of a 100,000-item database). A contentless table cannot delete a row, so
   a changed item's terms go in under a new document id, ``item id + (generation << 32)``, and
   ``item_search_gen`` holds the generation that counts for each item indexed more than once (or
   deleted); an item without a row there counts at generation 0. Documents of older generations
   are never matched (services/search.py).
2. A tick record that repeats what its entry says (the entry's only record: ticked, at the entry's
   ``done_at``, by its ``done_by``, with its note and evidence) goes: the tick history shows such an
   entry's tick from the entry itself (services/checklist.py), and the first untick or re-tick
   writes that record before its own. Every item's checklist state (done, when, who, note,
   evidence) and every tick history reads exactly as before.

The freed pages stay in the file until it is compacted (``VACUUM``; a migration runs inside a
transaction and cannot do that).
"""

from typing import Sequence, Union

from alembic import op

from desktop_app.domain.search import search_terms

revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The one tick record of a done entry that says nothing the entry does not.
MIRRORED_TICKS = (
    "SELECT t.id FROM checklist_tick t JOIN item_checklist_entry e ON e.id = t.entry_id"
    " WHERE e.done AND t.ticked AND t.ticked_at IS e.done_at AND t.ticked_by IS e.done_by AND t.note IS e.note"
    " AND t.contact_id IS e.contact_id AND t.attachment_id IS e.attachment_id AND t.item_id = e.item_id"
    " AND NOT EXISTS (SELECT 1 FROM checklist_tick o WHERE o.entry_id = t.entry_id AND o.id != t.id)"
)


def upgrade() -> None:
    op.execute("CREATE TABLE item_search_old_terms AS SELECT rowid AS id, terms FROM item_search")
    op.execute("DROP TABLE item_search")
    op.execute("CREATE VIRTUAL TABLE item_search USING fts5(terms, content='', tokenize='unicode61')")
    op.execute("INSERT INTO item_search (rowid, terms) SELECT id, terms FROM item_search_old_terms ORDER BY id")
    op.execute("DROP TABLE item_search_old_terms")
    op.execute("CREATE TABLE item_search_gen (item_id INTEGER PRIMARY KEY, gen INTEGER NOT NULL)")
    op.execute(f"DELETE FROM checklist_tick WHERE id IN ({MIRRORED_TICKS})")


def downgrade() -> None:
    # The terms were not kept: they are made again from the items (as services/search.py does).
    op.execute(
        "INSERT INTO checklist_tick (entry_id, item_id, ticked, ticked_at, ticked_by, note, contact_id,"
        " attachment_id) SELECT e.id, e.item_id, 1, e.done_at, e.done_by, e.note, e.contact_id, e.attachment_id"
        " FROM item_checklist_entry e WHERE e.done"
        " AND NOT EXISTS (SELECT 1 FROM checklist_tick t WHERE t.entry_id = e.id)"
    )
    op.execute("DROP TABLE item_search_gen")
    op.execute("DROP TABLE item_search")
    op.execute("CREATE VIRTUAL TABLE item_search USING fts5(terms, tokenize='unicode61')")
    conn = op.get_bind()
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
