"""Finding where a sheet's data is: the header row (or two rows) under any title rows, the
columns it names, and the session named in a title such as 区二届人大五次会议代表建议交办清单
(exchange layer, pure Python)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.exchange.cleaning import text
from desktop_app.exchange.columns import auto_mapping, field_for_header
from desktop_app.exchange.reader import RawSheet, SheetError

HEADER_SEARCH_ROWS = 30
_SESSION = re.compile(r"((?:区|市|县|全国|第)?[^\s，。（(]{0,12}?(?:人大|政协)[^\s，。（(]{0,12}?会议)")


@dataclass(frozen=True)
class SheetLayout:
    header_rows: tuple[int, ...]  # 0-based indexes into RawSheet.rows
    headers: tuple[str, ...]  # one label per column
    mapping: tuple[str | None, ...]  # field key per column
    data_start: int
    title: str  # text above the header (titles, notes)

    @property
    def session_in_title(self) -> str:
        found = _SESSION.search(self.title)
        return found.group(1) if found else ""


def detect_layout(sheet: RawSheet) -> SheetLayout:
    rows = sheet.rows
    best: tuple[int, int, int] | None = None  # (score, row, height)
    count = min(HEADER_SEARCH_ROWS, len(rows))
    singles = [_score([text(v) for v in rows[r]]) for r in range(count)] + [0]
    for r in range(count):
        single = singles[r]
        if single and (best is None or single > best[0]):
            best = (single, r, 1)
        if r + 1 < len(rows):
            double = _score(_combined(rows[r], rows[r + 1]))
            # Two rows only when both add column names (办理单位 over 主办 / 会办).
            if double > max(single, singles[r + 1]) and (best is None or double > best[0]):
                best = (double, r, 2)
    if best is None:
        raise SheetError(
            f"在“{sheet.file_name}”的前 {HEADER_SEARCH_ROWS} 行中找不到表头（如 编号、标题、主办单位）。"
            "请确认第一个工作表是交办清单，并且有一行列名。")
    _score_, r, height = best
    headers = [text(v) for v in rows[r]] if height == 1 else _combined(rows[r], rows[r + 1])
    title = " ".join(text(v) for row in rows[:r] for v in dict.fromkeys(row) if text(v))
    return SheetLayout(
        header_rows=tuple(range(r, r + height)), headers=tuple(headers),
        mapping=tuple(auto_mapping(headers)), data_start=r + height, title=title,
    )


def _score(labels: list[str]) -> int:
    return len({key for key in map(field_for_header, labels) if key})


def _combined(top: list, bottom: list) -> list[str]:
    """Two header rows as one: the lower label where there is one (主办 under 办理单位), else the
    upper (编号 merged over both rows)."""
    width = max(len(top), len(bottom))
    labels = []
    for c in range(width):
        upper = text(top[c]) if c < len(top) else ""
        lower = text(bottom[c]) if c < len(bottom) else ""
        labels.append(lower if lower and lower != upper and field_for_header(lower) else upper or lower)
    return labels
