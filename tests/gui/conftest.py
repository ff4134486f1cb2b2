"""GUI fixtures: the real services over a demo database file, and the windows built on them."""

from __future__ import annotations

import pytest

from desktop_app.gui.app_services import AppServices
from desktop_app.gui.widgets import message_boxes
from desktop_app.settings import UiSettings


def build_services(ctx, tmp_path, ui_settings: UiSettings | None = None, *, read_only: bool = False,
                   read_only_reason: str = "") -> AppServices:
    """AppServices over ``ctx``, connected as start-up connects them (``startup.OpenedDatabase``)."""
    from desktop_app.services.maintenance import MaintenanceService

    services = AppServices(ui_settings=ui_settings if ui_settings is not None else UiSettings(user_name="测试员"),
                           db_path=ctx.db.path)
    services.connect(ctx, MaintenanceService(ctx, tmp_path / "backups"), read_only=read_only,
                     read_only_reason=read_only_reason)
    return services


@pytest.fixture(autouse=True)
def database_threads_end(monkeypatch):
    """Every window's database threads end with its test, as they end when the app shuts down
    (hundreds of idle threads left over made a long GUI run fragile)."""
    from desktop_app.gui.database_workers import DatabaseWorkers

    made: list[DatabaseWorkers] = []
    real_init = DatabaseWorkers.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(DatabaseWorkers, "__init__", init)
    yield
    for workers in made:
        workers.stop()


@pytest.fixture
def make_services(tmp_path):
    """``make_services(ctx, **extra)``: AppServices over ``ctx`` (e.g. ``read_only=True``)."""
    return lambda ctx, **extra: build_services(ctx, tmp_path, **extra)


@pytest.fixture
def demo_ctx(request, ctx):
    """``ctx`` on a database filled by ``services.demo.fill_demo`` (about 60 items); in a test of
    the main window, the context of the database the started app opened."""
    if "main_window" in request.fixturenames:
        return request.getfixturevalue("main_window").services.ctx
    from desktop_app.services.demo import fill_demo

    fill_demo(ctx)
    return ctx


@pytest.fixture
def services(request, tmp_path) -> AppServices:
    """Services over the demo database; in a test of the main window, the started app's own."""
    if "main_window" in request.fixturenames:
        return request.getfixturevalue("main_window").services
    return build_services(request.getfixturevalue("demo_ctx"), tmp_path)


@pytest.fixture
def message_log(monkeypatch):
    """Message boxes never block a test: each is recorded as (kind, title, text); ``confirm``
    answers with ``message_log.answer`` (default yes)."""

    class Log(list):
        answer = True
        text_answer: str | None = None

    log = Log()

    def confirm(_parent, title, text, accept_text="确定"):
        log.append(("confirm", title, text))
        return log.answer

    def ask_text(_parent, title, label, text="", accept_text="确定"):
        log.append(("ask", title, label))
        return log.text_answer

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    monkeypatch.setattr(message_boxes, "ask_text", ask_text)
    for kind in ("warning", "error", "information"):
        monkeypatch.setattr(message_boxes, f"show_{kind}",
                            lambda _parent, title, text, kind=kind: log.append((kind, title, text)))
    return log


@pytest.fixture
def main_window(request, real_start):
    """The main window of the app started as ``desktop-app --db`` starts it, on a copy of the demo
    database (the fixed clock, user 测试员), its rows loaded; message boxes go to ``message_log``."""
    window = real_start.start(real_start.db_path)
    request.getfixturevalue("message_log")  # after the start's own watch: the test reads the boxes
    return window


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """One demo database made on the fixed clock, copied for each real-start test."""
    from tests.conftest import FIXED_NOW
    from tests.gui.real_start import make_demo_file

    return make_demo_file(tmp_path_factory.mktemp("demo"), FIXED_NOW)


@pytest.fixture
def real_start(qtbot, monkeypatch, tmp_path, demo_template):
    """``real_start.start(real_start.db_path)`` starts the app on a copy of the demo database as
    ``desktop-app --db`` does (tests/gui/real_start.py); it is shut down after the test."""
    from tests.conftest import FIXED_NOW
    from tests.gui.real_start import RealStart, copy_demo

    start = RealStart(qtbot, monkeypatch, FIXED_NOW)
    start.db_path = copy_demo(demo_template, tmp_path)
    yield start
    start.stop()
