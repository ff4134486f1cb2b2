"""整改清单 vocabulary shared by services, documents and exchange (domain layer, pure Python).

A rectification list's row, as printed and as exchanged in Excel: 主要方面 (the aspect that groups
rows), 重点问题, 意见建议, 整改措施, 责任单位 and 整改期限. A 整改期限 is either a real date (which can
fall overdue) or a term such as 持续推进 / 长期坚持 / 年底前 (which never does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.calendar import format_day

COLUMNS = ("主要方面", "重点问题", "意见建议", "整改措施", "责任单位", "整改期限")
FIELDS = ("aspect", "problem", "suggestion", "measures", "units_text", "deadline_text")
#: The longest text each column takes (characters): an import over it is refused with the row and
#: column named, like the item import's limits.
MAX_LENGTHS = (200, 4000, 4000, 4000, 500, 50)
TERMS = ("持续推进", "长期坚持", "年底前")
CONTINUED = "（续）"
COLLECTIVE_UNITS = ("各承办单位", "各主办单位", "各会办单位", "各相关单位")

_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*(?:前|底前)?\s*$")


@dataclass(frozen=True)
class RectificationEntry:
    """One row of the 整改清单 as text, in print order."""

    aspect: str
    problem: str = ""
    suggestion: str = ""
    measures: str = ""
    units_text: str = ""
    deadline_text: str = ""

    def cells(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in FIELDS)


@dataclass(frozen=True)
class Appendix:
    """The printed appendix: 附件 label, title, rows."""

    title: str
    rows: tuple[RectificationEntry, ...]
    label: str = "附件"


def parse_deadline(value) -> tuple[date | None, str]:
    """``(date, "")`` for a real date (2024-12-31, 2024年12月31日, 2024.12.31, a datetime from
    Excel), else ``(None, term)`` with the text kept as written."""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    text = str(value or "").strip()
    match = _DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])), ""
        except ValueError:
            pass  # 2024年2月30日: not a real day, keep it as the user wrote it
    return None, text


def deadline_text(on: date | None, term: str) -> str:
    """整改期限 as printed: 2024年12月31日, or the term."""
    if on is not None:
        return format_day(on)
    return term


def split_units(text: str) -> list[str]:
    """The names in a 责任单位 cell: separated by spaces, 、，,；; or new lines."""
    return [p for p in re.split(r"[\s、，,；;]+", text or "") if p]
