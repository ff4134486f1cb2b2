"""Throwaway PostgreSQL databases for the tests on the server back end (test support).

A template database is migrated once per test run; each test then gets a copy of it
(``CREATE DATABASE … TEMPLATE``, a file copy on the server: much faster than migrating), dropped
when the test ends. Names carry the process id, so runs on one server do not meet.
"""

from __future__ import annotations

import itertools
import os

import psycopg
from sqlalchemy.engine import make_url


class Server:
    def __init__(self, admin_url: str):
        self.admin = make_url(admin_url)
        self.prefix = f"jyta_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._numbers = itertools.count(1)
        self._conn = psycopg.connect(self._dsn(self.admin.database or "postgres"), autocommit=True)
        self._template_ready = False

    def _dsn(self, database: str) -> str:
        parts = {"host": self.admin.host or "localhost", "port": self.admin.port or 5432,
                 "user": self.admin.username, "password": self.admin.password, "dbname": database}
        return " ".join(f"{k}={v}" for k, v in parts.items() if v)

    def url(self, database: str) -> str:
        return self.admin.set(database=database).render_as_string(hide_password=False)

    def create_empty(self, name: str | None = None) -> str:
        name = name or f"{self.prefix}_{next(self._numbers)}"
        self._conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def fresh_database(self) -> str:
        """A new database at the app's schema, as ``open_database`` would create it."""
        if not self._template_ready:
            from desktop_app.storage.database import open_database

            open_database(self.create_empty(self.template)).close()
            self._template_ready = True
        name = f"{self.prefix}_{next(self._numbers)}"
        self._conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self.url(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, sql: str) -> None:
        self._conn.execute(sql)

    def close(self) -> None:
        if self._template_ready:
            self._conn.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._conn.close()
