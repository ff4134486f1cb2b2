"""Adds the 回头看 view to the main window (gui layer): a view in the stack and 视图 → 回头看 on the
menu and toolbar, in the same action group as 案件列表 / 期限看板 / 整改清单 / 办理统计. Double-clicking
an entry opens its item in the case editor. Also makes the 跟踪 menu, where 年底结转 lives."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from desktop_app.gui.view_actions import add_view
from desktop_app.gui.views.review_view import ReviewView


def tracking_menu(window) -> QMenu:
    """跟踪 on the menu bar, before 设置; made by the first feature that asks for it."""
    menu = window.findChild(QMenu, "trackingMenu")
    if menu is None:
        menu = QMenu("跟踪(&T)", window)
        menu.setObjectName("trackingMenu")
        window.ui.menuBar.insertMenu(window.ui.settingsMenu.menuAction(), menu)
    return menu


def install(window) -> ReviewView:
    view = ReviewView(window.services, window.runner, window)
    view.setObjectName("reviewView")
    action = add_view(window, view, "回头看", "reviewViewAction", window.ui.viewMenu)
    action.setStatusTip("年度回头看：已经解决的是否真正解决，正在/计划解决的进度，留作参考的有无新条件，不满意件和未完成承诺")
    view.open_requested.connect(window.open_case)
    window.review_view = view
    return view
