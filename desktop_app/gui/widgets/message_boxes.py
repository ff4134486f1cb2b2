"""Message boxes with Chinese buttons, whatever translator is installed (gui layer).

One place for confirmations, warnings and errors, so tests can replace them and every window
speaks the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# QMessageBox is made when a box is first shown, not before the window's first paint (~1 ms).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def confirm(parent: QWidget | None, title: str, text: str, accept_text: str = "确定") -> bool:
    """Ask a yes/no question; True when the user chose ``accept_text``. 取消 is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A problem the user can fix (a DomainError's message)."""
    _show(parent, "Warning", title, text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """An unexpected failure; the details are in the log."""
    _show(parent, "Critical", title, text)


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "Information", title, text)


def _show(parent: QWidget | None, icon: str, title: str, text: str) -> None:
    """``icon``: the name of a ``QMessageBox.Icon``."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon[icon], title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", accept_text: str = "确定") -> str | None:
    """One line of text from the user, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(accept_text)
    dialog.setCancelButtonText("取消")
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
