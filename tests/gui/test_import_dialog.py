"""文件 → 导入交办清单, 导出台账, 导出当前列表 clicked through the real dialogs."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop_app.exchange.report import RowStatus
from desktop_app.gui.dialogs.import_dialog import ImportDialog
from desktop_app.gui.models.import_preview_model import STATUS_COLOURS
from desktop_app.services.dto import UnitInfo
from tests.exchange.sheets import SESSION, row, simple_list


@pytest.fixture
def dialog(qtbot, ctx, make_services, message_log):
    services = make_services(ctx)
    services.reference.save_unit(UnitInfo(0, "区交通委"))
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def open_sheet(qtbot, dialog, path):
    dialog.preview = None
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.ui.previewButton.isEnabled(), timeout=5000)


def test_preview_mapping_names_and_confirmed_import(qtbot, qtmodeltester, dialog, ctx, tmp_path, message_log):
    path = simple_list(tmp_path / "交办清单.xlsx", [
        row(1, "0035", "关于增设公交站点的建议", 主办单位="交通委"),
        row(2, "0036", "关于加强河道保洁的建议"),
        row(3, "0037", "日期写错的建议", 交办日期="2024年2月30日"),
    ])
    open_sheet(qtbot, dialog, path)

    model = dialog.model
    qtmodeltester.check(model)
    assert [model.row(n).status for n in range(model.rowCount())] == [RowStatus.NEW, RowStatus.NEW, RowStatus.ERROR]
    error_colour = model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole).color()
    assert error_colour == STATUS_COLOURS[RowStatus.ERROR]
    assert "第 6 行“交办日期”列" in dialog.ui.errorsEdit.toPlainText()
    assert dialog.ui.sessionCombo.currentText() == SESSION
    assert not dialog.ui.importButton.isEnabled()  # errors block until the user chooses to skip them
    dialog.ui.skipErrorsCheck.setChecked(True)
    assert dialog.ui.importButton.isEnabled()

    # The user says 类别 is not to be imported: the preview follows.
    category = next(c for c in dialog.mapping_combos if c.currentData() == "category")
    category.setCurrentIndex(0)
    qtbot.waitUntil(lambda: "category" not in {c.field for c in dialog.preview.columns}, timeout=5000)

    combo = dialog.name_combos[("unit", "交通委")]
    combo.setCurrentIndex(combo.findData("区交通委"))
    qtbot.waitUntil(lambda: dialog.ui.importButton.isEnabled(), timeout=5000)
    dialog.ui.importButton.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)

    assert message_log[0][0] == "confirm" and "新增 2 件" in message_log[0][2]
    assert (dialog.result.created, dialog.result.skipped_errors) == (2, 1)
    units = [u.name for u in dialog._services.reference.units()]
    assert "交通委" not in units and "区水务局" not in units
    rows = dialog._services.cases.list_rows()
    assert {r.number: r.lead_units for r in rows} == {"0035": "区交通委", "0036": "区交通委"}
    assert {r.category for r in rows} == {""}


def test_a_hostile_file_is_refused_in_the_dialog(qtbot, dialog, tmp_path, message_log):
    fake = tmp_path / "清单.xlsx"
    fake.write_bytes(b"PK\x03\x04not really a zip")
    dialog.open_file(fake)
    qtbot.waitUntil(lambda: bool(message_log), timeout=5000)
    assert message_log[0][0] == "warning" and "无法作为 Excel 工作簿读取" in message_log[0][2]
    assert dialog.preview is None and not dialog.ui.importButton.isEnabled()


def test_file_menu_exports_the_current_list_and_the_ledger(qtbot, main_window, tmp_path, monkeypatch, message_log):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from desktop_app.gui.dialogs import ledger_export_dialog
    from desktop_app.gui.exchange_actions import list_columns

    texts = [a.text() for a in main_window.ui.fileMenu.actions()]
    start = texts.index("导入交办清单(&I)…")
    assert texts[start:start + 3] == ["导入交办清单(&I)…", "导出台账(&L)…", "导出当前列表(&E)…"]
    target = tmp_path / "列表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.commands.action("exportListAction").trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    sheet = load_workbook(target).active
    model = main_window.case_list.model
    secret = sum(model.row_at(n).is_secret for n in range(model.rowCount()))
    assert sheet.max_row - 2 == model.rowCount() - secret
    titles = [c.title for c in list_columns(main_window.case_list)]
    assert [c.value for c in sheet[2]] == titles
    first = next(model.row_at(n) for n in range(model.rowCount()) if not model.row_at(n).is_secret)
    assert sheet.cell(3, titles.index("编号") + 1).value == first.number

    ledger = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ledger), ""))
    monkeypatch.setattr(ledger_export_dialog.LedgerExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    main_window.commands.action("exportLedgerAction").trigger()
    qtbot.waitUntil(ledger.exists, timeout=10000)
    assert "建议提案办理台账" in load_workbook(ledger).active["A1"].value


def test_a_read_only_database_can_preview_but_not_import(qtbot, ctx, make_services, tmp_path, message_log):
    services = make_services(ctx, read_only=True, read_only_reason="张三 正在使用该数据库")
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    open_sheet(qtbot, dialog, simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")]))
    assert dialog.model.rowCount() == 1
    assert not dialog.ui.importButton.isEnabled()
    assert "张三 正在使用" in dialog.ui.importButton.toolTip()


def test_ledger_dialog_offers_the_columns_of_the_chosen_row_kind(qtbot, ctx, make_services):
    from desktop_app.gui.dialogs.ledger_export_dialog import LedgerExportDialog

    services = make_services(ctx)
    services.reference.save_unit(UnitInfo(0, "区交通委"))
    dialog = LedgerExportDialog(services)
    qtbot.addWidget(dialog)
    listing = dialog.ui.columnsList
    listing.item(0).setCheckState(Qt.CheckState.Unchecked)  # 序号
    choices = dialog.choices()
    assert choices["per"] == "item" and "seq" not in choices["columns"] and "title" in choices["columns"]
    dialog.ui.perAssignmentRadio.setChecked(True)
    assert "unit" in dialog.choices()["columns"] and dialog.choices()["per"] == "assignment"
    dialog.ui.unitCombo.setCurrentText("区交通委")
    assert dialog.choices()["unit_name"] == "区交通委"


def test_each_new_row_shows_its_best_earlier_match_and_how_it_was_handled(qtbot, dialog, ctx, tmp_path):
    from tests.services.records import make_record

    from desktop_app.services.cases import CaseService

    CaseService(ctx).save(make_record(session_name="2023年区人大会议", number="0101",
                                      title="关于河道保洁长效管理的建议", content="部分河道漂浮物多，保洁不及时。"))
    path = simple_list(tmp_path / "交办清单.xlsx", [
        row(1, "0035", "关于加强河道保洁的建议"),
        row(2, "0036", "关于延长图书馆开放时间的建议"),
    ])
    open_sheet(qtbot, dialog, path)
    model = dialog.model
    qtbot.waitUntil(lambda: bool(model.index(0, 6).data()), timeout=5000)
    assert "2023年区人大会议 第0101号 关于河道保洁长效管理的建议" in model.index(0, 6).data()
    assert model.index(0, 7).data() == "区交通委：未答复"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "往年相似件"
    assert model.index(1, 6).data() == ""
