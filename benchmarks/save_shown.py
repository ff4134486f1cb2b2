"""A save made visible through the window, as the user meets it (benchmark, not a test; run.py runs it).

    uv run python benchmarks/save_shown.py --db FILE [--saves 10]

Starts the app on ``FILE`` as ``desktop-app --db FILE`` does (``bootstrap.start_window``, the path
the GUI tests take), waits until every row is loaded, then saves edits the way the editor does: an
operation on the window's runner, written on the app's one write thread. The clock starts when the
write has committed (stamped on the write thread) and stops when the change is on screen:

* the list shown: the changed row read again with its 下一期限 and put in place (``rows_updated``),
  through the ``Changes`` broadcast, the list's read on the read thread and the model update;
* the 期限看板 shown: the board counted again and shown (``show_board``).

Prints one JSON line: each figure's median and maximum in ms. Modifies ``FILE``: give it a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
TIMEOUT_S = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _without_start_up_notice(args.db)
    from PySide6.QtWidgets import QApplication

    from desktop_app import bootstrap, settings

    ui = settings.load_settings()
    ui.user_name = ui.user_name or "性能测试"  # a known user: no first-start question
    settings.save_settings(ui)
    started = bootstrap.start_window(bootstrap.plain_window_args(["--db", args.db]))
    if isinstance(started, int):
        raise SystemExit(f"程序没有启动（退出码 {started}）")
    window = started.window
    loaded: list[bool] = []
    window.case_list.rows_reloaded.connect(lambda: loaded.append(True))
    _wait(lambda: bool(loaded) and not window.runner.busy)
    rows = window.case_list.model.rows_by_id()
    ids = random.Random(13).sample(sorted(rows), args.saves * 2)
    try:
        window.show_view("cases")
        _wait(lambda: not window.runner.busy)
        in_list = [_save_and_time(window, item_id, _row_shown(window, item_id)) for item_id in ids[: args.saves]]
        window.show_view("dashboard")
        _wait(lambda: not window.runner.busy)  # the user looks at the board before editing
        on_board = [_save_and_time(window, item_id, _board_shown(window)) for item_id in ids[args.saves:]]
    finally:
        window.close()
        started.shut_down()
        QApplication.processEvents()
    print(json.dumps({
        "rows": len(rows), "saves": args.saves,
        "list_median_ms": statistics.median(in_list), "list_max_ms": max(in_list),
        "board_median_ms": statistics.median(on_board), "board_max_ms": max(on_board),
    }))
    return 0


def _without_start_up_notice(db: str) -> None:
    """The reminder at start-up is a modal dialog: switched off in this copy of the database."""
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.deadlines import DeadlineService
    from desktop_app.storage.database import open_database

    opened = open_database(db)
    try:
        DeadlineService(ServiceContext(db=opened, user_name=lambda: "性能测试")).set_startup_notice(False)
    finally:
        opened.close()


def _wait(done, timeout_s: float = TIMEOUT_S) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("等待超时：保存后的改动没有显示出来")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _row_shown(window, item_id: int):
    """A probe ``(expected, seen, disconnect)``: ``seen`` gets the time the list put in the row of
    ``item_id`` with the title last added to ``expected``."""
    seen: list[float] = []
    expected: list[str] = []

    def updated(item_ids) -> None:
        row = window.case_list.model.rows_by_id().get(item_id)
        if item_id in item_ids and row is not None and expected and row.title == expected[0]:
            seen.append(time.perf_counter())

    window.case_list.rows_updated.connect(updated)
    return expected, seen, lambda: window.case_list.rows_updated.disconnect(updated)


def _board_shown(window):
    """A probe like ``_row_shown``: ``seen`` gets the time each board was shown."""
    dashboard = window.commands.view("dashboard")
    seen: list[float] = []
    show_board = dashboard.show_board

    def shown(board) -> None:
        show_board(board)
        seen.append(time.perf_counter())

    dashboard.show_board = shown  # the refresh asks for ``self.show_board`` when it starts
    return [], seen, lambda: setattr(dashboard, "show_board", show_board)


def _save_and_time(window, item_id: int, probe) -> float:
    """Save a changed title of ``item_id`` through the runner; ms from commit to ``probe`` seeing it."""
    from desktop_app.gui.operations import cases as case_ops

    expected, seen, disconnect = probe
    services = window.services
    record = services.cases.get(item_id)
    edited = replace(record, title=record.title + "（改）")
    expected.append(edited.title)
    save = case_ops.save_case(services, edited)
    committed: list[float] = []

    def save_and_stamp():
        result = save.call()  # returns once the write transaction has committed
        committed.append(time.perf_counter())
        return result

    window.runner.run(replace(save, call=save_and_stamp))
    try:
        _wait(lambda: bool(committed) and any(t > committed[0] for t in seen))
        _wait(lambda: not window.runner.busy)  # nothing left over to slow the next save
    finally:
        disconnect()
    return (min(t for t in seen if t > committed[0]) - committed[0]) * 1000


if __name__ == "__main__":
    raise SystemExit(main())
