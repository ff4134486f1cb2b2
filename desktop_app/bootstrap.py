"""Composition root: crash handler, database, main window (application shell).

``main()`` is the ``desktop-app`` command. A plain window start is read without building the parser
(``plain_window_args``); anything else (subcommands, --help, mistakes) goes to ``cli``, which builds
the parser and runs the subcommands without importing Qt. The window path sets up logging and the
crash dialog, loads Qt's Chinese translations, makes sure only one instance works on a database
file, opens (and if needed creates or migrates) the database, takes the daily backup, and shows the
main window.

Imports at module level stay cheap (standard library only): start-up time is measured against a bare
PySide6 window, so SQLAlchemy comes in only when the database is opened, and ReportLab, openpyxl
and Alembic not at all on a normal start.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Callable

from desktop_app import APP_NAME
from desktop_app.logs import ensure_logging

_STARTED = time.perf_counter()

log = logging.getLogger("desktop_app")
SMOKE_TEST_TIMEOUT_MS = 120_000
HEAVY_MODULES = ("alembic", "reportlab", "openpyxl", "desktop_app.cli", "desktop_app.commands")


def main(argv: list[str] | None = None) -> int:
    """Run the ``desktop-app`` command; returns the exit code."""
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["--sandbox-child"]:
        # The frozen app reading an untrusted file in a child of itself (exchange.sandbox).
        from desktop_app.exchange.sandbox import child_main

        return child_main(given[1:])
    args = plain_window_args(given)
    if args is None:
        from desktop_app import cli  # the full parser: only for a subcommand, --help or a mistake

        try:
            args = cli.build_parser().parse_args(argv)
        except SystemExit as stop:  # --help (0) or bad usage (2)
            return int(stop.code or 0)
    if args.command:
        try:
            return cli.run(args)
        except BrokenPipeError:
            # The reader stopped early (``desktop-app due | head``): that is not an error. Python
            # would complain again when it flushes stdout at exit, so stdout goes nowhere now.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_window(args)


def plain_window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start (``--db PATH``, ``--demo``, ``--smoke-test``,
    ``--json``), read without building the parser: the full parser imports every subcommand's
    module, some 20 ms before the window can paint. Anything else (a subcommand, --help, an
    abbreviation, a mistake) gives None and goes through the parser, which also words the errors."""
    values = {"db": None, "demo": False, "smoke_test": False, "json": False, "command": None}
    flags = {"--demo": "demo", "--smoke-test": "smoke_test", "--json": "json"}
    rest = iter(argv)
    for arg in rest:
        if arg in flags:
            values[flags[arg]] = True
        elif arg == "--db":
            path = next(rest, None)
            if not path or path.startswith("-"):
                return None
            values["db"] = path
        elif arg.startswith("--db=") and len(arg) > 5:
            values["db"] = arg[5:]
        else:
            return None
    if values["db"] and values["demo"]:
        return None  # the parser says they exclude each other
    return argparse.Namespace(**values)


# ---- crash handler ---------------------------------------------------------------------------
def install_excepthook(log_file: Path | None | Callable[[], Path | None], *, show_dialog: bool = True) -> None:
    """Every uncaught exception is logged and shown in a Chinese dialog; the app keeps running (Qt
    slots return to the event loop) instead of vanishing without a word. ``log_file`` may be a
    function that sets up logging: the window sets it up only after its first paint, so a crash
    before that sets it up here."""
    showing = []

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        nonlocal log_file
        if callable(log_file):
            log_file = log_file()
        log.critical("未处理的异常", exc_info=(exc_type, exc, tb))
        if not show_dialog or showing:
            sys.__excepthook__(exc_type, exc, tb)
            return
        showing.append(True)
        try:
            _show_crash_dialog(exc_type, exc, tb, log_file)
        finally:
            showing.clear()

    sys.excepthook = hook


def _show_crash_dialog(exc_type, exc, tb, log_file: Path | None) -> None:
    where = f"详细信息已记录在日志文件：\n{log_file}" if log_file else "详细信息见下方。"
    headline = "程序遇到意外错误，刚才的操作没有完成。"
    details = (
        f"{exc_type.__name__}：{exc}\n\n已保存的数据不受影响。{where}\n"
        "如果问题反复出现，请把日志文件发给技术支持。"
    )
    sys.__excepthook__(exc_type, exc, tb)  # also on the console, when there is one
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        # Failed before the window existed: make an application just for this dialog.
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "desktop-app"])  # noqa: F841
    except Exception:  # noqa: BLE001 - Qt itself is broken (e.g. a missing DLL): no Qt dialog then
        _native_error_box(f"{headline}\n\n{details}")
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, headline)
    box.setInformativeText(details)
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def _native_error_box(text: str) -> None:
    # A windowed Windows build has no console: without this the app would vanish silently.
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, APP_NAME, 0x10)


# ---- the window path --------------------------------------------------------------------------
def resolve_db_path(args: argparse.Namespace) -> Path:
    from desktop_app import paths

    if args.db:
        return paths.database_location(args.db)
    if args.demo:
        return paths.demo_db_path()
    from desktop_app.settings import load_settings

    chosen = load_settings().server_database  # 设置 → 数据库 → 连接服务器
    if chosen and chosen.strip().lower().startswith(paths.SERVER_SCHEMES):
        return paths.database_location(chosen)
    return paths.default_db_path()


def run_window(args: argparse.Namespace) -> int:
    """The window path: start the app (``start_window``), run Qt's event loop, shut down."""
    started = start_window(args)
    if isinstance(started, int):
        return started
    try:
        code = started.app.exec()
    finally:
        started.shut_down()
    return code


class StartedWindow:
    """The app as ``start_window`` leaves it, ready for the event loop: ``shut_down`` saves the
    layout, takes the exit backup and closes the database and the single-instance claim."""

    def __init__(self, app, window, opened, instance):
        self.app, self.window, self.opened, self.instance = app, window, opened, instance

    def shut_down(self) -> None:
        # The window saves its layout when it closes; this also covers a quit without closeEvent.
        try:
            self.window.services.save_ui_settings()
            # The database threads end after what is queued (the window waited for the writes).
            self.window.services.workers.stop()
            self.window.services.stop_watching()  # no poll of a server database after it is closed
            self.opened.close(reason="exit")
        finally:
            if self.instance is not None:
                self.instance.close()


def _lighter_pyside_import_hook() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``, to see
    whether it mentions PySide6 and so may use ``from __feature__ import``): some 60 modules
    before the first paint, 5–8 ms. The app's own modules are taken as using PySide6 without
    reading them (none selects a feature), and any other module's file is read plainly. PySide6
    internals: if they change, its own check stays."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "light", False):
        return

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        if name == "desktop_app" or name.startswith("desktop_app."):
            return True
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.light = True
    feature._mod_uses_pyside = uses_pyside


def start_window(args: argparse.Namespace) -> StartedWindow | int:
    """Everything the window path does before Qt's event loop runs: the started app, or the exit
    code when it stops early (another window has the file, the file cannot be opened, or the
    smoke test is done). Tests start the app through this function, with their own event loop."""
    smoke = bool(args.smoke_test)
    # The log file is set up after the first paint (logging.handlers and the data folder cost
    # time); a crash before it sets it up through the hook.
    install_excepthook(ensure_logging, show_dialog=not smoke)
    from PySide6.QtWidgets import QApplication

    _lighter_pyside_import_hook()
    from desktop_app.gui.i18n import install_translations

    _set_windows_app_id()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "desktop-app"])
    app.setApplicationName(APP_NAME)
    install_translations(app)
    db_path = resolve_db_path(args)

    instance = None
    if not smoke:
        from desktop_app.gui.instance import SingleInstance

        instance = SingleInstance(db_path)
        # Another window may have the file: ask it to come forward before painting one of ours.
        if instance.another_may_run() and (code := _claim_instance(instance)) is not None:
            return code

    from desktop_app import settings as ui_settings_module
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.views.case_list_view import FIRST_SCREEN_ROWS
    from desktop_app.startup import (
        ensure_user_name,
        load_database_layer,
        open_for_window,
        operator_name,
        pending_services,
        read_list_early,
    )

    ui_settings = ui_settings_module.load_settings()
    # The window paints before the database is opened (SQLAlchemy, migrations, checks): the user
    # sees the program at once, and the rows follow. The same services object is connected to the
    # database once it is open; every view asks it for its service when it needs one.
    services = pending_services(db_path, ui_settings)
    window = MainWindow(services)
    window.show()
    app.processEvents()
    if smoke:
        window.grab()  # painted for sure, as the benchmark's bare window is
    first_paint_ms = (time.perf_counter() - _STARTED) * 1000
    window.build_later_parts()  # the filter panel, in the place kept for it: painted with the rows
    # A file of the current schema shows its first screen of rows, then all of them, before the
    # database is opened (SQLAlchemy, checks, the feature modules: half a second and more).
    first_rows_ms = None
    for rows, complete in read_list_early(db_path, FIRST_SCREEN_ROWS, meanwhile=load_database_layer):
        window.case_list.show_early_rows(rows, complete=complete)
        app.processEvents()
        if first_rows_ms is None:
            if smoke:
                window.grab()
            first_rows_ms = (time.perf_counter() - _STARTED) * 1000
    from desktop_app.gui.resources import app_icon

    app.setWindowIcon(app_icon())  # after the paint: the SVG icon engine loads in some 5 ms
    ensure_logging()
    log.info("启动：数据库 %s", db_path)
    if instance is not None and not instance.claimed and (code := _claim_instance(instance)) is not None:
        window.close()  # lost a race with a start at the same moment, which now has the file
        return code
    window.install_features()
    ensure_user_name(ui_settings, interactive=not smoke, parent=window)
    opened = open_for_window(db_path, demo=bool(args.demo), user_name=operator_name(ui_settings), interactive=not smoke)
    if opened is None:
        window.close()
        if instance is not None:
            instance.close()
        return 1
    if instance is not None and opened.path != db_path:
        # The user chose another file at start-up: the one-window-per-file claim follows it.
        instance.close()
        instance = SingleInstance(opened.path)
        if (code := _claim_instance(instance)) is not None:
            opened.close(reason=None)
            window.close()
            return code
    if not opened.first_try:
        window.case_list.forget_early_rows()  # rows of a file not opened after all
    opened.connect(services)
    window.show_data(wait=False)
    if opened.integrity_deferred:
        window.check_integrity_after_load()
    if smoke:
        if first_rows_ms is None:
            window.grab()  # the first screen of rows, painted
            first_rows_ms = (time.perf_counter() - _STARTED) * 1000
        return _finish_smoke_test(app, window, opened, args, first_paint_ms, first_rows_ms)
    instance.activation_requested.connect(lambda: _bring_to_front(window))
    window.when_loaded(window.run_startup_tasks)
    window.when_loaded(lambda: window.files.show_backup_note())
    return StartedWindow(app, window, opened, instance)


def _set_windows_app_id() -> None:
    # Without it Windows groups the window under python.exe in the taskbar, with Python's icon.
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("JianyiTiananZhushou.DesktopApp")
    except (AttributeError, OSError):
        log.warning("无法设置 Windows 任务栏应用标识")


def _claim_instance(instance) -> int | None:
    """Claim ``instance`` (a ``SingleInstance``); None when we are the one instance for the file,
    else the exit code: 0 when the running window was brought forward, 1 when it could not be
    reached (the user was told why)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui.instance import Claim, InstanceError

    try:
        claim = instance.claim()
    except InstanceError as error:
        log.warning("单实例：%s", error)
        QMessageBox.warning(None, APP_NAME, str(error))
        return 1
    if claim is Claim.ACTIVATED:
        log.info("此数据库已在另一个窗口打开，已请求该窗口显示到前台")
        return 0
    return None


def _bring_to_front(window) -> None:
    from desktop_app.gui.instance import bring_to_front

    bring_to_front(window)


def _finish_smoke_test(app, window, opened, args: argparse.Namespace, startup_ms: float,
                       first_rows_ms: float) -> int:
    """Report the time from entering ``bootstrap`` to the first painted window, to the first
    screen of rows and to the whole list loaded; paint once more with data, close everything."""
    from PySide6.QtCore import QEventLoop, QTimer

    loaded = []
    waiting = QEventLoop()
    window.case_list.rows_reloaded.connect(lambda: (loaded.append(True), waiting.quit()))
    QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, waiting.quit)
    if not loaded:
        waiting.exec()
    window.grab()
    list_ms = (time.perf_counter() - _STARTED) * 1000
    rows = window.case_list.model.rowCount()
    result = {
        "ok": bool(loaded),
        "startup_ms": round(startup_ms, 1),
        "first_rows_ms": round(first_rows_ms, 1),
        "list_ms": round(list_ms, 1),
        "rows": rows,
        "db": str(opened.path),
        "read_only": opened.read_only,
        "peak_rss_mb": _peak_rss_mb(),
        # Loaded only for printing, Excel, migrations or a subcommand: never on a plain start.
        "heavy_modules": sorted(m for m in HEAVY_MODULES if m in sys.modules),
    }
    window.close()
    opened.close(reason=None)
    if args.json:
        print(json.dumps(result, ensure_ascii=True))
    else:
        print(f"启动用时：{startup_ms:.0f} ms（首次绘制主窗口）")
        print(f"首屏列表：{first_rows_ms:.0f} ms")
        print(f"列表显示用时：{list_ms:.0f} ms（{rows} 行）" if loaded else "列表未能在 120 秒内载入")
    return 0 if loaded else 1


def _peak_rss_mb() -> float | None:
    try:
        import resource  # not on Windows
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
