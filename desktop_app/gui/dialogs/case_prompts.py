"""The case editor's questions with more than two answers (gui layer).

Kept apart so tests can answer them; simple confirmations and warnings use ``widgets.message_boxes``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL, RELOAD = "save", "discard", "cancel", "reload"


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """保存 / 不保存 / 取消 before closing an editor with edits; returns SAVE, DISCARD or CANCEL."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "尚未保存",
        f"{what}有尚未保存的修改。\n要在关闭前保存吗？",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SAVE
    if clicked is discard:
        return DISCARD
    return CANCEL


def ask_conflict(parent: QWidget | None, noun: str) -> str:
    """Another user saved the item first; returns RELOAD or CANCEL (keep editing, never overwrite)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "保存冲突",
        f"该{noun}已被他人修改，您的修改没有保存。\n\n"
        f"“重新载入”读取他人保存的内容（放弃您在此窗口中的修改）；"
        f"“取消”继续编辑，您可以先记下自己的修改再重新载入。",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    reload_button = box.addButton("重新载入", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return RELOAD if box.clickedButton() is reload_button else CANCEL
