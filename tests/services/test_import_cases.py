"""Importing a 交办清单: the preview against the database, then one all-or-nothing write."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop_app.domain.enums import ItemKind, ProposerRole, UnitRole
from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.exchange.report import NameDecision, RowStatus
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import UnitInfo
from desktop_app.services.import_cases import ImportService
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.services.reference import ReferenceService
from desktop_app.storage.tables import History, Item
from tests.exchange.sheets import SESSION, row, simple_list, write_book


@pytest.fixture
def importer(ctx, tmp_path):
    return ImportService(ctx, MaintenanceService(ctx, tmp_path / "backups"))


def item_count(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Item))


def test_a_new_list_is_previewed_then_written_with_units_mapped_as_decided(ctx, importer, tmp_path):
    ReferenceService(ctx).save_unit(UnitInfo(0, "区交通委"))
    path = simple_list(tmp_path / "交办清单.xlsx", [
        row(1, "0035", "关于增设公交站点的建议", 主办单位="交通委"),
        row(2, "0036", "关于加强河道保洁的建议", 主办单位="区水务局", 会办单位="城桥镇、新河镇", 附议代表=""),
    ])

    preview = importer.read_file(path)

    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.NEW]
    assert preview.new_sessions == (SESSION,)
    unknown = {u.name: u for u in preview.unknown_units}
    assert unknown["交通委"].similar == ("区交通委",)
    assert set(unknown) == {"交通委", "区建设管理委", "区水务局", "城桥镇", "新河镇"}
    assert {u.name for u in preview.unknown_proposers} == {"张三", "李四", "王五"}
    assert item_count(ctx) == 0  # a preview writes nothing

    changes, result = importer.apply(preview, [NameDecision("unit", "交通委", "区交通委")])

    assert (result.created, result.updated) == (2, 0)
    assert result.backup_path and "import" in result.backup_path
    assert changes.kinds >= {"item", "unit", "proposer", "session"}
    cases = CaseService(ctx)
    first = cases.get(result.item_ids[0])
    assert (first.session_name, first.number, first.kind) == (SESSION, "0035", ItemKind.SUGGESTION)
    assert [(a.unit_name, a.role) for a in first.assignments] == [("区交通委", UnitRole.LEAD), ("区建设管理委", UnitRole.CO)]
    assert [(p.name, p.role) for p in first.proposers] == [
        ("张三", ProposerRole.LEAD), ("李四", ProposerRole.COSIGNER), ("王五", ProposerRole.COSIGNER)]
    assert str(first.assigned_on) == "2024-01-15"
    assert [u.name for u in ReferenceService(ctx).units()].count("交通委") == 0
    assert cases.search_ids("河道保洁") == {result.item_ids[1]}
    history = cases.history(result.item_ids[0])
    assert history[0].field == "新建" and "交办清单.xlsx" in history[0].reason


def test_importing_the_same_list_again_changes_nothing(ctx, importer, tmp_path):
    path = simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")])
    importer.apply(importer.read_file(path))

    again = importer.read_file(path)

    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED]
    assert again.unknown_units == () and again.unknown_proposers == ()


def test_a_changed_row_is_an_update_with_field_by_field_differences(ctx, importer, tmp_path):
    importer.apply(importer.read_file(simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")])))
    path = simple_list(tmp_path / "b.xlsx", [row(1, "0035", "关于增设和改造公交站点的建议", 会办单位="区建设管理委、城桥镇")])

    preview = importer.read_file(path)

    [update] = preview.rows
    assert update.status is RowStatus.UPDATE
    assert [(d.field, d.old, d.new) for d in update.diffs] == [
        ("标题", "关于增设公交站点的建议", "关于增设和改造公交站点的建议"),
        ("会办单位", "区建设管理委", "区建设管理委、城桥镇"),
    ]
    changes, result = importer.apply(preview)
    record = CaseService(ctx).get(update.item_id)
    assert record.title == "关于增设和改造公交站点的建议"
    assert [a.unit_name for a in record.assignments] == ["区交通委", "区建设管理委", "城桥镇"]
    assert result.updated == 1 and changes.item_ids == {update.item_id}
    fields = {h.field for h in CaseService(ctx).history(update.item_id)}
    assert "标题" in fields


def test_rows_with_errors_block_the_import_unless_skipped(ctx, importer, tmp_path):
    path = simple_list(tmp_path / "e.xlsx", [
        row(1, "0035", "关于增设公交站点的建议"),
        row(2, "0035", "重复编号的建议"),
        row(3, "0037", "日期写错的建议", 交办日期="2024年13月1日"),
    ])
    preview = importer.read_file(path)
    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.ERROR, RowStatus.ERROR]
    assert "与第 4 行重复" in str(preview.rows[1].problems[0])
    assert preview.rows[2].problems[0].column == "交办日期"

    with pytest.raises(ValidationError, match="有 2 行有错误，没有导入任何数据"):
        importer.apply(preview)
    assert item_count(ctx) == 0

    _changes, result = importer.apply(preview, skip_errors=True)
    assert (result.created, result.skipped_errors) == (1, 2)


def test_an_item_edited_after_the_preview_stops_the_whole_import(ctx, importer, tmp_path):
    importer.apply(importer.read_file(simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")])))
    preview = importer.read_file(simple_list(tmp_path / "b.xlsx", [
        row(1, "0035", "新标题"), row(2, "0036", "关于新增路灯的建议")]))
    cases = CaseService(ctx)
    record = cases.get(preview.rows[0].item_id)
    cases.save(replace(record, category="改过了"))

    with pytest.raises(ConflictError, match="重新预览"):
        importer.apply(preview)
    assert item_count(ctx) == 1  # 0036 was not written either
    assert cases.get(record.id).title == "关于增设公交站点的建议"


def test_kind_comes_from_the_session_or_the_type_column(ctx, importer, tmp_path):
    rows = [["届次", "编号", "标题", "类型"],
            ["2024年会议", "0001", "关于A的建议", ""],
            ["2024年会议", "0002", "关于B的提案", "政协提案"],
            ["区政协五届三次会议", "0003", "关于C的提案", ""]]
    preview = importer.read_file(write_book(tmp_path / "k.xlsx", rows))
    assert preview.rows[0].status is RowStatus.ERROR
    assert "无法判断是代表建议还是政协提案" in preview.rows[0].problems[0].reason
    assert [r.case.kind for r in preview.rows[1:]] == [ItemKind.PROPOSAL, ItemKind.PROPOSAL]


def test_a_corrected_mapping_is_remembered_for_the_next_file_of_that_shape(ctx, importer, tmp_path):
    rows = [["建议号", "事项", "承办处室"], ["0001", "关于增设公交站点的建议", "区交通委"]]
    source = importer.load(write_book(tmp_path / "m1.xlsx", rows))
    assert source.layout.mapping == ("number", None, None)
    mapping = ["number", "title", "lead_units"]
    preview = importer.preview(source, mapping, default_session=SESSION)
    assert preview.rows[0].case.lead_units == ("区交通委",)
    importer.save_mapping(list(source.layout.headers), mapping)

    again = importer.read_file(write_book(tmp_path / "m2.xlsx", rows), default_session=SESSION)

    assert again.mapping_saved
    assert [c.field for c in again.columns] == mapping
    assert again.rows[0].status is RowStatus.NEW


def test_a_failed_write_leaves_nothing_behind(ctx, importer, tmp_path, monkeypatch):
    from desktop_app.services import import_apply

    path = simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")])
    preview = importer.read_file(path)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_apply.search, "index_many", broken)
    with pytest.raises(RuntimeError):
        importer.apply(preview)
    assert item_count(ctx) == 0
    assert ReferenceService(ctx).units() == []
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(History)) == 0


def test_a_cancelled_import_writes_nothing(ctx, importer, tmp_path):
    preview = importer.read_file(simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")]))
    with pytest.raises(InterruptedError):
        importer.apply(preview, progress=lambda done, total: None, cancelled=lambda: True)
    assert item_count(ctx) == 0 and ReferenceService(ctx).units() == []


def test_look_alike_names_among_thousands_of_deputies():
    from desktop_app.services.import_cases import SimilarNames

    deputies = [f"代表{n:04d}" for n in range(5000)] + ["张建国"]
    assert SimilarNames(deputies).of("张建囯") == ("张建国",)
    assert SimilarNames(["区交通委", "区水务局"]).of("交通委") == ("区交通委",)


def test_a_number_excel_turned_into_35_still_finds_0035(ctx, importer, tmp_path):
    importer.apply(importer.read_file(simple_list(tmp_path / "a.xlsx", [row(1, "0035", "关于增设公交站点的建议")])))
    again = importer.read_file(simple_list(tmp_path / "b.xlsx", [row(1, 35, "关于增设公交站点的建议")]))
    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED]


def test_imported_items_get_their_handling_checklist_like_a_manual_registration(ctx, importer, tmp_path):
    from desktop_app.services.checklist import ChecklistService

    reference = ReferenceService(ctx)
    reference.save_unit(UnitInfo(0, "城桥镇"))
    reference.set_our_unit(next(u.id for u in reference.units() if u.name == "城桥镇"))
    path = simple_list(tmp_path / "交办清单.xlsx", [
        row(1, "0035", "关于增设公交站点的建议", 主办单位="城桥镇"),
        row(2, "0036", "关于加强河道保洁的建议", 主办单位="区水务局", 会办单位="城桥镇、新河镇"),
    ])

    _changes, result = importer.apply(importer.read_file(path), [])

    checklists = ChecklistService(ctx)
    led, co = (checklists.item_checklist(i) for i in result.item_ids)
    led_steps = [e.entry.name for e in led.entries]
    co_steps = [e.entry.name for e in co.entries]
    # Our unit leads the first: the reply steps are there; it only co-handles the second: they are not.
    assert "答复送达" in led_steps and "签收登记" in led_steps
    assert "签收登记" in co_steps and "会办汇总" in co_steps and "答复送达" not in co_steps
    assert led.progress.done == co.progress.done == 0 and co.progress.total < led.progress.total
    assert led.version_number == 1 and not led.outdated
    # The case list's 进度 column reads these.
    shown = {i: p.text() for i, p in checklists.progress_by_item().items()}
    assert shown == {result.item_ids[0]: f"0/{led.progress.total}", result.item_ids[1]: f"0/{co.progress.total}"}
