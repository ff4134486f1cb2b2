"""The operation runner: results broadcast, one error path, delayed busy cursor and progress dialog."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from desktop_app.domain.errors import ConflictError
from desktop_app.gui import runner as runner_module
from desktop_app.gui.app_services import ChangeHub
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.services.dto import Changes


@pytest.fixture
def shown(monkeypatch):
    """Every message box the runner would show, as (kind, title, text)."""
    boxes: list[tuple[str, str, str]] = []
    monkeypatch.setattr(message_boxes, "show_warning", lambda _p, title, text: boxes.append(("warning", title, text)))
    monkeypatch.setattr(message_boxes, "show_error", lambda _p, title, text: boxes.append(("error", title, text)))
    return boxes


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def hub():
    return ChangeHub()


def test_a_result_with_changes_is_broadcast_before_on_success(qtbot, window, hub, shown):
    runner = OperationRunner(hub.changed.emit, window)
    order: list[str] = []
    hub.changed.connect(lambda changes: order.append(f"changed {sorted(changes.item_ids)}"))
    with qtbot.waitSignal(hub.changed, timeout=5000) as signal:
        runner.run(lambda: (Changes.of("item", item_ids=[7]), 7), title="保存",
                   on_success=lambda result: order.append(f"done {result[1]}"))
    qtbot.waitUntil(lambda: not runner.busy)
    assert signal.args == [Changes.of("item", item_ids=[7])]
    assert order == ["changed [7]", "done 7"]
    assert shown == []


def test_a_domain_error_shows_its_chinese_message_as_a_warning(qtbot, window, hub, shown):
    runner = OperationRunner(hub.changed.emit, window)
    broadcasts: list = []
    hub.changed.connect(broadcasts.append)

    def work():
        raise ConflictError("这条建议已被“李明”修改。请重新载入后再保存。")

    runner.run(work, title="保存")
    qtbot.waitUntil(lambda: not runner.busy)
    assert shown == [("warning", "保存", "这条建议已被“李明”修改。请重新载入后再保存。")]
    assert broadcasts == []


def test_an_unexpected_error_is_logged_and_shown_as_a_generic_chinese_error(qtbot, window, hub, shown, caplog):
    runner = OperationRunner(hub.changed.emit, window)
    failures: list = []
    operation = runner.run(lambda: 1 / 0, title="立即备份")
    operation.failed.connect(failures.append)
    with caplog.at_level(logging.ERROR):
        qtbot.waitUntil(lambda: not runner.busy)
    assert shown == [("error", "立即备份", runner_module.UNEXPECTED_ERROR)]
    assert isinstance(failures[0], ZeroDivisionError)
    assert "ZeroDivisionError" in caplog.text  # the traceback is in the log, not in the dialog


def test_a_file_that_cannot_be_written_is_named_in_a_warning_saying_what_to_do(qtbot, window, hub, shown, tmp_path):
    runner = OperationRunner(hub.changed.emit, window)
    target = tmp_path / "没有的文件夹" / "答复函.pdf"
    runner.run(lambda: target.write_bytes(b"%PDF"), title="保存答复函")
    qtbot.waitUntil(lambda: not runner.busy)
    [(kind, title, text)] = shown
    assert (kind, title) == ("warning", "保存答复函")
    assert text.startswith(f"无法读写“{target}”：") and "请关闭该文件，或换一个文件夹" in text


def test_slow_work_gets_a_busy_cursor_that_is_restored_afterwards(qtbot, window, hub, shown, monkeypatch):
    monkeypatch.setattr(runner_module, "BUSY_DELAY_MS", 20)
    release = threading.Event()
    runner = OperationRunner(hub.changed.emit, window)
    runner.run(lambda: release.wait(5), title="备份")
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is not None, timeout=3000)
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.WaitCursor
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert QApplication.overrideCursor() is None


def test_quick_work_shows_neither_busy_cursor_nor_progress_dialog(qtbot, window, hub, shown):
    runner = OperationRunner(hub.changed.emit, window)
    runner.run(lambda progress, cancelled: progress(1, 1), title="导入", reports_progress=True)
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(runner_module.PROGRESS_DELAY_MS + 100)
    assert QApplication.overrideCursor() is None
    assert window.findChildren(QProgressDialog) == []


def test_progress_is_shown_in_a_chinese_dialog_and_cancel_stops_the_work(qtbot, window, hub, shown, monkeypatch):
    monkeypatch.setattr(runner_module, "PROGRESS_DELAY_MS", 20)
    monkeypatch.setattr(runner_module, "PROGRESS_POLL_MS", 10)
    seen_cancel = threading.Event()

    def work(progress, cancelled):
        progress(30, 120)
        while not cancelled():
            threading.Event().wait(0.01)
        seen_cancel.set()
        raise RuntimeError("stopped because the user cancelled")

    runner = OperationRunner(hub.changed.emit, window)
    runner.run(work, title="生成演示数据", reports_progress=True)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=3000)
    dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.value() == 30)
    assert dialog.maximum() == 120
    assert dialog.windowTitle() == "生成演示数据"
    cancel = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    assert len(cancel) == 1
    qtbot.mouseClick(cancel[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)
    assert seen_cancel.is_set()
    assert shown == []  # a cancelled operation is not an error to report
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in window.findChildren(QProgressDialog)))


def test_writes_from_every_window_run_one_at_a_time_in_order_and_reads_beside_them(qtbot, hub, shown):
    from desktop_app.gui.database_workers import DatabaseWorkers

    workers = DatabaseWorkers()
    main, editor = QWidget(), QWidget()
    qtbot.addWidget(main)
    qtbot.addWidget(editor)
    first, second = OperationRunner(hub.changed.emit, main, workers), OperationRunner(hub.changed.emit, editor, workers)
    release, order = threading.Event(), []

    def slow():
        order.append("first starts")
        release.wait(10)
        order.append("first ends")

    first.run(slow, title="保存")
    qtbot.waitUntil(lambda: order == ["first starts"], timeout=5000)
    second.run(lambda: order.append("second"), title="保存")
    read = second.run(lambda: order.append("read") or "rows", title="载入", read=True)
    with qtbot.waitSignal(read.finished, timeout=5000):
        pass
    assert order[-1] == "read" and "second" not in order  # the read did not wait; the write did
    release.set()
    qtbot.waitUntil(lambda: not first.busy and not second.busy, timeout=5000)
    assert order == ["first starts", "read", "first ends", "second"]
    assert workers.writing == 0


def test_the_initiator_is_stamped_on_the_changes_it_caused(qtbot, window, hub, shown):
    runner = OperationRunner(hub.changed.emit, window)
    with qtbot.waitSignal(hub.changed, timeout=5000) as signal:
        runner.run(lambda: Changes.of("item", item_ids=[3]), title="保存", initiator=window)
    assert signal.args[0].initiator is window and signal.args[0] == Changes.of("item", item_ids=[3])


def test_stopping_the_workers_finishes_every_queued_write_before_the_database_closes():
    # shut_down stops the workers, then closes the database: no write may be cut off between.
    from desktop_app.gui.database_workers import READ, DatabaseWorkers

    workers, done, reading = DatabaseWorkers(), [], threading.Event()
    for n in range(3):
        workers.submit(lambda n=n: (threading.Event().wait(0.05), done.append(n)))
    workers.submit(lambda: reading.wait(30), READ)  # a read nobody waits for at exit
    workers.stop(read_timeout=0.1)
    assert done == [0, 1, 2]
    reading.set()
