"""The full-text index ``item_search`` on each back end (storage layer).

One row per item (``rowid`` = ``item.id``) holding the bigram terms of ``domain.search``.

- SQLite: an FTS5 table (unicode61 over the space-separated terms), queried with MATCH.
- PostgreSQL: a plain table whose ``terms`` is a ``tsvector`` built from the same terms with their
  positions (so that a word of three or more characters is a phrase of its bigrams, as in FTS5),
  under a GIN index; queried with ``@@`` and a ``tsquery`` built by ``pg_query``. Two-character
  words are found because they are terms themselves; a single character or a number by prefix
  (``:*``). The lexemes are given literally (``CAST(... AS tsquery)``), never through a text
  search parser, so no language's stemming or stop words touch Chinese terms.
"""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.domain.search import query_parts

_LOW = (1 << 32) - 1  # SQLite: item id = document id & _LOW; generation = document id >> 32
_GEN = "coalesce((SELECT gen FROM item_search_gen WHERE item_id = {id}), 0)"

#: tsvector positions stop at 16383: later terms keep that position (found, not as a phrase).
MAX_POSITION = 16383


def create_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [
            "CREATE TABLE item_search (rowid integer PRIMARY KEY, terms tsvector NOT NULL)",
            "CREATE INDEX item_search_terms ON item_search USING gin (terms)",
        ]
    return ["CREATE VIRTUAL TABLE item_search USING fts5(terms, tokenize='unicode61')"]


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def pg_vector(terms: str) -> str:
    """The tsvector literal of space-separated ``terms``, each with its position."""
    positions: dict[str, list[int]] = {}
    for n, term in enumerate(terms.split(), start=1):
        positions.setdefault(term, []).append(min(n, MAX_POSITION))
    return " ".join(f"{_lexeme(t)}:{','.join(map(str, sorted(set(p))))}" for t, p in positions.items())


def stored_terms(dialect: str, terms: str) -> str:
    """``terms`` as the back end's index row takes them (a tsvector literal on the server)."""
    return pg_vector(terms) if dialect == "postgresql" else terms


def pg_query(user_text: str) -> str | None:
    """The tsquery literal for what the user typed (the rules of ``domain.search.match_query``)."""
    parts = []
    for phrase, prefix in query_parts(user_text):
        if prefix:
            parts.append(_lexeme(phrase[0]) + ":*")
        else:
            parts.append("(" + " <-> ".join(_lexeme(t) for t in phrase) + ")")
    return " & ".join(parts) if parts else None


def statements(dialect: str) -> dict[str, object]:
    """The SQL of the index for one back end: forget (an item's row stops counting), insert,
    search (returns ids as one string), rank (ids best first for an OR of words, up to ``:limit``)."""
    if dialect == "postgresql":
        return {
            "forget": text("DELETE FROM item_search WHERE rowid = :id"),
            "insert": text("INSERT INTO item_search (rowid, terms) VALUES (:id, CAST(:terms AS tsvector))"),
            "search": text("SELECT string_agg(rowid::text, ',') FROM item_search WHERE terms @@ CAST(:q AS tsquery)"),
            "rank": text("SELECT rowid FROM item_search WHERE terms @@ CAST(:q AS tsquery)"
                         " ORDER BY ts_rank(terms, CAST(:q AS tsquery)) DESC, rowid LIMIT :limit"),
        }
    # SQLite's table is contentless (migration 0012) and cannot delete a row: an item's document
    # id is ``item id + (generation << 32)``, forgetting an item moves its generation on, and only
    # documents at the generation that counts match (older ones stay as dead weight).
    return {
        "forget": text("INSERT INTO item_search_gen (item_id, gen) VALUES (:id, 1)"
                       " ON CONFLICT (item_id) DO UPDATE SET gen = gen + 1"),
        "insert": text(f"INSERT INTO item_search (rowid, terms) VALUES (:id + ({_GEN.format(id=':id')} << 32), :terms)"),
        "search": text(f"SELECT group_concat(rowid & {_LOW}) FROM item_search WHERE item_search MATCH :q"
                       f" AND (rowid >> 32) = {_GEN.format(id=f'(item_search.rowid & {_LOW})')}"),
        "rank": text(f"SELECT rowid & {_LOW} FROM item_search WHERE item_search MATCH :q"
                     f" AND (rowid >> 32) = {_GEN.format(id=f'(item_search.rowid & {_LOW})')}"
                     " ORDER BY bm25(item_search) LIMIT :limit"),
    }
