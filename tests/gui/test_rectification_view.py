"""The 整改清单 editor: opened from 视图, rows grouped by aspect, edited in the detail pane,
moved, printed and exported through the runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from desktop_app.domain.rectification import RectificationEntry
from desktop_app.services.rectification import RectificationService
from tests.gui.conftest import build_services

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_appendix.json"


@pytest.fixture
def window(qtbot, ctx, tmp_path, message_log):
    from desktop_app.gui.main_window import MainWindow

    entries = [RectificationEntry(**r) for r in json.loads(FIXTURE.read_text(encoding="utf-8"))["rows"]]
    RectificationService(ctx).import_entries("审议意见问题整改清单", entries)
    window = MainWindow(build_services(ctx, tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QAction, "rectificationViewAction").trigger()
    return window


def settle(view, qtbot) -> None:
    """Wait until the runner finished and the view reloaded (the write commits before that)."""
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=10000)


def view_of(window):
    view = window.findChild(type(window.ui.viewStack.currentWidget()), "rectificationView")
    assert window.ui.viewStack.currentWidget() is view
    return view


def test_the_menu_opens_the_seed_list_grouped_by_aspect(window, qtmodeltester):
    view = view_of(window)
    assert window.findChild(QAction, "rectificationViewAction").isChecked()
    assert view.lists_model.rowCount() == 1 and "6 项" in view.lists_model.item(0).text()
    assert view.model.rowCount() == 6
    assert view.model.spans() == [(0, 2), (2, 2), (4, 2)]
    assert view.ui.rowTable.rowSpan(0, 0) == 2
    assert view.model.index(1, 0).data() == ""  # the aspect shows once per group
    assert view.ui.measuresEdit.toPlainText().startswith("在区政府常务会议")
    qtmodeltester.check(view.model)


def test_edit_a_long_cell_and_add_a_row_under_a_new_aspect(window, qtbot, ctx):
    view = view_of(window)
    service = RectificationService(ctx)
    view.ui.rowTable.selectRow(1)
    view.ui.measuresEdit.setPlainText("第一段措施。\n第二段措施。")
    view.ui.deadlineCombo.setEditText("2024-05-31")
    view.ui.saveRowButton.click()
    settle(view, qtbot)
    assert service.document(1).rows[1].measures == "第一段措施。\n第二段措施。"
    assert service.lists()[0].overdue_count == 1
    view.ui.addRowButton.click()
    assert view.editing_id == 0 and view.ui.aspectEdit.text() == view.model.rows[1].aspect
    view.ui.aspectEdit.setText("四、新增方面")
    view.ui.problemEdit.setPlainText("新问题")
    view.ui.unitsEdit.setText("各承办单位")
    view.ui.deadlineCombo.setEditText("年底前")
    view.ui.saveRowButton.click()
    settle(view, qtbot)
    assert view.model.rowCount() == 7
    assert view.current_data().aspect == "四、新增方面" and view.current_data().deadline_term == "年底前"
    view.ui.aspectUpButton.click()
    settle(view, qtbot)
    assert view.model.rows[4].aspect == "四、新增方面"


def test_progress_delete_and_an_empty_aspect_is_explained(window, qtbot, ctx, message_log):
    view = view_of(window)
    view.ui.rowTable.selectRow(0)
    view.ui.progressEdit.setText("已召开专题会议")
    view.ui.statusCombo.setCurrentIndex(1)
    view.ui.addProgressButton.click()
    settle(view, qtbot)
    assert "2024-06-03　已召开专题会议" in view.ui.progressView.toPlainText()  # dated by the app's clock
    assert view.current_data().status.label == "推进中"
    view.ui.deleteRowButton.click()
    settle(view, qtbot)
    assert view.model.rowCount() == 5
    view.ui.addRowButton.click()
    view.ui.aspectEdit.setText("")
    view.ui.problemEdit.setPlainText("x")
    view.ui.saveRowButton.click()
    settle(view, qtbot)
    assert any("主要方面不能为空" in str(entry) for entry in message_log)
    assert view.model.rowCount() == 5


def test_print_and_export_from_the_editor(window, qtbot, tmp_path):
    view = view_of(window)
    pdf, xlsx = tmp_path / "附件.pdf", tmp_path / "清单.xlsx"
    view.print_file(pdf, with_report=False)
    view.export_file(xlsx)
    settle(view, qtbot)
    assert pdf.exists() and xlsx.exists()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_report_fields_are_saved_and_printed_with_the_appendix(window, qtbot, ctx, tmp_path):
    import pdfplumber

    view = view_of(window)
    view.ui.docNumberEdit.setText("沪崇府发〔2024〕45号")
    view.ui.reportTitleEdit.setText("关于办理审议意见的报告")
    view.ui.reportDateEdit.setText("2024-10-30")
    view.ui.reportBodyEdit.setPlainText("一、关于压实办理责任\n**一是提高思想认识。**明确要求。")
    view.ui.saveInfoButton.click()
    settle(view, qtbot)
    assert RectificationService(ctx).list_info(1).report_title == "关于办理审议意见的报告"
    pdf = tmp_path / "报告.pdf"
    view.print_file(pdf, with_report=True)
    settle(view, qtbot)
    with pdfplumber.open(pdf) as doc:
        first = doc.pages[0].extract_text().replace(" ", "")
        assert "沪崇府发〔2024〕45号" in first and "一是提高思想认识。" in first and "2024年10月30日" in first
        assert doc.pages[-1].width > doc.pages[-1].height



def test_the_report_head_is_chosen_and_its_mark_edited_before_printing(window, qtbot, tmp_path):
    import pdfplumber

    view = view_of(window)
    view.ui.reportTitleEdit.setText("关于办理审议意见的报告")
    view.ui.docNumberEdit.setText("沪崇府发〔2024〕45号")
    view.ui.saveInfoButton.click()
    settle(view, qtbot)
    assert view.ui.headCombo.currentData() == "full"  # the seed's own shape by default
    view.ui.markEdit.setText("上海市崇明区人民政府文件")
    red = tmp_path / "红头.pdf"
    view.print_file(red, with_report=True)
    settle(view, qtbot)
    view.ui.headCombo.setCurrentIndex(view.ui.headCombo.findData("preprinted"))
    blank = tmp_path / "套打.pdf"
    view.print_file(blank, with_report=True)
    settle(view, qtbot)
    with pdfplumber.open(red) as doc:
        mark = [c for c in doc.pages[0].chars if c["size"] > 30]
        assert "".join(c["text"] for c in mark) == "上海市崇明区人民政府文件"
        assert mark[0]["non_stroking_color"][0] > 0.8 and doc.pages[0].lines
    with pdfplumber.open(blank) as doc:
        assert not [c for c in doc.pages[0].chars if c["size"] > 30] and not doc.pages[0].lines
        assert "沪崇府发〔2024〕45号" in doc.pages[0].extract_text().replace(" ", "")

def test_the_report_head_is_saved_with_the_report_fields(window, qtbot, ctx):
    view = view_of(window)
    view.ui.headCombo.setCurrentIndex(view.ui.headCombo.findData("preprinted"))
    view.ui.markEdit.setText("上海市崇明区人民政府文件")
    view.ui.saveInfoButton.click()
    settle(view, qtbot)
    assert RectificationService(ctx).report_head() == ("preprinted", "上海市崇明区人民政府文件")
    view.ui.headCombo.setCurrentIndex(0)
    view.ui.markEdit.clear()
    view.refresh()  # read back, as after reopening the program
    assert view.ui.headCombo.currentData() == "preprinted"
    assert view.ui.markEdit.text() == "上海市崇明区人民政府文件"


def test_the_report_record_is_filled_in_the_view_saved_and_printed_last(window, qtbot, ctx, tmp_path):
    import pdfplumber

    view = view_of(window)
    view.ui.reportTitleEdit.setText("关于办理审议意见的报告")
    view.ui.reportDateEdit.setText("2024-10-30")
    view.ui.ccEdit.setText("区人大常委会代表工作室")
    view.ui.printedByEdit.setText("上海市崇明区人民政府办公室")
    view.ui.printedOnEdit.setText("2024-10-31")
    view.ui.saveInfoButton.click()
    settle(view, qtbot)
    record = RectificationService(ctx).report_record()
    assert (record.cc, record.printed_by, str(record.printed_on)) == (
        "区人大常委会代表工作室", "上海市崇明区人民政府办公室", "2024-10-31")
    view.ui.ccEdit.clear()
    view.refresh()  # read back, as after reopening the program
    assert view.ui.ccEdit.text() == "区人大常委会代表工作室" and view.ui.printedOnEdit.text() == "2024-10-31"
    pdf = tmp_path / "报告.pdf"
    view.print_file(pdf, with_report=True)
    settle(view, qtbot)
    with pdfplumber.open(pdf) as doc:
        last = doc.pages[-1].extract_text().replace(" ", "")
    assert "抄送：区人大常委会代表工作室" in last
    assert "上海市崇明区人民政府办公室" in last and "2024年10月31日印发" in last


def test_a_wrong_printing_date_is_explained_and_nothing_is_saved(window, qtbot, ctx, message_log):
    view = view_of(window)
    view.ui.printedByEdit.setText("上海市崇明区人民政府办公室")
    view.ui.printedOnEdit.setText("10月31日")
    view.ui.saveInfoButton.click()
    assert message_log[-1][0] == "warning" and "印发日期" in message_log[-1][2]
    assert RectificationService(ctx).report_record().printed_by == ""


def test_a_wrong_report_date_is_explained(window, message_log):
    view = view_of(window)
    view.ui.reportDateEdit.setText("10月30日")
    view.ui.saveInfoButton.click()
    assert message_log[-1][0] == "warning" and "YYYY-MM-DD" in message_log[-1][2]


def test_units_are_completed_one_name_at_a_time(window, ctx):
    from desktop_app.services.dto import UnitInfo
    from desktop_app.services.reference import ReferenceService

    ReferenceService(ctx).save_unit(UnitInfo(0, "区交通委"))
    view = view_of(window)
    view.refresh()
    completer = view.ui.unitsEdit.completer()
    view.ui.unitsEdit.setText("区政府办公室 交通")
    assert completer.splitPath(view.ui.unitsEdit.text()) == ["交通"]
    completer.setCompletionPrefix("交通")
    assert completer.currentIndex().data() == "区交通委"
    assert completer.currentCompletion() == "区政府办公室 区交通委"  # the first unit stays


def test_its_own_save_reads_the_list_once_and_keeps_the_row_selected(window, qtbot, monkeypatch):
    # The view skips the changes it made itself: the save's own follow-up shows them, once.
    view = view_of(window)
    reads = []
    document = view.service.document
    monkeypatch.setattr(view.service, "document", lambda list_id: reads.append(list_id) or document(list_id))
    view.ui.rowTable.selectRow(3)
    view.ui.problemEdit.setPlainText("改过的问题")
    view.ui.saveRowButton.click()
    settle(view, qtbot)
    assert reads == [1]
    assert view.current_data().problem == "改过的问题"
