"""Small helpers shared by the case editor's sections: enum combos, edit signals, read-only mode (gui layer)."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.gui.widgets.case_date_edit import DateLineEdit

BLANK = "（未填）"


def fill_enum_combo(combo: QComboBox, members: Iterable, *, blank: bool = False) -> None:
    """Chinese labels shown, members kept as item data; ``blank`` adds an entry meaning None."""
    combo.clear()
    if blank:
        combo.addItem(BLANK, None)
    for member in members:
        add_enum_item(combo, member)


def add_enum_item(combo: QComboBox, member) -> None:
    # Qt turns a str-based enum member into a plain str, so the code is stored and the enum
    # class kept on the combo to turn it back.
    combo.enum_type = type(member)
    combo.addItem(member.label, member.value)


def combo_value(combo: QComboBox):
    data = combo.currentData()
    return None if data is None else combo.enum_type(data)


def set_combo_value(combo: QComboBox, value) -> None:
    code = None if value is None else getattr(value, "value", value)
    for position in range(combo.count()):
        if combo.itemData(position) == code:
            combo.setCurrentIndex(position)
            return
    combo.setCurrentIndex(0 if combo.count() else -1)


def text(widget: QLineEdit | QPlainTextEdit | QComboBox) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    return widget.text().strip()


def set_text(widget: QLineEdit | QPlainTextEdit | QComboBox, value: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        widget.setEditText(value)
    elif widget.text() != value:
        widget.setText(value)


def connect_edits(widgets: Iterable[QWidget], slot: Callable) -> None:
    """Call ``slot`` whenever the user changes any of ``widgets``."""
    for widget in widgets:
        if isinstance(widget, DateLineEdit):
            widget.date_changed.connect(slot)
        elif isinstance(widget, QLineEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.editTextChanged.connect(slot)
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QAbstractSpinBox):
            widget.valueChanged.connect(slot)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(slot)


def set_read_only(widgets: Iterable[QWidget], read_only: bool = True) -> None:
    """Make inputs read-only but still selectable, so text can be copied (``read_only`` False undoes it)."""
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.setReadOnly(read_only)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)
