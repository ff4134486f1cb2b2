"""Completion for names picked from a list: units, proposers, sessions (gui layer).

Matches anywhere in the name and ignores case, so typing 交通 finds 区交通委.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit


def name_completer(names: list[str], parent) -> QCompleter:
    completer = QCompleter(parent)
    # Parented to the completer: a parentless model would be deleted with its Python wrapper.
    completer.setModel(QStringListModel(list(names), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def set_completion(widget: QLineEdit | QComboBox, names: list[str]) -> None:
    """Offer ``names`` while typing in ``widget``; an editable combo also lists them."""
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        blocked = widget.blockSignals(True)
        widget.clear()
        widget.addItems(list(names))
        widget.setEditText(text)
        widget.blockSignals(blocked)
        widget.setCompleter(name_completer(names, widget))
    else:
        widget.setCompleter(name_completer(names, widget))
