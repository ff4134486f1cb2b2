"""Importing a 交办清单 with a 签收日期 and a 闭会期间 column, and rows without a 主办单位."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.enums import ItemStatus, RaisedAt, UnitRole
from desktop_app.exchange.report import RowStatus
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import UnitInfo
from desktop_app.services.import_cases import ImportService
from desktop_app.services.reference import ReferenceService
from tests.exchange.sheets import SESSION, write_book

HEADER = ["编号", "标题", "领衔代表", "主办单位", "会办单位", "交办日期", "签收日期", "闭会期间"]


@pytest.fixture
def importer(ctx):
    return ImportService(ctx)


def our_unit(ctx, name: str) -> None:
    reference = ReferenceService(ctx)
    for unit in ("区交通委", "区水务局", "区建设管理委", "区政府办公室"):
        reference.save_unit(UnitInfo(0, unit))
    reference.set_our_unit(next(u.id for u in reference.units() if u.name == name))


def sheet(tmp_path, rows, header=HEADER, name="list.xlsx"):
    return write_book(tmp_path / name, [[f"{SESSION}代表建议交办清单"], header, *rows])


def signed(record) -> dict[str, date | None]:
    return {a.unit_name: a.signed_on for a in record.assignments}


def test_a_unit_imports_its_own_signing_date_and_the_interim_mark(ctx, importer, tmp_path):
    our_unit(ctx, "区交通委")
    path = sheet(tmp_path, [
        ["0035", "关于增设公交站点的建议", "张三", "区交通委", "区建设管理委", "2024-01-15", "2024-01-18", "√"],
        ["0036", "关于河道保洁的建议", "李四", "区水务局", "区交通委", "2024-01-15", "2024年1月19日", "否"],
        ["0037", "关于路灯维修的建议", "王五", "区交通委", "", "2024-01-15", "", "闭会期间"],
        ["0038", "关于停车难的建议", "赵六", "区交通委", "", "2024-01-15", "", ""],
    ])

    preview = importer.read_file(path)
    assert preview.signing_unit == "区交通委"
    assert [r.status for r in preview.rows] == [RowStatus.NEW] * 4
    _changes, result = importer.apply(preview)

    cases = CaseService(ctx)
    lead, co, unsigned, plenary = (cases.get(i) for i in result.item_ids)
    assert signed(lead) == {"区交通委": date(2024, 1, 18), "区建设管理委": None}
    assert lead.status is ItemStatus.HANDLING  # the lead unit signed: no longer 待签收
    assert signed(co) == {"区水务局": None, "区交通委": date(2024, 1, 19)}
    assert co.status is ItemStatus.PENDING  # only the co-unit signed
    assert signed(unsigned) == {"区交通委": None} and unsigned.status is ItemStatus.PENDING
    assert [r.raised_at for r in (lead, co, unsigned, plenary)] == [
        RaisedAt.INTERIM, RaisedAt.PLENARY, RaisedAt.INTERIM, RaisedAt.PLENARY]


def test_the_office_imports_the_lead_units_signing_date(ctx, importer, tmp_path):
    our_unit(ctx, "区政府办公室")
    path = sheet(tmp_path, [
        ["0035", "关于增设公交站点的建议", "张三", "区交通委、区水务局", "区建设管理委", "2024-01-15", "2024-01-17", "是"],
    ])

    preview = importer.read_file(path)
    assert preview.signing_unit == ""
    _changes, result = importer.apply(preview)

    record = CaseService(ctx).get(result.item_ids[0])
    assert [(a.unit_name, a.role, a.signed_on) for a in record.assignments] == [
        ("区交通委", UnitRole.LEAD, date(2024, 1, 17)), ("区水务局", UnitRole.LEAD, date(2024, 1, 17)),
        ("区建设管理委", UnitRole.CO, None)]
    assert record.raised_at is RaisedAt.INTERIM and record.status is ItemStatus.HANDLING


def test_a_later_list_records_the_signing_date_as_an_update_and_a_blank_one_keeps_it(ctx, importer, tmp_path):
    our_unit(ctx, "区交通委")
    first = [["0035", "关于增设公交站点的建议", "张三", "区交通委", "区建设管理委", "2024-01-15", "", ""]]
    _changes, result = importer.apply(importer.read_file(sheet(tmp_path, first, name="a.xlsx")))
    later = [["0035", "关于增设公交站点的建议", "张三", "区交通委", "区建设管理委", "2024-01-15", "2024-01-18", "√"]]

    preview = importer.read_file(sheet(tmp_path, later, name="b.xlsx"))

    [update] = preview.rows
    assert update.status is RowStatus.UPDATE
    assert [(d.field, d.old, d.new) for d in update.diffs] == [
        ("闭会期间", "大会", "闭会期间"), ("签收日期（区交通委）", "", "2024-01-18")]
    importer.apply(preview)
    record = CaseService(ctx).get(result.item_ids[0])
    assert signed(record)["区交通委"] == date(2024, 1, 18) and record.status is ItemStatus.HANDLING
    assert record.raised_at is RaisedAt.INTERIM

    again = importer.read_file(sheet(tmp_path, [[*later[0][:6], "", "√"]], name="c.xlsx"))
    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED]  # a blank cell erases no 签收


def test_a_row_without_a_lead_unit_is_an_error_not_a_new_item(ctx, importer, tmp_path):
    our_unit(ctx, "区政府办公室")
    path = sheet(tmp_path, [
        ["0035", "关于增设公交站点的建议", "张三", "区交通委", "", "2024-01-15", "", ""],
        ["0036", "关于河道保洁的建议", "李四", "", "区水务局", "2024-01-15", "", ""],
    ])

    preview = importer.read_file(path)

    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.ERROR]
    [problem] = preview.rows[1].problems
    assert str(problem) == "第 4 行“主办单位”列：没有主办单位。请填写主办单位（例如 区交通委），或删去这一行"
    _changes, result = importer.apply(preview, skip_errors=True)
    assert (result.created, result.skipped_errors) == (1, 1)


def test_a_sheet_without_a_lead_unit_column_only_updates(ctx, importer, tmp_path):
    our_unit(ctx, "区政府办公室")
    importer.apply(importer.read_file(sheet(tmp_path, [
        ["0035", "关于增设公交站点的建议", "张三", "区交通委", "", "2024-01-15", "", ""]], name="a.xlsx")))
    rows = [["编号", "标题"], ["0035", "关于增设和改造公交站点的建议"], ["0036", "关于河道保洁的建议"]]

    preview = importer.read_file(write_book(tmp_path / "b.xlsx", rows), default_session=SESSION)

    assert [r.status for r in preview.rows] == [RowStatus.UPDATE, RowStatus.ERROR]
    assert str(preview.rows[1].problems[0]) == (
        "第 3 行“主办单位”列：表中没有主办单位，这一行不能作为新的一件导入。请在列对应中指定“主办单位”列，或删去这一行")


def test_impossible_signing_dates_are_row_errors(ctx, importer, tmp_path):
    our_unit(ctx, "区交通委")  # the clock says 2024-06-03
    path = sheet(tmp_path, [
        ["0035", "关于增设公交站点的建议", "张三", "区交通委", "", "2024-01-15", "2024-07-01", ""],
        ["0036", "关于河道保洁的建议", "李四", "区交通委", "", "2024-01-15", "2024-01-10", ""],
        ["0037", "关于路灯维修的建议", "王五", "区水务局", "区建设管理委", "2024-01-15", "2024-01-18", ""],
        ["0038", "关于停车难的建议", "赵六", "区交通委", "", "2024-01-15", "2024-01-18", "大概"],
    ])

    preview = importer.read_file(path)

    assert [r.status for r in preview.rows] == [RowStatus.ERROR] * 4
    reasons = [r.problems[0].reason for r in preview.rows]
    assert reasons[0] == "签收日期 2024-07-01 晚于今天，签收还没有发生。请检查日期"
    assert reasons[1] == "签收日期 2024-01-10 早于交办日期 2024-01-15。请检查这两个日期"
    assert reasons[2] == ("签收日期记在本单位（区交通委）名下，但本单位不是这一件的主办或会办单位。"
                          "请核对单位列，或清空这一行的签收日期")
    assert preview.rows[3].problems[0].column == "闭会期间"
    assert reasons[3] == "“大概”看不出是否闭会期间提出：请填写“是”或“否”、打“√”，或写“闭会期间”“大会”"
