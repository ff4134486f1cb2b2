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

#: The issue's quality bar: ten clients editing and creating for 30 seconds.
CLIENTS = 10
CONCURRENCY_SECONDS = 30
#: A client still running this long after the end is stuck (a lock never released): the test fails
#: instead of hanging CI.
STUCK_AFTER_SECONDS = 90
#: Server-side limits on every client connection, so that a wait for a lock cannot last for ever.
CLIENT_OPTIONS = "-c lock_timeout=60s -c statement_timeout=60s"


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


def _client_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).update_query_dict({"options": CLIENT_OPTIONS}).render_as_string(hide_password=False)


@pytest.mark.slow
def test_ten_clients_saving_at_once_lose_no_update_and_never_share_a_number(server_url):
    """Ten users, each with their own connection, for 30 seconds: half register new items, half
    edit the same five items from what they last read. Every save either lands or is refused as a
    conflict (and the client is told); none overwrites another silently, and no two items share a
    number."""
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.storage.database import open_database
    from tests.services.records import make_record

    setup = open_database(server_url)
    cases = CaseService(ServiceContext(db=setup, user_name=lambda: "管理员", now=lambda: FIXED_NOW))
    shared = [cases.save(make_record(number=f"{n:04d}", title=f"共同修改的第{n}件"))[1] for n in range(1, 6)]
    setup.close()
    client_url = _client_url(server_url)
    landed: dict[int, list[str]] = {i: [] for i in shared}
    created: list[int] = []
    attempts = [0]
    conflicts: list[tuple[int, int]] = []  # (item id, version the client read)
    errors: list[BaseException] = []
    lock = threading.Lock()
    stop = time.monotonic() + CONCURRENCY_SECONDS

    def client(n: int) -> None:
        db = open_database(client_url)
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
                    with lock:
                        attempts[0] += 1
                    try:
                        service.save(replace(record, title=title))
                    except ConflictError:
                        with lock:
                            conflicts.append((item_id, record.version))
                        continue
                    with lock:
                        landed[item_id].append(title)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            db.close()

    # Daemon threads: a stuck client fails the test below and never keeps the test run alive.
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    give_up = stop + STUCK_AFTER_SECONDS
    for thread in threads:
        thread.join(timeout=max(0.0, give_up - time.monotonic()))
    assert not [thread for thread in threads if thread.is_alive()], "有客户端在结束后仍未停下（等锁？）"
    assert not errors, errors
    db = open_database(server_url)
    try:
        with db.read() as s:
            numbers = s.scalars(select(t.Item.number)).all()
            assert len(numbers) == len(set(numbers)) == 5 + len(created)
            assert len(set(created)) == len(created)
            for item_id, titles in landed.items():
                item = s.get(t.Item, item_id)
                # Version = 1 + every save that landed: none was lost; the last one is what is stored.
                assert item.version == 1 + len(titles)
                if titles:
                    assert item.title == titles[-1]
                # Every save that failed was refused as a conflict because someone else's had
                # landed since the client read: it read an older version than the final one.
                assert all(read < item.version for i, read in conflicts if i == item_id)
            assert s.scalar(select(func.count()).select_from(t.Item)) == 5 + len(created)
    finally:
        db.close()
    # Every edit either landed or was reported to its client as a conflict: none vanished.
    assert attempts[0] == sum(map(len, landed.values())) + len(conflicts)
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
