"""Per-unit access on the PostgreSQL server: a unit's user, even through raw SQL, sees and changes
only the items assigned to their unit and what hangs off them, and cannot raise their own role."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop_app.bootstrap import main
from desktop_app.services.context import ServiceContext
from desktop_app.services.demo import fill_demo
from desktop_app.storage.database import open_database
from tests.conftest import FIXED_NOW

#: Tables that hang off an item by ``item_id``.
ITEM_TABLES = ("assignment", "reply", "attachment", "contact", "feedback", "commitment", "history",
               "item_checklist", "item_proposer")


def _connect(url: str, user: str | None = None, password: str | None = None):
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                           user=user or parsed.username, password=password or parsed.password, autocommit=True)


@pytest.fixture
def office_server(server_url, capsys):
    """The demo data on a server set up by ``server init``, with a user of one unit and one of
    the office; returns (url, unit name, ids of that unit's items, ids of the others)."""
    db = open_database(server_url)
    try:
        fill_demo(ServiceContext(db=db, user_name=lambda: "管理员", now=lambda: FIXED_NOW), items=40)
    finally:
        db.close()
    assert main(["server", "init", "--db", server_url]) == 0
    with _connect(server_url) as admin:
        unit_id, unit = admin.execute(
            "SELECT u.id, u.name FROM unit u JOIN assignment a ON a.unit_id = u.id"
            " GROUP BY u.id, u.name ORDER BY count(DISTINCT a.item_id) DESC LIMIT 1").fetchone()
        own = {r[0] for r in admin.execute("SELECT DISTINCT item_id FROM assignment WHERE unit_id = %s", (unit_id,))}
        others = {r[0] for r in admin.execute("SELECT id FROM item")} - own
    assert own and others
    for name, option in (("alice_h20", ["--unit", unit]), ("bob_h20", ["--office"])):
        stdin = __import__("io").StringIO("secret-pw\n")
        old, __import__("sys").stdin = __import__("sys").stdin, stdin
        try:
            assert main(["server", "add-user", name, *option, "--password-stdin", "--db", server_url]) == 0
        finally:
            __import__("sys").stdin = old
    capsys.readouterr()
    return server_url, unit, own, others


def test_a_unit_user_reads_and_counts_only_their_units_items(office_server):
    url, _unit, own, others = office_server
    with _connect(url, "alice_h20", "secret-pw") as alice, _connect(url) as admin:
        assert {r[0] for r in alice.execute("SELECT id FROM item")} == own
        assert alice.execute("SELECT count(*) FROM item").fetchone()[0] == len(own)
        other = sorted(others)
        for table in ITEM_TABLES:
            seen = alice.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            expected = admin.execute(f"SELECT count(*) FROM {table} WHERE item_id = ANY(%s)", (sorted(own),)).fetchone()[0]
            assert seen == expected, table
            assert alice.execute(f"SELECT count(*) FROM {table} WHERE item_id = ANY(%s)", (other,)).fetchone()[0] == 0
        seen_content = alice.execute("SELECT count(*) FROM attachment_content").fetchone()[0]
        assert seen_content == admin.execute(
            "SELECT count(*) FROM attachment_content c JOIN attachment a ON a.id = c.attachment_id"
            " WHERE a.item_id = ANY(%s)", (sorted(own),)).fetchone()[0]
        assert {r[0] for r in alice.execute("SELECT rowid FROM item_search")} == own
        # Reference data stays readable: the app needs the unit list and the calendar.
        assert alice.execute("SELECT count(*) FROM unit").fetchone()[0] > 1


def test_a_unit_user_cannot_change_or_delete_another_units_records(office_server):
    url, _unit, own, others = office_server
    other, mine = min(others), min(own)
    with _connect(url, "alice_h20", "secret-pw") as alice, _connect(url) as admin:
        before = admin.execute("SELECT title, version FROM item WHERE id = %s", (other,)).fetchone()
        assert alice.execute("UPDATE item SET title = '改掉' WHERE id = %s", (other,)).rowcount == 0
        assert admin.execute("SELECT title, version FROM item WHERE id = %s", (other,)).fetchone() == before
        for table in ("assignment", "reply", "attachment", "contact"):
            count = admin.execute(f"SELECT count(*) FROM {table} WHERE item_id = %s", (other,)).fetchone()[0]
            assert alice.execute(f"DELETE FROM {table} WHERE item_id = %s", (other,)).rowcount == 0
            assert alice.execute(f"UPDATE {table} SET item_id = item_id WHERE item_id = %s", (other,)).rowcount == 0
            assert admin.execute(f"SELECT count(*) FROM {table} WHERE item_id = %s", (other,)).fetchone()[0] == count
        # Joining oneself to another unit's item is refused (the new row would not be visible).
        unit_id = admin.execute("SELECT min(unit_id) FROM assignment WHERE item_id = %s", (mine,)).fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("INSERT INTO assignment (item_id, unit_id, role, position) VALUES (%s, %s, 'co', 9)",
                          (other, unit_id))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute("DELETE FROM item WHERE id = %s", (mine,))
        # Their own item they may update (the app saves their 办理 work).
        assert alice.execute("UPDATE item SET feedback_wait_note = '单位已改' WHERE id = %s", (mine,)).rowcount == 1


@pytest.mark.parametrize("statement", [
    "SET ROLE jyta_office",
    "GRANT jyta_office TO alice_h20",
    "ALTER ROLE alice_h20 BYPASSRLS",
    "ALTER ROLE alice_h20 SUPERUSER",
    "ALTER TABLE item DISABLE ROW LEVEL SECURITY",
    "DROP POLICY jyta_unit_rows ON item",
    "CREATE OR REPLACE FUNCTION jyta_visible_items() RETURNS SETOF integer LANGUAGE sql AS $$ SELECT id FROM item $$",
])
def test_a_unit_user_cannot_change_their_own_role_or_the_policies(office_server, statement):
    url, _unit, own, _others = office_server
    with _connect(url, "alice_h20", "secret-pw") as alice:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            alice.execute(statement)
        assert alice.execute("SELECT count(*) FROM item").fetchone()[0] == len(own)


def test_the_office_user_sees_everything_and_the_app_shows_a_unit_only_its_items(office_server):
    url, _unit, own, others = office_server
    with _connect(url, "bob_h20", "secret-pw") as bob:
        assert bob.execute("SELECT count(*) FROM item").fetchone()[0] == len(own) + len(others)
    from desktop_app.services.cases import CaseService

    alice_url = make_url(url).set(username="alice_h20", password="secret-pw").render_as_string(hide_password=False)
    db = open_database(alice_url)
    try:
        rows = CaseService(ServiceContext(db=db, user_name=lambda: "alice", now=lambda: FIXED_NOW)).list_rows()
    finally:
        db.close()
    assert {r.id for r in rows} == own


def test_add_user_names_the_known_units_when_the_unit_is_wrong(office_server, capsys):
    url, _unit, _own, _others = office_server
    assert main(["server", "add-user", "carol_h20", "--unit", "不存在的局", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "没有名为“不存在的局”的单位" in err and "现有单位" in err


def test_a_login_in_no_group_is_told_to_ask_for_access(office_server):
    from desktop_app.domain.errors import DatabaseError

    url, _unit, _own, _others = office_server
    with _connect(url) as admin:
        admin.execute("DROP ROLE IF EXISTS nobody_h20")
        admin.execute("CREATE ROLE nobody_h20 LOGIN")
    try:
        with pytest.raises(DatabaseError, match="没有使用该数据库的权限.*server add-user"):
            open_database(make_url(url).set(username="nobody_h20").render_as_string(hide_password=False))
    finally:
        with _connect(url) as admin:
            admin.execute("DROP ROLE nobody_h20")


def test_other_logins_of_the_server_cannot_connect(office_server):
    url, _unit, _own, _others = office_server
    with _connect(url) as admin:
        admin.execute("DROP ROLE IF EXISTS stranger_h20")
        admin.execute("CREATE ROLE stranger_h20 LOGIN")
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            _connect(url, "stranger_h20")
    finally:
        with _connect(url) as admin:
            admin.execute("DROP ROLE stranger_h20")
