"""Parts of the main window made after its first paint (gui/later_parts.py): the filter panel.
The window paints with the panel's place kept empty, the panel is put there before the rows come,
and from then on it looks and works as a panel made with the window: filtering, the 筛选面板
toggle, and the keyboard (Ctrl+F, then Tab into the panel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.later_parts import built
from desktop_app.gui.main_window import MainWindow


def test_the_window_paints_before_the_filter_panel_is_made_and_the_panel_takes_its_place(real_start, monkeypatch):
    at_first_paint = []
    build = MainWindow.build_later_parts

    def build_after_paint(window):
        place = window.case_list.ui.filterPanelPlace
        at_first_paint.append((window.isVisible(), built(window.case_list, "filter_panel"), place.geometry(),
                               place.isVisible(), window.ui.readOnlyBanner.isVisible()))
        build(window)

    monkeypatch.setattr(MainWindow, "build_later_parts", build_after_paint)
    window = real_start.start(real_start.db_path)
    [(shown, panel_then, place, place_visible, banner)] = at_first_paint
    assert shown and panel_then is None and place_visible  # painted, the panel not yet made
    assert not banner  # no empty 只读模式 strip before the database is open
    view = window.case_list
    panel = built(view, "filter_panel")
    assert panel is not None and panel.objectName() == "filterPanel"
    assert view.ui.splitter.widget(0) is panel and panel.isVisible()
    assert panel.geometry() == place and place.width() >= 220  # where the first paint kept room for it
    assert (panel.minimumWidth(), panel.maximumWidth()) == (220, 420)
    assert not real_start.watch.problems, real_start.watch.problems


def test_the_filter_panel_made_after_the_first_paint_filters_and_is_reached_from_the_keyboard(qtbot, main_window):
    view = main_window.case_list
    panel = built(view, "filter_panel")
    assert panel is not None  # made by the start, not by this test asking for it
    model = view.model
    total = model.rowCount()
    status = model.row_at(0).status
    panel.check_value("statusList", status)
    assert 0 < model.rowCount() < total
    assert {model.row_at(n).status for n in range(model.rowCount())} == {status}
    assert main_window.countLabel.text() == f"显示 {model.rowCount()} / {total} 条"

    toggle = main_window.ui.filterPanelAction
    toggle.trigger()
    assert panel.isHidden() and not toggle.isChecked()
    toggle.trigger()
    assert panel.isVisible()

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    view.ui.caseTable.setFocus()
    qtbot.waitUntil(lambda: view.ui.caseTable.hasFocus())
    qtbot.keyClick(view.ui.caseTable, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # 查找
    qtbot.waitUntil(lambda: view.ui.searchEdit.hasFocus())
    qtbot.keyClick(view.ui.searchEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.ui.viewCombo

    panel.clear()  # 清除筛选
    assert model.rowCount() == total
