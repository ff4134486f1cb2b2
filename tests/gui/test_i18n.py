"""Qt's own texts (standard buttons, context menus) appear in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.gui.i18n import install_translations


@pytest.fixture
def chinese(qapp):
    default = QLocale()
    translators = install_translations(qapp)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(default)


def test_the_wheel_ships_the_chinese_qt_catalog():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_standard_buttons_read_chinese(chinese, qtbot):
    assert chinese, "qtbase_zh_CN was not loaded"
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "要保存吗？",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QMessageBox.StandardButton.Ok).text().startswith("确定")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text().startswith("关闭")

