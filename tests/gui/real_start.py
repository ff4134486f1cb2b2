"""Starting the app as ``desktop-app --db FILE`` does, for tests and screenshots.

``bootstrap.start_window`` is the whole window path up to Qt's event loop; the test's event loop
(pytest-qt's) replaces ``app.exec()``. Nothing is wired by hand: the window is painted before the
database opens and gets its services the way a user's start gives them.

``Watch`` records what the user would have seen go wrong: error and warning boxes, the crash
dialog, and tracebacks written to the log. Modal dialogs and file choosers never block: a dialog
opened with ``exec()`` is shown, measured and closed (cancelled); file choosers are cancelled.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget

from desktop_app import bootstrap, settings, startup
from desktop_app.gui.widgets import message_boxes

USER = "测试员"  # as the other tests' contexts


@dataclass
class Watch:
    """What a session of the app showed. ``problems``: error boxes, crash dialogs and logged
    tracebacks; ``messages``: every box, warnings (the app explaining what is missing) included;
    ``dialogs``: every dialog shown through ``exec()``, as (class name, title,
    frame size, buttons hidden). ``confirm_answer`` answers every 确定/取消 question."""

    problems: list[str] = field(default_factory=list)
    messages: list[tuple[str, str, str]] = field(default_factory=list)
    dialogs: list[tuple[str, str, tuple[int, int], list[str]]] = field(default_factory=list)
    confirm_answer: bool = False
    text_answer: str | None = None


class _TracebackCatcher(logging.Handler):
    def __init__(self, watch: Watch):
        super().__init__(logging.WARNING)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.watch.problems.append(f"日志：{record.getMessage()}\n{self.format(record)}")


def hidden_buttons(widget: QWidget) -> list[str]:
    """The dialog's buttons that the user cannot see: hidden, or outside the dialog's area."""
    from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox

    out = []
    area = widget.rect()
    for box in widget.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if not button.isVisibleTo(widget):
                continue
            corner = button.mapTo(widget, button.rect().bottomRight())
            if not area.contains(corner) or button.visibleRegion().isEmpty():
                out.append(button.text())
    for button in widget.findChildren(QAbstractButton):
        if getattr(button, "isDefault", lambda: False)() and button.isVisibleTo(widget):
            corner = button.mapTo(widget, button.rect().bottomRight())
            if not area.contains(corner) and button.text() not in out:
                out.append(button.text())
    return out


def fits_screen(widget: QWidget) -> bool:
    """The whole window, frame included, lies on the (1366×728) screen's work area."""
    available = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    return frame.width() <= available.width() and frame.height() <= available.height()


def install_watch(monkeypatch, qtbot) -> tuple[Watch, logging.Handler]:
    watch = Watch()

    def show(kind):
        def record(_parent, title, text):
            watch.messages.append((kind, title, text))
            if kind == "error":
                watch.problems.append(f"{kind}：{title}：{text}")
        return record

    for kind in ("warning", "error", "information"):
        monkeypatch.setattr(message_boxes, f"show_{kind}", show(kind))

    def confirm(_parent, title, text, accept_text="确定"):
        watch.messages.append(("confirm", title, text))
        return watch.confirm_answer

    def ask_text(_parent, title, label, text="", accept_text="确定"):
        watch.messages.append(("ask", title, label))
        return watch.text_answer

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    monkeypatch.setattr(message_boxes, "ask_text", ask_text)
    monkeypatch.setattr(bootstrap, "_show_crash_dialog",
                        lambda t, e, tb, log_file: watch.problems.append(f"崩溃对话框：{t.__name__}：{e}"))

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        frame = dialog.frameGeometry()
        watch.dialogs.append((type(dialog).__name__, dialog.windowTitle(), (frame.width(), frame.height()),
                              hidden_buttons(dialog)))
        dialog.reject()
        return QDialog.DialogCode.Rejected.value

    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog
    from PySide6.QtWidgets import QMessageBox

    # Subclasses that wrap exec themselves are patched too, so that no dialog ever waits.
    for dialog_class in (QDialog, QMessageBox, QInputDialog, QFileDialog, QPrintDialog, QPageSetupDialog):
        monkeypatch.setattr(dialog_class, "exec", exec_)
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    catcher = _TracebackCatcher(watch)
    logging.getLogger().addHandler(catcher)
    return watch, catcher


def make_demo_file(folder: Path, now) -> Path:
    """A demo database made on the fixed clock ``now``, as ``desktop-app --demo`` makes it."""
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import fill_demo
    from desktop_app.storage.database import open_database

    path = folder / "演示.db"
    db = open_database(path)
    try:
        fill_demo(ServiceContext(db=db, user_name=lambda: USER, now=lambda: now), items=startup.DEMO_ITEMS)
    finally:
        db.close()
    return path


class RealStart:
    """``start(db_path)`` starts the app as ``desktop-app --db db_path`` would; ``stop()`` closes
    the window and shuts down as leaving the event loop does."""

    def __init__(self, qtbot, monkeypatch, now):
        self.qtbot, self.monkeypatch = qtbot, monkeypatch
        monkeypatch.setattr(startup, "app_clock", lambda: now)
        self.watch, self._catcher = install_watch(monkeypatch, qtbot)
        self.started = None

    def start(self, db_path: Path | str | None, user: str = USER):
        """``db_path`` None: a start without ``--db`` (the file or server chosen in 设置)."""
        # A user who has worked before: the name is known, so no first-start question.
        ui = settings.load_settings()
        ui.user_name = user
        settings.save_settings(ui)
        args = bootstrap.plain_window_args(["--db", str(db_path)] if db_path is not None else [])
        started = bootstrap.start_window(args)
        assert not isinstance(started, int), f"程序没有启动（退出码 {started}）：{self.watch.problems}"
        self.started = started
        window = started.window
        # The whole list arrives from a worker through the event loop, which has not run yet.
        loaded = []
        window.case_list.rows_reloaded.connect(lambda: loaded.append(True))
        self.qtbot.addWidget(window)
        self.qtbot.waitExposed(window)
        self.qtbot.waitUntil(lambda: bool(loaded), timeout=20000)
        self.wait_idle()  # the late columns (下一期限, 进度) and the start-up reminder
        return window

    def wait_idle(self) -> None:
        """Until the window's runner has no work left (a worker's result is shown)."""
        runner = self.started.window.runner
        self.qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
        QApplication.processEvents()

    def press(self, label: str, *presses) -> list[tuple]:
        """Run ``presses`` (a menu command, a button's click…) as a user would, then measure and
        close every window they opened; the misfits: (label, title, frame size, hidden buttons)."""
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        for press in presses:
            press()
            self.wait_idle()
        misfits = []
        for opened in [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]:
            self.qtbot.waitExposed(opened)
            if not fits_screen(opened) or hidden_buttons(opened):
                misfits.append((label, opened.windowTitle(), opened.frameGeometry().size().toTuple(),
                                hidden_buttons(opened)))
            opened.close()
            self.wait_idle()
        return misfits

    def misfit_dialogs(self) -> list[tuple]:
        """The dialogs shown with ``exec()`` that were larger than the screen or hid buttons."""
        return [(name, title, size, hidden) for name, title, size, hidden in self.watch.dialogs
                if size[0] > 1366 or size[1] > 728 or hidden]

    def stop(self) -> None:
        logging.getLogger().removeHandler(self._catcher)
        if self.started is None:
            return
        window = self.started.window
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        window.close()
        self.started.shut_down()
        self.started = None


def copy_demo(template: Path, folder: Path) -> Path:
    target = folder / template.name
    shutil.copyfile(template, target)
    return target
