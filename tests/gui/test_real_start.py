"""The app as a user starts it (``desktop-app --db`` on the demo database): every view and every
dialog reachable from the menus opens without an error, each view's main action works, and every
window fits the 1366×728 work area of an office laptop with its buttons visible."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from tests.gui.real_start import fits_screen, hidden_buttons


def menu_actions(window) -> list[QAction]:
    """Every command on the menu bar, submenus included, in menu order."""
    out = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                out.append(action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return out


def select_first_row(window) -> None:
    table = window.case_list.ui.caseTable
    table.setFocus()
    table.selectRow(0)


def select_replied_row(window) -> None:
    """A replied item: the print commands then print instead of explaining what is missing."""
    model = window.case_list.model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).replied_on and not model.row_at(n).is_secret)
    table = window.case_list.ui.caseTable
    table.setFocus()
    table.selectRow(row)


def test_every_menu_command_opens_without_an_error_and_every_window_fits(real_start, qtbot):
    window = real_start.start(real_start.db_path)
    assert fits_screen(window), "首次启动的窗口不超出屏幕"
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    watch = real_start.watch
    ran, misfits = [], []
    for action in menu_actions(window):
        if action is window.ui.quitAction:
            continue
        for menu in window.menuBar().findChildren(QMenu):
            menu.aboutToShow.emit()  # menus set their items' state as they open
        select_replied_row(window)
        if not action.isEnabled():
            continue
        misfits += real_start.press(action.text(), action.trigger)
        ran.append(action.text())
        if not fits_screen(window):  # a view too tall for the laptop pushes the window off screen
            misfits.append((action.text(), "主窗口", window.frameGeometry().size().toTuple(), []))
    assert not watch.problems, "\n".join(watch.problems)
    misfits += real_start.misfit_dialogs()
    assert not misfits, misfits
    # The sweep reached the views and the dialogs behind the menus.
    for expected in ("期限看板", "整改清单", "办理统计", "回头看"):
        assert any(expected in text for text in ran), (expected, ran)
    assert len(watch.dialogs) >= 5, watch.dialogs


def test_the_rectification_list_works_on_a_real_start(real_start, qtbot):
    """The 整改清单 view was built before the database opened and kept no service: it showed
    nothing, 新建清单 failed and the dashboard's row could not be opened."""
    window = real_start.start(real_start.db_path)
    demo_lists = window.services.rectification.lists()
    assert demo_lists and demo_lists[0].row_count > 0
    window.findChild(QAction, "rectificationViewAction").trigger()
    view = window.ui.viewStack.currentWidget()
    assert view.objectName() == "rectificationView"
    assert view.lists_model.rowCount() == len(demo_lists)
    assert view.model.rowCount() > 0

    real_start.watch.text_answer = "二〇二四年审议意见整改清单"
    view.ui.newListButton.click()
    real_start.wait_idle()
    titles = [info.title for info in window.services.rectification.lists()]
    assert "二〇二四年审议意见整改清单" in titles
    assert view.lists_model.rowCount() == len(demo_lists) + 1

    window.findChild(QAction, "dashboardViewAction").trigger()
    dashboard = window.ui.viewStack.currentWidget()
    real_start.wait_idle()
    dashboard.ui.scopeCombo.setCurrentIndex(1)  # all units: the 整改清单 line counts the list's dated rows
    real_start.wait_idle()
    counts = dashboard.rectification_table.model()
    count = next(counts.index(0, c) for c in range(counts.columnCount()) if str(counts.index(0, c).data()) not in ("", "0"))
    dashboard.rectification_table.clicked.emit(count)
    rows = dashboard.rectification_rows
    assert rows.model().rowCount() > 0, "期限看板列出有期限的整改事项"
    rows.doubleClicked.emit(rows.model().index(0, 0))
    real_start.wait_idle()
    assert window.ui.viewStack.currentWidget() is view
    assert view.editing_id, "双击期限看板中的整改事项，整改清单中选中该项"
    assert not real_start.watch.problems, real_start.watch.problems


def test_each_view_does_its_main_work_on_a_real_start(real_start, qtbot):
    window = real_start.start(real_start.db_path)
    services = window.services

    # 案件列表: search.
    total = window.case_list.model.rowCount()
    assert total == 60
    window.case_list.ui.searchEdit.setText("停车")
    qtbot.waitUntil(lambda: 0 < window.case_list.model.rowCount() < total, timeout=5000)
    window.case_list.ui.searchEdit.setText("")
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == total, timeout=5000)

    # 期限看板: a count opens exactly those items in the list.
    window.findChild(QAction, "dashboardViewAction").trigger()
    real_start.wait_idle()
    dashboard = window.ui.viewStack.currentWidget()
    table = dashboard.ui.kindTable
    model = table.model()
    cell = next((model.index(r, c) for r in range(model.rowCount()) for c in range(1, model.columnCount())
                 if str(model.index(r, c).data() or "0") not in ("", "0")), None)
    assert cell is not None, "演示数据中应有到期或超期的期限"
    table.setCurrentIndex(cell)
    table.clicked.emit(cell)
    real_start.wait_idle()
    assert window.ui.viewStack.currentWidget() is window.case_list
    assert 0 < window.case_list.model.rowCount() < total

    # 办理统计: counting fills the table with the figures.
    window.findChild(QAction, "statisticsViewAction").trigger()
    stats = window.ui.viewStack.currentWidget()
    stats.refresh_button.click()
    real_start.wait_idle()
    assert stats.report is not None and stats.report.overall

    # 回头看: the demo's campaign with its entries.
    window.findChild(QAction, "reviewViewAction").trigger()
    review = window.ui.viewStack.currentWidget()
    real_start.wait_idle()
    assert review.campaigns and review.ui.entryTable.model().rowCount() > 0

    # 清单模板 (a window of its own): the demo's templates.
    window.findChild(QAction, "checklistTemplatesAction").trigger()
    editor = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ChecklistEditorView")
    assert editor.isVisible() and fits_screen(editor)
    editor.close()

    # An item opens in its editor, which fits the screen with 保存 and 关闭 visible.
    select_first_row(window)
    window.ui.openAction.trigger()
    real_start.wait_idle()
    case_editor = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "CaseEditDialog" and w.isVisible())
    qtbot.waitExposed(case_editor)
    assert fits_screen(case_editor)
    assert not hidden_buttons(case_editor)
    case_editor.close()
    assert services.connected
    assert not real_start.watch.problems, real_start.watch.problems


def test_every_button_of_every_view_opens_windows_that_fit(real_start, qtbot):
    """The dialogs behind the views' own buttons (print previews, imports, campaigns…) fit the
    1366×728 work area with their buttons visible, and no button ends in an error."""
    from PySide6.QtWidgets import QPushButton

    window = real_start.start(real_start.db_path)
    window.showMaximized()
    real_start.watch.confirm_answer = False  # nothing is deleted
    misfits, clicked = [], []
    stack = window.ui.viewStack
    for index in range(stack.count()):
        view = stack.widget(index)
        stack.setCurrentWidget(view)
        if hasattr(view, "refresh") and view is not window.case_list:
            view.refresh()
        real_start.wait_idle()
        scope = getattr(getattr(view, "ui", None), "scopeCombo", None)
        if scope is not None:  # the dashboard for all units: its tallest state
            scope.setCurrentIndex(scope.count() - 1)
            real_start.wait_idle()
        for button in view.findChildren(QPushButton):
            if not (button.isVisible() and button.isEnabled()):
                continue
            misfits += real_start.press(button.text(), button.click)
            clicked.append(button.text())
            if not fits_screen(window):
                misfits.append((button.text(), "主窗口", window.frameGeometry().size().toTuple(), []))
            stack.setCurrentWidget(view)
    assert not real_start.watch.problems, "\n".join(real_start.watch.problems)
    misfits += real_start.misfit_dialogs()
    assert not misfits, misfits
    assert len(clicked) > 20, clicked


def test_a_file_that_is_not_a_database_lets_the_user_open_another_and_the_window_works_on_it(
        real_start, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    wrong = tmp_path / "台账.sqlite"
    wrong.write_bytes(b"PK\x03\x04" + b"\x00" * 8000)  # an Excel file renamed

    def open_other(box):
        next(b for b in box.buttons() if b.objectName() == "openOtherButton").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", open_other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(real_start.db_path), "")))
    window = real_start.start(wrong)
    assert window.services.db_path == real_start.db_path
    assert window.windowTitle().endswith(real_start.db_path.name)
    assert str(real_start.db_path) in window.dbPathLabel.text()
    assert window.case_list.model.rowCount() == 60
    window.findChild(QAction, "rectificationViewAction").trigger()
    assert window.ui.viewStack.currentWidget().model.rowCount() > 0
    assert wrong.read_bytes().startswith(b"PK")  # left as it was
    # Logged, as it should be: why the file asked for could not be opened. Nothing else went wrong.
    unexpected = [p for p in real_start.watch.problems if wrong.name not in p]
    assert not unexpected, unexpected


def test_every_button_of_the_editor_and_the_template_editor_opens_windows_that_fit(real_start, qtbot):
    """The dialogs behind the item editor's buttons on every tab (公开文本, 打印, 录入反馈…) and
    the checklist template editor's fit the 1366×728 work area, and no button ends in an error."""
    from PySide6.QtWidgets import QPushButton, QTabWidget

    window = real_start.start(real_start.db_path)
    real_start.watch.confirm_answer = False  # nothing is deleted, nothing finalised
    misfits, clicked = [], []

    def click_all(top: QWidget) -> None:
        tabs = top.findChildren(QTabWidget)
        pages = [(t, i) for t in tabs for i in range(t.count())] or [(None, 0)]
        for tab_widget, index in pages:
            if tab_widget is not None:
                tab_widget.setCurrentIndex(index)
            for button in top.findChildren(QPushButton):
                if not (button.isVisible() and button.isEnabled()) or button.text() in ("保存(&S)", "关闭", "删除(&D)…"):
                    continue
                # A button with a menu (打印…) would wait in the menu: its entries are run instead.
                menu = button.menu()
                presses = [a.trigger for a in menu.actions() if a.isEnabled() and not a.isSeparator()] if menu else [button.click]
                misfits.extend(real_start.press(button.text(), *presses))
                clicked.append(button.text())
            if not fits_screen(top):
                misfits.append(("—", top.windowTitle(), top.frameGeometry().size().toTuple(), []))

    select_replied_row(window)
    window.ui.openAction.trigger()
    editor = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "CaseEditDialog" and w.isVisible())
    qtbot.waitExposed(editor)
    click_all(editor)
    editor.close()
    window.commands.action("checklistTemplatesAction").trigger()
    templates = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ChecklistEditorView")
    click_all(templates)
    templates.close()
    assert not real_start.watch.problems, "\n".join(real_start.watch.problems)
    misfits += real_start.misfit_dialogs()
    assert not misfits, misfits
    assert len(clicked) > 15, clicked
