"""The case list on a 1366×768 laptop (a maximised window gets 1366×728): every default column
without horizontal scrolling beside the filter panel, 状态 without scrolling the panel, a legend
for bold and coloured rows, and Tab from the search box through the panel to the list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

LAPTOP = (1366, 728)


def at_laptop_size(qtbot, window):
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.size().width() == LAPTOP[0])
    QApplication.processEvents()  # the layout requests the resize posted


def test_every_default_column_fits_beside_the_filter_panel(qtbot, main_window):
    at_laptop_size(qtbot, main_window)
    view = main_window.case_list
    table = view.ui.caseTable
    assert view.filter_panel.isVisible()
    header = table.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]
    titles = [table.model().headerData(n, Qt.Orientation.Horizontal) for n in shown]
    assert titles[-2:] == ["下一期限", "进度"]
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_status_filter_is_shown_without_scrolling_the_panel(qtbot, main_window):
    at_laptop_size(qtbot, main_window)
    panel = main_window.case_list.filter_panel
    viewport = panel.ui.scrollArea.viewport()
    assert panel.ui.scrollArea.verticalScrollBar().value() == 0
    status = panel.ui.statusGroup
    bottom = status.mapTo(viewport, QPoint(0, status.height())).y()
    assert 0 < bottom <= viewport.height()
    status_list = panel.ui.statusList
    assert not status_list.verticalScrollBar().isVisible()  # every state shown, none scrolled away


def test_a_legend_says_what_bold_and_the_colours_mean(main_window):
    legend = main_window.case_list.ui.legendLabel
    assert legend.isVisible()
    text = legend.text()
    for meaning in ("<b>粗体标题</b>＝重点督办件", "涉密件", "重新办理", "已超期", "3 天内"):
        assert meaning in text


def test_tab_from_the_search_box_goes_through_the_filter_panel_to_the_list(qtbot, main_window):
    view = main_window.case_list
    panel = view.filter_panel
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    view.ui.searchEdit.setFocus()
    qtbot.waitUntil(lambda: view.ui.searchEdit.hasFocus())
    visited = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is view.ui.caseTable:
            break
    assert visited[0] is panel.ui.viewCombo
    assert panel.ui.statusList in visited and panel.ui.clearFilterButton in visited
    assert panel.ui.assignedFromEdit in visited and panel.ui.repliedToEdit in visited  # Tab leaves a 不限 date
    assert visited[-1] is view.ui.caseTable
    assert all(panel.isAncestorOf(w) for w in visited[:-1])
    assert visited.index(panel.ui.statusList) < visited.index(panel.ui.unitList)  # in the order shown
    qtbot.keyClick(view.ui.caseTable, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view.ui.caseTable  # Tab leaves the list, arrows move in it
