"""The case list through its widgets: quick search, every filter control, named views, columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.domain.enums import ItemKind, ItemStatus, ResultCategory, UnitRole
from desktop_app.gui.models.case_table_model import COLUMN_INDEX, ROW_ROLE
from desktop_app.services.dto import CaseRow


def shown_ids(window) -> set[int]:
    model = window.case_list.model
    return {model.index(row, 0).data(ROW_ROLE).id for row in range(model.rowCount())}


def ids(rows: list[CaseRow], wanted) -> set[int]:
    return {r.id for r in rows if wanted(r)}


@pytest.fixture
def rows(services) -> list[CaseRow]:
    return services.cases.list_rows()


@pytest.fixture
def panel(main_window):
    return main_window.case_list.filter_panel


def search(qtbot, window, text: str) -> None:
    window.case_list.ui.searchEdit.setText(text)  # keyClicks cannot type Chinese
    qtbot.waitUntil(lambda: not window.case_list._search_timer.isActive(), timeout=2000)


def test_the_list_shows_every_demo_item_with_counts(main_window, rows):
    assert 40 <= len(rows) <= 80
    assert shown_ids(main_window) == {r.id for r in rows}
    assert main_window.countLabel.text() == f"显示 {len(rows)} / {len(rows)} 条"


def test_typing_in_the_search_box_filters_to_the_matching_items(qtbot, main_window, services, rows):
    search(qtbot, main_window, "道路")
    expected = services.cases.search_ids("道路")
    with_title = ids(rows, lambda r: "道路" in r.title)
    assert with_title, "the demo data should have items about 道路"
    assert shown_ids(main_window) == expected
    assert with_title <= shown_ids(main_window) < {r.id for r in rows}
    assert main_window.countLabel.text() == f"显示 {len(expected)} / {len(rows)} 条"
    search(qtbot, main_window, "")
    assert shown_ids(main_window) == {r.id for r in rows}


def test_search_waits_for_the_typist_before_filtering(qtbot, main_window, rows):
    main_window.case_list.ui.searchEdit.setText("道路")
    assert len(shown_ids(main_window)) == len(rows)  # not yet: debounced
    qtbot.waitUntil(lambda: len(shown_ids(main_window)) < len(rows), timeout=2000)


@pytest.mark.parametrize(
    "list_name, value_of, wanted",
    [
        ("kindList", lambda rows, services: ItemKind.PROPOSAL, lambda r, v: r.kind is v),
        ("roleList", lambda rows, services: UnitRole.LEAD, lambda r, v: r.our_role is v),
        ("roleList", lambda rows, services: None, lambda r, v: r.our_role is None),
        ("statusList", lambda rows, services: ItemStatus.HANDLING, lambda r, v: r.status is v),
        ("resultList", lambda rows, services: ResultCategory.SOLVED, lambda r, v: r.result is v),
        ("resultList", lambda rows, services: None, lambda r, v: r.result is None),
        ("sessionList", lambda rows, services: services.reference.sessions()[0].id, lambda r, v: r.session_id == v),
        ("unitList", lambda rows, services: min(rows[0].unit_ids), lambda r, v: v in r.unit_ids),
    ],
    ids=["类型", "角色主办", "角色无", "状态", "结果已经解决", "尚无结果", "届次", "单位"],
)
def test_each_checkable_list_filters_the_rows(main_window, panel, services, rows, list_name, value_of, wanted):
    value = value_of(rows, services)
    panel.check_value(list_name, value)
    expected = ids(rows, lambda r: wanted(r, value))
    assert expected and len(expected) < len(rows), "demo data should split on this control"
    assert shown_ids(main_window) == expected
    panel.check_value(list_name, value, checked=False)
    assert len(shown_ids(main_window)) == len(rows)


def test_units_and_sessions_are_found_by_typing_part_of_the_name(qtbot, main_window, panel, services, rows):
    ui = panel.ui
    transport = next(u for u in services.reference.units() if u.name == "区交通委")
    completer = ui.unitFindEdit.completer()
    assert transport.name in completer.model().stringList()

    ui.unitFindEdit.setText("交通")
    visible = [ui.unitList.item(n).text() for n in range(ui.unitList.count()) if not ui.unitList.isRowHidden(n)]
    assert visible == ["区交通委"]
    qtbot.keyClick(ui.unitFindEdit, Qt.Key.Key_Return)
    assert shown_ids(main_window) == ids(rows, lambda r: transport.id in r.unit_ids) != set()
    qtbot.waitUntil(lambda: ui.unitFindEdit.text() == "", timeout=2000)
    assert not any(ui.unitList.isRowHidden(n) for n in range(ui.unitList.count()))

    panel.check_value("unitList", transport.id, checked=False)
    cppcc = next(s for s in services.reference.sessions() if "政协" in s.name)
    completer = ui.sessionFindEdit.completer()
    completer.activated[str].emit(cppcc.name)  # picked from the completion popup
    assert shown_ids(main_window) == ids(rows, lambda r: r.session_id == cppcc.id) != set()


def test_two_values_in_one_list_mean_either(main_window, panel, rows):
    panel.check_value("statusList", ItemStatus.HANDLING)
    panel.check_value("statusList", ItemStatus.CLOSED)
    assert shown_ids(main_window) == ids(rows, lambda r: r.status in (ItemStatus.HANDLING, ItemStatus.CLOSED))


def test_flags_filter_the_rows(main_window, panel, rows):
    panel.ui.keyCheck.setChecked(True)
    assert shown_ids(main_window) == ids(rows, lambda r: r.is_key) != set()
    panel.ui.keyCheck.setChecked(False)
    panel.ui.leaderCheck.setChecked(True)
    assert shown_ids(main_window) == ids(rows, lambda r: r.is_leader_handled) != set()
    panel.ui.leaderCheck.setChecked(False)
    panel.ui.secretCombo.setCurrentIndex(panel.ui.secretCombo.findText("只看涉密件"))
    assert shown_ids(main_window) == ids(rows, lambda r: r.is_secret) != set()
    panel.ui.secretCombo.setCurrentIndex(panel.ui.secretCombo.findText("不含涉密件"))
    assert shown_ids(main_window) == ids(rows, lambda r: not r.is_secret)


def test_date_ranges_filter_and_their_clear_buttons_reset_them(qtbot, main_window, panel, rows):
    dates = sorted(r.assigned_on for r in rows if r.assigned_on)
    middle = dates[len(dates) // 2]
    panel.ui.assignedFromEdit.setDate(QDate(middle.year, middle.month, middle.day))
    assert shown_ids(main_window) == ids(rows, lambda r: r.assigned_on and r.assigned_on >= middle)
    panel.ui.assignedToEdit.setDate(QDate(middle.year, middle.month, middle.day))
    assert shown_ids(main_window) == ids(rows, lambda r: r.assigned_on == middle)
    qtbot.mouseClick(panel.ui.assignedClearButton, Qt.MouseButton.LeftButton)
    assert len(shown_ids(main_window)) == len(rows)
    assert panel.ui.assignedFromEdit.text() == "不限"

    replies = sorted(r.replied_on for r in rows if r.replied_on)
    assert replies, "demo data should have replies"
    cut = replies[len(replies) // 2]
    panel.ui.repliedToEdit.setDate(QDate(cut.year, cut.month, cut.day))
    assert shown_ids(main_window) == ids(rows, lambda r: r.replied_on and r.replied_on <= cut)
    qtbot.mouseClick(panel.ui.repliedClearButton, Qt.MouseButton.LeftButton)
    assert len(shown_ids(main_window)) == len(rows)


def test_clear_filter_button_shows_everything_again(qtbot, main_window, panel, rows):
    panel.check_value("kindList", ItemKind.SUGGESTION)
    panel.ui.keyCheck.setChecked(True)
    assert len(shown_ids(main_window)) < len(rows)
    qtbot.mouseClick(panel.ui.clearFilterButton, Qt.MouseButton.LeftButton)
    assert len(shown_ids(main_window)) == len(rows)
    assert not panel.ui.keyCheck.isChecked()


def test_a_named_view_is_saved_cleared_and_applied_again(qtbot, main_window, panel, services, message_log, rows):
    search(qtbot, main_window, "道路")
    panel.check_value("kindList", ItemKind.SUGGESTION)
    wanted = shown_ids(main_window)
    assert 0 < len(wanted) < len(rows)
    message_log.text_answer = "道路类代表建议"
    qtbot.mouseClick(panel.ui.saveViewButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.ui.viewCombo.findText("道路类代表建议") > 0, timeout=5000)
    assert [name for name, _f in services.views.views()] == ["道路类代表建议"]

    qtbot.mouseClick(panel.ui.clearFilterButton, Qt.MouseButton.LeftButton)
    main_window.case_list.ui.searchEdit.clear()
    main_window.case_list.apply_search()
    assert len(shown_ids(main_window)) == len(rows)

    index = panel.ui.viewCombo.findText("道路类代表建议")
    panel.ui.viewCombo.setCurrentIndex(index)
    panel.ui.viewCombo.activated.emit(index)  # as when the user picks it
    assert shown_ids(main_window) == wanted
    assert main_window.case_list.ui.searchEdit.text() == "道路"

    qtbot.mouseClick(panel.ui.deleteViewButton, Qt.MouseButton.LeftButton)
    assert message_log[-1][0] == "confirm" and "道路类代表建议" in message_log[-1][2]
    qtbot.waitUntil(lambda: panel.ui.viewCombo.findText("道路类代表建议") < 0, timeout=5000)
    assert services.views.views() == []


def test_sorting_by_clicking_a_header(qtbot, main_window, rows):
    table = main_window.case_list.ui.caseTable
    header = table.horizontalHeader()
    column = COLUMN_INDEX["assigned_on"]
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    model = main_window.case_list.model
    dates = [model.index(n, column).data() for n in range(model.rowCount())]
    filled = [d for d in dates if d]
    assert filled == sorted(filled, reverse=True) and dates[: len(filled)] == filled
    assert header.sortIndicatorSection() == column


def test_hidden_and_moved_columns_survive_a_new_window(qtbot, services, message_log):
    from desktop_app.gui.main_window import MainWindow

    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(711, 507)  # inside the offscreen screen, which restoreGeometry clamps to
    header = first.case_list.ui.caseTable.horizontalHeader()
    header.setSectionHidden(COLUMN_INDEX["co_units"], True)
    header.setSectionHidden(COLUMN_INDEX["category"], False)
    header.moveSection(header.visualIndex(COLUMN_INDEX["title"]), 0)
    header.resizeSection(COLUMN_INDEX["title"], 333)
    first.case_list.ui.caseTable.sortByColumn(COLUMN_INDEX["number"], Qt.SortOrder.DescendingOrder)
    first.close()

    second = MainWindow(services)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (711, 507)
    header = second.case_list.ui.caseTable.horizontalHeader()
    assert header.isSectionHidden(COLUMN_INDEX["co_units"])
    assert not header.isSectionHidden(COLUMN_INDEX["category"])
    assert header.visualIndex(COLUMN_INDEX["title"]) == 0
    assert header.sectionSize(COLUMN_INDEX["title"]) == 333
    assert header.sortIndicatorSection() == COLUMN_INDEX["number"]
    model = second.case_list.model
    numbers = [int("".join(c for c in model.row_at(n).number if c.isdigit())) for n in range(model.rowCount())]
    assert numbers == sorted(numbers, reverse=True)


def test_column_chooser_hides_and_reorders_columns(qtbot, main_window, monkeypatch):
    from desktop_app.gui.dialogs.column_chooser_dialog import ColumnChooserDialog

    header = main_window.case_list.ui.caseTable.horizontalHeader()
    dialog = ColumnChooserDialog(header, main_window)
    qtbot.addWidget(dialog)
    columns = dialog.ui.columnList
    titles = [columns.item(n).text() for n in range(columns.count())]
    assert titles[:4] == ["届次", "编号", "类型", "标题"]
    columns.item(titles.index("代表/提案人")).setCheckState(Qt.CheckState.Unchecked)
    columns.setCurrentRow(titles.index("状态"))
    for _ in range(titles.index("状态")):
        qtbot.mouseClick(dialog.ui.upButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    assert header.isSectionHidden(COLUMN_INDEX["lead_proposer"])
    assert header.visualIndex(COLUMN_INDEX["status"]) == 0


def test_header_context_menu_shows_and_hides_columns(qtbot, main_window):
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    header = main_window.case_list.ui.caseTable.horizontalHeader()
    seen: list[str] = []

    def use_menu():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        next(a for a in menu.actions() if a.text() == "会办单位").trigger()
        menu.close()

    QTimer.singleShot(50, use_menu)
    header.customContextMenuRequested.emit(QPoint(10, 5))
    assert seen[:3] == ["届次", "编号", "类型"] and seen[-1] == "选择列…"
    assert header.isSectionHidden(COLUMN_INDEX["co_units"])
