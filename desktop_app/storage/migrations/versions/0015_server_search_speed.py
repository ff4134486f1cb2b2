"""The server's search index: three-character terms, terms stored out of line.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

PostgreSQL only (SQLite's FTS5 index is unchanged). ``item_search.terms`` gains each
three-character sequence of a CJK run as a term without a position, so that a three-character word
is looked up in the GIN index instead of being checked as a phrase in every item; and the terms
move out of line (``STORAGE EXTERNAL``, ``toast_tuple_target`` 128), so that the rows the index
points to are small (``storage/search_index.py`` explains the speed). The sequences are recovered
from the stored terms: two bigrams at consecutive positions of one item make one (positions stop
at 16383, beyond which a phrase could not be found before either; the item's next save indexes
all of it). Rewriting every row also moves it out of line.
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0015"
down_revision: Union[str, Sequence[str], None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# CJK unified ideographs (+ extension A, compatibility, extensions B and later), as domain.search.
_CJK_PAIR = "^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]{2}$"
_LAST = 16383


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE item_search SET (toast_tuple_target = 128)")
    op.execute("ALTER TABLE item_search ALTER COLUMN terms SET STORAGE EXTERNAL")
    op.execute(f"""
        UPDATE item_search s SET terms = s.terms || array_to_tsvector(t.trigrams)
        FROM (
            SELECT a.rowid, array_agg(DISTINCT a.lexeme || substr(b.lexeme, 2)) AS trigrams
            FROM (SELECT rowid, lexeme, unnest(positions) AS pos FROM item_search, unnest(terms)) a
            JOIN (SELECT rowid, lexeme, unnest(positions) AS pos FROM item_search, unnest(terms)) b
              ON b.rowid = a.rowid AND b.pos = a.pos + 1
            WHERE b.pos < {_LAST} AND substr(a.lexeme, 2) = substr(b.lexeme, 1, 1)
              AND a.lexeme ~ '{_CJK_PAIR}' AND b.lexeme ~ '{_CJK_PAIR}'
            GROUP BY a.rowid
        ) t
        WHERE t.rowid = s.rowid""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The three-character terms are the ones without a position.
    op.execute("""
        UPDATE item_search SET terms = ts_delete(terms, ARRAY(
            SELECT lexeme FROM unnest(terms) WHERE positions IS NULL OR cardinality(positions) = 0))""")
    op.execute("ALTER TABLE item_search ALTER COLUMN terms SET STORAGE EXTENDED")
    op.execute("ALTER TABLE item_search RESET (toast_tuple_target)")
