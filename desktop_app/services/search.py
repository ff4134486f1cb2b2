"""Keeping and querying the full-text index ``item_search`` (services layer).

One FTS5 row per item (rowid = item.id) holding the bigram terms of domain.search for 编号, 标题,
代表 (lead and co-signers), 单位 (every assigned unit) and 内容. The callers write it inside the
same transaction as the item, so the index never disagrees with the data.

On SQLite the table is contentless (migration 0012: it keeps the index, not a copy of the terms), and a
contentless FTS5 table cannot delete a row. So an item's document id is ``item id + (generation
<< 32)``: a new item goes in at the generation ``item_search_gen`` holds for its id (0 when it has
no row there), re-indexing an item writes the next generation, and deleting one moves its
generation on without a document. Only documents at the generation that counts are matched;
older ones stay as dead weight (a few hundred bytes per save). On PostgreSQL it is a plain table
(``storage/search_index.py``) whose row is replaced.
"""

from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy.orm import Session

from desktop_app.domain.search import match_query, search_terms
from desktop_app.storage.search_index import pg_query, statements, stored_terms


def _sql(session: Session, what: str):
    return statements(session.get_bind().dialect.name)[what]


def _stored(session: Session, terms: str) -> str:
    return stored_terms(session.get_bind().dialect.name, terms)


def item_terms(
    number: str, title: str, proposer_names: Iterable[str], unit_names: Iterable[str], content: str
) -> str:
    return search_terms(number, title, *proposer_names, *unit_names, content)


def index_item(session: Session, item_id: int, terms: str) -> None:
    """Replace the index row of one item (on SQLite: its terms go in at the next generation)."""
    sql = statements(session.get_bind().dialect.name)
    values = {"id": item_id, "terms": _stored(session, terms)}
    if "replace" in sql:  # the server: one statement, one round trip
        session.execute(sql["replace"], values)
        return
    session.execute(sql["forget"], {"id": item_id})
    session.execute(sql["insert"], values)


def index_many(session: Session, rows: list[dict]) -> None:
    """Insert index rows ``{"id": item_id, "terms": ...}`` for new items (never indexed under
    their id since it was last freed) in one executemany."""
    if rows:
        session.execute(_sql(session, "insert"), [{"id": r["id"], "terms": _stored(session, r["terms"])} for r in rows])


def unindex_item(session: Session, item_id: int) -> None:
    """The item's document stops counting (a later item with the same id starts afresh)."""
    session.execute(_sql(session, "forget"), {"id": item_id})


def prepare_search(session: Session) -> None:
    """What the back end needs before the index is queried in this transaction (the server: no
    sequential scan of the index table, see ``storage/search_index.py``)."""
    prepare = statements(session.get_bind().dialect.name).get("prepare")
    if prepare is not None:
        session.execute(prepare)


def search_ids(session: Session, user_text: str) -> set[int] | None:
    """Ids of items matching what the user typed; None when the text holds nothing searchable
    (empty, or only punctuation), meaning "do not filter by text"."""
    server = session.get_bind().dialect.name == "postgresql"
    query = pg_query(user_text) if server else match_query(user_text)
    if query is None:
        return None
    # One string of ids instead of one result row per id: a word in every item (关于, 建议)
    # matches 100,000 rows, and row-by-row fetching alone would take longer than the search.
    prepare_search(session)
    ids = session.execute(_sql(session, "search"), {"q": query}).scalar()
    return set(json.loads(f"[{ids}]")) if ids else set()
