"""A checklist template as a JSON file, to share it between units (exchange layer: no DB, no Qt).

``write_template`` writes through ``atomic_write``; ``read_template`` checks the whole file
and raises one ValidationError listing every problem in Chinese, so an import is all or nothing.
Enumerated values are written as codes and read back as codes or Chinese labels (a hand-edited file
may use either).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.atomic_file import write_atomically
from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.checklist import (
    DUE_ANCHORS,
    Condition,
    Entry,
    EntryLevel,
    GateAction,
    arrange,
    template_problems,
)
from desktop_app.domain.deadlines import Anchor
from desktop_app.domain.errors import ValidationError

FORMAT = "jianyi-tian-checklist-template"
FORMAT_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
SUFFIX = ".json"


@dataclass(frozen=True)
class TemplateFile:
    name: str
    description: str
    entries: tuple[Entry, ...]


def template_dict(name: str, description: str, entries) -> dict:
    """The template as the file (and an exchange package) holds it."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "description": description,
        "entries": [_entry_dict(e) for e in entries],
    }


def write_template(path, name: str, description: str, entries) -> None:
    write_atomically(path, json.dumps(template_dict(name, description, entries), ensure_ascii=False, indent=2))


def read_template(path) -> TemplateFile:
    path = Path(path)
    where = f"文件“{path.name}”"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(f"{where}太大，不像清单模板文件。请选择由“导出模板”生成的 .json 文件。")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ValidationError(f"无法读取{where}：{error.strerror or error}。请检查文件是否存在、是否被占用。") from error
    except UnicodeDecodeError as error:
        raise ValidationError(f"{where}不是 UTF-8 文本，不是清单模板文件。请选择由“导出模板”生成的 .json 文件。") from error
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{where}的格式已损坏（第 {error.lineno} 行第 {error.colno} 列附近）。请重新导出后再导入。") from error
    return template_from_dict(data, where)


def template_from_dict(data, where: str) -> TemplateFile:
    """A template from its file form, checked whole (ValidationError listing every problem)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{where}不是清单模板文件。请选择由“清单模板 → 导出”生成的 .json 文件。")
    if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
        raise ValidationError(f"{where}由更新版本的程序导出，本程序无法读取。请升级本程序后再导入。")
    problems: list[str] = []
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("模板没有名称（name），请在文件中填写。")
        name = ""
    description = data.get("description") if isinstance(data.get("description"), str) else ""
    raw = data.get("entries")
    if not isinstance(raw, list) or not raw:
        raise ValidationError(problems + ["模板中没有任何条目（entries），无法导入。"])
    entries = []
    for i, item in enumerate(raw, 1):
        entry = _parse_entry(item, i, problems)
        if entry is not None:
            entries.append(entry)
    if not problems:
        try:
            flattened = arrange(entries)
        except ValueError as error:
            problems.append(str(error))
        else:
            if len(flattened) != len(entries):
                problems.append("有条目的上级（parent）不存在或互为上级，请检查 parent 字段。")
            problems += template_problems(flattened)
            entries = list(flattened)
    if problems:
        raise ValidationError([f"{where}不能导入，没有写入任何内容："] + problems)
    return TemplateFile(name.strip(), description, tuple(entries))


def _entry_dict(e: Entry) -> dict:
    return {
        "key": e.key,
        "parent": e.parent_key,
        "level": e.level.value,
        "name": e.name,
        "description": e.description,
        "applies_to": e.condition.to_dict(),
        "due": None if e.due_length is None else
        {"length": e.due_length, "unit": e.due_unit.value, "anchor": e.due_anchor.value},
        "gate": e.gate.value if e.gate else "",
    }


def _parse_entry(item, i: int, problems: list[str]) -> Entry | None:
    where = f"第 {i} 个条目"
    if not isinstance(item, dict):
        problems.append(f"{where}格式不对，应为一组“字段: 值”。")
        return None
    key, name = item.get("key"), item.get("name")
    if not isinstance(key, str) or not key.strip():
        problems.append(f"{where}缺少编号（key）。")
        return None
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}缺少名称（name）。")
        return None
    where = f"{where}“{name}”"
    parent = item.get("parent") or ""
    if not isinstance(parent, str):
        problems.append(f"{where}的上级（parent）应为文字。")
        parent = ""
    try:
        condition = Condition.from_dict(item.get("applies_to") or {})
    except ValueError as error:
        problems.append(f"{where}：{error}")
        condition = Condition()
    due_length, unit, anchor = None, LengthUnit.DAYS, Anchor.ASSIGNED
    due = item.get("due")
    if due:
        try:
            due_length = due["length"]
            if not isinstance(due_length, int) or isinstance(due_length, bool):
                raise ValueError(f"期限长度应为整数，现在是 {due_length!r}")
            unit = _code(LengthUnit, due.get("unit", "days"), "期限单位")
            anchor = _code(Anchor, due.get("anchor", "assigned_on"), "起算日")
            if anchor not in DUE_ANCHORS:
                raise ValueError("起算日只能是交办日期或签收日期")
        except (TypeError, KeyError, ValueError) as error:
            problems.append(f"{where}的期限（due）有误：{error}。")
    gate = None
    if item.get("gate"):
        try:
            gate = _code(GateAction, item["gate"], "关卡")
        except ValueError as error:
            problems.append(f"{where}：{error}。")
    description = item.get("description") if isinstance(item.get("description"), str) else ""
    return Entry(key.strip(), name.strip(), EntryLevel.STEP, parent, description, condition, due_length, unit,
                 anchor, gate)


def _code(enum_cls, value, what: str):
    try:
        return enum_cls(value)
    except ValueError:
        try:
            return enum_cls.from_label(str(value))
        except ValueError:
            raise ValueError(f"{what}“{value}”无法识别") from None
