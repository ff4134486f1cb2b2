"""期限看板 in the main window: counts by bucket, kind and unit; a click shows exactly those items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QToolButton

from desktop_app.domain.deadlines import Bucket
from desktop_app.gui.models.case_table_model import COLUMN_INDEX, ROW_ROLE
from desktop_app.gui.models.deadline_count_model import IDS_ROLE


def shown_ids(window) -> set[int]:
    model = window.case_list.model
    return {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}


def switch_to_dashboard(window, qtbot):
    window.findChild(QAction, "dashboardViewAction").trigger()
    view = window.dashboard
    assert window.ui.viewStack.currentWidget() is view
    return view


def click(qtbot, table, index):
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def test_clicking_a_count_shows_exactly_those_items_in_the_case_list(main_window, qtbot):
    view = switch_to_dashboard(main_window, qtbot)
    model = view.kind_model
    overdue = list(Bucket).index(Bucket.OVERDUE)
    total_row = model.rowCount() - 1
    index = model.index(total_row, overdue)
    ids = index.data(IDS_ROLE)
    assert ids and index.data() == str(len(ids))
    assert ids == view.board.by_bucket[Bucket.OVERDUE]

    click(qtbot, view.ui.kindTable, index)

    window = main_window
    assert window.ui.viewStack.currentWidget() is window.case_list
    assert shown_ids(window) == set(ids)
    chip = window.case_list.findChild(QFrame, "onlyIdsChip")
    label = chip.findChild(QLabel, "onlyIdsLabel")
    assert label.isVisible() and f"仅显示看板选中的 {len(ids)} 条" in label.text()
    assert window.countLabel.text() == f"显示 {len(ids)} / {window.case_list.model.total_count} 条"

    qtbot.mouseClick(chip.findChild(QToolButton, "clearOnlyIdsButton"), Qt.MouseButton.LeftButton)
    assert not chip.isVisible()
    assert len(shown_ids(window)) == window.case_list.model.total_count


def test_a_unit_count_shows_that_units_items(main_window, qtbot):
    view = switch_to_dashboard(main_window, qtbot)
    view.ui.scopeCombo.setCurrentIndex(1)  # 全部单位
    view.refresh(wait=True)
    model = view.unit_model
    assert model.rowCount() > 2
    name = model.headerData(0, Qt.Orientation.Vertical)
    index = model.index(0, model.columnCount() - 1)  # 合计 of the busiest unit
    click(qtbot, view.ui.unitTable, index)
    rows = [main_window.case_list.model.index(r, 0).data(ROW_ROLE) for r in range(main_window.case_list.model.rowCount())]
    assert rows and all(name in (row.lead_units + "、" + row.co_units).split("、") for row in rows)
    assert sum(n for _monday, n in view.chart.weeks) > 0 and len(view.chart.weeks) == 12
    everyone = [n for _m, n in view.chart.weeks]
    units = [view.ui.chartUnitCombo.itemText(i) for i in range(1, view.ui.chartUnitCombo.count())]
    per_unit = []
    for unit in units:
        view.ui.chartUnitCombo.setCurrentText(unit)
        per_unit.append([n for _m, n in view.chart.weeks])
    assert units and [sum(week) for week in zip(*per_unit)] == everyone


def test_the_next_deadline_column_is_coloured_by_bucket_and_explains_itself(main_window):
    model = main_window.case_list.model
    column = COLUMN_INDEX["next_due"]
    cells = [model.index(r, column) for r in range(model.rowCount())]
    overdue = [i for i in cells if i.data(ROW_ROLE).next_deadline
               and i.data(ROW_ROLE).next_deadline.bucket is Bucket.OVERDUE]
    assert overdue
    cell = overdue[0]
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "到期" in tip and "起" in tip
    assert cell.data().startswith(cell.data(ROW_ROLE).next_deadline.due_on.isoformat())


def test_the_editor_lists_the_items_deadlines_with_their_explanations(qtbot, services, message_log):
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog
    from desktop_app.gui.views.deadline_dashboard_view import deadline_service

    row = next(r for r in deadline_service(services).open_deadlines() if r.unit_name)
    dialog = CaseEditDialog(services, row.item_id)
    qtbot.addWidget(dialog)
    tabs = dialog.ui.sectionTabs
    assert tabs.tabText(tabs.count() - 1) == "期限"
    model = dialog.deadlines.model
    listed = [(model.row(n).kind, model.row(n).unit_name, model.row(n).due_on) for n in range(model.rowCount())]
    assert (row.kind, row.unit_name, row.due_on) in listed
    dialog.deadlines.view.selectRow(listed.index((row.kind, row.unit_name, row.due_on)))
    text = dialog.deadlines.explanation.text()
    assert row.kind.label in text and "到期" in text


def test_the_startup_notice_lists_overdue_items_and_can_be_switched_off(main_window, message_log, qtbot):
    from desktop_app.gui.views.deadline_dashboard_view import deadline_service

    with qtbot.waitSignal(main_window.show_deadline_notice().finished, timeout=10000):
        pass
    [(kind, title, text)] = message_log
    assert (kind, title) == ("information", "期限提醒") and "已超期" in text and "可在 设置" in text
    deadline_service(main_window.services).set_startup_notice(False)
    with qtbot.waitSignal(main_window.show_deadline_notice().finished, timeout=10000):
        pass
    assert len(message_log) == 1


def test_the_reminder_list_is_exported_from_the_dashboard(main_window, qtbot, message_log, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    view = switch_to_dashboard(main_window, qtbot)
    target = tmp_path / "催办"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(view.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_log))
    [(kind, _title, text)] = message_log
    assert kind == "information" and "已导出" in text
    assert (tmp_path / "催办.xlsx").stat().st_size > 0


def test_the_reminder_list_of_a_clicked_count_lists_only_its_items(main_window, qtbot, message_log, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.domain.deadlines import DeadlineKind

    view = switch_to_dashboard(main_window, qtbot)
    model = view.kind_model
    row = next(r for r in range(model.rowCount() - 1)
               if model.headerData(r, Qt.Orientation.Vertical) == DeadlineKind.OPINION.label)
    index = model.index(row, list(Bucket).index(Bucket.OVERDUE))
    ids = index.data(IDS_ROLE)
    click(qtbot, view.ui.kindTable, index)
    switch_to_dashboard(main_window, qtbot)
    assert "会办意见 · 已超期" in view.ui.exportButton.text()
    target = tmp_path / "催办.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(view.ui.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_log))
    sheet = load_workbook(target).active
    numbers = {row[2] for row in sheet.iter_rows(min_row=3, values_only=True)}
    cases = main_window.services.cases
    assert numbers and numbers <= {cases.get(i).number for i in ids}
