"""The letter forms the services make, their names and file names, the letter settings' data and
the check of chosen font files: what the gui needs of the documents layer (services layer).

Light on purpose (no database; ReportLab only inside ``font_problems``): the gui names its 打印
menu entries from here at start-up. The names themselves belong to the documents layer."""

from __future__ import annotations

from desktop_app.documents.model import (
    FORM_LABELS,
    LETTERHEAD_FULL,
    LETTERHEAD_NONE,
    LETTERHEAD_PREPRINTED,
    LetterSettings,
)
from desktop_app.file_names import safe_file_name

__all__ = ["FORM_LABELS", "LETTERHEAD_FULL", "LETTERHEAD_NONE", "LETTERHEAD_PREPRINTED", "PREVIEW_FORMS",
           "LetterSettings", "file_name", "font_problems"]

#: The forms the 打印 menu and the item editor preview, in menu order.
PREVIEW_FORMS = ("reply", "feedback", "co_opinion", "reminder", "extension", "return")


def file_name(form: str, row) -> str:
    """A Windows-safe file name such as 答复函_区二届人大五次会议_0035.pdf; ``row`` anything with
    ``session_name`` and ``number``."""
    return safe_file_name(f"{FORM_LABELS[form]}_{row.session_name}_{row.number}.pdf")


def font_problems(fonts: dict[str, str]) -> list[str]:
    """A line for every chosen font file (role → path) that cannot be embedded in a PDF."""
    from desktop_app.documents.fonts import ROLE_LABELS, register

    return [f"{ROLE_LABELS[role]}：{path} 无法嵌入 PDF（不是 TrueType 字体，或文件已损坏）。"
            "请选择 .ttf/.ttc 的 TrueType 字体，或点“自动”。"
            for role, path in fonts.items() if path and register(path) is None]
