"""Building the sheets offices send, in the test: title rows, merged cells, two-row headers."""

from __future__ import annotations

from pathlib import Path


def write_book(path: Path, rows: list[list], merges: tuple[str, ...] = (), sheet_title: str = "交办清单") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    for ref in merges:
        sheet.merge_cells(ref)
    book.save(path)
    return path


HEADER = ["序号", "届次", "编号", "标题", "领衔代表", "附议代表", "主办单位", "会办单位", "交办日期", "类别"]
SESSION = "区二届人大五次会议"


def simple_list(path: Path, data: list[list], title: str = f"{SESSION}代表建议交办清单") -> Path:
    """A title row merged over the table, then the header, then ``data``."""
    rows = [[title], ["（2024年1月15日交办）"], HEADER, *data]
    return write_book(path, rows, merges=(f"A1:{chr(64 + len(HEADER))}1",))


def row(n: int, number: str, title: str, **extra) -> list:
    values = {
        "届次": SESSION, "编号": number, "标题": title, "领衔代表": "张三", "附议代表": "李四、王五",
        "主办单位": "区交通委", "会办单位": "区建设管理委", "交办日期": "2024-01-15", "类别": "城建交通",
    }
    values.update(extra)
    return [n] + [values[h] for h in HEADER[1:]]
