"""The fields a 交办清单 or 台账 column can hold, their Chinese names and synonyms, and how a header
text is matched to a field (exchange layer, pure Python).

Sheets come from many offices, each naming columns its own way (案号 / 建议号 / 提案号 …), so a
header is matched by exact name first, then by the longest synonym it contains (领衔代表姓名 →
领衔代表, never the shorter 代表 of 附议代表).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False


FIELDS: tuple[ImportField, ...] = (
    ImportField("session", "届次", ("届次", "会议", "会次", "届次会议", "会议名称", "届别")),
    ImportField("number", "编号", ("编号", "案号", "建议号", "提案号", "建议编号", "提案编号", "议案号"), True),
    ImportField("kind", "类型", ("类型", "件别", "建议类型", "提案类型")),
    ImportField("title", "标题", ("标题", "案由", "题目", "建议标题", "提案标题", "建议题目", "提案题目"), True),
    ImportField("lead_proposer", "领衔代表", (
        "领衔代表", "提案人", "第一提案人", "领衔人", "领衔委员", "提出人", "代表", "委员", "领衔")),
    ImportField("cosigners", "附议代表", (
        "附议代表", "联名代表", "联名委员", "附议人", "联名人", "附议", "联名", "附议委员")),
    ImportField("lead_units", "主办单位", ("主办单位", "主办", "承办单位", "牵头单位", "主办部门")),
    ImportField("co_units", "会办单位", ("会办单位", "协办单位", "会办", "协办", "配合单位", "会办部门")),
    ImportField("assigned_on", "交办日期", ("交办日期", "交办时间", "交办日")),
    # Our unit's 签收, or the lead unit's when the office keeps the list (services decide which).
    ImportField("signed_on", "签收日期", ("签收日期", "签收时间", "签收日")),
    ImportField("raised_at", "闭会期间", ("闭会期间", "是否闭会期间", "闭会期间提出", "大会闭会", "大会或闭会期间")),
    ImportField("category", "类别", ("类别", "分类", "所属类别", "内容分类")),
    ImportField("content", "内容", ("内容", "正文", "建议内容", "提案内容", "主要内容")),
    # 政协提案 sheets (issue 23): the 第一提案人's 界别, the 提案委员会's decision and 并案.
    ImportField("sector", "界别", ("界别", "所属界别", "委员界别", "提案人界别")),
    ImportField("filing", "立案情况", ("立案情况", "是否立案", "立案", "审查情况", "审查意见", "立案结果")),
    ImportField("merged_into", "并案", ("并案", "并案情况", "并入", "并入提案", "并案提案号", "主提案号")),
)

FIELD_BY_KEY = {f.key: f for f in FIELDS}
LABEL_OF = {f.key: f.label for f in FIELDS}
IGNORED_LABEL = "（不导入）"

_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")
_NOISE = re.compile(r"[\s*＊:：/、]+")


def header_text(value) -> str:
    """A header cell as comparable text: full-width folded, no spaces, stars or remarks in brackets."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return _NOISE.sub("", _BRACKETS.sub("", text))


_NOT_FIELDS = ("代表团", "界别", "电话", "联系", "序号", "地址")
_EXACT = {header_text(s): f.key for f in FIELDS for s in (f.label, *f.synonyms)}
_BY_LENGTH = sorted(_EXACT.items(), key=lambda pair: -len(pair[0]))


def field_for_header(value) -> str | None:
    """The field key a header cell names, or None."""
    text = header_text(value)
    if not text:
        return None
    found = _EXACT.get(text)
    if found:
        return found
    if len(text) > 12 or any(word in text for word in _NOT_FIELDS):
        # A long cell is a title or a note; 代表团, 电话 … contain a synonym but are other data.
        return None
    for synonym, key in _BY_LENGTH:
        if len(synonym) >= 2 and synonym in text:
            return key
    return None


def auto_mapping(headers: list[str]) -> list[str | None]:
    """A field key (or None) per column; each field taken by the first column naming it."""
    taken: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        key = field_for_header(header)
        if key in taken:
            key = None
        if key:
            taken.add(key)
        mapping.append(key)
    return mapping


def signature(headers: list[str]) -> str:
    """Identifies a sheet shape, to find a mapping saved for it."""
    return "|".join(header_text(h) for h in headers)
