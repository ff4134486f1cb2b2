"""The full-text index ``item_search`` on each back end (storage layer).

One row per item (``rowid`` = ``item.id``) holding the bigram terms of ``domain.search``.

- SQLite: an FTS5 table (unicode61 over the space-separated terms), queried with MATCH.
- PostgreSQL: a plain table whose ``terms`` is a ``tsvector`` built from the same terms with their
  positions, plus each three-character sequence of a CJK run as a term of its own (no position),
  under a GIN index; queried with ``@@`` and a ``tsquery`` built by ``pg_query``. Two- and
  three-character words are found because they are terms themselves; a longer word as the phrase
  of its bigrams (as in FTS5), narrowed first by its three-character terms; a single character or
  a number by prefix (``:*``). The lexemes are given literally (``CAST(... AS tsquery)``), never
  through a text search parser, so no language's stemming or stop words touch Chinese terms.

  Speed (migration 0015): a query is answered from the GIN index and the table's rows, never by
  reading every item's terms. The terms are stored out of line (TOAST, ``STORAGE EXTERNAL``,
  ``toast_tuple_target`` 128), so the rows the index points to are a few bytes each (5 MB at
  100,000 items instead of 150 MB), and the search statements forbid a sequential scan, which
  would now unpack every item's terms. A word in most items (建议) takes ~20 ms instead of ~100.
"""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.domain.search import query_parts, run_trigrams

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
    """The tsvector literal of space-separated ``terms``, each with its position, and the runs'
    three-character sequences without one (only ever looked up whole, never in a phrase)."""
    words = terms.split()
    positions: dict[str, list[int]] = {}
    for n, term in enumerate(words, start=1):
        positions.setdefault(term, []).append(min(n, MAX_POSITION))
    lexemes = [f"{_lexeme(t)}:{','.join(map(str, sorted(set(p))))}" for t, p in positions.items()]
    lexemes += [_lexeme(t) for t in dict.fromkeys(run_trigrams(words)) if t not in positions]
    return " ".join(lexemes)


def stored_terms(dialect: str, terms: str) -> str:
    """``terms`` as the back end's index row takes them (a tsvector literal on the server)."""
    return pg_vector(terms) if dialect == "postgresql" else terms


def pg_query(user_text: str) -> str | None:
    """The tsquery literal for what the user typed (the rules of ``domain.search.match_query``)."""
    parts = []
    for phrase, prefix in query_parts(user_text):
        if prefix:
            parts.append(_lexeme(phrase[0]) + ":*")
        elif len(phrase) == 1:
            parts.append(_lexeme(phrase[0]))
        else:
            # The index finds the items holding every three-character piece; only those are
            # checked for the exact sequence (a phrase needs each item's positions).
            trigrams = run_trigrams(phrase)
            whole = [_lexeme(t) for t in dict.fromkeys(trigrams)]
            if len(phrase) > 2:
                whole.append("(" + " <-> ".join(_lexeme(t) for t in phrase) + ")")
            parts.append("(" + " & ".join(whole) + ")")
    return " & ".join(parts) if parts else None


def statements(dialect: str) -> dict[str, object]:
    """The SQL of the index for one back end: forget (an item's row stops counting), insert,
    search (returns ids as one string), rank (ids best first for an OR of words, up to ``:limit``);
    on the server also replace (forget and insert in one statement) and prepare (run first in a
    transaction that searches)."""
    if dialect == "postgresql":
        return {
            # Before a search in a read transaction (see the module's note on speed).
            "prepare": text("SELECT set_config('enable_seqscan', 'off', true)"),
            "replace": text("INSERT INTO item_search (rowid, terms) VALUES (:id, CAST(:terms AS tsvector))"
                            " ON CONFLICT (rowid) DO UPDATE SET terms = EXCLUDED.terms"),
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
