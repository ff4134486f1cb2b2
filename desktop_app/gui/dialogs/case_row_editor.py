"""Binds a child table of the case editor to its detail form (gui layer).

The selected row is shown in the form; every edit in the form replaces that row in the model, so
the model always holds the draft. Buttons add, remove and move rows.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.gui.models.row_table_model import RowTableModel
from desktop_app.gui.dialogs.case_widgets import connect_edits
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.case_date_edit import DateLineEdit


def setup_table(view: QTableView, model: RowTableModel) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(lambda: fit_columns(view))
    fit_columns(view)


def fit_columns(view: QTableView, widest: int = 260) -> None:
    """Columns as wide as their text, but no column wider than ``widest`` pixels."""
    header = view.horizontalHeader()
    view.resizeColumnsToContents()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(max(header.sectionSize(column), 70), widest))


class RowEditor(QObject):
    """``load(row)`` fills the form, ``store(row)`` returns the row updated from the form,
    ``blank()`` a new row. ``fields`` are the form's input widgets (watched for edits).

    A date field holding text that is not a date cannot be stored in the row, so the user cannot
    leave the row (select another, add or move one) until it is corrected or cleared: switching
    would otherwise reload the form and silently drop what was typed."""

    edited = Signal()

    def __init__(
        self,
        view: QTableView,
        model: RowTableModel,
        *,
        form: QWidget,
        fields: list[QWidget],
        load: Callable[[object], None],
        store: Callable[[object], object],
        blank: Callable[[], object],
        add_button: QAbstractButton,
        remove_button: QAbstractButton,
        up_button: QAbstractButton | None = None,
        down_button: QAbstractButton | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.view, self.model, self.form = view, model, form
        self._fields, self._load, self._store, self._blank = fields, load, store, blank
        self._buttons = [b for b in (add_button, remove_button, up_button, down_button) if b]
        self._loading = False
        self._read_only = False
        self._keeping_form = False
        self._switching = False  # a deliberate change of row by the program (not guarded)
        setup_table(view, model)
        view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._after_reset)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.dataChanged):
            signal.connect(self.edited)
        connect_edits(fields, self._form_edited)
        add_button.clicked.connect(self.add_row)
        remove_button.clicked.connect(self.remove_current)
        if up_button:
            up_button.clicked.connect(lambda: self.move_current(-1))
        if down_button:
            down_button.clicked.connect(lambda: self.move_current(+1))
        self._after_reset()

    def current_row(self) -> int:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, position: int) -> None:
        self._switching = True
        try:
            if 0 <= position < self.model.rowCount():
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(position, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._switching = False
        self._show_current()

    def add_row(self) -> None:
        if self._refuse_leaving():
            return
        position = self.model.rowCount()
        self.model.insert_row(position, self._blank())
        self.select(position)
        if self._fields:
            self._fields[0].setFocus()

    def remove_current(self) -> None:
        position = self.current_row()
        if position < 0:
            return
        self._switching = True  # the row goes, and its unfinished date with it, on purpose
        try:
            self.model.remove_row(position)
        finally:
            self._switching = False
        self.select(min(position, self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        if self._refuse_leaving():
            return
        position = self.current_row()
        if self.model.move_row(position, delta):
            self.select(position + delta)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button in self._buttons:
            button.setEnabled(not read_only)
        self._show_current()

    def bad_date_field(self) -> DateLineEdit | None:
        """The form's first date field whose text is not a date (None when all are fine)."""
        return next((f for f in self._fields if isinstance(f, DateLineEdit) and not f.is_valid()), None)

    def _refuse_leaving(self) -> bool:
        field = self.bad_date_field()
        if field is None or self._read_only:
            return False
        message_boxes.show_warning(
            self.form, "日期有误",
            f"“{field.text()}”不是有效日期，请按 年-月-日 填写（如 2024-06-03）或清空后，再切换到其他行。",
        )
        field.setFocus()
        field.selectAll()
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._keeping_form:
            return
        if (not self._switching and previous.isValid() and current.row() != previous.row()
                and previous.row() < self.model.rowCount() and self.bad_date_field() is not None):
            # Back to the row being edited, once the view has finished its own handling of the
            # click or key; the form (with the typed text) is not reloaded meanwhile.
            QTimer.singleShot(0, lambda row=previous.row(): self._return_to(row))
            return
        self._show_current()

    def _return_to(self, position: int) -> None:
        if 0 <= position < self.model.rowCount():
            self._keeping_form = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(position, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._keeping_form = False
        self._refuse_leaving()

    def _after_reset(self) -> None:
        self.select(0 if self.model.rowCount() else -1)

    def _show_current(self, *_args) -> None:
        position = self.current_row()
        self._loading = True
        try:
            if position >= 0:
                self._load(self.model.row(position))
        finally:
            self._loading = False
        self.form.setEnabled(position >= 0)
        for button in self._buttons[1:]:
            button.setEnabled(position >= 0 and not self._read_only)

    def _form_edited(self, *_args) -> None:
        position = self.current_row()
        if self._loading or position < 0:
            return
        self.model.replace_row(position, self._store(self.model.row(position)))
