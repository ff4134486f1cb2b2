"""Cleaning cell values of real sheets: dates in any common form, full-width digits and spaces,
several names in one cell, stray blanks (exchange layer, pure Python)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from desktop_app.domain.enums import FilingDecision, ItemKind, RaisedAt
from desktop_app.domain.text import writable

# Full-width digits, letters and the ideographic space, but not full-width punctuation: a title's
# ，。 stay as typed.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_FOLD[0x3000] = 0x20
_FOLD[0xA0] = 0x20

_NAME_SPLIT = re.compile(r"[、，,；;\r\n]+")
_SPACES = re.compile(r"\s+")
_DATE_PARTS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMBER_WRAP = re.compile(r"^第?(.*?)号?$")
_EXCEL_EPOCH = date(1899, 12, 30)


class CellError(ValueError):
    """A value that cannot be used; ``str()`` is the Chinese reason."""


_NEUTRALISED = frozenset("=+-@\t\r")
_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0]")


def text(value) -> str:
    """A cell as trimmed text; numbers without a trailing .0; control characters and lone
    surrogates removed (domain.text); the apostrophe our own exports put before a leading
    = + - @ (exchange.xlsx_writer) taken off again."""
    if type(value) is str:  # the common case first: 10,000 rows × 10 cells
        value = writable(value)
        if value[:1] == "'" and value[1:2] in _NEUTRALISED:
            value = value[1:]
        return value.translate(_FOLD).strip() if _WIDE.search(value) else value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return writable(str(value)).translate(_FOLD).strip()


def number(value) -> str:
    """编号: 第0035号, ０035 and 35.0 give 0035 / 35 (leading zeros kept when typed as text)."""
    raw = "".join(text(value).split())
    return _NUMBER_WRAP.match(raw).group(1) if raw else ""


def names(value) -> tuple[str, ...]:
    """Several names in one cell, split on 、，,；; and line breaks; blanks inside a name dropped
    (张  三 is how Excel users align two-character names), duplicates once."""
    raw = text(value)
    if not raw:
        return ()
    found = ["".join(part.split()) for part in _NAME_SPLIT.split(raw)]
    return tuple(dict.fromkeys(name for name in found if name))


def day(value) -> date | None:
    """A date from an Excel date, an Excel serial number, or text such as 2024-01-15,
    2024/1/15, 2024.1.15, 2024年1月15日 and 20240115; None when blank."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = int(value)
        if 19000101 <= whole <= 21001231:
            return day(str(whole))
        if 1 <= whole <= 80000:
            return _EXCEL_EPOCH + timedelta(days=whole)
        raise CellError(f"“{text(value)}”不是日期，请写成 2024-01-15 这样的日期")
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    if not raw:
        return None
    found = _DATE_PARTS.match(raw) or _DATE_COMPACT.match(raw)
    if found:
        try:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            pass
    raise CellError(f"“{raw}”不是有效的日期，请写成 2024-01-15、2024/1/15 或 2024年1月15日")


def kind(value) -> ItemKind | None:
    raw = _SPACES.sub("", text(value))
    if not raw:
        return None
    if "提案" in raw or "政协" in raw:
        return ItemKind.PROPOSAL
    if "建议" in raw or "人大" in raw or "议案" in raw:
        return ItemKind.SUGGESTION
    raise CellError(f"“{raw}”不是类型，请填写“代表建议”或“政协提案”")


_INTERIM_WORDS = frozenset({"是", "√", "✓", "✔", "闭会", "闭会期间", "闭会期间提出", "y", "yes", "1", "true"})
_PLENARY_WORDS = frozenset({"否", "×", "✗", "✘", "大会", "大会期间", "会议期间", "n", "no", "0", "false"})


def raised_at(value) -> RaisedAt:
    """闭会期间: 是 / √ / 闭会期间 for an item raised between meetings; 否 / 大会 or a blank cell
    (a column of ticks leaves the others empty) for one raised at the plenary meeting."""
    raw = _SPACES.sub("", text(value)).lower()
    if not raw or raw in _PLENARY_WORDS:
        return RaisedAt.PLENARY
    if raw in _INTERIM_WORDS:
        return RaisedAt.INTERIM
    raise CellError(f"“{text(value)}”看不出是否闭会期间提出：请填写“是”或“否”、打“√”，或写“闭会期间”“大会”")


_NOT_FILED_WORDS = ("不立案", "不予立案", "未立案", "转参考", "作为意见", "转有关部门", "意见")
_FILED_WORDS = ("立案", "已立案", "予以立案", "是", "√")


def filing(value) -> FilingDecision | None:
    """立案情况: 立案 / 不立案 (转有关部门参考, 作为意见处理 …); None when blank."""
    raw = _SPACES.sub("", text(value))
    if not raw:
        return None
    if raw in ("否", "×") or any(word in raw for word in _NOT_FILED_WORDS):
        return FilingDecision.NOT_FILED
    if any(word in raw for word in _FILED_WORDS):
        return FilingDecision.FILED
    raise CellError(f"“{raw}”不是立案情况，请填写“立案”或“不立案”")


_DIGITS = re.compile(r"\d+")


def merged_number(value) -> str:
    """并案: the lead proposal's number in 并入第0012号, 0012 or 并0012; "" for blank, 主提案 or
    a cell listing the proposals merged into this one (主办, 主提案：含0015、0020)."""
    raw = _SPACES.sub("", text(value))
    if not raw or raw.startswith("主") or "含" in raw:
        return ""
    found = _DIGITS.findall(raw)
    if len(found) != 1:
        raise CellError(f"“{raw}”看不出并入哪一件提案，请写主提案的编号（例如 并入0012）")
    return found[0]


def kind_of_session(name: str) -> ItemKind | None:
    if "政协" in name:
        return ItemKind.PROPOSAL
    if "人大" in name:
        return ItemKind.SUGGESTION
    return None


_TOTALS = re.compile(r"^(合计|总计|小计|共计|总数|汇总)")


def is_totals(first_text: str) -> bool:
    return bool(_TOTALS.match(_SPACES.sub("", first_text)))
