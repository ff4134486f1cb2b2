"""The document preview: pages shown, navigation, zoom, printing at 300 dpi, saving; and the 打印
menu of the main window that opens it for the selected item."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.documents.builder import to_pdf_bytes
from desktop_app.documents.model import LetterSettings, ReplyLetterData
from desktop_app.domain.enums import ItemKind, ResultCategory
from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

BODY = "\n".join(["一、基本情况"] + ["全区农村道路已完成安全隐患排查，重点路段增设了标志标线和减速设施。" * 6] * 8)


@pytest.fixture
def letter():
    data = ReplyLetterData(
        kind=ItemKind.SUGGESTION, session_name="区二届人大五次会议", number="0035",
        item_title="关于加强农村道路交通安全管理的建议", addressees=("张三代表",), body=BODY,
        unit_name="上海市崇明区交通委员会", replied_on=date(2024, 10, 30), result=ResultCategory.SOLVED,
    )
    return to_pdf_bytes("reply", [data], LetterSettings())


@pytest.fixture
def dialog(qtbot, letter, services):
    pdf, result = letter
    dialog = DocumentPreviewDialog(pdf, result, "答复函", "答复函_0035.pdf", services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_pages_are_shown_and_navigated(dialog, letter):
    pages = letter[1].pages
    assert pages >= 2
    assert dialog.ui.pageCountLabel.text() == f"/ {pages} 页"
    assert not dialog.ui.pageLabel.pixmap().isNull()
    assert not dialog.ui.previousButton.isEnabled()
    dialog.ui.nextButton.click()
    assert dialog.ui.pageSpin.value() == 2
    dialog.ui.pageSpin.setValue(pages)
    assert not dialog.ui.nextButton.isEnabled()


def test_zoom_enlarges_the_page(dialog):
    before = dialog.ui.pageLabel.pixmap().width()
    dialog.ui.zoomInButton.click()
    assert dialog.ui.zoomSpin.value() == 125
    assert dialog.ui.pageLabel.pixmap().width() > before * 1.2
    dialog.ui.zoomSpin.setValue(50)
    assert dialog.ui.pageLabel.pixmap().width() < before * 0.6


def test_fonts_and_substitution_warning_are_shown(dialog, letter):
    result = letter[1]
    assert "正文（仿宋）" in dialog.ui.fontsLabel.text()
    assert dialog.ui.warningLabel.isVisibleTo(dialog) == result.substituted


def test_printing_renders_every_page_at_300_dpi(dialog, tmp_path, letter):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(300)
    printer.setFullPage(True)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_to(printer)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == letter[1].pages
        image = pdf.pages[0].images[0]
        # A4 at 300 dpi is 2480 pixels wide.
        assert image["srcsize"][0] == pytest.approx(2480, abs=2)


def test_save_as_writes_the_pdf(qtbot, dialog, tmp_path, monkeypatch, letter):
    target = tmp_path / "保存到" / "保存的答复函"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.ui.saveButton.click()
    saved = target.parent / "保存的答复函.pdf"
    qtbot.waitUntil(saved.exists, timeout=5000)
    assert saved.read_bytes() == letter[0]
    assert [p.name for p in target.parent.iterdir()] == [saved.name]  # no temporary file left


def test_save_as_into_a_missing_folder_says_what_to_do(qtbot, dialog, tmp_path, monkeypatch, message_log):
    target = tmp_path / "不存在的文件夹" / "答复函.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: bool(message_log), timeout=5000)
    [(kind, title, text)] = message_log
    assert (kind, title) == ("warning", "另存为 PDF")
    assert text.startswith(f"无法读写“{target}”：") and "换一个文件夹" in text
    assert not target.parent.exists()


def test_open_elsewhere_hands_a_private_copy_to_the_system_viewer(qtbot, dialog, monkeypatch, letter):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    dialog.ui.openButton.click()
    dialog.ui.openButton.click()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5000)
    assert [p.name for p in opened] == ["答复函_0035.pdf"] * 2
    assert opened[0].parent != opened[1].parent  # a viewer holding the first copy open cannot block the second
    assert all(p.read_bytes() == letter[0] for p in opened)


def test_print_menu_previews_the_selected_items_reply(qtbot, main_window, services):
    actions = main_window.features["documents"]
    assert main_window.findChild(type(actions.menu), "printMenu") is actions.menu
    assert not actions.row_actions[0].isEnabled()
    with_reply = next(row for row in services.cases.list_rows() if services.cases.get(row.id).replies)
    assert main_window.case_list.select_item(with_reply.id)
    assert actions.row_actions[0].isEnabled()
    actions.row_actions[0].trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, DocumentPreviewDialog) for w in QApplication.topLevelWidgets()
                                if w.isVisible()), timeout=10000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreviewDialog))
    assert f"第{with_reply.number}号" in dialog.windowTitle()
    dialog.close()


def test_batch_saves_one_file_per_selected_item(qtbot, main_window, services, tmp_path, monkeypatch, message_log):
    rows = [row for row in services.cases.list_rows() if services.cases.get(row.id).replies][:3]
    table = main_window.case_list.ui.caseTable
    for row in rows:
        index = main_window.case_list.model.index(main_window.case_list.model.row_of(row.id), 0)
        table.selectionModel().select(index, table.selectionModel().SelectionFlag.Select
                                      | table.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    main_window.commands.action("batchFolderAction").trigger()
    qtbot.waitUntil(lambda: any(kind == "information" for kind, *_ in message_log), timeout=20000)
    assert len(list(tmp_path.glob("答复函_*.pdf"))) == 3


def test_letter_settings_dialog_saves_letterhead_category_letters_and_fonts(qtbot, tmp_path, message_log):
    from desktop_app.documents.fonts import SHIPPED_FONT
    from desktop_app.paths import resources_dir
    from desktop_app.gui.dialogs.letter_settings_dialog import LetterSettingsDialog

    dialog = LetterSettingsDialog(LetterSettings(unit_name="区交通委"), "正文（仿宋）：仿宋")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.solvedEdit.text() == "A" and ui.unitNameEdit.text() == "区交通委"
    ui.letterheadCombo.setCurrentIndex(ui.letterheadCombo.findData("preprinted"))
    ui.solvedEdit.setText("甲")
    ui.perProposerCheck.setChecked(False)
    ui.bodyFontEdit.setText(str(resources_dir() / SHIPPED_FONT[0]))
    chosen = dialog.settings()
    assert chosen.letterhead == "preprinted"
    assert chosen.category_letters[ResultCategory.SOLVED] == "甲"
    assert chosen.one_letter_per_proposer is False
    assert chosen.fonts == {"body": str(resources_dir() / SHIPPED_FONT[0])}


def test_letter_settings_dialog_refuses_a_broken_pattern_or_font(qtbot, tmp_path, message_log):
    from desktop_app.gui.dialogs.letter_settings_dialog import LetterSettingsDialog

    dialog = LetterSettingsDialog(LetterSettings())
    qtbot.addWidget(dialog)
    dialog.ui.suggestionTitleEdit.setText("关于{会次第{编号}号")
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    dialog.ui.kaiFontEdit.setText(str(junk))
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    *_, text = message_log[-1]
    assert "标题格式有误" in text and "无法嵌入 PDF" in text


def test_settings_menu_opens_the_letter_settings(qtbot, main_window, monkeypatch):
    from desktop_app.gui.dialogs.letter_settings_dialog import LetterSettingsDialog

    shown = []
    monkeypatch.setattr(LetterSettingsDialog, "exec", lambda self: shown.append(self) or 0)
    action = main_window.features["documents"].settings_action
    assert action in main_window.ui.settingsMenu.actions() and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "当前使用" in shown[0].ui.fontsInfoLabel.text()


def test_batch_preview_puts_every_selected_items_letters_in_one_preview(qtbot, main_window, services, message_log):
    cases = services.cases
    with_reply = [row for row in cases.list_rows() if cases.get(row.id).replies][:2]
    without = next(row for row in cases.list_rows() if not cases.get(row.id).replies)
    table = main_window.case_list.ui.caseTable
    flags = table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows
    for row in [*with_reply, without]:
        table.selectionModel().select(main_window.case_list.model.index(main_window.case_list.model.row_of(row.id), 0), flags)
    main_window.commands.action("batchPrintAction").trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, DocumentPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=20000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreviewDialog) and w.isVisible())
    expected = sum(len(cases.get(row.id).proposers) or 1 for row in with_reply)
    assert "3件" in dialog.windowTitle() and dialog.page_count >= expected
    # The item without a reply is named, with what to do.
    assert any(kind == "information" and f"第{without.number}号" in text and "还没有答复" in text
               for kind, _title, text in message_log)
    dialog.close()


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(page.extract_text() for page in doc.pages).replace(" ", "").replace("\n", "")


def _office_preview(qtbot, main_window, form: str, unit: str, day: str):
    from desktop_app.gui.dialogs.office_letter_dialog import OfficeLetterDialog

    main_window.findChild(QAction, f"{form}NoticeAction").trigger()
    qtbot.waitUntil(lambda: main_window.findChild(OfficeLetterDialog) is not None, timeout=10000)
    dialog = main_window.findChild(OfficeLetterDialog)
    assert dialog.isVisible()
    names = [dialog.unit_combo.itemText(n) for n in range(dialog.unit_combo.count())]
    assert "区政府办公室" not in names and unit in names  # the office writes to the others
    dialog.unit_combo.setCurrentText(unit)
    dialog.date_edit.setText(day)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, DocumentPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreviewDialog) and w.isVisible())
    text = pdf_text(preview.pdf)
    preview.close()
    qtbot.waitUntil(lambda: main_window.findChild(OfficeLetterDialog) is None)  # closed and gone
    return preview.windowTitle(), text


def test_the_office_previews_its_assignment_and_supervision_notices_from_the_print_menu(
        qtbot, main_window, services):
    reference = services.reference
    office = next(u for u in reference.units() if u.name == "区政府办公室")
    reference.set_our_unit(office.id)
    unit = services.cases.get(services.cases.list_rows()[0].id).assignments[0].unit_name
    title, text = _office_preview(qtbot, main_window, "assignment", unit, "2024-01-01")
    assert title.endswith(f"交办通知（{unit}）")
    assert "关于交办建议提案的通知" in text and f"{unit}：" in text and "特此通知。" in text
    title, text = _office_preview(qtbot, main_window, "supervision", unit, "")
    assert title.endswith(f"督办通知（{unit}）") and "关于督促办理建议提案有关事项的通知" in text


def test_the_notices_are_refused_with_the_reason_unless_our_unit_is_the_office(qtbot, main_window, message_log):
    main_window.findChild(QAction, "supervisionNoticeAction").trigger()
    qtbot.waitUntil(lambda: bool(message_log), timeout=10000)
    assert message_log[-1][0] == "warning" and "把“我的单位”设为区政府办公室" in message_log[-1][2]
