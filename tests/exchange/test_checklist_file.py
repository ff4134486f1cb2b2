"""A checklist template file: round trip, and broken files refused whole with clear messages."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain.checklist import default_template, update_entry
from desktop_app.domain.errors import ValidationError
from desktop_app.exchange.checklist_file import read_template, write_template
from desktop_app.services.checklist import ChecklistService


def test_round_trip_keeps_every_entry(tmp_path):
    entries = update_entry(default_template(), "s4", due_length=14)
    write_template(tmp_path / "模板.json", "默认办理清单", "五步走", entries)
    back = read_template(tmp_path / "模板.json")
    assert (back.name, back.description, back.entries) == ("默认办理清单", "五步走", entries)


def test_a_broken_file_lists_every_problem(tmp_path):
    write_template(tmp_path / "t.json", "模板", "", default_template())
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    data["entries"][1]["name"] = ""
    data["entries"][2]["due"] = {"length": "十四", "unit": "days", "anchor": "assigned_on"}
    data["entries"][3]["gate"] = "发文"
    (tmp_path / "t.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_template(tmp_path / "t.json")
    text = str(caught.value)
    assert "没有写入任何内容" in text and "第 2 个条目缺少名称" in text
    assert "期限长度应为整数" in text and "关卡“发文”无法识别" in text


@pytest.mark.parametrize("content, message", [
    ("{not json", "格式已损坏"),
    ('{"format": "other"}', "不是清单模板文件"),
    ('{"format": "jianyi-tian-checklist-template", "format_version": 9}', "更新版本"),
])
def test_files_that_are_not_templates_are_refused(tmp_path, content, message):
    (tmp_path / "x.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        read_template(tmp_path / "x.json")


def test_import_writes_a_new_version_or_nothing(ctx, tmp_path):
    service = ChecklistService(ctx)
    current = service.template()
    service.export_template(current.version_id, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    data["entries"].append({"key": "x1", "parent": "p3", "name": "归档", "applies_to": {}})
    (tmp_path / "out.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _changes, version_id = service.import_template(tmp_path / "out.json")
    imported = service.template()
    assert imported.version_id == version_id and imported.number == 2 and imported.entries[-1].name == "归档"

    data["entries"].append({"key": "x2", "parent": "nowhere", "name": "孤儿"})
    (tmp_path / "out.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="上级"):
        service.import_template(tmp_path / "out.json")
    assert service.template().number == 2
