"""The print preview, 设置 and 导入 fit a 1366×768 laptop's work area (1366×728) with their buttons
on the screen, and shrink further on a smaller screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect

from desktop_app.gui.widgets import screen_fit

LAPTOP = QRect(0, 0, 1366, 728)


@pytest.fixture
def laptop(monkeypatch):
    area = {"rect": LAPTOP}
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area["rect"])
    return area


def assert_fits(qtbot, dialog, area: QRect, buttons) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() + 2 * screen_fit.FRAME <= area.width()
    assert dialog.height() + screen_fit.TITLE_BAR + screen_fit.FRAME <= area.height()
    for button in buttons:
        assert button.isVisible(), button.objectName()
        corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
        assert dialog.rect().contains(corner - QPoint(1, 1)), button.objectName()


def preview(letter_body: str = "一、基本情况\n全区已完成排查。"):
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
    return DocumentPreviewDialog(pdf, result, "答复函", "答复函_0035.pdf")


def test_the_print_preview_fits_1366_by_728_with_its_buttons(qtbot, laptop):
    dialog = preview()
    ui = dialog.ui
    assert_fits(qtbot, dialog, LAPTOP, (ui.printButton, ui.saveButton, ui.openButton, ui.closeButton, ui.nextButton))
    assert dialog.height() >= 600  # as tall as the laptop allows: a page is read top to bottom


def test_the_print_preview_shrinks_on_a_smaller_screen(qtbot, laptop):
    laptop["rect"] = QRect(0, 0, 1093, 585)  # the same laptop at 125 % scaling
    dialog = preview()
    assert_fits(qtbot, dialog, laptop["rect"], (dialog.ui.printButton, dialog.ui.closeButton))


def test_settings_fit_1366_by_728_with_their_buttons(qtbot, laptop, services):
    from desktop_app.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services)
    assert_fits(qtbot, dialog, LAPTOP, (dialog.ui.okButton, dialog.ui.cancelButton, dialog.ui.addUnitButton))


def test_import_fits_1366_by_728_with_its_buttons(qtbot, laptop, services):
    from desktop_app.gui.dialogs.import_dialog import ImportDialog
    from desktop_app.services.import_cases import ImportService

    dialog = ImportDialog(services, ImportService(services.cases.ctx, services.maintenance))
    ui = dialog.ui
    assert_fits(qtbot, dialog, LAPTOP, (ui.browseButton, ui.previewButton, ui.importButton, ui.closeButton))
