"""The database file: pragmas, transactions, concurrent writers, refusing damaged or newer files."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
import time
from contextlib import closing

import pytest
from sqlalchemy import select, text

from desktop_app.domain.errors import DamagedDatabaseError, DatabaseError, ReadOnlyError
from desktop_app.storage import tables as t
from desktop_app.domain.errors import NewerSchemaError
from desktop_app.storage.database import SCHEMA_VERSION, Database, open_database


def test_every_connection_has_the_crash_safety_pragmas(opened):
    # Two connections at once: the pool hands out a second one, which must be set up too.
    with opened.engine.connect() as first, opened.engine.connect() as second:
        for conn in (first, second):
            values = {
                p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
                for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
            assert values == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 5000}


def test_new_database_is_created_by_the_migrations_at_the_app_version(opened):
    assert opened.schema_version() == SCHEMA_VERSION
    with opened.read() as session:
        assert session.execute(text("SELECT count(*) FROM item_search")).scalar() == 0


def test_written_data_reads_back(opened, item_adder):
    with opened.write() as session:
        item_id = item_adder(session, "第1号")
    with opened.read() as session:
        assert session.get(t.Item, item_id).number == "第1号"


def test_a_write_that_raises_leaves_nothing_behind(opened, item_adder):
    with opened.write() as session:
        item_adder(session, "第1号")
    with pytest.raises(RuntimeError):
        with opened.write() as session:
            item_adder(session, "第2号")
            session.add(t.Unit(name="区教育局"))
            session.flush()
            raise RuntimeError("保存到一半出错")
    with opened.read() as session:
        assert session.scalars(select(t.Item.number)).all() == ["第1号"]
        assert session.scalars(select(t.Unit)).all() == []


def test_foreign_keys_are_enforced_on_write(opened):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with opened.write() as session:
            session.add(t.Assignment(item_id=999, unit_id=999, role="lead"))


def test_writes_from_another_thread_work(opened, item_adder):
    ids = []
    worker = threading.Thread(target=lambda: ids.append(_write_one(opened, item_adder, "第9号")))
    worker.start()
    worker.join()
    with opened.read() as session:
        assert session.get(t.Item, ids[0]).number == "第9号"


def _write_one(db, item_adder, number):
    with db.write() as session:
        return item_adder(session, number)


def test_second_writer_fails_cleanly_while_the_first_holds_the_write_lock(opened, db_path, item_adder):
    other = open_database(db_path, network=False, busy_timeout_ms=200)
    try:
        with opened.write() as session:
            item_adder(session, "第1号")
            started = time.monotonic()
            with pytest.raises(DatabaseError, match="数据库正忙"):
                with other.write() as other_session:
                    item_adder(other_session, "第2号")
            assert time.monotonic() - started >= 0.15  # it waited for the busy timeout
        with other.write() as other_session:
            item_adder(other_session, "第2号")
        with other.read() as other_session:
            assert sorted(other_session.scalars(select(t.Item.number))) == ["第1号", "第2号"]
    finally:
        other.close()


def test_second_writer_waits_for_the_first_to_commit(opened, db_path, item_adder):
    other = open_database(db_path, network=False)
    holding, release = threading.Event(), threading.Event()

    def first_writer():
        with opened.write() as session:
            item_adder(session, "第1号")
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=first_writer)
    thread.start()
    try:
        assert holding.wait(5)  # the first writer holds the write lock
        # It commits a moment later; the second writer, started now, must wait for that.
        threading.Timer(0.2, release.set).start()
        with other.write() as session:  # blocks in BEGIN IMMEDIATE until the first commits
            # Had it not waited, the first writer's row would still be uncommitted and unseen.
            assert session.scalars(select(t.Item.number)).all() == ["第1号"]
            item_adder(session, "第2号")
    finally:
        release.set()
        thread.join()
        other.close()


def test_write_on_a_read_only_database_is_refused_in_chinese(db_path, opened):
    read_only = Database(db_path, read_only=True, read_only_reason="数据库正由 张三（PC-01）使用。")
    try:
        with pytest.raises(ReadOnlyError, match="不能保存修改：数据库正由 张三"):
            with read_only.write():
                pass
    finally:
        read_only.close()


def test_database_newer_than_the_app_is_refused(db_path, tmp_path):
    open_database(db_path, network=False).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
    with pytest.raises(NewerSchemaError, match="较新版本.*请升级本程序"):
        open_database(db_path, network=False, backup_dir=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()  # refused before touching anything


def test_a_newer_file_is_not_modified_at_all_not_even_its_journal_mode(db_path, tmp_path):
    open_database(db_path, network=False).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # as a newer release on a share might leave it
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
    before = db_path.read_bytes()

    with pytest.raises(NewerSchemaError, match="数据库没有被改动"):
        open_database(db_path, network=False, backup_dir=tmp_path / "backups")

    assert db_path.read_bytes() == before  # still in rollback-journal mode, byte for byte
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_a_program_missing_its_migration_scripts_says_so_and_leaves_the_file_alone(db_path, tmp_path, monkeypatch):
    from desktop_app.storage import migrations

    open_database(db_path, network=False).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")  # as an older release left it
        conn.commit()
    before = db_path.read_bytes()
    monkeypatch.setattr(migrations, "version_locations", lambda: [tmp_path / "missing"])
    with pytest.raises(DatabaseError, match="程序文件不完整.*请重新安装本程序") as refused:
        open_database(db_path, network=False, backup_dir=tmp_path / "backups")
    assert not isinstance(refused.value, NewerSchemaError)
    assert db_path.read_bytes() == before and not (tmp_path / "backups").exists()


def test_damaged_file_is_refused_with_a_pointer_to_restore(db_path, tmp_path, item_adder):
    db = open_database(db_path, network=False)
    with db.write() as session:
        for n in range(300):
            item_adder(session, f"第{n}号", title="标题" * 50)
    db.close()
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(db_path, damaged)
    data = bytearray(damaged.read_bytes())
    page = 4096
    for start in range(page * 20, min(len(data), page * 40), page):
        data[start + 8 : start + 200] = b"\xa5" * 192  # scribble over b-tree page contents
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="已损坏.*从备份恢复") as refused:
        open_database(damaged, network=False)
    assert not re.search("[A-Za-z]{3}", str(refused.value).replace("damaged.db", ""))  # no SQLite English
    assert refused.value.details  # SQLite's own words, for the details and the log
    open_database(db_path, network=False).close()  # the original is fine


def test_a_file_that_is_not_a_database_is_explained_in_chinese(tmp_path):
    other = tmp_path / "表格.db"
    other.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)  # a zip file (an .xlsx) renamed
    with pytest.raises(DamagedDatabaseError, match="不是本程序能读取的数据库") as refused:
        open_database(other, network=False)
    assert "not a database" not in str(refused.value) and "not a database" in refused.value.details


def test_missing_file_is_not_created_when_asked_not_to(tmp_path):
    with pytest.raises(DatabaseError, match="找不到数据库文件"):
        open_database(tmp_path / "nowhere.db", create=False)
    assert not (tmp_path / "nowhere.db").exists()


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    foreign = tmp_path / "other.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
    with pytest.raises(DatabaseError, match="不是本程序的数据库"):
        open_database(foreign, network=False)


def test_changes_made_inside_read_are_not_kept(opened, item_adder):
    with opened.read() as session:
        item_adder(session, "第1号")
    with opened.read() as session:
        assert session.scalars(select(t.Item)).all() == []

