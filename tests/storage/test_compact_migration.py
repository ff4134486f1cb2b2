"""Migration 0012: each item's checklist becomes one packed value, tick records that repeat their
entry go, and the search index keeps no copy of its terms; every item's checklist, its tick
history and search read back as before."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from desktop_app.domain.checklist import EntryLevel
from desktop_app.services.checklist import ChecklistService
from desktop_app.services.context import ServiceContext
from desktop_app.services.search import index_item, item_terms, search_ids
from desktop_app.storage.database import open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DAY = datetime(2024, 6, 3, 9, 30)


def _before(path: Path):
    """Each item's checklist and tick history as the 0009 tables hold them."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT e.item_id, e.id, coalesce(e.name, t.name), coalesce(e.level, t.level), e.done, e.done_at,"
            " e.done_by, e.note, e.contact_id FROM item_checklist_entry e"
            " LEFT JOIN checklist_template_entry t ON t.id = e.template_entry_id ORDER BY e.item_id, e.position"
        ).fetchall()
        ticks = conn.execute(
            "SELECT t.item_id, coalesce(e.name, te.name), t.ticked, t.ticked_at, t.ticked_by, t.note, t.contact_id"
            " FROM checklist_tick t JOIN item_checklist_entry e ON e.id = t.entry_id"
            " LEFT JOIN checklist_template_entry te ON te.id = e.template_entry_id ORDER BY t.ticked_at, t.id"
        ).fetchall()
        tick_count = conn.execute("SELECT count(*) FROM checklist_tick").fetchone()[0]
    entries: dict[int, list] = {}
    for item_id, _id, name, level, done, done_at, done_by, note, contact in rows:
        entries.setdefault(item_id, []).append((name, level, bool(done), _at(done_at), done_by, note, contact))
    history: dict[int, list] = {}
    for item_id, name, ticked, at, by, note, contact in ticks:
        history.setdefault(item_id, []).append((name, bool(ticked), _at(at), by, note, contact))
    return entries, history, tick_count


def _at(value):
    return datetime.fromisoformat(value) if value else None


def _open(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0009.sqlite", copy)
    before = _before(copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY)
    return copy, db, ChecklistService(ServiceContext(db, lambda: "张三", lambda: DAY)), before


def test_every_checklist_and_tick_history_reads_back_the_same(tmp_path):
    copy, db, service, (entries, history, tick_count) = _open(tmp_path)
    try:
        assert set(entries) == {1, 2}
        for item_id, expected in entries.items():
            view = service.item_checklist(item_id)
            assert [(e.entry.name, e.entry.level.value, e.done, e.done_at, e.done_by, e.note, e.contact_id)
                    for e in view.entries] == expected
            assert [(t.entry_name, t.ticked, t.ticked_at, t.ticked_by, t.note, t.contact_id)
                    for t in service.ticks(item_id)] == history.get(item_id, [])
        progress = service.progress_by_item()
        assert progress[1].text() == "2/2"
        assert progress[2].text() == "1/19" and progress[2].next_step == "审核职责"
    finally:
        db.close()
    with closing(sqlite3.connect(copy)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        kept_ticks = conn.execute("SELECT count(*) FROM checklist_tick").fetchone()[0]
    assert "item_checklist_entry" not in tables
    # The ticks of 签收登记 (ticked, unticked, ticked again) stay; the two single ticks that only
    # repeated their entry are now read from the entry.
    assert tick_count == 5 and kept_ticks == 3


def test_unticking_an_entry_ticked_without_a_record_keeps_its_first_tick_in_the_history(tmp_path):
    _copy, db, service, _before_state = _open(tmp_path)
    try:
        signed = next(e for e in service.item_checklist(2).entries if e.done)
        assert signed.entry.level is EntryLevel.STEP
        service.tick(signed.id, False, note="勾错了")
        assert [(t.entry_name, t.ticked, t.ticked_at, t.ticked_by, t.note) for t in service.ticks(2)] == [
            (signed.entry.name, True, signed.done_at, signed.done_by, signed.note),
            (signed.entry.name, False, DAY, "张三", "勾错了"),
        ]
        assert service.progress_by_item()[2].text() == "0/19"
    finally:
        db.close()


def test_search_finds_the_same_items_without_a_copy_of_the_terms(tmp_path):
    copy, db, _service, _before_state = _open(tmp_path)
    try:
        with db.read() as s:
            # The saved file's index holds whole words (written by hand, not bigrams).
            for word, item_id in (("王建国", 1), ("民盟区委", 2), ("第15号", 1)):
                assert s.execute(text("SELECT rowid FROM item_search WHERE item_search MATCH :q"),
                                 {"q": f'"{word}"'}).scalars().all() == [item_id]
            assert s.execute(text("SELECT count(*) FROM item_search_gen")).scalar() == 0
        with db.write() as s:  # item 1 saved again: its terms as the app writes them
            index_item(s, 1, item_terms("第15号", "关于增加城关小学学位供给的建议", ["王建国", "李秀英"], ["区教育局"], ""))
        with db.read() as s:
            assert search_ids(s, "城关小学") == {1} and search_ids(s, "李秀英") == {1}

    finally:
        db.close()
    with closing(sqlite3.connect(copy)) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'item_search'").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "content=''" in sql and "item_search_content" not in tables


def test_an_upgraded_file_with_much_free_space_is_compacted(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0009.sqlite", copy)
    with closing(sqlite3.connect(copy)) as conn:  # pages freed as a big rebuild leaves them
        conn.execute("CREATE TABLE scratch (data BLOB)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [(bytes(4000),) for _ in range(500)])
        conn.commit()
        conn.execute("DROP TABLE scratch")
        conn.commit()
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 400
    before = copy.stat().st_size
    open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY).close()
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM item").fetchone()[0] == 2
    assert copy.stat().st_size < before / 4
