"""打印 → 单位自查报告…: the dialog on the demo database previews the unit's report, fits 1366×768."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from desktop_app.gui.dialogs.self_report_dialog import CUSTOM


def open_dialog(main_window, qtbot) -> QDialog:
    main_window.findChild(QAction, "selfReportAction").trigger()
    dialog = main_window.findChild(QDialog, "selfReportDialog")
    qtbot.waitExposed(dialog)
    return dialog


def test_the_menu_entry_previews_the_units_self_report(main_window, qtbot):
    dialog = open_dialog(main_window, qtbot)
    ui = dialog.ui
    assert ui.unitCombo.count() > 1 and not ui.fromEdit.isEnabled()
    ui.unitCombo.setCurrentIndex(ui.unitCombo.findText("区交通委"))
    ui.periodCombo.setCurrentIndex(ui.periodCombo.findData(CUSTOM))
    assert ui.fromEdit.isEnabled()
    start, end = main_window.services.today().replace(month=1, day=1), main_window.services.today()
    ui.fromEdit.setDate(start)
    ui.toEdit.setDate(end)
    assert dialog.period() == (start, end)
    ui.ownTextEdit.setPlainText("一、主要问题\n个别件答复超期。")
    ui.previewButton.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    assert dialog.preview.page_count >= 1
    assert dialog.preview.file_name.startswith("区交通委关于") and dialog.preview.file_name.endswith("自查报告.pdf")
    dialog.preview.close()
    dialog.close()


def test_the_dialog_fits_a_laptop_and_offers_the_half_year_and_the_year(main_window, qtbot):
    dialog = open_dialog(main_window, qtbot)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728
    year = main_window.services.today().year
    dialog.ui.periodCombo.setCurrentIndex(0)
    assert dialog.period() == (date(year, 1, 1), date(year, 6, 30))
    dialog.ui.periodCombo.setCurrentIndex(1)
    assert dialog.period() == (date(year, 1, 1), date(year, 12, 31))
    dialog.close()
