"""The case list: quick search, filter panel, named views and the sortable table (gui layer).

Rows come from ``cases.list_rows`` once per reload; after a save only the changed rows are read
again (``list_rows(ids=...)``, with their 下一期限) and put in place. Searching asks
``cases.search_ids`` and filtering is ``cases.filter_rows`` in memory, applied by the model to its
sorted rows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QWidget

from desktop_app.gui.app_services import AppServices
from desktop_app.gui.forms.ui_case_list_view import Ui_CaseListView
from desktop_app.gui.later_parts import built, later_part, swap_in
from desktop_app.gui.models.case_table_model import COLUMN_INDEX, COLUMNS, ROW_ROLE, CaseTableModel, legend_html
from desktop_app.gui.operations import cases as case_ops, views as view_ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.qt_state import decode_state, encode_state
# The DTO module (a dozen dataclasses, ~15 ms) loads after the first paint: see bootstrap.
if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from desktop_app.gui.widgets.filter_panel import FilterPanel
    from desktop_app.gui.widgets.only_ids_chip import OnlyIdsChip
    from desktop_app.services.dto import CaseFilter, CaseRow, Changes

SEARCH_DEBOUNCE_MS = 150
# Columns filled after the rows show: column key -> (CaseRow field, what the runner calls the work).
LATE_COLUMNS = {"next_due": ("next_deadline", "计算下一期限"), "progress": ("checklist_progress", "计算办理进度")}
# Shown at once on the first load, while the whole list (seconds for 100,000 items) loads behind.
FIRST_SCREEN_ROWS = 100
LIST_STATE_KEY = "case_list"
_ROW_KINDS = {"item", "database"}
_CHOICE_KINDS = {"unit", "session", "database"}


class CaseListView(QWidget):
    """``open_requested(item_id)`` on double-click or Enter; ``counts_changed(shown, total)``;
    ``rows_reloaded`` after fresh rows are shown; ``selection_changed`` when the selected rows may
    have changed (the commands that work on them update)."""

    open_requested = Signal(int)
    counts_changed = Signal(int, int)
    rows_reloaded = Signal()
    rows_updated = Signal(object)  # the item ids whose rows were read again after a change
    selection_changed = Signal()

    def __init__(self, services: AppServices, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self._filling: set[str] = set()  # late columns being computed
        self.ui = Ui_CaseListView()
        self.ui.setupUi(self)
        self.model = CaseTableModel(self)
        self._matched_ids: set[int] | None = None
        self._only_ids: frozenset[int] | None = None  # a dashboard count shown alone
        self._views: dict[str, CaseFilter] = {}
        self._load_generation = 0
        self._early_complete: bool | None = None  # rows shown by show_early_rows: all of them?
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_search)

        table = self.ui.caseTable
        table.setModel(self.model)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.doubleClicked.connect(self._open_index)
        # Several rows may be selected (batch printing); opening and deleting use the current row.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.modelReset.connect(self.selection_changed)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._default_columns()

        self.ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([230, 1050])
        services.changed.connect(self.refresh)

    @later_part
    def filter_panel(self) -> FilterPanel:
        """The filter panel, in the place the form keeps for it (``filterPanelPlace``): made after
        the window's first paint (``later_parts``); its module, form and lists cost some 10 % of
        a bare window's start-up."""
        from desktop_app.gui.widgets.filter_panel import FilterPanel

        panel = FilterPanel()
        swap_in(self.ui.filterPanelPlace, panel)
        panel.filter_changed.connect(self.apply_filter)
        panel.view_chosen.connect(self.apply_view)
        panel.save_view_requested.connect(self.save_view)
        panel.delete_view_requested.connect(self.delete_view)
        panel.set_editable(not self.services.read_only)
        # Tab goes from the search box through the filter panel to the list (the panel is made
        # after the list, so Qt's default order would put it last).
        chain = (self.ui.searchEdit, *panel.focus_chain(), self.ui.caseTable)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        return panel

    @later_part
    def _only_chip(self) -> OnlyIdsChip:
        """“仅显示看板选中的 N 条 ×” above the list, hidden until a dashboard count is shown alone."""
        from desktop_app.gui.widgets.only_ids_chip import only_ids_chip

        chip = only_ids_chip(self)
        self.ui.listLayout.insertWidget(1, chip)
        return chip

    # -- loading

    def reload(self, *, wait: bool = True) -> None:
        """Read rows, choices and views again: at start (``wait``: the window opens with its list)
        and on F5 (``wait=False``: rows load through the runner)."""
        reference = self.services.reference
        self.filter_panel.set_choices(reference.sessions(), reference.units())
        self._load_views(self.filter_panel.current_view())
        if not self.ui.legendLabel.text():
            self.ui.legendLabel.setText(legend_html())  # after the first paint: it needs the deadline buckets
        self._reload_rows(wait=wait)

    def refresh(self, changes: Changes) -> None:
        """Reload what ``changes`` touched, off the UI thread: the changed rows alone after a save
        or a delete, every row when units, sessions or settings changed (100,000 take a while).
        A change this list made itself (a delete from it, a view saved) it has already shown."""
        if changes.initiator is self:
            return
        if changes.kinds & _CHOICE_KINDS:
            reference = self.services.reference
            self.filter_panel.set_choices(reference.sessions(), reference.units())
        if changes.kinds & {"view", "database"}:
            self._load_views(self.filter_panel.current_view())
        if "item" in changes.kinds and changes.only_rows() and self.model.total_count:
            self.refresh_rows(changes.item_ids)
        elif changes.kinds & (_ROW_KINDS | {"unit", "session", "setting"}):
            self._reload_rows(wait=False)
        elif "day" in changes.kinds:  # past midnight: days left and colours as of the new day
            self.fill_late_column("next_due", wait=False)

    def show_early_rows(self, rows: list[CaseRow], *, complete: bool) -> None:
        """At start-up, before the database is open: show ``rows`` of its file (the first screen,
        then every row: ``complete``). The first reload then reads no rows again."""
        self.model.set_rows(rows)
        self._early_complete = complete

    def forget_early_rows(self) -> None:
        """The rows of ``show_early_rows`` are not of the database opened after all: none shown."""
        if self._early_complete is not None:
            self._early_complete = None
            self.model.set_rows(())

    def _reload_rows(self, *, wait: bool) -> None:
        cases, text = self.services.cases, self.ui.searchEdit.text().strip()
        if self._shown_early(text, wait=wait):
            return
        load = case_ops.load_rows(self.services, text)
        self._load_generation += 1
        if wait:
            self._rows_loaded(self._load_generation, load.call(), wait=True)
        else:
            if self.model.total_count == 0:
                self.model.set_rows(cases.list_rows(limit=FIRST_SCREEN_ROWS))
            generation = self._load_generation
            self.runner.run(load,
                            on_success=lambda loaded: self._rows_loaded(generation, loaded))

    def _shown_early(self, text: str, *, wait: bool) -> bool:
        """True when every row was shown at start-up (``show_early_rows``): then only the rest of
        a load is done (filter, late columns, ``rows_reloaded``)."""
        complete, self._early_complete = self._early_complete, None
        if not complete or text:
            return False
        self._load_generation += 1
        generation = self._load_generation

        def finish() -> None:
            if generation == self._load_generation:  # else a newer reload has begun
                self._rows_shown(None, wait=wait)

        if wait:
            finish()
        else:  # from the event loop, as the end of a load through the runner is
            QTimer.singleShot(0, finish)
        return True

    def refresh_rows(self, item_ids) -> None:
        """Read the rows of ``item_ids`` again and put them in place (an id without a row: deleted)."""
        item_ids = frozenset(item_ids)
        generation = self._load_generation
        self.runner.run(case_ops.changed_rows(self.services, item_ids, self.ui.searchEdit.text().strip()),
                        background=True,
                        on_success=lambda loaded: self._rows_refreshed(generation, item_ids, loaded))

    def _rows_refreshed(self, generation: int, item_ids: frozenset[int], loaded) -> None:
        if generation != self._load_generation:
            return  # every row is being read again
        rows, next_deadlines, text, matched = loaded
        held = self.model.rows_by_id()
        # 进度 stays as it was for a row already shown (a save does not tick steps); a new row gets
        # it with the next fill of the column.
        rows = [replace(r, next_deadline=next_deadlines.get(r.id),
                        checklist_progress=getattr(held.get(r.id), "checklist_progress", None)) for r in rows]
        added = any(r.id not in held for r in rows)
        self.model.put_rows(rows, item_ids)
        if text and text == self.ui.searchEdit.text().strip() and matched != self._matched_ids:
            self._matched_ids = matched
            self._install_filter()
        else:
            self._announce_counts()
        for key in list(self._filling):  # computed from the rows before: done again for these rows
            self.fill_late_column(key, wait=False)
        if added and "progress" not in self._filling:
            self.fill_late_column("progress", wait=False)
        self.rows_updated.emit(item_ids)

    def remove_rows(self, item_ids) -> None:
        """Take out the rows of items this list's own command deleted."""
        self.model.put_rows((), item_ids)
        self._announce_counts()

    def _rows_loaded(self, generation: int, loaded, wait: bool = False) -> None:
        if generation != self._load_generation:
            return  # a newer reload is under way; its rows are the ones to show
        rows, text, matched = loaded
        selected = self.selected_row()
        if text == self.ui.searchEdit.text().strip():
            self._matched_ids = matched  # else the search typed meanwhile has already set them
        self.model.set_rows(rows)
        self._rows_shown(selected, wait=wait)

    def _rows_shown(self, selected: CaseRow | None, *, wait: bool = False) -> None:
        """After all rows are in the model: filter, selection, late columns, ``rows_reloaded``."""
        QTimer.singleShot(0, self.model.prepare_updates)  # after the rows are painted
        self._install_filter()
        if selected is not None:
            self.select_item(selected.id)
        if wait:
            self._fill_late_columns(wait=True)
        else:  # once the rows are painted: computing them holds Python's lock for seconds
            QTimer.singleShot(0, self._fill_late_columns)
        self.rows_reloaded.emit()

    def _fill_late_columns(self, *, wait: bool = False) -> None:
        for key in LATE_COLUMNS:
            self.fill_late_column(key, wait=wait)

    def fill_late_column(self, key: str, *, wait: bool) -> None:
        """Fill the column ``key`` of ``LATE_COLUMNS`` for the rows loaded, off the UI thread unless
        ``wait``: the list shows first and these columns a moment later (computing every open
        deadline of a large archive takes a while). The rows are rebuilt with the value, never
        changed in place."""
        field, title = LATE_COLUMNS[key]
        service = _late_column_service(self.services, key)
        model, rows = self.model, self.model.loaded_rows()
        if service is None or not rows:
            return
        generation = model.generation

        def compute() -> dict[int, tuple[CaseRow, CaseRow]]:
            values = service()
            return {r.id: (r, replace(r, **{field: values[r.id]})) for r in rows if r.id in values}

        def filled(changed: dict[int, tuple[CaseRow, CaseRow]]) -> None:
            self._filling.discard(key)
            if model.generation == generation:  # else newer rows are shown; they get their own
                model.update_rows(changed, key, field)

        if wait:
            filled(compute())
        else:
            self._filling.add(key)
            self.runner.run(case_ops.late_column(title, compute), background=True, on_success=filled)

    def _load_views(self, current: str = "") -> None:
        saved = self.services.views.views()
        self._views = dict(saved)
        self.filter_panel.set_views([name for name, _filter in saved], current)

    # -- search and filter

    def current_filter(self) -> CaseFilter:
        return replace(self.filter_panel.filter(), text=self.ui.searchEdit.text().strip(),
                       item_ids=self._only_ids)

    def show_only(self, item_ids: frozenset[int] | None, description: str = "") -> None:
        """Limit the list to exactly ``item_ids`` (None: lift the limit), on top of the filter."""
        self._only_ids = None if item_ids is None else frozenset(item_ids)
        self._only_chip.show_ids(self._only_ids, description)
        self._install_filter()

    def apply_search(self) -> None:
        """Search now (the box waits ``SEARCH_DEBOUNCE_MS`` after the last key)."""
        self._search_timer.stop()
        text = self.ui.searchEdit.text().strip()
        self._matched_ids = self.services.cases.search_ids(text) if text else None
        self._install_filter()

    def apply_filter(self) -> None:
        self._install_filter()

    def _install_filter(self) -> None:
        from desktop_app.services.dto import CaseFilter

        case_filter, matched = self.current_filter(), self._matched_ids
        cases = self.services.cases
        if case_filter == CaseFilter(text=case_filter.text) and matched is None:
            self.model.set_filter(None)
        else:
            self.model.set_filter(lambda rows: cases.filter_rows(rows, case_filter, matched))
        self._announce_counts()

    def _announce_counts(self) -> None:
        self.counts_changed.emit(self.model.rowCount(), self.model.total_count)

    # -- named views

    def apply_view(self, name: str) -> None:
        """Show the filter saved as ``name`` ("" leaves the current filter)."""
        case_filter = self._views.get(name)
        if case_filter is None:
            return
        self.services.ui_settings.last_view = name
        self.ui.searchEdit.blockSignals(True)
        self.ui.searchEdit.setText(case_filter.text)
        self.ui.searchEdit.blockSignals(False)
        self._matched_ids = self.services.cases.search_ids(case_filter.text) if case_filter.text else None
        self.filter_panel.set_current_view(name)
        self.filter_panel.set_filter(case_filter)

    def save_view(self) -> None:
        name = message_boxes.ask_text(self, "保存视图", "视图名称（同名视图会被替换）：",
                                      self.filter_panel.current_view(), "保存")
        name = (name or "").strip()
        if not name:
            return
        self.runner.run(view_ops.save_view(self.services, name, self.current_filter()), initiator=self,
                        on_success=lambda _changes: self._view_saved(name))

    def _view_saved(self, name: str) -> None:
        self._load_views(name)
        self.services.ui_settings.last_view = name

    def delete_view(self, name: str) -> None:
        if not name:
            return
        if not message_boxes.confirm(self, "删除视图", f"确定要删除视图“{name}”吗？\n只删除保存的筛选条件，不影响任何建议提案。", "删除"):
            return
        self.services.ui_settings.last_view = ""
        self.runner.run(view_ops.delete_view(self.services, name))

    # -- selection and opening

    def selected_row(self) -> CaseRow | None:
        index = self.ui.caseTable.currentIndex()
        if not index.isValid() or not self.ui.caseTable.selectionModel().isSelected(index):
            return None
        return index.data(ROW_ROLE)

    def selected_rows(self) -> list[CaseRow]:
        """Every selected row (batch printing works on several)."""
        rows = [index.data(ROW_ROLE) for index in self.ui.caseTable.selectionModel().selectedRows()]
        return [row for row in rows if row is not None]

    def add_table_actions(self, actions) -> None:
        """Actions whose shortcuts work only while the list has the focus (Enter, Delete: set as
        WidgetShortcut), so that they never take keys from the search box."""
        self.ui.caseTable.addActions(actions)

    def shown_columns(self) -> list[tuple[int, int]]:
        """The columns on screen, in their on-screen order: (column number in ``COLUMNS``, width
        in pixels)."""
        header = self.ui.caseTable.horizontalHeader()
        shown = sorted((header.visualIndex(i), i) for i in range(self.model.columnCount()) if not header.isSectionHidden(i))
        return [(logical, header.sectionSize(logical)) for _visual, logical in shown]

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self.ui.caseTable.selectRow(row)
        self.ui.caseTable.scrollTo(self.model.index(row, 0))
        return True

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _open_index(self, index) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ROW_ROLE).id)

    def watch_keys(self) -> None:
        """Let Enter open the current item (``eventFilter``). Called once the window has painted
        (``MainWindow.install_features``): the first event a Python filter receives builds PySide's
        QEvent enums, some 5 ms, and the window's first paint sends the table many."""
        self.ui.caseTable.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        # Enter opens the current item; QTableView would otherwise ignore it.
        if (watched is self.ui.caseTable and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open_index(self.ui.caseTable.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # -- columns and layout

    def choose_columns(self) -> None:
        from desktop_app.gui.dialogs.column_chooser_dialog import ColumnChooserDialog  # on first use

        ColumnChooserDialog(self.ui.caseTable.horizontalHeader(), self).exec()

    def _header_menu(self, position: QPoint) -> None:
        header = self.ui.caseTable.horizontalHeader()
        menu = QMenu(self)
        for logical, column in enumerate(COLUMNS):
            action = QAction(column.title, menu, checkable=True, checked=not header.isSectionHidden(logical))
            action.toggled.connect(lambda shown, n=logical: self._show_column(n, shown))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction("选择列…", self.choose_columns)
        menu.exec(header.mapToGlobal(position))

    def _show_column(self, logical: int, shown: bool) -> None:
        header = self.ui.caseTable.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return  # the last visible column stays, or the header could not be right-clicked again
        header.setSectionHidden(logical, not shown)

    def _default_columns(self) -> None:
        header = self.ui.caseTable.horizontalHeader()
        for logical, column in enumerate(COLUMNS):
            header.resizeSection(logical, column.width)
            header.setSectionHidden(logical, column.hidden)
        header.setSortIndicator(COLUMN_INDEX["session"], Qt.SortOrder.AscendingOrder)

    def set_filter_panel_visible(self, visible: bool) -> None:
        self._filter_panel_or_place().setVisible(visible)

    def _filter_panel_or_place(self) -> QWidget:
        """The filter panel, or its placeholder while it is not made (the layout is the same)."""
        panel = built(self, "filter_panel")
        return self.ui.filterPanelPlace if panel is None else panel

    def save_layout(self) -> None:
        settings = self.services.ui_settings
        settings.case_list_header_state = encode_state(self.ui.caseTable.horizontalHeader().saveState())
        settings.show_filter_panel = not self._filter_panel_or_place().isHidden()
        if (panel := built(self, "filter_panel")) is not None:  # else a window closed at once
            settings.last_view = panel.current_view()
        state = dict(settings.view_state.get(LIST_STATE_KEY, {}))
        state["splitter"] = encode_state(self.ui.splitter.saveState())
        settings.view_state[LIST_STATE_KEY] = state

    def restore_layout(self) -> None:
        settings = self.services.ui_settings
        header = self.ui.caseTable.horizontalHeader()
        if settings.case_list_header_state and not header.restoreState(decode_state(settings.case_list_header_state)):
            self._default_columns()
        splitter = settings.view_state.get(LIST_STATE_KEY, {}).get("splitter")
        if isinstance(splitter, str) and splitter:
            self.ui.splitter.restoreState(decode_state(splitter))
        self.set_filter_panel_visible(settings.show_filter_panel)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def restore_last_view(self) -> None:
        name = self.services.ui_settings.last_view
        if name in self._views:
            self.apply_view(name)


def _late_column_service(services, key: str):
    """The bulk call giving a late column's value per item id; None before a database is open."""
    if not services.connected:
        return None
    return services.deadlines.next_deadlines if key == "next_due" else services.checklists.progress_by_item
