"""Per-unit access on a PostgreSQL server, enforced by the server itself (storage layer).

``server init`` creates, on a database migrated by its owner (the IT contact's admin user):

- the group roles ``jyta_office`` (office staff: every record) and ``jyta_unit`` (all unit staff),
  and one role per unit, ``jyta_unit_<unit id>``, member of ``jyta_unit``;
- privileges: the office may read and write every table; unit staff may read the reference tables
  (units, 届次, proposers, rules, calendar, templates, settings) and read and write what hangs off
  their items, update their items, and never insert or delete an item;
- row-level security on every table that belongs to an item: a unit's staff see an item only when
  one of its assignments names their unit, and see and change its assignments, replies, contacts,
  feedback, commitments, attachments (and their content), checklist, history, 回头看 entries,
  rectification links and search terms only through it. A raw SQL client logged in as a unit
  user gets no more than the app shows, not even a count.

The policies ask two ``SECURITY DEFINER`` functions (run as the owner, so that they are not
themselves filtered): ``jyta_my_units()`` — the unit ids whose role the current user is a member
of — and ``jyta_visible_items()``. A user cannot change their own role: login roles are created
without CREATEROLE and without the admin option on any group.

The roles belong to the server, not to one database: one server holds one database of this app
(a second one would share ``jyta_office`` and the unit roles by unit id). Other logins of the server
cannot even connect: ``CONNECT`` is taken from ``PUBLIC``.

Everything here is idempotent: ``apply_access`` runs again after every migration of a server that
has these roles, so that a table added by a later revision is covered before anyone uses it.
A table added later that hangs off an item must have an ``item_id`` column to be filtered; any
other new table is readable by unit staff and writable by the office only.
"""

from __future__ import annotations

import re

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from desktop_app.domain.errors import ValidationError

OFFICE = "jyta_office"
UNITS = "jyta_unit"
UNIT_PREFIX = "jyta_unit_"

#: Tables filtered by their item (``item_id``), besides ``item`` itself and those below.
#: Unit staff may write them (the app records replies, contacts … for their items).
ITEM_OWNED_WRITABLE = ("assignment", "attachment", "contact", "reply", "commitment", "feedback",
                       "item_checklist", "checklist_tick", "history", "item_link")
#: Filtered by item, read-only for unit staff.
ITEM_OWNED_READ = ("item_proposer", "review_entry", "rectification_row_item")
#: Filtered through another table.
THROUGH = {
    "attachment_content": "attachment_id IN (SELECT id FROM attachment)",  # attachment is filtered itself
    "item_search": "rowid IN (SELECT jyta_visible_items())",
}
#: Not filtered: read by everyone, written by the office (reference data and office-wide lists).
NOT_WRITABLE_BY_UNITS_NOTE = "reference"

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\u4e00-\u9fff]{0,62}$")


def unit_role(unit_id: int) -> str:
    return f"{UNIT_PREFIX}{int(unit_id)}"


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first())


def _create_group(conn: Connection, name: str) -> None:
    if not _role_exists(conn, name):
        conn.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))


def has_access_roles(conn: Connection) -> bool:
    return _role_exists(conn, OFFICE)


def apply_access(conn: Connection) -> list[str]:
    """Create the roles, privileges, functions and policies (again); returns the unit roles.
    Runs as the owner of the tables, inside the caller's transaction."""
    _create_group(conn, OFFICE)
    _create_group(conn, UNITS)
    units = conn.execute(text("SELECT id FROM unit ORDER BY id")).scalars().all()
    roles = []
    for unit_id in units:
        role = unit_role(unit_id)
        _create_group(conn, role)
        conn.execute(text(f'GRANT "{UNITS}" TO "{role}"'))
        roles.append(role)
    database = conn.execute(text("SELECT current_database()")).scalar()
    # Only this app's users may connect (PostgreSQL lets everyone by default).
    conn.execute(text(f'REVOKE CONNECT, TEMPORARY ON DATABASE "{database}" FROM PUBLIC'))
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO "{OFFICE}", "{UNITS}"'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{OFFICE}", "{UNITS}"'))
    conn.execute(text(f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{OFFICE}", "{UNITS}"'))
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION jyta_my_units() RETURNS SETOF integer"
        " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$"
        f" SELECT substr(r.rolname, {len(UNIT_PREFIX) + 1})::integer FROM pg_roles r"
        f" WHERE r.rolname ~ '^{UNIT_PREFIX}[0-9]+$' AND pg_has_role(session_user, r.oid, 'MEMBER') $$"))
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION jyta_visible_items() RETURNS SETOF integer"
        " LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$"
        " SELECT DISTINCT item_id FROM assignment WHERE unit_id IN (SELECT jyta_my_units()) $$"))
    for function in ("jyta_my_units()", "jyta_visible_items()"):
        conn.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        conn.execute(text(f'GRANT EXECUTE ON FUNCTION {function} TO "{OFFICE}", "{UNITS}"'))
    tables = inspect(conn).get_table_names()
    for table in tables:
        _table_access(conn, table, set(c["name"] for c in inspect(conn).get_columns(table)))
    return roles


def _policy(conn: Connection, table: str, name: str, clause: str) -> None:
    conn.execute(text(f'DROP POLICY IF EXISTS {name} ON "{table}"'))
    conn.execute(text(clause))


def _table_access(conn: Connection, table: str, columns: set[str]) -> None:
    quoted = f'"{table}"'
    conn.execute(text(f'REVOKE ALL ON {quoted} FROM PUBLIC, "{UNITS}"'))
    conn.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {quoted} TO "{OFFICE}"'))
    if table == "alembic_version":
        conn.execute(text(f'GRANT SELECT ON {quoted} TO "{UNITS}"'))
        return
    if table == "item":
        condition = "id IN (SELECT jyta_visible_items())"
        grants = "SELECT, UPDATE"
    elif table in THROUGH:
        condition = THROUGH[table]
        grants = "SELECT, INSERT, UPDATE, DELETE"
    elif table in ITEM_OWNED_WRITABLE or (table not in ITEM_OWNED_READ and "item_id" in columns):
        condition = "item_id IN (SELECT jyta_visible_items())"
        grants = "SELECT, INSERT, UPDATE, DELETE"
    elif table in ITEM_OWNED_READ:
        condition = "item_id IN (SELECT jyta_visible_items())"
        grants = "SELECT"
    else:
        condition = None
        grants = "SELECT"
    conn.execute(text(f'GRANT {grants} ON {quoted} TO "{UNITS}"'))
    conn.execute(text(f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY"))
    _policy(conn, table, "jyta_office_all", f'CREATE POLICY jyta_office_all ON {quoted} TO "{OFFICE}" USING (true) WITH CHECK (true)')
    unit_condition = condition or "true"
    _policy(conn, table, "jyta_unit_rows",
            f'CREATE POLICY jyta_unit_rows ON {quoted} TO "{UNITS}" USING ({unit_condition}) WITH CHECK ({unit_condition})')


def add_user(conn: Connection, name: str, password: str | None, *, unit: str | None = None,
             office: bool = False) -> str:
    """Create (or re-grant) the login role ``name`` as office staff or as staff of the unit named
    ``unit``; returns the group role it joined. ``password`` None keeps an existing password (or
    creates the user without one, for peer or certificate login)."""
    if not _NAME.match(name) or name.lower().startswith(("jyta_", "pg_")):
        raise ValidationError(f"用户名“{name}”不能用：请用字母、数字、下划线或汉字，以字母或汉字开头，"
                              "不以 jyta_ 或 pg_ 开头，最长 63 个字符。")
    if office == bool(unit):
        raise ValidationError("请指定 --unit 单位名称 或 --office 之一。")
    if not has_access_roles(conn):
        raise ValidationError("这个数据库还没有设置权限，请先运行 desktop-app server init。")
    if office:
        group = OFFICE
    else:
        unit_id = conn.execute(text("SELECT id FROM unit WHERE name = :n"), {"n": unit}).scalar()
        if unit_id is None:
            known = "、".join(conn.execute(text("SELECT name FROM unit ORDER BY sort_order, name")).scalars())
            raise ValidationError(f"没有名为“{unit}”的单位。现有单位：{known or '（无）'}。")
        group = unit_role(unit_id)
        _create_group(conn, group)
        conn.execute(text(f'GRANT "{UNITS}" TO "{group}"'))
    if _role_exists(conn, name):
        is_group = conn.execute(text("SELECT NOT rolcanlogin OR rolsuper FROM pg_roles WHERE rolname = :n"),
                                {"n": name}).scalar()
        if is_group:
            raise ValidationError(f"“{name}”是已有的组或管理员角色，不能作为普通用户。请换一个用户名。")
    else:
        conn.execute(text(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'))
    if password is not None:
        conn.execute(text(f'ALTER ROLE "{name}" PASSWORD {_literal(password)}'))
    for other in conn.execute(text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n AND g.rolname LIKE 'jyta%'"),
            {"n": name}).scalars():
        if other != group:
            conn.execute(text(f'REVOKE "{other}" FROM "{name}"'))
    conn.execute(text(f'GRANT "{group}" TO "{name}"'))
    return group


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
