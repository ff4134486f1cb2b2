"""Questions asked at start-up while no database is open yet (gui layer): what to do with a file
that cannot be opened or that is empty (0 bytes), which file to open or create instead, and which
backup to restore.

``startup`` (the composition root) calls them with plain values (paths and Chinese texts), never
with a database or an error object, and gets an ``OpenChoice`` back. Each question is a
``QMessageBox`` made by a ``*_box`` function, its buttons named ``<purpose>Button``, so that tests can
read it and press a button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop_app import APP_NAME
from desktop_app.gui.widgets import message_boxes

DATABASE_FILTER = "数据库文件 (*.sqlite *.sqlite3 *.db);;所有文件 (*)"
NEW_DATABASE_NAME = "新数据库.sqlite"


@dataclass(frozen=True)
class OpenChoice:
    """``action``: "open" the file at ``path``, "create" a new database in ``path`` (missing or
    empty), "restore" the backup at ``path`` over the file, or "quit"."""

    action: str
    path: Path | None = None


QUIT = OpenChoice("quit")


# ---- a file that cannot be opened ---------------------------------------------------------------
def cannot_open_box(path: Path, message: str, details: str, backups: list[Path], *, no_backup_note: str = "",
                    parent: QWidget | None = None) -> QMessageBox:
    """The question for a file that cannot be opened: restore (when ``backups`` has any), open
    another file, create a new one, or quit. ``message`` says why (Chinese); ``details`` (SQLite's
    own words) go under 显示详细信息. ``no_backup_note`` explains, for a damaged file, that there is
    no backup to restore."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("cannotOpenBox")
    hints = []
    if backups:
        hints.append(f"找到 {len(backups)} 个备份，最新的是 {backups[0].name}。"
                     "“从备份恢复”会先把当前文件另存一份，不会删除它。")
    elif no_backup_note:
        hints.append(no_backup_note)
    hints.append("“打开其他文件”和“新建数据库”不会改动当前文件。")
    box.setInformativeText("\n\n".join(hints))
    if details:
        box.setDetailedText(f"原始错误信息：\n{details}")
    if backups:
        _button(box, "从备份恢复…", "restoreButton", QMessageBox.ButtonRole.AcceptRole)
    _button(box, "打开其他文件…", "openOtherButton", QMessageBox.ButtonRole.ActionRole)
    _button(box, "新建数据库…", "newDatabaseButton", QMessageBox.ButtonRole.ActionRole)
    quit_button = _button(box, "退出", "quitButton", QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)
    box.setDefaultButton(box.findChild(QWidget, "restoreButton") or box.findChild(QWidget, "openOtherButton"))
    return box


def ask_cannot_open(path: Path, message: str, details: str, backups: list[Path], *, no_backup_note: str = "",
                    parent: QWidget | None = None) -> OpenChoice:
    """Ask until the user picks something that can be tried (a file dialog cancelled asks again)."""
    while True:
        box = cannot_open_box(path, message, details, backups, no_backup_note=no_backup_note, parent=parent)
        box.exec()
        clicked = box.clickedButton()
        action = clicked.objectName() if clicked is not None else "quitButton"
        if action == "restoreButton":
            if (backup := choose_backup(backups, parent)) is not None:
                return OpenChoice("restore", backup)
        elif action == "openOtherButton":
            if (other := choose_database_file(path, parent)) is not None:
                return OpenChoice("open", other)
        elif action == "newDatabaseButton":
            if (new := choose_new_database_file(path, parent)) is not None:
                return OpenChoice("create", new)
        else:
            return QUIT


# ---- an empty file ------------------------------------------------------------------------------
def empty_file_box(path: Path, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question, APP_NAME,
        f"该文件是空的（0 字节）：\n{path}\n\n要在此文件中新建数据库吗？",
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("emptyFileBox")
    box.setInformativeText(
        "空文件常常是复制、下载或同步没有完成的数据库。如果这个文件本应有数据，请不要新建："
        "选“打开其他文件…”打开完整的文件，或者退出后找到完整的文件（或备份）再打开。")
    _button(box, "新建", "createHereButton", QMessageBox.ButtonRole.AcceptRole)
    open_other = _button(box, "打开其他文件…", "openOtherButton", QMessageBox.ButtonRole.ActionRole)
    quit_button = _button(box, "退出", "quitButton", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_other)  # the safe choice: nothing is written
    box.setEscapeButton(quit_button)
    return box


def ask_empty_file(path: Path, parent: QWidget | None = None) -> OpenChoice:
    """新建 (a database in this very file), 打开其他文件… or 退出."""
    while True:
        box = empty_file_box(path, parent)
        box.exec()
        clicked = box.clickedButton()
        action = clicked.objectName() if clicked is not None else "quitButton"
        if action == "createHereButton":
            return OpenChoice("create", path)
        if action == "openOtherButton":
            if (other := choose_database_file(path, parent)) is not None:
                return OpenChoice("open", other)
            continue
        return QUIT


# ---- choosing a file or a backup ----------------------------------------------------------------
def choose_database_file(near: Path, parent: QWidget | None = None) -> Path | None:
    """An existing file to open, starting in ``near``'s folder; None when cancelled."""
    name, _filter = QFileDialog.getOpenFileName(parent, "打开数据库文件", str(near.parent), DATABASE_FILTER)
    return Path(name).absolute() if name else None


def choose_new_database_file(near: Path, parent: QWidget | None = None) -> Path | None:
    """A file name for a new database; None when cancelled. An existing file with content is never
    overwritten: the user is told and asked again."""
    start = str(near.parent / NEW_DATABASE_NAME)
    while True:
        name, _filter = QFileDialog.getSaveFileName(parent, "新建数据库", start, DATABASE_FILTER,
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return None
        target = Path(name).absolute()
        if not target.suffix:
            target = target.with_suffix(".sqlite")
        if not (target.is_file() and target.stat().st_size > 0):
            return target
        message_boxes.show_warning(parent, "新建数据库",
                                   f"文件已存在，并且有内容：\n{target}\n\n新建数据库不会覆盖已有的文件。"
                                   "请换一个文件名；要使用这个文件，请选“打开其他文件…”。")
        start = str(target)


def choose_backup(backups: list[Path], parent: QWidget | None = None) -> Path | None:
    """One of ``backups`` (newest first), labelled with its time; None when cancelled."""
    labels = [f"{p.name}（{datetime.fromtimestamp(p.stat().st_mtime):%Y-%m-%d %H:%M}）" for p in backups]
    choice, ok = QInputDialog.getItem(parent, "从备份恢复", "选择要恢复的备份：", labels, 0, False)
    return backups[labels.index(choice)] if ok and choice in labels else None


def _button(box: QMessageBox, text: str, name: str, role: QMessageBox.ButtonRole):
    button = box.addButton(text, role)
    button.setObjectName(name)
    return button


def ask_take_over_lock(path: Path, holder, parent: QWidget | None = None) -> bool:
    """Ask whether to take over the database another computer holds (its lock may be stale)."""
    since = holder.since.strftime("%Y-%m-%d %H:%M") if holder.since else "（时间不详）"
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                      f"数据库 {path.name} 正由 {holder.who}使用，自 {since} 起。\n\n"
                      "如果那台计算机已经关机或程序已意外退出，可以接管：接管后由您编辑，"
                      "对方如仍在使用，其修改可能与您的冲突。\n确认对方已不再使用后再接管。", parent=parent)
    take = _button(box, "接管（确认对方已不再使用）", "takeOverButton", QMessageBox.ButtonRole.AcceptRole)
    _button(box, "只读打开", "readOnlyButton", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is take
