"""The main window shell: title, status bar, actions, keyboard, delete, read-only mode."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.domain.errors import NotFoundError
from desktop_app.services.dto import Changes


@pytest.fixture
def opened_editors(monkeypatch):
    """Replaces the case editor: records (item_id, kind) of every editor the window opens."""
    import desktop_app.gui.dialogs.case_edit_dialog as editor_module

    opened: list = []

    class FakeEditor(QDialog):
        open_requested = Signal(int)

        def __init__(self, services, item_id, kind=None, parent=None):
            super().__init__(parent)
            opened.append((item_id, kind))

    monkeypatch.setattr(editor_module, "CaseEditDialog", FakeEditor)
    return opened


def select_first_row(window):
    table = window.case_list.ui.caseTable
    table.setFocus()
    table.selectRow(0)
    return window.case_list.model.row_at(0)


def test_title_and_status_bar_name_the_database_and_counts(main_window, services):
    assert main_window.windowTitle() == f"建议提案办理助手 — {services.db_path.name}"
    assert str(services.db_path) in main_window.dbPathLabel.text()
    total = len(services.cases.list_rows())
    assert main_window.countLabel.text() == f"显示 {total} / {total} 条"
    assert not main_window.ui.readOnlyBanner.isVisible()


def test_menus_are_chinese(main_window):
    import re

    menus = [action.text() for action in main_window.ui.menuBar.actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"] and menus[-1] == "帮助(&H)"
    assert "设置(&S)" in menus
    file_items = [a.text() for a in main_window.ui.fileMenu.actions() if not a.isSeparator()]
    assert file_items[:2] == ["新建代表建议(&N)", "新建政协提案(&P)"] and file_items[-1] == "退出(&X)"
    assert {"立即备份(&B)", "从备份恢复(&R)…"} <= set(file_items)

    def items(menu):
        for action in menu.actions():
            if action.isSeparator():
                continue
            yield action.text()
            if action.menu() is not None:
                yield from items(action.menu())

    every = list(items(main_window.ui.menuBar))
    english = [text for text in every if not re.search(r"[\u4e00-\u9fff]", text)]
    assert english == []  # every menu entry a user sees is Chinese


def test_enter_and_double_click_open_the_selected_item(qtbot, main_window, opened_editors):
    row = select_first_row(main_window)
    table = main_window.case_list.ui.caseTable
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened_editors == [(row.id, None)]
    opened_editors.clear()
    main_window.case_list.open_requested.emit(row.id)  # the same item again: the open editor comes forward
    assert opened_editors == []

    third = main_window.case_list.model.row_at(2)
    cell = table.visualRect(main_window.case_list.model.index(2, 3)).center()
    # Qt's item views need the first click of a double-click as a separate press and release.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened_editors == [(third.id, None)]


def test_open_and_delete_need_a_selected_item(main_window):
    assert not main_window.ui.openAction.isEnabled() and not main_window.ui.deleteAction.isEnabled()
    select_first_row(main_window)
    assert main_window.ui.openAction.isEnabled() and main_window.ui.deleteAction.isEnabled()


def test_ctrl_n_starts_a_new_suggestion(qtbot, main_window, opened_editors):
    main_window.ui.newSuggestionAction.trigger()
    main_window.ui.newProposalAction.trigger()
    assert opened_editors == [(None, "suggestion"), (None, "proposal")]
    assert main_window.ui.newSuggestionAction.shortcut().toString() == "Ctrl+N"


def test_ctrl_f_focuses_the_search_box(qtbot, main_window):
    select_first_row(main_window)
    qtbot.keyClick(main_window.case_list.ui.caseTable, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main_window.case_list.ui.searchEdit)


def test_delete_asks_naming_the_item_and_removes_it_from_the_database(qtbot, main_window, services, message_log):
    row = select_first_row(main_window)
    qtbot.keyClick(main_window.case_list.ui.caseTable, Qt.Key.Key_Delete)
    kind, title, question = message_log[0]
    assert (kind, title) == ("confirm", "删除建议提案") and row.title in question and row.number in question
    qtbot.waitUntil(lambda: row.id not in {r.id for r in services.cases.list_rows()}, timeout=5000)
    with pytest.raises(NotFoundError):
        services.cases.get(row.id)
    qtbot.waitUntil(lambda: main_window.case_list.model.row_of(row.id) < 0, timeout=5000)


def test_the_list_shows_its_own_delete_at_once_without_reading_rows_again(qtbot, main_window, services,
                                                                         message_log, monkeypatch):
    row = select_first_row(main_window)
    total = main_window.case_list.model.total_count
    broadcasts, read = [], []
    services.changed.connect(broadcasts.append)
    monkeypatch.setattr(services.cases, "rows_and_matches", lambda *a, **k: read.append(k) or ([], None))
    main_window.ui.deleteAction.trigger()
    qtbot.waitUntil(lambda: bool(broadcasts), timeout=5000)
    assert broadcasts[0].initiator is main_window.case_list  # the dashboard and others still hear of it
    assert main_window.case_list.model.row_of(row.id) < 0 and main_window.case_list.model.total_count == total - 1
    assert main_window.countLabel.text() == f"显示 {total - 1} / {total - 1} 条"
    assert read == []


def test_closing_waits_for_a_write_still_running_and_says_so(qtbot, main_window, services):
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    release, done, seen = threading.Event(), [], []

    def slow_write():
        release.wait(10)
        done.append(True)
        return Changes.of("setting")

    main_window.runner.run(slow_write, title="保存设置")

    def look():  # each pass of the close's wait, until its progress dialog shows
        shown = [d.labelText() for d in main_window.findChildren(QProgressDialog) if d.isVisible()]
        if shown:
            seen.extend(shown)
            looking.stop()
            release.set()

    looking = QTimer(main_window)
    looking.timeout.connect(look)
    looking.start(5)
    assert main_window.close()
    assert done == [True]
    assert seen == ["正在完成保存，请稍候…"]


def test_delete_cancelled_keeps_the_item(qtbot, main_window, services, message_log):
    message_log.answer = False
    row = select_first_row(main_window)
    main_window.ui.deleteAction.trigger()
    assert message_log and message_log[0][0] == "confirm"
    # A delete would have been started on the runner by now; wait until whatever runs has finished.
    qtbot.waitUntil(lambda: not main_window.runner.busy, timeout=5000)
    assert services.cases.get(row.id).title == row.title
    assert main_window.case_list.model.row_of(row.id) >= 0


def titles_shown(window) -> set[str]:
    model = window.case_list.model
    return {model.row_at(n).title for n in range(model.rowCount())}


def test_f5_reloads_and_another_windows_save_refreshes_only_its_row(qtbot, main_window, services, monkeypatch):
    row = main_window.case_list.model.row_at(0)
    record = services.cases.get(row.id)
    changes, _id = services.cases.save(replace(record, title="关于整治河道的建议（已修改）"))
    reloaded, read = [], []
    main_window.case_list.rows_reloaded.connect(lambda: reloaded.append(True))
    list_rows, rows_and_matches = services.cases.list_rows, services.cases.rows_and_matches
    monkeypatch.setattr(services.cases, "rows_and_matches",
                        lambda *a, **k: read.append(k.get("ids")) or rows_and_matches(*a, **k))
    with qtbot.waitSignal(main_window.case_list.rows_updated, timeout=5000):
        services.announce(changes)  # as the editor's save does
    assert "关于整治河道的建议（已修改）" in titles_shown(main_window)
    assert read == [{row.id}] and not reloaded  # that row alone was read again
    assert main_window.case_list.model.total_count == len(list_rows())
    monkeypatch.undo()

    other = main_window.case_list.model.row_at(1)
    services.cases.save(replace(services.cases.get(other.id), title="在别处修改的标题"))  # no broadcast
    assert "在别处修改的标题" not in titles_shown(main_window)
    with qtbot.waitSignal(main_window.case_list.rows_reloaded, timeout=5000):
        qtbot.keyClick(main_window.case_list.ui.caseTable, Qt.Key.Key_F5)
    assert "在别处修改的标题" in titles_shown(main_window)


def test_a_refresh_keeps_search_filter_and_selection(qtbot, main_window, services):
    view = main_window.case_list
    view.ui.searchEdit.setText("道路")
    view.apply_search()
    matched = services.cases.search_ids("道路")
    keep = view.model.row_at(1)
    view.select_item(keep.id)
    with qtbot.waitSignal(view.rows_updated, timeout=5000):
        services.announce(Changes.of("item", item_ids=[keep.id]))
    assert {view.model.row_at(n).id for n in range(view.model.rowCount())} == matched
    assert view.selected_row().id == keep.id
    with qtbot.waitSignal(view.rows_reloaded, timeout=5000):
        services.announce(Changes.of("unit"))
    assert {view.model.row_at(n).id for n in range(view.model.rowCount())} == matched
    assert view.selected_row().id == keep.id


def test_read_only_mode_shows_the_banner_and_disables_editing(qtbot, demo_ctx, make_services, message_log):
    from desktop_app.gui.main_window import MainWindow

    services = make_services(demo_ctx, read_only=True,
                              read_only_reason="数据库正由“李明”（电脑 PC-07）使用。")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    select_first_row(window)
    banner = window.ui.readOnlyBanner
    assert banner.isVisible() and "数据库正由“李明”（电脑 PC-07）使用。" in banner.text()
    assert "只读" in window.windowTitle()
    ui = window.ui
    for action in (ui.newSuggestionAction, ui.newProposalAction, ui.deleteAction, ui.restoreAction):
        assert not action.isEnabled(), action.text()
    assert ui.openAction.isEnabled()
    panel = window.case_list.filter_panel.ui
    assert not panel.saveViewButton.isEnabled() and not panel.deleteViewButton.isEnabled()
    qtbot.keyClick(window.case_list.ui.caseTable, Qt.Key.Key_Delete)
    assert message_log == []


def test_filter_panel_action_hides_the_panel_and_is_remembered(qtbot, main_window, services):
    main_window.ui.filterPanelAction.trigger()
    assert main_window.case_list.filter_panel.isHidden()
    main_window.close()
    assert services.ui_settings.show_filter_panel is False
    assert services.ui_settings.window_geometry


def test_backup_now_writes_a_backup_and_says_where(qtbot, main_window, services):
    before = len(services.maintenance.backups())
    main_window.ui.backupAction.trigger()
    qtbot.waitUntil(lambda: "已备份到" in main_window.ui.statusBar.currentMessage(), timeout=10000)
    assert "（数据库文件）" in main_window.ui.statusBar.currentMessage()
    assert len(services.maintenance.backups()) == before + 1
    manual = [b for b in services.maintenance.backups() if b.kind == "manual"]
    assert len(manual) == 1 and manual[0].format_label == "数据库文件" and services.maintenance.backup_note == ""


def test_the_real_editor_opens_on_the_selected_item(qtbot, main_window):
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog

    row = select_first_row(main_window)
    main_window.ui.openAction.trigger()
    editors = [d for d in main_window.findChildren(CaseEditDialog) if d.isVisible()]
    assert len(editors) == 1
    assert row.number in editors[0].windowTitle() or row.title in editors[0].windowTitle()
    editors[0].close()


def test_opening_an_item_deleted_meanwhile_says_so_and_refreshes_the_list(qtbot, main_window, services, message_log):
    row = select_first_row(main_window)
    services.cases.delete(row.id, services.cases.get(row.id).version)  # another window, no broadcast
    assert main_window.case_list.model.row_of(row.id) >= 0

    main_window.ui.openAction.trigger()

    assert [(kind, title) for kind, title, _text in message_log] == [("warning", "无法打开")]
    assert "已被删除" in message_log[0][2]
    qtbot.waitUntil(lambda: main_window.case_list.model.row_of(row.id) < 0, timeout=5000)


def test_deleting_an_item_deleted_meanwhile_says_so_and_refreshes_the_list(qtbot, main_window, services, message_log):
    row = select_first_row(main_window)
    services.cases.delete(row.id, services.cases.get(row.id).version)  # another window, no broadcast
    main_window.ui.deleteAction.trigger()
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _t, _x in message_log), timeout=5000)
    assert "已被删除" in [text for kind, _t, text in message_log if kind == "warning"][0]
    qtbot.waitUntil(lambda: main_window.case_list.model.row_of(row.id) < 0, timeout=5000)


def test_deleting_from_a_stale_list_keeps_another_windows_newer_edit(qtbot, main_window, services, message_log):
    row = select_first_row(main_window)
    record = services.cases.get(row.id)
    services.cases.save(replace(record, title="另一窗口刚改的标题"))  # another window, no broadcast
    assert main_window.case_list.model.row_at(0).title == row.title  # the list still shows the old row

    main_window.ui.deleteAction.trigger()

    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _t, _x in message_log), timeout=5000)
    assert "已被他人（或另一窗口）修改，没有删除" in [text for kind, _t, text in message_log if kind == "warning"][0]
    assert services.cases.get(row.id).title == "另一窗口刚改的标题"
    qtbot.waitUntil(lambda: main_window.case_list.model.row_of(row.id) >= 0
                    and main_window.case_list.model.row_at(main_window.case_list.model.row_of(row.id)).title
                    == "另一窗口刚改的标题", timeout=5000)


def test_closing_the_window_asks_each_editor_with_unsaved_edits(qtbot, main_window, monkeypatch):
    from desktop_app.gui.dialogs import case_prompts
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog

    answers = ["cancel", "discard"]
    asked = []
    monkeypatch.setattr(case_prompts, "ask_unsaved", lambda _parent, what: asked.append(what) or answers.pop(0))
    main_window.ui.newSuggestionAction.trigger()
    [editor] = [d for d in main_window.findChildren(CaseEditDialog) if d.isVisible()]
    editor.ui.titleEdit.setText("尚未保存的标题")

    assert not main_window.close()  # 取消: both windows stay
    assert len(asked) == 1 and main_window.isVisible() and editor.isVisible()
    assert main_window.close()  # 不保存
    assert len(asked) == 2 and not editor.isVisible()


def test_a_unit_typed_by_name_appears_in_the_filter_panel_after_saving(qtbot, main_window, services):
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog as Editor

    main_window.ui.newSuggestionAction.trigger()
    [dialog] = [d for d in main_window.findChildren(Editor) if d.isVisible()]
    ui = dialog.ui
    ui.titleEdit.setText("关于增设公交站点的建议")
    ui.assignedOnEdit.setText("2024-03-15")
    ui.addUnitButton.click()
    ui.unitCombo.setEditText("区体育局")
    units = main_window.case_list.filter_panel.ui.unitList
    assert "区体育局" not in [units.item(n).text() for n in range(units.count())]

    ui.saveButton.click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=5000)

    assert "区体育局" in [units.item(n).text() for n in range(units.count())]
    dialog.close()


def test_after_a_restore_the_list_and_filter_show_the_restored_data(qtbot, main_window, services, message_log):
    from desktop_app.gui.dialogs.restore_dialog import RestoreDialog

    services.maintenance.backup_now()
    row = select_first_row(main_window)
    record = services.cases.get(row.id)
    services.cases.save(replace(record, title="备份之后改过的标题"))
    main_window.case_list.reload(wait=True)
    assert "备份之后改过的标题" in titles_shown(main_window)

    dialog = RestoreDialog(services, main_window)
    qtbot.addWidget(dialog)
    dialog.ui.backupsView.selectRow([b.kind_label for b in dialog.model.rows()].index("手动"))
    dialog.ui.restoreButton.click()
    qtbot.waitUntil(lambda: dialog.restored, timeout=10000)

    qtbot.waitUntil(lambda: row.title in titles_shown(main_window), timeout=10000)
    assert "备份之后改过的标题" not in titles_shown(main_window)
    assert services.cases.get(row.id).title == row.title  # the open engine reads the restored file


def test_window_paints_before_the_database_opens_then_shows_a_first_screen_and_all_rows(
        qtbot, demo_ctx, tmp_path, message_log, monkeypatch):
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.views import case_list_view
    from desktop_app.startup import pending_services
    from desktop_app.settings import UiSettings

    monkeypatch.setattr(case_list_view, "FIRST_SCREEN_ROWS", 5)
    pending = pending_services(demo_ctx.db.path, UiSettings(user_name="测试员"))
    window = MainWindow(pending)
    qtbot.addWidget(window)
    assert window.case_list.model.rowCount() == 0
    assert not window.ui.newSuggestionAction.isEnabled() and not window.ui.backupAction.isEnabled()
    assert window.ui.statusBar.currentMessage() == "正在打开数据库…"

    from desktop_app.services.maintenance import MaintenanceService

    pending.connect(demo_ctx, MaintenanceService(demo_ctx, tmp_path / "backups"))
    with qtbot.waitSignal(window.case_list.rows_reloaded, timeout=10000):
        window.show_data(wait=False)
        assert window.case_list.model.rowCount() == 5  # the first screen, before the full load
    assert window.case_list.model.rowCount() == 60
    assert window.ui.newSuggestionAction.isEnabled()
    assert window.countLabel.text() == "显示 60 / 60 条"
    assert window.day_clock.timer.isActive()  # armed on the database's clock once it is open


def test_a_damaged_file_found_after_loading_offers_restoring_a_backup(qtbot, main_window, services,
                                                                     message_log, monkeypatch):
    english = "Page 7: btreeInitPage() returns error code 11"
    monkeypatch.setattr(services.ctx.db, "integrity_problems", lambda: [english])
    restores = []
    monkeypatch.setattr(main_window.files, "restore_backup", lambda: restores.append(True))
    main_window.check_integrity_after_load()
    with qtbot.waitSignal(main_window.case_list.rows_reloaded, timeout=10000):
        main_window.case_list.reload(wait=False)
    qtbot.waitUntil(lambda: restores == [True], timeout=10000)
    (kind, title, text), = [m for m in message_log if m[0] == "confirm"]
    assert title == "数据库已损坏" and "已损坏" in text and "从备份恢复" in text
    assert english not in text and "btree" not in text  # SQLite's English stays in the log
