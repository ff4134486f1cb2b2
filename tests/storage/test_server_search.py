"""The server's search index (migration 0015): three-character words are terms of their own,
the terms are stored out of line, and a search never reads every item's terms."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from desktop_app.storage import migrations
from desktop_app.storage.database import open_database
from desktop_app.storage.search_index import pg_query, statements
from desktop_app.storage.server import engine_url

# 关于养老服务 as migration 0014 left it: bigrams and the last character, with positions.
OLD_TERMS = "'关于':1 '于养':2 '养老':3 '老服':4 '服务':5 '务':6 'ab':7 'bc':8"


def _found(conn, words: str) -> list[int]:
    conn.execute(statements("postgresql")["prepare"])
    ids = conn.execute(statements("postgresql")["search"], {"q": pg_query(words)}).scalar()
    return sorted(int(i) for i in ids.split(",")) if ids else []


def test_an_index_of_0014_gains_three_character_terms_and_loses_them_again(empty_server_db):
    engine = create_engine(engine_url(empty_server_db))
    try:
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0014")
            conn.execute(text("INSERT INTO item_search (rowid, terms) VALUES (7, CAST(:t AS tsvector))"),
                         {"t": OLD_TERMS})
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0015")
        with engine.begin() as conn:
            assert _found(conn, "养老服") == [7] and _found(conn, "于养老") == [7]
            assert _found(conn, "养老服务") == [7] and _found(conn, "养老") == [7]
            assert _found(conn, "务关于") == [] and _found(conn, "abc") == []  # not one CJK run
            lexemes = {row[0] for row in conn.execute(text("SELECT lexeme FROM item_search, unnest(terms)"))}
            assert {"关于养", "于养老", "养老服", "老服务"} < lexemes and not any(len(x) == 3 and x.isascii() for x in lexemes)
            storage = conn.execute(text(
                "SELECT attstorage FROM pg_attribute WHERE attrelid = 'item_search'::regclass AND attname = 'terms'")).scalar()
            options = conn.execute(text("SELECT reloptions FROM pg_class WHERE relname = 'item_search'")).scalar()
            assert storage == "e" and "toast_tuple_target=128" in options
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), "0014")
        with engine.begin() as conn:
            assert conn.execute(text("SELECT terms::text FROM item_search")).scalar() == \
                conn.execute(text("SELECT CAST(:t AS tsvector)::text"), {"t": OLD_TERMS}).scalar()
    finally:
        engine.dispose()


def test_a_search_on_the_server_reads_the_index_not_every_items_terms(server_url):
    db = open_database(server_url)
    try:
        with db.write() as s:
            for item_id in range(1, 301):
                s.execute(statements("postgresql")["replace"],
                          {"id": item_id, "terms": "'关于':1 '于建':2 '建议':3 '议':4 '关于建' '于建议'"})
            s.execute(text("ANALYZE item_search"))
        with db.read() as s:
            s.execute(statements("postgresql")["prepare"])
            plan = "\n".join(row[0] for row in s.execute(
                text("EXPLAIN SELECT rowid FROM item_search WHERE terms @@ CAST(:q AS tsquery)"), {"q": pg_query("建议")}))
        # Every row matches, so without ``prepare`` the planner would read the whole table.
        assert "Bitmap Index Scan on item_search_terms" in plan and "Seq Scan" not in plan
    finally:
        db.close()
