"""设置 → 数据库 → 连接服务器…: a user of a local file fills in the office's server, the dialog
logs in, keeps the password in the credential store (never in settings.json), and the next start
without ``--db`` opens the server's database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from desktop_app import paths
from desktop_app.gui.dialogs.server_connection_dialog import ServerConnectionDialog
from tests.conftest import filled_with_demo
from tests.gui.real_start import fits_screen, hidden_buttons


def _menu_action(window, name):
    sub = window.commands.submenus["database"]
    assert sub.title() == "数据库(&D)"
    assert sub.menuAction() in window.menu("settings").actions()  # 设置 → 数据库 → …
    return next(a for a in sub.actions() if a.objectName() == name)


def _fill(dialog, qtbot, url, *, database=None):
    parsed = make_url(url)
    ui = dialog.ui
    ui.hostEdit.setFocus()
    qtbot.waitUntil(ui.hostEdit.hasFocus)
    ui.hostEdit.setText(parsed.host)
    qtbot.keyClick(ui.hostEdit, Qt.Key.Key_Tab)  # the keyboard goes field by field
    assert ui.portSpin.hasFocus()
    ui.portSpin.selectAll()
    qtbot.keyClicks(ui.portSpin, str(parsed.port))
    qtbot.keyClick(ui.portSpin, Qt.Key.Key_Tab)
    assert ui.databaseEdit.hasFocus()
    ui.databaseEdit.setText(database or parsed.database)
    ui.userEdit.setText(parsed.username)
    ui.passwordEdit.setText("秘密-pw")


def test_a_user_connects_to_the_server_and_the_next_start_opens_it(server_url, real_start, memory_keyring,
                                                                   qtbot, monkeypatch, app_home):
    filled_with_demo(server_url, items=12)
    window = real_start.start(real_start.db_path)
    local_rows = window.case_list.model.rowCount()
    seen = []

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        seen.append((fits_screen(dialog), hidden_buttons(dialog)))
        # A wrong database name: told in Chinese what to check, nothing kept, the dialog stays.
        _fill(dialog, qtbot, server_url, database="no_such_db_h20")
        assert not dialog.test_connection()
        assert "服务器上没有这个数据库" in dialog.ui.statusLabel.text()
        dialog.save_button.click()
        assert dialog.isVisible() and dialog.saved_address is None
        assert not memory_keyring.kept
        # The right one: 测试连接 says so, 保存 keeps it.
        _fill(dialog, qtbot, server_url)
        dialog.ui.testButton.click()
        assert dialog.ui.statusLabel.text().startswith("连接成功")
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)  # Enter saves
        return dialog.result()

    monkeypatch.setattr(ServerConnectionDialog, "exec", run)
    _menu_action(window, "connectServerAction").trigger()
    QApplication.processEvents()

    assert seen == [(True, [])]
    parsed = make_url(server_url)
    expected = f"postgresql://{parsed.username}@{parsed.host}:{parsed.port}/{parsed.database}"
    told = [m for m in real_start.watch.messages if m[1] == "已保存"]
    assert len(told) == 1 and "重新启动程序后生效" in told[0][2] and expected in told[0][2]
    assert list(memory_keyring.kept.values()) == ["秘密-pw"]
    kept_settings = paths.settings_path().read_text(encoding="utf-8")
    assert expected in kept_settings and "秘密-pw" not in kept_settings
    # The running window keeps its file until the restart.
    assert window.case_list.model.rowCount() == local_rows
    assert real_start.watch.problems == []

    real_start.stop()
    window = real_start.start(None)  # the next start, without --db
    assert str(window.services.db_path) == expected
    assert window.case_list.model.rowCount() == 12
    assert real_start.watch.problems == []
    real_start.stop()  # before the server database is dropped


def test_back_to_the_local_file(real_start, memory_keyring, qtbot, monkeypatch, app_home):
    from desktop_app import settings

    ui = settings.load_settings()
    ui.server_database = "postgresql://clerk@db.example:5432/jyta"
    settings.save_settings(ui)
    window = real_start.start(real_start.db_path)

    def run(dialog):
        assert dialog.ui.hostEdit.text() == "db.example" and dialog.ui.userEdit.text() == "clerk"
        assert dialog.ui.databaseEdit.text() == "jyta" and dialog.ui.portSpin.value() == 5432
        dialog.ui.localButton.click()
        return dialog.result()

    monkeypatch.setattr(ServerConnectionDialog, "exec", run)
    _menu_action(window, "connectServerAction").trigger()
    assert settings.load_settings().server_database == ""
    assert any("改回本机" in m[1] for m in real_start.watch.messages)
