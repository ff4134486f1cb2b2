"""The main window's menus and keyboard: views on 视图 with consecutive shortcuts, the 打印 menu's
hints, 帮助, and the Tab chain from the search box through the filter panel to the list."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

VIEWS = ("案件列表", "期限看板", "整改清单", "办理统计", "回头看", "政协提案统计", "报送情况")


def view_actions(window):
    group = window.findChild(QAction, "caseListViewAction").actionGroup()
    return [a for a in window.ui.viewMenu.actions() if a in group.actions()]


def test_every_view_is_on_the_view_menu_with_ctrl_1_to_6_in_order(main_window):
    actions = view_actions(main_window)
    assert [a.text() for a in actions] == list(VIEWS)
    assert [a.shortcut().toString() for a in actions] == [f"Ctrl+{n}" for n in range(1, 8)]


def test_no_two_actions_share_a_shortcut(main_window):
    shortcuts = [a.shortcut().toString() for a in main_window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), sorted(shortcuts)


def test_ctrl_4_shows_the_statistics_and_ctrl_5_the_review(qtbot, main_window):
    for key, view in (("Ctrl+4", main_window.commands.view("statistics")), ("Ctrl+5", main_window.commands.view("review"))):
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


def test_help_menu_has_the_user_guide_and_about(main_window):
    texts = [a.text() for a in main_window.ui.helpMenu.actions() if not a.isSeparator()]
    assert texts == ["使用说明(&U)", "关于(&A)…"]
    assert main_window.ui.userGuideAction.shortcut() == QKeySequence("F1")


def test_about_names_the_version_and_the_folders_and_opens_them(qtbot, main_window, services, monkeypatch, app_home):
    from importlib import metadata

    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    main_window.ui.aboutAction.trigger()
    dialog = main_window.findChild(QDialog, "AboutDialog")
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    assert ui.versionLabel.text() == f"版本 {metadata.version('desktop-app')}"
    assert ui.databaseLabel.text() == str(services.db_path)
    assert ui.dataDirLabel.text() == str(app_home)
    assert ui.logDirLabel.text() == str(app_home / "logs")
    ui.openDataDirButton.click()
    ui.openLogDirButton.click()
    assert opened == [str(app_home), str(app_home / "logs")]

    ui.guideButton.click()
    guide = dialog.findChild(QDialog, "UserGuideDialog")
    qtbot.waitExposed(guide)
    text = guide.ui.guideBrowser.toPlainText()
    assert "数据保存在哪里" in text and "备份与恢复" in text and "便携版" in text
    ui.closeButton.click()
    assert not dialog.isVisible()


def test_the_user_guide_is_the_readme_without_screenshots_or_developer_sections():
    from desktop_app.gui.dialogs.user_guide_dialog import load_user_guide

    guide = load_user_guide()
    assert guide.startswith("# 建议提案办理助手")
    assert "![" not in guide and "截图由" not in guide
    assert "## 项目结构" not in guide and "## 性能测试" not in guide
    assert "## 备份与恢复" in guide and "DESKTOP_APP_HOME" in guide
    assert "答复、反馈和跟踪" in guide  # a README line wrapped in Chinese text is joined without a space


def test_the_frozen_app_ships_the_readme_and_the_version():
    from pathlib import Path

    spec = (Path(__file__).resolve().parents[2] / "packaging" / "desktop-app.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "README.md"), ".")' in spec and 'copy_metadata("desktop-app")' in spec
