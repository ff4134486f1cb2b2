"""The main window's menus and keyboard: views on 视图 with consecutive shortcuts, the 打印 menu's
hints, 帮助, and the Tab chain from the search box through the filter panel to the list."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

VIEWS = ("案件列表", "期限看板", "整改清单", "办理统计", "回头看")


def view_actions(window):
    group = window.findChild(QAction, "caseListViewAction").actionGroup()
    return [a for a in window.ui.viewMenu.actions() if a in group.actions()]


def test_every_view_is_on_the_view_menu_with_ctrl_1_to_5_in_order(main_window):
    actions = view_actions(main_window)
    assert [a.text() for a in actions] == list(VIEWS)
    assert [a.shortcut().toString() for a in actions] == [f"Ctrl+{n}" for n in range(1, 6)]


def test_no_two_actions_share_a_shortcut(main_window):
    shortcuts = [a.shortcut().toString() for a in main_window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), sorted(shortcuts)


def test_ctrl_4_shows_the_statistics_and_ctrl_5_the_review(qtbot, main_window):
    for key, view in (("Ctrl+4", main_window.statistics_view), ("Ctrl+5", main_window.review_view)):
        action = next(a for a in view_actions(main_window) if a.shortcut() == QKeySequence(key))
        action.trigger()
        assert main_window.ui.viewStack.currentWidget() is view


def test_tracking_menu_keeps_only_the_year_end_carry_over(main_window):
    tracking = main_window.findChild(QMenu, "trackingMenu")
    assert [a.objectName() for a in tracking.actions()] == ["carryOverAction"]


def test_print_menu_says_to_select_an_item_until_one_is_selected(main_window):
    menu = main_window.findChild(QMenu, "printMenu")
    hint = main_window.findChild(QAction, "printHintAction")
    table = main_window.case_list.ui.caseTable
    table.clearSelection()
    reply = main_window.findChild(QAction, "preview_replyAction")
    assert hint.isVisible() and not hint.isEnabled() and "请先在案件列表中选中一件" in hint.text()
    assert menu.actions().index(hint) < menu.actions().index(reply)
    assert not reply.isEnabled() and "选中" in reply.toolTip()
    assert menu.toolTipsVisible()

    table.selectRow(0)
    assert not hint.isVisible()
    assert reply.isEnabled() and reply.toolTip() != hint.text()
    assert main_window.findChild(QAction, "batchPrintAction").isEnabled()
    table.clearSelection()
    assert hint.isVisible() and not reply.isEnabled()
