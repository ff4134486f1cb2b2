"""The case table model: Qt's model contract, sorting by every column, speed at 100,000 rows."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.enums import ItemKind, ItemStatus, RaisedAt, ResultCategory, UnitRole
from desktop_app.gui.models.case_table_model import COLUMNS, ROW_ROLE, CaseTableModel
from desktop_app.services.dto import CaseRow

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


# What a user expects each column to sort by, written independently of the model: None is an
# empty cell, which stays at the bottom in both directions.
EXPECTED_ORDER = {
    "session": lambda r: (r.session_name, _number(r.number)),
    "number": lambda r: _number(r.number),
    "kind": lambda r: r.kind.label,
    "title": lambda r: r.title,
    "lead_proposer": lambda r: r.lead_proposer or None,
    "lead_units": lambda r: r.lead_units or None,
    "co_units": lambda r: r.co_units or None,
    "our_role": lambda r: r.our_role.label if r.our_role else None,
    "assigned_on": lambda r: r.assigned_on,
    "status": lambda r: list(ItemStatus).index(r.status),
    "result": lambda r: list(ResultCategory).index(r.result) if r.result else None,
    "replied_on": lambda r: r.replied_on,
    "category": lambda r: r.category or None,
    "raised_at": lambda r: r.raised_at.label,
    "is_key": lambda r: not r.is_key,
    "is_leader_handled": lambda r: not r.is_leader_handled,
    "is_secret": lambda r: not r.is_secret,
    "next_due": lambda r: r.next_deadline.due_on if r.next_deadline else None,
    "progress": lambda r: r.checklist_progress.done / r.checklist_progress.total if r.checklist_progress else None,
}


def shown_rows(model: CaseTableModel) -> list[CaseRow]:
    return [model.index(row, 0).data(ROW_ROLE) for row in range(model.rowCount())]


@pytest.fixture
def demo_rows(services) -> list[CaseRow]:
    return services.cases.list_rows()


def test_model_passes_qt_model_tester_with_demo_rows(qtmodeltester, demo_rows):
    model = CaseTableModel()
    model.set_rows(demo_rows)
    qtmodeltester.check(model)
    model.sort(1, DESC)
    model.set_filter(lambda rows: [r for r in rows if r.kind is ItemKind.PROPOSAL])
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < len(demo_rows)


def test_every_column_has_its_chinese_title():
    model = CaseTableModel()
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert titles[:11] == ["届次", "编号", "类型", "标题", "代表/提案人", "主办单位", "会办单位",
                           "我方角色", "交办日期", "状态", "办理结果"]
    assert set(titles[11:]) == {"答复日期", "分类", "大会/闭会", "重点督办", "区领导亲自办理", "涉密", "下一期限", "进度"}


@pytest.mark.parametrize("order", [ASC, DESC], ids=["ascending", "descending"])
def test_sorting_by_each_column_orders_the_actual_values(demo_rows, order):
    model = CaseTableModel()
    model.set_rows(demo_rows)
    assert set(EXPECTED_ORDER) == {c.key for c in COLUMNS}
    for column_number, column in enumerate(COLUMNS):
        model.sort(column_number, order)
        values = [EXPECTED_ORDER[column.key](r) for r in shown_rows(model)]
        filled = [v for v in values if v is not None]
        assert values == filled + [None] * (len(values) - len(filled)), column.title
        assert filled == sorted(filled, reverse=order == DESC), column.title
        assert len(set(filled)) > 1 or column.key in ("kind",) or not filled, f"{column.title}: demo data too uniform"


def test_number_sorts_numerically_and_display_keeps_leading_zeros():
    rows = [_row(1, number="0104"), _row(2, number="35"), _row(3, number="0007"), _row(4, number="临1")]
    model = CaseTableModel()
    model.set_rows(rows)
    model.sort(1, ASC)
    assert [model.index(n, 1).data() for n in range(4)] == ["临1", "0007", "35", "0104"]


def test_secret_rows_are_marked_and_status_is_coloured(demo_rows):
    model = CaseTableModel()
    model.set_rows(demo_rows)
    secret_row = next(n for n, r in enumerate(shown_rows(model)) if r.is_secret)
    title = model.index(secret_row, 3)
    assert title.data().startswith("【涉密】")
    assert title.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 9).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_a_filter_keeps_the_sort_order_and_sorting_keeps_the_filter(demo_rows):
    model = CaseTableModel()
    model.set_rows(demo_rows)
    model.sort(8, DESC)
    model.set_filter(lambda rows: [r for r in rows if r.kind is ItemKind.SUGGESTION])
    dates = [r.assigned_on for r in shown_rows(model) if r.assigned_on]
    assert dates == sorted(dates, reverse=True)
    model.sort(3, ASC)
    assert {r.kind for r in shown_rows(model)} == {ItemKind.SUGGESTION}
    assert model.total_count == len(demo_rows)


def _row(n: int, *, number: str | None = None, rng: random.Random | None = None) -> CaseRow:
    rng = rng or random.Random(n)
    status = rng.choice(list(ItemStatus))
    return CaseRow(
        id=n, session_id=n % 10, session_name=f"区{n % 10}届人大五次会议", number=number or f"{rng.randint(1, 9999):04d}",
        kind=rng.choice(list(ItemKind)), title=f"关于{rng.randint(0, 10**6)}号道路改造的建议",
        lead_proposer=rng.choice(["张三", "李四", "王五", ""]), lead_units=rng.choice(["区民政局", "区交通委"]),
        co_units=rng.choice(["", "区教育局、城桥镇"]), our_role=rng.choice([None, *UnitRole]),
        assigned_on=date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000)), status=status,
        result=rng.choice([None, *ResultCategory]), is_key=rng.random() < 0.1, is_leader_handled=False,
        is_secret=rng.random() < 0.05, raised_at=RaisedAt.PLENARY, category="城建",
        unit_ids=frozenset({n % 15}), replied_on=None if rng.random() < 0.5 else date(2024, 1, 1) + timedelta(days=n % 300),
    )


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_saved_row_that_moves_lands_where_sorting_again_puts_it(order):
    """A save moves its row to its new place without sorting every row again; the list reads as
    if it had been sorted from scratch, in every column and both directions."""
    from dataclasses import replace

    rng = random.Random(7)
    rows = [_row(n, rng=rng) for n in range(1, 400)]
    for column_number, column in enumerate(COLUMNS):
        model = CaseTableModel()
        model.set_rows(rows)
        model.sort(column_number, order)
        model.prepare_updates()
        changed = []
        for pick in rng.sample(rows, 3):
            donor = rng.choice(rows)  # another row's values: the saved row moves, ties included
            changed.append(replace(donor, id=pick.id, number=pick.number if rng.random() < 0.5 else donor.number))
        model.put_rows(changed)
        in_place = [r.id for r in shown_rows(model)]
        expected = CaseTableModel()
        expected.set_rows([next((c for c in changed if c.id == r.id), r) for r in rows])
        expected.sort(column_number, order)
        resorted = [r.id for r in shown_rows(expected)]
        # Rows whose sort values are equal may stand in either order; everything else is exact.
        assert [column.value(model.row_at(n)) for n in range(len(in_place))] == \
               [column.value(expected.row_at(n)) for n in range(len(resorted))], column.title
        assert sorted(in_place) == sorted(resorted)
        rows_by_id = {r.id: r for r in shown_rows(model)}
        assert all(rows_by_id[c.id] == c for c in changed)


def test_the_selection_follows_its_items_through_a_save_a_sort_and_a_delete():
    from dataclasses import replace

    from PySide6.QtCore import QItemSelectionModel

    rows = [_row(n) for n in range(1, 200)]
    model = CaseTableModel()
    model.set_rows(rows)
    title = next(n for n, c in enumerate(COLUMNS) if c.key == "title")
    model.sort(title, Qt.SortOrder.AscendingOrder)
    model.prepare_updates()
    selection = QItemSelectionModel(model)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    picked = [model.row_at(5).id, model.row_at(120).id]
    for item_id in picked:
        selection.select(model.index(model.row_of(item_id), 0), flags)
    selection.setCurrentIndex(model.index(model.row_of(picked[0]), 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def selected_ids():
        return sorted(model.row_at(index.row()).id for index in selection.selectedRows())

    model.put_rows([replace(model.rows_by_id()[picked[0]], title="甲" * 30)])  # its row moves to the end
    assert model.row_of(picked[0]) == len(rows) - 1
    assert selected_ids() == sorted(picked) and model.row_at(selection.currentIndex().row()).id == picked[0]
    model.put_rows([replace(model.rows_by_id()[picked[1]], lead_proposer="赵六")])  # stays where it is
    assert selected_ids() == sorted(picked)
    model.sort(title, Qt.SortOrder.DescendingOrder)
    assert model.row_of(picked[0]) == 0 and selected_ids() == sorted(picked)
    model.put_rows((), {picked[1]})  # deleted in another window
    assert selected_ids() == [picked[0]] and model.row_of(picked[0]) == 0


def test_a_save_after_a_late_column_is_filled_lands_on_its_own_row(qtbot):
    """Filling 进度 replaces every row object but moves none: the id → place tables made before
    still hold, and the next save replaces its own row and no other."""
    from dataclasses import replace

    rows = [_row(n) for n in range(1, 300)]
    model = CaseTableModel()
    model.set_rows(rows)
    model.sort(next(n for n, c in enumerate(COLUMNS) if c.key == "title"), Qt.SortOrder.AscendingOrder)
    model.prepare_updates()
    model.update_rows({r.id: (r, replace(r, checklist_progress=(r.id % 7, 7))) for r in rows}, "progress",
                      "checklist_progress")
    saved = replace(model.rows_by_id()[150], lead_proposer="赵六")
    model.put_rows([saved])
    shown = shown_rows(model)
    assert [r.id for r in shown].count(150) == 1 and model.row_at(model.row_of(150)) == saved
    assert all(r.checklist_progress == (r.id % 7, 7) for r in shown)
    assert sorted(r.id for r in shown) == [r.id for r in rows]
