"""The print preview, 设置 and 导入 fit a 1366×768 laptop's work area (1366×728, the tests' offscreen
screen) with their buttons on the screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect

from desktop_app.gui.widgets.screen_fit import FRAME_ALLOWANCE

LAPTOP = QRect(0, 0, 1366, 728)


@pytest.fixture
def laptop(qapp):
    assert qapp.primaryScreen().availableGeometry() == LAPTOP  # tests/offscreen_screen.json
    return LAPTOP


def assert_fits(qtbot, dialog, area: QRect, buttons) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() + FRAME_ALLOWANCE[0] <= area.width()
    assert dialog.height() + FRAME_ALLOWANCE[1] <= area.height()
    for button in buttons:
        assert button.isVisible(), button.objectName()
        corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
        assert dialog.rect().contains(corner - QPoint(1, 1)), button.objectName()


def preview(services, letter_body: str = "一、基本情况\n全区已完成排查。"):
    from desktop_app.documents.builder import to_pdf_bytes
    from desktop_app.documents.model import LetterSettings, ReplyLetterData
    from desktop_app.domain.enums import ItemKind, ResultCategory
    from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

    data = ReplyLetterData(
        kind=ItemKind.SUGGESTION, session_name="区二届人大五次会议", number="0035",
        item_title="关于加强农村道路交通安全管理的建议", addressees=("张三代表",), body=letter_body,
        unit_name="上海市崇明区交通委员会", replied_on=date(2024, 10, 30), result=ResultCategory.SOLVED,
    )
    pdf, result = to_pdf_bytes("reply", [data], LetterSettings())
    return DocumentPreviewDialog(pdf, result, "答复函", "答复函_0035.pdf", services)


def test_the_print_preview_fits_1366_by_728_with_its_buttons(qtbot, laptop, services):
    dialog = preview(services)
    ui = dialog.ui
    assert_fits(qtbot, dialog, LAPTOP, (ui.printButton, ui.saveButton, ui.openButton, ui.closeButton, ui.nextButton))
    assert dialog.height() >= 600  # as tall as the laptop allows: a page is read top to bottom


def test_settings_fit_1366_by_728_with_their_buttons(qtbot, laptop, services):
    from desktop_app.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services)
    assert_fits(qtbot, dialog, LAPTOP, (dialog.ui.okButton, dialog.ui.cancelButton, dialog.ui.addUnitButton))


def test_import_fits_1366_by_728_with_its_buttons(qtbot, laptop, services):
    from desktop_app.gui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(services)
    ui = dialog.ui
    assert_fits(qtbot, dialog, LAPTOP, (ui.browseButton, ui.previewButton, ui.importButton, ui.closeButton))
