"""帮助 → 使用说明: the user sections of the README, shown in the app (gui layer).

The README is the one user guide; the dialog shows it from 能做什么 up to the developer sections
(性能测试, 项目结构), without the screenshots, so the guide cannot drift from the README.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.gui.forms.ui_user_guide_dialog import Ui_UserGuideDialog
from desktop_app.paths import readme_path

#: The first README section that is for developers: the guide ends before it.
DEVELOPER_SECTIONS = ("## 性能测试", "## 项目结构")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def user_guide_text(readme: str) -> str:
    """The README's user part as Markdown: up to the first developer section, without images,
    the tables of screenshots, or the note on regenerating them."""
    lines = []
    for line in readme.splitlines():
        if line.strip().startswith(DEVELOPER_SECTIONS):
            break
        lines.append(line)
    kept: list[str] = []
    table: list[str] = []
    for line in lines + [""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table and not any(_IMAGE.search(row) for row in table):
            kept.extend(table)
        table = []
        if not _IMAGE.search(line) and not line.startswith("截图由"):
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", _join_chinese_lines(kept)).strip() + "\n"


_CJK = "\u3000-\u9fff\uff00-\uffef"
_WRAPPED = re.compile(rf"(?<=[{_CJK}])\n[ \t]*(?=[{_CJK}])")


def _join_chinese_lines(lines: list[str]) -> str:
    """Markdown joins a paragraph's lines with a space, which Chinese text does not have: lines
    wrapped between two Chinese characters are joined without one (code blocks stay as they are)."""
    parts, block, in_code = [], [], False
    for line in lines:
        if line.strip().startswith("```"):
            parts.append(_WRAPPED.sub("", "\n".join(block)) if not in_code else "\n".join(block))
            block, in_code = [], not in_code
            parts.append(line)
            continue
        block.append(line)
    parts.append(_WRAPPED.sub("", "\n".join(block)) if not in_code else "\n".join(block))
    return "\n".join(part for part in parts)


def load_user_guide(path: Path | None = None) -> str:
    path = path or readme_path()
    try:
        return user_guide_text(path.read_text(encoding="utf-8"))
    except OSError:
        return f"找不到使用说明文件（{path}）。请重新安装程序，或查看安装文件夹中的 README.md。\n"


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, readme: Path | None = None):
        super().__init__(parent)
        self.ui = Ui_UserGuideDialog()
        self.ui.setupUi(self)
        self.ui.guideBrowser.setMarkdown(load_user_guide(readme))
        self.ui.sourceLabel.setText("内容与程序附带的 README.md 相同")
        self.ui.closeButton.clicked.connect(self.accept)
