"""Keeping and querying the full-text index ``item_search`` (services layer).

One FTS5 row per item (rowid = item.id) holding the bigram terms of domain.search for 编号, 标题,
代表 (lead and co-signers), 单位 (every assigned unit) and 内容. The callers write it inside the
same transaction as the item, so the index never disagrees with the data.
"""

from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_app.domain.search import match_query, search_terms

_DELETE = text("DELETE FROM item_search WHERE rowid = :id")
_INSERT = text("INSERT INTO item_search(rowid, terms) VALUES (:id, :terms)")


def item_terms(
    number: str, title: str, proposer_names: Iterable[str], unit_names: Iterable[str], content: str
) -> str:
    return search_terms(number, title, *proposer_names, *unit_names, content)


def index_item(session: Session, item_id: int, terms: str) -> None:
    """Replace the index row of one item (FTS5 has no upsert)."""
    session.execute(_DELETE, {"id": item_id})
    session.execute(_INSERT, {"id": item_id, "terms": terms})


def index_many(session: Session, rows: list[dict]) -> None:
    """Insert index rows ``{"id": item_id, "terms": ...}`` for new items in one executemany."""
    if rows:
        session.execute(_INSERT, rows)


def unindex_item(session: Session, item_id: int) -> None:
    session.execute(_DELETE, {"id": item_id})


def search_ids(session: Session, user_text: str) -> set[int] | None:
    """Ids of items matching what the user typed; None when the text holds nothing searchable
    (empty, or only punctuation), meaning "do not filter by text"."""
    query = match_query(user_text)
    if query is None:
        return None
    # One string of ids instead of one result row per id: a word in every item (关于, 建议)
    # matches 100,000 rows, and row-by-row fetching alone would take longer than the search.
    ids = session.execute(
        text("SELECT group_concat(rowid) FROM item_search WHERE item_search MATCH :q"), {"q": query}
    ).scalar()
    return set(json.loads(f"[{ids}]")) if ids else set()
