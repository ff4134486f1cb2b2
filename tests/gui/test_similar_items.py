"""The editor's 相似件 tab (年年提): earlier items listed, one opened, a pair marked 同一问题 or
dismissed, and at intake the list following the title being typed."""

from __future__ import annotations

from desktop_app.domain.enums import ItemKind, LinkKind


def editor_of(window, item_id):
    window.items.open_case(item_id)
    return window.items._editors[item_id]


def loaded(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._runner.busy and panel.model.rowCount() > 0, timeout=10000)


def test_an_item_lists_its_similar_items_and_opens_one(qtbot, main_window, services):
    row = main_window.case_list.model.row_at(0)
    editor = editor_of(main_window, row.id)
    panel = editor.similar
    editor.ui.sectionTabs.setCurrentWidget(panel)
    loaded(qtbot, panel)
    tabs = editor.ui.sectionTabs
    assert tabs.tabText(tabs.indexOf(panel)) == f"&- 相似件（{panel.model.rowCount()}）"
    first = panel.model.row(0)
    assert first.item_id != row.id and first.score > 0
    assert panel.model.index(0, 5).data() == first.title
    assert not panel.openButton.isEnabled()

    panel.similarTable.selectRow(0)
    panel.openButton.click()
    assert first.item_id in main_window.items._editors
    other = main_window.items._editors[first.item_id]
    assert other.ui.titleEdit.text() == first.title
    other.close()


def test_marking_a_pair_is_remembered_and_kept_in_history(qtbot, main_window, services):
    row = main_window.case_list.model.row_at(0)
    editor = editor_of(main_window, row.id)
    panel = editor.similar
    assert panel.model.rowCount() == 0  # read when the tab is first shown
    editor.ui.sectionTabs.setCurrentWidget(panel)
    loaded(qtbot, panel)
    panel.similarTable.selectRow(0)
    same = panel.model.row(0)
    panel.linkButton.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.model.row(0).link is LinkKind.SAME, timeout=10000)
    assert panel.model.row(0).item_id == same.item_id
    assert any(h.field == "相似件" and "同一问题" in h.new_value for h in services.cases.history(row.id))

    panel.similarTable.selectRow(1)
    dismissed = panel.model.row(1)
    panel.dismissButton.click()
    qtbot.waitUntil(lambda: not panel._runner.busy and dismissed.item_id not in
                    [panel.model.row(i).item_id for i in range(panel.model.rowCount())], timeout=10000)
    reopened = [s.item_id for s in services.similarity.similar_to_item(row.id, limit=50)]
    assert dismissed.item_id not in reopened and same.item_id in reopened


def test_at_intake_the_list_follows_the_title(qtbot, main_window, services):
    title = main_window.case_list.model.row_at(0).title
    main_window.items.new_case(ItemKind.SUGGESTION)
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog

    editor = next(d for d in main_window.findChildren(CaseEditDialog) if d.record.id is None)
    panel = editor.similar
    assert panel.model.rowCount() == 0 and "录入标题" in panel.hintLabel.text()
    editor.ui.titleEdit.setText(title)
    loaded(qtbot, panel)
    assert title in [panel.model.row(i).title for i in range(panel.model.rowCount())]
    assert "往年可能提过同一问题" in panel.hintLabel.text()
    assert not panel.linkButton.isEnabled()  # a new item is linked once saved
    editor.reject()


def test_the_review_view_lists_the_problems_raised_year_after_year(qtbot, main_window, services, tmp_path,
                                                                    message_log):
    from PySide6.QtGui import QAction
    from openpyxl import load_workbook

    from tests.services.records import make_record

    # The demo's items are all of one year: the same problems raised three years before.
    for n, row in enumerate(main_window.case_list.model.row_at(i) for i in range(3)):
        record = services.cases.get(row.id)
        services.cases.save(make_record(session_name="2021年区人大会议", number=f"{n + 1:04d}",
                                        title=record.title, content=record.content))

    main_window.findChild(QAction, "reviewViewAction").trigger()
    view = main_window.commands.view("review")
    view.ui.recurringButton.click()
    dialog = view.recurring
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    model = dialog.model
    assert model.rowCount() > 0 and "在两个及以上年度提出" in dialog.summaryLabel.text()
    years = [model.row(n).years for n in range(model.rowCount())]
    assert years == sorted(years, reverse=True) and min(years) >= 2
    first = model.row(0)
    same_group = [model.row(n).member.item.year for n in range(model.rowCount()) if model.row(n).group == 1]
    assert len(set(same_group)) == first.years

    dialog.groupTable.selectRow(0)
    dialog.openButton.click()
    assert first.item_id in main_window.items._editors
    main_window.items._editors[first.item_id].close()

    out = tmp_path / "年年提.xlsx"
    dialog.export_file(out)
    qtbot.waitUntil(lambda: any("已导出" in m[2] for m in message_log), timeout=20000)
    listed = list(load_workbook(out)["年年提"].iter_rows(min_row=4, values_only=True))
    assert listed[0][7] == first.member.item.title or listed[0][0] == 1
    dialog.close()
