"""Migrations 0005 and 0012: each item's checklist points at its template entries (0005) and is
packed into one value per item (0012), and every item's checklist reads back as it did before
(entries, order, names, ticks, dates, notes, evidence, tick history)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

from desktop_app.domain import checklist_state as packed
from desktop_app.domain.checklist import EntryLevel, GateAction
from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.services.checklist import ChecklistService
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadlines import DeadlineService
from desktop_app.storage.database import open_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DAY = datetime(2024, 6, 3, 9, 30)

# The saved 0004 database's one checklist (item 1), written out: two entries differ from the template
# (no description; 办前沟通 has a 14-day offset), so they must keep their own text.
ITEM_1 = [
    # (name, level, description, due length, gate, done, done at, done by, note, contact)
    ("办前", EntryLevel.PHASE, "", None, None, False, None, "", "", None),
    ("签收登记", EntryLevel.STEP, "", None, None, True, datetime(2024, 3, 4, 10, 0), "张三", "已登记", None),
    ("办前沟通", EntryLevel.STEP, "", 14, GateAction.REPLY_FINALISED, True, datetime(2024, 4, 10, 17, 0), "张三", "", 1),
]


def _open(tmp_path, fixture: str):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / fixture, copy)
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY)
    return db, ChecklistService(ServiceContext(db, lambda: "张三", lambda: DAY))


def _shown(view):
    return [(e.entry.name, e.entry.level, e.entry.description, e.entry.due_length, e.entry.gate, e.done, e.done_at,
             e.done_by, e.note, e.contact_id) for e in view.entries]


def test_the_saved_0004_checklist_reads_back_the_same(tmp_path):
    db, service = _open(tmp_path, "schema_0004.sqlite")
    try:
        view = service.item_checklist(1)
        assert _shown(view) == ITEM_1
        # Entry ids are the item's id and the entry's place (0012); the tick history follows them.
        assert [e.id for e in view.entries] == [packed.entry_id(1, slot) for slot in range(3)]
        assert (view.template_name, view.version_number) == ("默认办理清单", 1)
        assert view.progress.text() == "2/2" and view.progress.next_step == ""
        assert service.progress_by_item() == {1: view.progress}
        assert [(t.entry_name, t.ticked, t.ticked_at, t.note, t.contact_id) for t in service.ticks(1)] == [
            ("签收登记", True, datetime(2024, 3, 4, 9, 0), "", None),
            ("签收登记", False, datetime(2024, 3, 4, 9, 30), "勾错了", None),
            ("签收登记", True, datetime(2024, 3, 4, 10, 0), "已登记", None),
            ("办前沟通", True, datetime(2024, 4, 10, 17, 0), "", 1),
        ]
        # 办前沟通's own 14-day offset is still a deadline: 交办 2024-03-01 + 14 days.
        deadlines = DeadlineService(ServiceContext(db, lambda: "张三", lambda: DAY))
        [step] = [d for d in deadlines.item_deadlines(1) if d.kind is DeadlineKind.CHECKLIST]
        assert step.due_on == date(2024, 3, 15) and "办前沟通" in step.explanation
    finally:
        db.close()
    # 办前 equals template entry 1 and now points at it; the other two keep their own text.
    assert _stored(tmp_path / "cases.db", 1) == [(1, None, None), (None, "s1", "签收登记"), (None, "s4", "办前沟通")]


def _stored(path, item_id):
    """(template entry id, own key, own name) of the item's packed entries."""
    with closing(sqlite3.connect(path)) as conn:
        text = conn.execute("SELECT entries FROM item_checklist WHERE item_id = ?", (item_id,)).fetchone()[0]
    return [(e.template_entry_id, *((e.ref["k"], e.ref["n"]) if isinstance(e.ref, dict) else (None, None)))
            for e in packed.unpack(text, item_id)]


def test_a_0004_checklist_copied_from_the_template_points_at_it_and_reads_back_the_same(tmp_path):
    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite", copy)
    with closing(sqlite3.connect(copy)) as conn:
        # Item 2 gets version 1 as 0004 made checklists: every entry but k4 copied, 审核职责 ticked.
        conn.execute("INSERT INTO item_checklist (item_id, version_id) VALUES (2, 1)")
        conn.execute(
            "INSERT INTO item_checklist_entry (item_id, key, parent_key, position, level, name, description,"
            " due_length, due_unit, due_anchor, gate, done, done_at, done_by, note)"
            " SELECT 2, key, parent_key, row_number() OVER (ORDER BY position) - 1, level, name, description,"
            " due_length, due_unit, due_anchor, gate, key = 's2', CASE key WHEN 's2' THEN '2024-03-08 11:00:00.000000'"
            " END, CASE key WHEN 's2' THEN '李四' ELSE '' END, CASE key WHEN 's2' THEN '属我局职责' ELSE '' END"
            " FROM checklist_template_entry WHERE version_id = 1 AND key != 'k4' ORDER BY position")
        conn.execute("INSERT INTO checklist_tick (entry_id, item_id, ticked, ticked_at, ticked_by, note)"
                     " SELECT id, 2, 1, done_at, done_by, note FROM item_checklist_entry WHERE item_id = 2 AND done")
        conn.commit()
        before = conn.execute("SELECT key, name, level, description FROM item_checklist_entry"
                              " WHERE item_id = 2 ORDER BY position").fetchall()
    db = open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY)
    try:
        service = ChecklistService(ServiceContext(db, lambda: "张三", lambda: DAY))
        view = service.item_checklist(2)
        assert [(e.entry.key, e.entry.name, e.entry.level.value, e.entry.description)
                for e in view.entries] == before
        assert [e.id for e in view.entries] == [packed.entry_id(2, slot) for slot in range(len(before))]
        assert len(view.entries) == 22 and view.entries[0].entry.name == "办前"
        assert view.entries[2].entry.description.startswith("【交办签收】属我单位职责范围")
        assert [(e.entry.name, e.done_at, e.done_by, e.note) for e in view.entries if e.done] == [
            ("审核职责", datetime(2024, 3, 8, 11, 0), "李四", "属我局职责")]
        assert view.progress.text() == "1/19" and view.progress.next_step == "签收登记"
        assert service.progress_by_item()[2] == view.progress
        assert [(t.entry_name, t.ticked_by) for t in service.ticks(2)] == [("审核职责", "李四")]
        assert _shown(service.item_checklist(1)) == ITEM_1
    finally:
        db.close()
    assert all(template_entry_id is not None for template_entry_id, _k, _n in _stored(copy, 2))


def test_a_migrated_checklist_with_entries_of_its_own_takes_a_new_version(tmp_path):
    db, service = _open(tmp_path, "schema_0004.sqlite")
    try:
        sign = service.item_checklist(1).entries[1]
        service.tick(sign.id, False, note="重新核对")
        assert service.item_checklist(1).entries[1].done is False
        template = service.template()
        _changes, version_id = service.save_template(template.template_id, template.name, template.description,
                                                     template.entries, note="第2版")
        assert service.items_behind() == [1, 2]
        service.apply_version(version_id, [1])
        view = service.item_checklist(1)
        assert view.version_number == 2 and len(view.entries) == 22
        # Entries kept follow the new version's text; their ids and state stay.
        kept = {e.entry.name: e for e in view.entries}
        assert kept["签收登记"].id == sign.id and kept["签收登记"].entry.description.startswith("【交办签收】")
        assert kept["办前沟通"].done and kept["办前沟通"].entry.due_length is None
        assert service.items_behind() == [2]
    finally:
        db.close()


def test_going_back_to_0004_restores_the_copied_entries_and_their_ticks(tmp_path):
    from alembic import command

    from desktop_app.storage import migrations
    from desktop_app.storage.database import Database

    copy = tmp_path / "cases.db"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite", copy)
    # Entry and tick ids are renumbered on the way (0012 names an entry by its item and place).
    columns = ("item_id, key, parent_key, position, level, name, description, due_length, due_unit, due_anchor,"
               " gate, done, done_at, done_by, note, contact_id, attachment_id")
    tick_columns = ("SELECT e.key, t.item_id, t.ticked, t.ticked_at, t.ticked_by, t.note, t.contact_id,"
                    " t.attachment_id FROM checklist_tick t JOIN item_checklist_entry e ON e.id = t.entry_id"
                    " ORDER BY t.ticked_at, t.id")
    with closing(sqlite3.connect(copy)) as conn:
        entries = conn.execute(f"SELECT {columns} FROM item_checklist_entry ORDER BY item_id, position").fetchall()
        ticks = conn.execute(tick_columns).fetchall()
    open_database(copy, network=False, backup_dir=tmp_path / "backups", now=lambda: DAY).close()
    db = Database(copy)
    try:
        with db.engine.connect() as conn:
            command.downgrade(migrations.alembic_config(conn), "0004")
    finally:
        db.close()
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
        assert conn.execute(f"SELECT {columns} FROM item_checklist_entry ORDER BY item_id, position"
                            ).fetchall() == entries
        assert conn.execute(tick_columns).fetchall() == ticks
