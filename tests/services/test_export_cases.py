"""Exporting the 台账 and the case list, and the round trip through Excel back into the register."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop_app.domain.errors import ValidationError
from desktop_app.exchange.report import RowStatus
from desktop_app.services.cases import CaseService
from desktop_app.services.export_cases import PER_ASSIGNMENT, ListColumn
from desktop_app.services.exporters import export
from desktop_app.services.import_cases import ImportService
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.domain.enums import UnitRole
from desktop_app.services.dto import AssignmentRecord
from tests.exchange.sheets import SESSION, row, simple_list
from tests.services.records import make_record


@pytest.fixture
def filled(ctx, tmp_path):
    """Two items of 区二届人大五次会议 imported from a list, one entered by hand, one 涉密 item."""
    importer = ImportService(ctx, MaintenanceService(ctx, tmp_path / "backups"))
    path = simple_list(tmp_path / "交办清单.xlsx", [
        row(1, "0035", "关于增设公交站点的建议"),
        row(2, "0036", "关于加强河道保洁的建议", 主办单位="区水务局", 会办单位="城桥镇、新河镇"),
    ])
    importer.apply(importer.read_file(path))
    CaseService(ctx).save(make_record(number="0104", title="=关于“公式”开头的建议", assignments=(
        AssignmentRecord(None, "区交通委", UnitRole.LEAD), AssignmentRecord(None, "区建设管理委", UnitRole.CO))))
    CaseService(ctx).save(make_record(number="0200", title="涉密事项", is_secret=True))
    return importer


def sheet_rows(path):
    sheet = load_workbook(path).active
    return sheet, [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]


def test_ledger_per_item_leaves_secret_items_out(ctx, filled, tmp_path):
    path = export(ctx, "ledger", tmp_path / "台账.xlsx", session_name=SESSION)

    sheet, rows = sheet_rows(path)
    assert sheet["A1"].value == f"{SESSION} 建议提案办理台账（截至2024年6月3日）"
    assert [r[2] for r in rows] == ["0035", "0036", "0104"]
    assert rows[1][7:9] == ["区水务局", "城桥镇、新河镇"]
    assert rows[2][4] == "'=关于“公式”开头的建议"  # text, with the apostrophe that keeps it from being a formula
    assert all(c.data_type != "f" for r in sheet.iter_rows() for c in r)
    assert rows[0][9].date() == date(2024, 1, 15)
    assert "涉密事项" not in {r[4] for r in rows}


def test_ledger_per_assignment_of_one_unit_with_chosen_columns(ctx, filled, tmp_path):
    path = export(ctx, "ledger", tmp_path / "t.xlsx", unit_name="区建设管理委", per=PER_ASSIGNMENT,
                  columns=["number", "unit", "role"])

    sheet, rows = sheet_rows(path)
    assert sheet["A1"].value.startswith("区建设管理委 建议提案办理台账")
    assert [c.value for c in sheet[2]] == ["编号", "办理单位", "角色"]
    assert rows == [["0035", "区建设管理委", "会办"], ["0104", "区建设管理委", "会办"]]


def test_an_unknown_session_or_unit_is_named_with_the_choices(ctx, filled, tmp_path):
    with pytest.raises(ValidationError, match=f"没有名为“区三届”的届次.*{SESSION}"):
        export(ctx, "ledger", tmp_path / "t.xlsx", session_name="区三届")
    with pytest.raises(ValidationError, match="没有名为“交通委”的单位.*区交通委"):
        export(ctx, "ledger", tmp_path / "t.xlsx", unit_name="交通委")


def test_the_case_list_is_exported_as_shown(ctx, filled, tmp_path):
    rows = CaseService(ctx).list_rows()
    shown = sorted(rows, key=lambda r: r.number, reverse=True)
    columns = [ListColumn("编号", lambda r: r.number, 8), ListColumn("标题", lambda r: r.title, 40),
               ListColumn("交办日期", lambda r: r.assigned_on, 12)]

    path = export(ctx, "case_list", tmp_path / "列表.xlsx", columns=columns, rows=shown)

    _sheet, values = sheet_rows(path)
    assert [v[0] for v in values] == ["0104", "0036", "0035"]  # in the list's order, 涉密 left out
    assert values[0][2].date() == date(2024, 2, 20)


def test_round_trip_a_ledger_edited_in_excel_is_a_reviewed_update(ctx, filled, tmp_path):
    path = export(ctx, "ledger", tmp_path / "台账.xlsx", session_name=SESSION)
    before = {r.number: CaseService(ctx).get(r.id) for r in CaseService(ctx).list_rows()}
    # The user edits two cells in Excel and saves.
    book = load_workbook(path)
    sheet = book.active
    for r in range(3, sheet.max_row + 1):
        if sheet.cell(r, 3).value == "0036":
            sheet.cell(r, 5).value = "关于加强河道和沟渠保洁的建议"
            sheet.cell(r, 9).value = "城桥镇、新河镇、港沿镇"
    book.save(path)

    preview = filled.read_file(path)

    by_number = {r.case.number: r for r in preview.rows}
    assert {n: r.status for n, r in by_number.items()} == {
        "0035": RowStatus.UNCHANGED, "0036": RowStatus.UPDATE, "0104": RowStatus.UNCHANGED}
    assert [(d.field, d.old, d.new) for d in by_number["0036"].diffs] == [
        ("标题", "关于加强河道保洁的建议", "关于加强河道和沟渠保洁的建议"),
        ("会办单位", "城桥镇、新河镇", "城桥镇、新河镇、港沿镇"),
    ]
    assert [u.name for u in preview.unknown_units] == ["港沿镇"]

    changes, result = filled.apply(preview)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    after = {r.number: CaseService(ctx).get(r.id) for r in CaseService(ctx).list_rows()}
    changed = after["0036"]
    assert changed.title == "关于加强河道和沟渠保洁的建议"
    assert [a.unit_name for a in changed.assignments] == ["区水务局", "城桥镇", "新河镇", "港沿镇"]
    for number in ("0035", "0104", "0200"):
        assert after[number] == before[number]  # nothing else changed
    assert changes.item_ids == {changed.id} and "unit" in changes.kinds
