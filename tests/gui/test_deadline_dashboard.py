"""期限看板 in the main window: counts by bucket, kind and unit; a click shows exactly those items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QWidget

from desktop_app.domain.deadlines import Bucket
from desktop_app.gui.models.case_table_model import COLUMN_INDEX, ROW_ROLE
from desktop_app.gui.models.deadline_count_model import IDS_ROLE
from desktop_app.gui.models.rectification_due_model import ROW_ROLE as ROW_ROLE_DUE


def shown_ids(window) -> set[int]:
    model = window.case_list.model
    return {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}


def switch_to_dashboard(window, qtbot):
    window.findChild(QAction, "dashboardViewAction").trigger()
    view = window.commands.view("dashboard")
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

    row = next(r for r in services.deadlines.open_deadlines() if r.unit_name)
    dialog = CaseEditDialog(services, row.item_id)
    qtbot.addWidget(dialog)
    tabs = dialog.ui.sectionTabs
    assert tabs.tabText(tabs.count() - 1) == "&0 期限"
    model = dialog.deadlines.model
    listed = [(model.row(n).kind, model.row(n).unit_name, model.row(n).due_on) for n in range(model.rowCount())]
    assert (row.kind, row.unit_name, row.due_on) in listed
    dialog.deadlines.view.selectRow(listed.index((row.kind, row.unit_name, row.due_on)))
    text = dialog.deadlines.explanation.text()
    assert row.kind.label in text and "到期" in text


def test_the_startup_notice_lists_overdue_items_opens_the_dashboard_and_can_be_switched_off(
        main_window, qtbot, monkeypatch):
    from desktop_app.gui.dialogs.deadline_notice_dialog import DeadlineNoticeDialog

    shown = []

    def look_and_open_the_dashboard(dialog):
        model = dialog.model
        shown.append((dialog.windowTitle(), dialog.ui.headlineLabel.text(), dialog.ui.footLabel.text(),
                      [model.index(0, c).data() for c in range(model.columnCount())], dialog.height()))
        dialog.ui.openDashboardButton.click()
        return dialog.result()

    monkeypatch.setattr(DeadlineNoticeDialog, "exec", look_and_open_the_dashboard)
    assert main_window.ui.viewStack.currentWidget() is not main_window.commands.view("dashboard")
    with qtbot.waitSignal(main_window.run_startup_tasks()[0].finished, timeout=10000):
        pass
    [(title, headline, foot, first_row, height)] = shown
    assert title == "期限提醒" and headline.startswith("已超期") and "可在 设置" in foot
    assert first_row[1].startswith("超期") and first_row[4].startswith("第")  # overdue first
    assert height <= 600  # fits a 1366×768 laptop however many are listed
    assert main_window.ui.viewStack.currentWidget() is main_window.commands.view("dashboard")  # 打开期限看板 switched the view
    main_window.services.deadlines.set_startup_notice(False)
    with qtbot.waitSignal(main_window.run_startup_tasks()[0].finished, timeout=10000):
        pass
    assert len(shown) == 1


def test_the_startup_notice_scrolls_a_long_list_within_a_small_screen(qtbot):
    from datetime import date
    from types import SimpleNamespace

    from desktop_app.domain.deadlines import DeadlineKind
    from desktop_app.gui.dialogs.deadline_notice_dialog import DeadlineNoticeDialog

    rows = [SimpleNamespace(due_on=date(2024, 6, 3), days_left=-n, kind=DeadlineKind.REPLY, session_name="区二届人大五次会议",
                            number=f"{n:04d}", unit_name="区交通委", title="关于加强农村道路养护管理的建议")
            for n in range(200)]
    opened = []
    dialog = DeadlineNoticeDialog(rows, lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 600 and dialog.width() <= 1366
    assert dialog.ui.deadlinesView.verticalScrollBar().maximum() > 0  # the list scrolls, the buttons stay
    assert dialog.ui.openDashboardButton.isVisible() and dialog.ui.closeButton.isVisible()
    assert dialog.ui.headlineLabel.text() == "已超期 199 个，3 天内到期 1 个："
    dialog.ui.deadlinesView.doubleClicked.emit(dialog.model.index(3, 0))
    assert opened == [True] and not dialog.isVisible()


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


def test_the_day_clock_is_set_for_just_after_the_next_midnight():
    from datetime import datetime

    from desktop_app.gui.day_clock import ROLLOVER_GRACE_MS, ms_until_next_day

    assert ms_until_next_day(datetime(2024, 6, 3, 23, 59, 30)) == 30_000 + ROLLOVER_GRACE_MS
    assert ms_until_next_day(datetime(2024, 12, 31, 0, 0)) == 24 * 3600 * 1000 + ROLLOVER_GRACE_MS


def test_the_dashboard_and_the_list_count_again_when_the_day_rolls_over(main_window, qtbot):
    from datetime import date, datetime, timedelta

    from desktop_app.domain.deadlines import WINDOW_KINDS

    view = switch_to_dashboard(main_window, qtbot)
    ctx = main_window.services.deadlines.ctx
    clock = main_window.day_clock
    assert view.board.as_of == date(2024, 6, 3) and clock.timer.isActive()
    ctx.now = lambda: datetime(2024, 6, 3, 23, 59, 30)
    clock.check()  # the timer fired early: same day, nothing counted again, wait again
    assert view.board.as_of == date(2024, 6, 3)
    assert clock.timer.isActive() and clock.timer.interval() == 30_000 + 1000

    # The next day a deadline falls due (not a window: a passed window closes): the day after it,
    # its items are overdue, on the dashboard and in the list's 下一期限.
    view.ui.scopeCombo.setCurrentIndex(1)  # 全部单位
    view.refresh(wait=True)
    lasting = [r for r in main_window.services.deadlines.open_deadlines(date(2024, 6, 3))
               if r.days_left >= 0 and r.kind not in WINDOW_KINDS]
    overdue = view.board.by_bucket[Bucket.OVERDUE]
    due_day, falling = next((day, ids) for day in sorted({r.due_on for r in lasting})
                            if (ids := {r.item_id for r in lasting if r.due_on == day} - overdue))
    next_day = due_day + timedelta(days=1)
    ctx.now = lambda: datetime.combine(next_day, datetime.min.time()).replace(second=1)
    model = main_window.case_list.model
    clock.check()  # what the timer calls at midnight
    qtbot.waitUntil(lambda: view.board.as_of == next_day)
    assert f"{next_day.year}年{next_day.month}月{next_day.day}日" in view.ui.asOfLabel.text()
    assert falling <= view.board.by_bucket[Bucket.OVERDUE]
    assert clock.timer.isActive() and clock.timer.interval() == (24 * 3600 - 1) * 1000 + 1000
    # The list's 下一期限 is counted again as of the new day (days left, bucket).
    expected = main_window.services.deadlines.next_deadlines(next_day)
    item_id = min(falling)
    qtbot.waitUntil(lambda: next(r for r in model.loaded_rows() if r.id == item_id).next_deadline == expected[item_id])


def test_a_rectification_row_without_items_is_counted_listed_and_opened(main_window, qtbot, qtmodeltester):
    from datetime import date

    from desktop_app.services.rectification import RectificationService
    from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData

    services = main_window.services
    ours = next(u.id for u in services.reference.units() if u.name == "区交通委")  # the demo's own unit
    other = next(u.id for u in services.reference.units() if u.name != "区交通委")
    rect = RectificationService(services.cases.ctx)
    for demo_list in rect.lists():  # counted on a list of this test's own
        rect.delete_list(demo_list.id)
    list_id = rect.save_list(RectificationListInfo(0, "审议意见整改清单"))[1]
    others = rect.save_row(list_id, RectificationRowData(0, "一、先做", measures="别人的整改", unit_ids=(other,),
                                                         deadline_on=date(2024, 5, 20)))[1]
    late = rect.save_row(list_id, RectificationRowData(0, "二、后做", measures="修订养护制度", unit_ids=(ours,),
                                                       deadline_on=date(2024, 5, 31)))[1]
    rect.save_row(list_id, RectificationRowData(0, "二、后做", measures="长期", unit_ids=(ours,),
                                                deadline_term="长期坚持"))

    view = switch_to_dashboard(main_window, qtbot)  # 本单位
    model = view.rectification_model
    assert view.rectification_table.isVisible() and model.rowCount() == 1  # no 合计 row under one row
    qtmodeltester.check(model)
    overdue = model.index(0, list(Bucket).index(Bucket.OVERDUE))
    assert overdue.data() == "1" and overdue.data(IDS_ROLE) == {late}
    assert model.index(0, model.columnCount() - 1).data() == "1"  # 合计: the other unit's row is not ours

    click(qtbot, view.rectification_table, overdue)
    rows = view.rectification_due_model
    qtmodeltester.check(rows)
    assert view.rectification_rows.isVisible() and rows.rowCount() == 1
    assert [rows.index(0, c).data() for c in range(4)] == ["2024-05-31", "超期 3 天", "审议意见整改清单", "二、后做"]

    view.ui.scopeCombo.setCurrentIndex(1)  # 全部单位: both dated rows
    view.refresh(wait=True)
    assert view.rectification_model.index(0, list(Bucket).index(Bucket.OVERDUE)).data() == "2"
    assert rows.rowCount() == 2  # the list follows the count clicked

    from desktop_app.domain.enums import RectificationStatus

    changes = rect.set_status(others, RectificationStatus.DONE)
    services.changed.emit(changes)  # what the runner broadcasts after the editor's write
    qtbot.waitUntil(lambda: rows.rowCount() == 1)
    assert view.rectification_model.index(0, list(Bucket).index(Bucket.OVERDUE)).data() == "1"

    index = rows.index(0, 2)
    assert index.data(ROW_ROLE_DUE).row_id == late
    table = view.rectification_rows
    click(qtbot, table, index)  # a double-click is a press, then the double-click on the same row
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    editor = main_window.findChild(QWidget, "rectificationView")
    assert main_window.ui.viewStack.currentWidget() is editor
    assert editor.list_id == list_id and editor.editing_id == late
    assert editor.ui.measuresEdit.toPlainText() == "修订养护制度"
