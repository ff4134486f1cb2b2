"""Shared test set-up: headless Qt, a fixed clock, a fresh database file per test."""

from __future__ import annotations

import gc
import os
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

# Headless, on one screen the size of the work area a maximised window gets on a 1366×768 office
# laptop (the taskbar takes 40 px): what does not fit here does not fit there.
SCREEN_CONFIG = Path(__file__).with_name("offscreen_screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN_CONFIG}")

FIXED_NOW = datetime(2024, 6, 3, 9, 30)


def filled_with_demo(location, items: int):
    """The database at ``location`` (a file or a server's URL) filled with ``items`` demo items."""
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import fill_demo
    from desktop_app.storage.database import open_database

    db = open_database(location)
    try:
        fill_demo(ServiceContext(db=db, user_name=lambda: "演示", now=lambda: FIXED_NOW), items=items)
    finally:
        db.close()
    return location


@pytest.fixture
def fixed_now() -> datetime:
    return FIXED_NOW


#: Environment variable naming a PostgreSQL server the tests may create databases on, as the URL
#: of a maintenance database of a user allowed to CREATE DATABASE (e.g.
#: ``postgresql://admin@127.0.0.1:55432/postgres``).
PG_ENV = "DESKTOP_APP_TEST_PG"
#: The folders whose tests run on every back end (they take the ``db`` fixture).
BACKEND_FOLDERS = ("storage", "services")


def pytest_addoption(parser):
    parser.addoption(
        "--backend", choices=("sqlite", "postgresql", "all"), default=None,
        help="database back end of the storage and service tests: sqlite (default), postgresql (needs "
             f"{PG_ENV}) or all; default: sqlite, plus postgresql when {PG_ENV} is set",
    )


def backends(config) -> list[str]:
    chosen = config.getoption("--backend")
    if chosen == "sqlite":
        return ["sqlite"]
    if chosen == "postgresql":
        return ["postgresql"]
    if chosen == "all" or os.environ.get(PG_ENV):
        return ["sqlite", "postgresql"]
    return ["sqlite"]


def pytest_configure(config):
    if "postgresql" in backends(config) and not os.environ.get(PG_ENV):
        raise pytest.UsageError(f"--backend={config.getoption('--backend')} 需要环境变量 {PG_ENV} 指向一个 PostgreSQL 服务器，"
                                "例如 postgresql://admin@127.0.0.1:55432/postgres")
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about the SQLite file itself")


def pytest_generate_tests(metafunc):
    """Storage and service tests on a database run once per chosen back end; elsewhere (and for
    tests about the file itself) SQLite only."""
    if "backend" not in metafunc.fixturenames:
        return
    folder = Path(str(metafunc.definition.fspath)).relative_to(Path(__file__).parent).parts[0]
    chosen = backends(metafunc.config) if folder in BACKEND_FOLDERS else ["sqlite"]
    if metafunc.definition.get_closest_marker("sqlite_only"):
        chosen = ["sqlite"]
    if chosen == ["sqlite"] and "postgresql" not in backends(metafunc.config):
        return  # ids unchanged when SQLite is the only back end
    metafunc.parametrize("backend", chosen, indirect=True)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """A ``tests.pg.Server`` on the ``DESKTOP_APP_TEST_PG`` server (template built once)."""
    from tests.pg import Server

    server = Server(os.environ[PG_ENV])
    yield server
    server.close()


@pytest.fixture
def db_url(backend, request):
    """A throwaway PostgreSQL database at the current schema (None on SQLite), dropped afterwards."""
    if backend != "postgresql":
        yield None
        return
    server = request.getfixturevalue("pg_server")
    url = server.fresh_database()
    yield url
    server.drop(url)


@pytest.fixture
def server_url(request):
    """A throwaway PostgreSQL database at the current schema for tests about the server alone;
    skipped unless PostgreSQL is among the chosen back ends."""
    if "postgresql" not in backends(request.config):
        pytest.skip(f"PostgreSQL 测试：设置 {PG_ENV} 或使用 --backend=postgresql")
    server = request.getfixturevalue("pg_server")
    url = server.fresh_database()
    yield url
    server.drop(url)


@pytest.fixture
def empty_server_db(server_url, request):
    """An empty PostgreSQL database (no schema), for migration tests; skipped without a server."""
    pg_server = request.getfixturevalue("pg_server")  # after server_url: skipped without a server
    url = pg_server.create_empty()
    yield url
    pg_server.drop(url)


@pytest.fixture
def db(tmp_path, db_url):
    from desktop_app.storage.database import open_database

    database = open_database(db_url or tmp_path / "cases.db")
    yield database
    database.close()


@pytest.fixture
def ctx(db):
    from desktop_app.services.context import ServiceContext

    return ServiceContext(db=db, user_name=lambda: "测试员", now=lambda: FIXED_NOW)


@pytest.fixture(autouse=True)
def thawed_after_each_test():
    """A start through ``start_window`` freezes what is alive (the list's rows, out of the garbage
    collector's walks): thawed after each test, so that its leftovers are collected as usual."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder: nothing lands in the real per-user folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DESKTOP_APP_HOME", str(home))
    return home


class MemoryKeyring(KeyringBackend):
    """The credential store of a test: passwords kept in memory only."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    """``keyring`` answers from a ``MemoryKeyring`` for the test's duration."""
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def cli_home(tmp_path, monkeypatch):
    """A data folder of the test's own for the command line, whose log handlers are taken off
    the root logger again afterwards (``main`` adds one per run)."""
    import logging

    monkeypatch.setenv("DESKTOP_APP_HOME", str(tmp_path / "home"))
    root = logging.getLogger()
    level = root.level
    yield tmp_path / "home"
    for handler in [h for h in root.handlers if getattr(h, "desktop_app_log", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
