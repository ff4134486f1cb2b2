"""Adds the 回头看 view to the main window (gui layer): a view in the stack, 跟踪 → 回头看… on the
menu bar (the 跟踪 menu is made here when no other feature made it) and the toolbar, in the same
action group as 案件列表 / 期限看板. Double-clicking an entry opens its item in the case editor."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

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
    stack = window.ui.viewStack
    stack.addWidget(view)
    action = QAction("回头看…", window, checkable=True, objectName="reviewViewAction")
    action.setShortcut(QKeySequence("Ctrl+6"))
    action.setStatusTip("年度回头看：已经解决的是否真正解决，正在/计划解决的进度，留作参考的有无新条件，不满意件和未完成承诺")
    list_action = window.findChild(QAction, "caseListViewAction")
    group = list_action.actionGroup() if list_action is not None else None
    if group is not None:
        group.addAction(action)
    tracking_menu(window).addAction(action)
    window.ui.mainToolBar.addAction(action)

    def show() -> None:
        action.setChecked(True)
        view.refresh()
        stack.setCurrentWidget(view)

    action.triggered.connect(show)
    view.open_requested.connect(window.open_case)
    window.review_view = view
    return view
