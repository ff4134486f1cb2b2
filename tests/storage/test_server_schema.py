"""The one set of Alembic migrations on the PostgreSQL server: every revision upgrades (and
downgrades) there, the result is exactly ``tables.py``, and many clients at once lose nothing."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from desktop_app.domain.errors import ConflictError
from desktop_app.domain.enums import ItemKind
from desktop_app.storage import migrations
from desktop_app.storage import tables as t
from desktop_app.storage.server import engine_url, sync_sequences
from tests.conftest import FIXED_NOW


@pytest.fixture
def empty_server_db(server_url, request):
    pg_server = request.getfixturevalue("pg_server")  # after server_url: skipped without a server
    url = pg_server.create_empty()
    yield url
    pg_server.drop(url)


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_every_revision_upgrades_and_downgrades_on_the_server(empty_server_db):
    engine = create_engine(engine_url(empty_server_db))
    try:
        with engine.connect() as conn:
            for revision in _revisions():
                migrations.upgrade(conn, revision)
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == revision
            conn.commit()
            context = MigrationContext.configure(
                conn, opts={"include_name": migrations.include_name, "compare_type": True})
            assert compare_metadata(context, t.Base.metadata) == []
            assert conn.execute(text("SELECT count(*) FROM deadline_rule")).scalar() > 0  # seeded by 0002
            conn.commit()
            command.downgrade(migrations.alembic_config(conn), "base")
            conn.commit()
            assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                                     " AND tablename <> 'alembic_version'")).scalar() == 0
            migrations.upgrade(conn)
            conn.commit()
            with conn.begin():
                sync_sequences(conn)
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrations.HEAD
    finally:
        engine.dispose()


def test_ten_clients_saving_at_once_lose_no_update_and_never_share_a_number(server_url):
    """Ten users, each with their own connection, for a few seconds: half register new items, half
    edit the same five items from what they last read. Every save either lands or is refused as a
    conflict; none overwrites another silently, and no two items share a number."""
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database
    from tests.services.records import make_record

    setup = open_database(server_url)
    cases = CaseService(ServiceContext(db=setup, user_name=lambda: "管理员", now=lambda: FIXED_NOW))
    shared = [cases.save(make_record(number=f"{n:04d}", title=f"共同修改的第{n}件"))[1] for n in range(1, 6)]
    setup.close()
    stop = time.monotonic() + 6
    landed: dict[int, list[str]] = {i: [] for i in shared}
    created: list[int] = []
    conflicts = [0]
    errors: list[BaseException] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        db = open_database(server_url)
        service = CaseService(ServiceContext(db=db, user_name=lambda: f"用户{n}", now=lambda: FIXED_NOW))
        try:
            k = 0
            while time.monotonic() < stop:
                k += 1
                if n % 2:
                    record = service.new_record(ItemKind.SUGGESTION)
                    _c, item_id = service.save(replace(make_record(), number=record.number,
                                                       suggested_number=record.suggested_number,
                                                       title=f"用户{n}的第{k}件"))
                    with lock:
                        created.append(item_id)
                else:
                    item_id = shared[k % len(shared)]
                    record = service.get(item_id)
                    title = f"用户{n}第{k}次改"
                    try:
                        service.save(replace(record, title=title))
                    except ConflictError:
                        with lock:
                            conflicts[0] += 1
                        continue
                    with lock:
                        landed[item_id].append(title)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    db = open_database(server_url)
    try:
        with db.read() as s:
            numbers = s.scalars(select(t.Item.number)).all()
            assert len(numbers) == len(set(numbers)) == 5 + len(created)
            for item_id, titles in landed.items():
                item = s.get(t.Item, item_id)
                # Version = 1 + every save that landed: none was lost; the last one is what is stored.
                assert item.version == 1 + len(titles)
                if titles:
                    assert item.title == titles[-1]
            assert s.scalar(select(func.count()).select_from(t.Item)) == 5 + len(created)
    finally:
        db.close()
    assert created and sum(map(len, landed.values())) > 0


def test_history_on_the_server_names_the_database_user(server_url, capsys):
    from desktop_app.commands import frame
    from desktop_app.services.cases import CaseService
    from desktop_app.storage.database import open_database
    from tests.services.records import make_record

    db = open_database(server_url)
    try:
        _c, item_id = CaseService(frame.service_context(db)).save(make_record())
        with db.read() as s:
            who = s.scalars(select(t.History.changed_by).where(t.History.item_id == item_id)).all()
    finally:
        db.close()
    assert who and set(who) == {db.user} and db.user == engine_url(server_url).username


def test_a_change_by_one_user_reaches_another_within_seconds_and_own_changes_do_not(server_url):
    from desktop_app.storage.database import open_database

    mine, theirs = open_database(server_url), open_database(server_url)
    try:
        assert mine.changed_elsewhere() is False  # starts listening
        with mine.write() as s:
            s.add(t.Unit(name="区交通委"))
        assert mine.changed_elsewhere() is False  # its own write is no news
        with theirs.write() as s:
            s.add(t.Unit(name="区水务局"))
        deadline = time.monotonic() + 3
        seen = False
        while not seen and time.monotonic() < deadline:
            seen = mine.changed_elsewhere()
            time.sleep(0.05)
        assert seen
        assert mine.changed_elsewhere() is False  # told once
    finally:
        mine.close()
        theirs.close()
