"""Adds 跟踪 → 年底结转承诺事项… to the main window (gui layer)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from desktop_app.gui.widgets import message_boxes


def default_year(today) -> int:
    """At year end (from July) the current year; early in the year, the year just ended."""
    return today.year if today.month >= 7 else today.year - 1


def install(window) -> QAction:
    def open_dialog() -> None:
        from desktop_app.gui.dialogs.carry_over_dialog import CarryOverDialog

        services = window.services
        if not services.connected:
            return
        if services.read_only:
            message_boxes.show_information(window, "年底结转", f"数据库以只读方式打开，不能结转。{services.read_only_reason}")
            return
        # A child of the window: it lives until it is closed, and the window closes it at exit.
        CarryOverDialog(services, default_year(services.today()), window.runner, window).open()

    return window.add_action("carryOverAction", "年底结转承诺事项…", open_dialog,
                             status_tip="把年底仍未落实的承诺事项一次结转下一年度跟踪，写明理由")
