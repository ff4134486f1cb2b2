"""The main window: a thin shell of menus, toolbar, stacked views and status bar (gui layer).

Everything it does is delegated: lists to the views, editing to the dialogs, work to the runner,
data to the services in ``AppServices``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QWidget

from desktop_app.domain.enums import ItemKind
from desktop_app.gui.app_services import AppServices
from desktop_app.gui.forms.ui_main_window import Ui_MainWindow
from desktop_app.gui.later_parts import build_later_parts, later_part
from desktop_app.gui.runner import OperationRunner, wait_for_writes
from desktop_app.gui.views.case_list_view import CaseListView
from desktop_app.gui.window_commands import WindowCommands
from desktop_app.gui.widgets.qt_state import decode_state, encode_state
from desktop_app.gui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:  # an event class at import builds PySide's QEvent enums (~5 ms before the first paint)
    from PySide6.QtGui import QCloseEvent

    from desktop_app.gui.day_clock import DayClock
    from desktop_app.gui.file_commands import FileCommands
    from desktop_app.gui.item_commands import ItemCommands

APP_TITLE = "建议提案办理助手"


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ui.readOnlyBanner.hide()  # until the database is open and read-only (show_data)
        self.runner = OperationRunner.for_window(services, self)
        self._startup_tasks: list[Callable[[], None]] = []
        self.features: dict[str, object] = {}  # what each feature's install returned, by name
        self.setWindowTitle(f"{APP_TITLE} — {services.db_path.name}")

        self.case_list = CaseListView(services, self.runner, self)
        self.commands = WindowCommands(self)
        self.add_view("cases", self.case_list, "案件列表").setChecked(True)
        self.case_list.open_requested.connect(self.open_case)
        self.case_list.counts_changed.connect(self._show_counts)
        self.case_list.add_table_actions([self.ui.openAction, self.ui.deleteAction])
        self.case_list.selection_changed.connect(self.update_actions)

        self._features_installed = False
        if services.connected:
            self.install_features()
        self._build_status_bar()
        self._connect_actions()
        # Layout first, so that the rows are sorted once, by the remembered column.
        self._restore_layout()
        if not services.connected:
            # bootstrap paints the window first and opens the database after it (start-up time).
            self.ui.statusBar.showMessage("正在打开数据库…")
            self.update_actions()
        else:
            self.show_data(wait=True)

    def build_later_parts(self) -> None:
        """Build the parts the first paint does not need (``later_parts``): the list's filter
        panel, its chip and colours, the item commands, the day clock. bootstrap calls this right
        after the first paint; anything using a part earlier builds it then."""
        for owner in (self.case_list, self.case_list.model, self):
            build_later_parts(owner)

    @later_part
    def items(self) -> ItemCommands:
        """新建, 打开 and 删除 of items, each in its editor window (gui/item_commands.py)."""
        from desktop_app.gui.item_commands import ItemCommands

        return ItemCommands(self)

    @cached_property
    def files(self) -> FileCommands:
        """立即备份, 从备份恢复, 设置, 连接服务器, 关于 (gui/file_commands.py): made when first
        used, once the rows have loaded or on a menu command, not among the later parts."""
        from desktop_app.gui.file_commands import FileCommands

        return FileCommands(self)

    @later_part
    def day_clock(self) -> DayClock:
        """Announces each new day of the app's clock; started once the database is open."""
        from desktop_app.gui.day_clock import DayClock

        return DayClock(self.services.announce, self)

    def install_features(self) -> None:
        """Let each feature add its views, menus and actions, and finish the filter panel (once).
        Imported here, not at the top: bootstrap paints the window before these load, to keep
        start-up close to a bare window."""
        if self._features_installed:
            return
        from desktop_app.gui import (
            carry_over_actions,
            checklist_actions,
            document_actions,
            exchange_actions,
            package_actions,
            proposal_actions,
            rectification_actions,
            review_actions,
            statistics_actions,
        )
        from desktop_app.gui.views.deadline_dashboard_view import install_dashboard

        installs = {
            "dashboard": install_dashboard, "documents": document_actions.install, "exchange": exchange_actions.install,
            "packages": package_actions.install,
            "rectification": rectification_actions.install, "checklists": checklist_actions.install,
            "statistics": statistics_actions.install, "review": review_actions.install,
            "carry_over": carry_over_actions.install, "proposals": proposal_actions.install,
        }
        for name, install in installs.items():
            self.features[name] = install(self)
        self.add_action("connectServerAction", "连接服务器(&C)…", lambda: self.files.connect_server(),
                        status_tip="多人共用：下次启动时打开单位数据库服务器上的数据库")
        self.case_list.filter_panel.add_date_ranges()
        self.case_list.watch_keys()
        self._features_installed = True

    def show_data(self, *, wait: bool = False) -> None:
        """Show the database once ``services`` are connected to it. ``wait`` reads the rows before
        returning; otherwise they load on a worker thread while the window stays responsive."""
        self.install_features()
        self.day_clock.start(self.services.ctx)
        self.ui.statusBar.clearMessage()
        # The file really opened, which may not be the one asked for (another chosen at start-up).
        self.setWindowTitle(f"{APP_TITLE} — {self.services.db_path.name}")
        self.dbPathLabel.setText(f"数据库：{self.services.db_path}")
        self.case_list.filter_panel.set_editable(not self.services.read_only)
        self._show_read_only()
        if not wait:
            self.countLabel.setText("正在载入全部建议提案…")
        self.case_list.reload(wait=wait)
        self.case_list.restore_last_view()
        self.update_actions()

    def when_loaded(self, action) -> None:
        """Run ``action`` once, when the case list next finishes loading its rows (start-up work
        that should not compete with the first load)."""
        def once() -> None:
            self.case_list.rows_reloaded.disconnect(once)
            action()

        self.case_list.rows_reloaded.connect(once)

    def check_integrity_after_load(self) -> None:
        """Run the integrity check once the list has loaded (deferred for big files, where it
        takes seconds)."""
        self.when_loaded(lambda: self.files.check_integrity())

    # -- set-up

    def _build_status_bar(self) -> None:
        self.dbPathLabel = QLabel(f"数据库：{self.services.db_path}", self)
        self.dbPathLabel.setObjectName("dbPathLabel")
        self.dbPathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("countLabel")
        self.ui.statusBar.addWidget(self.dbPathLabel, 1)
        self.ui.statusBar.addPermanentWidget(self.countLabel)

    def _connect_actions(self) -> None:
        ui = self.ui
        for name in ("file", "edit", "view", "settings", "help"):
            self.commands.menu(name).aboutToShow.connect(self.update_actions)
        ui.newSuggestionAction.triggered.connect(lambda: self.items.new_case(ItemKind.SUGGESTION))
        ui.newProposalAction.triggered.connect(lambda: self.items.new_case(ItemKind.PROPOSAL))
        ui.restoreAction.triggered.connect(lambda: self.files.restore_backup())
        ui.backupAction.triggered.connect(lambda: self.files.backup_now())
        ui.quitAction.triggered.connect(self.close)
        ui.openAction.triggered.connect(lambda: self.items.open_selected())
        ui.deleteAction.triggered.connect(lambda: self.items.delete_selected())
        ui.findAction.triggered.connect(self.case_list.focus_search)
        ui.columnsAction.triggered.connect(self.case_list.choose_columns)
        ui.filterPanelAction.toggled.connect(self.case_list.set_filter_panel_visible)
        ui.reloadAction.triggered.connect(lambda: self.case_list.reload(wait=False))
        ui.settingsAction.triggered.connect(lambda: self.files.open_settings())
        ui.aboutAction.triggered.connect(lambda: self.files.about())
        ui.userGuideAction.triggered.connect(lambda: self.files.show_user_guide())

    def _show_read_only(self) -> None:
        read_only = self.services.read_only
        reason = self.services.read_only_reason or "数据库以只读方式打开。"
        self.ui.readOnlyBanner.setText(f"只读模式：{reason}　现在只能查看，不能新建、修改或删除。")
        self.ui.readOnlyBanner.setVisible(read_only)
        if read_only:
            self.setWindowTitle(f"{self.windowTitle()}（只读）")

    # -- extension points: features add their commands and views here (gui/window_commands.py)

    def add_action(self, name: str, text: str, slot: Callable | None = None, **options) -> QAction:
        """The command ``name`` declared in ``action_registry``, on its menu with its shortcut."""
        return self.commands.add_action(name, text, slot, **options)

    def add_view(self, name: str, view: QWidget, text: str, **options) -> QAction:
        """``view`` in the stack, behind its switcher on 视图 and the toolbar."""
        return self.commands.add_view(name, view, text, **options)

    def show_status(self, text: str, milliseconds: int = 10000) -> None:
        """``text`` on the status bar for a while (what a feature's command did)."""
        self.ui.statusBar.showMessage(text, milliseconds)

    def extend_view(self, name: str, extend: Callable[[QWidget], None]) -> None:
        """``extend(view)`` once the view ``name`` is added, whichever feature installs first."""
        self.commands.extend_view(name, extend)

    def show_view(self, name: str) -> QWidget:
        return self.commands.show_view(name)

    def menu(self, name: str) -> QMenu:
        return self.commands.menu(name)

    def add_startup_task(self, task: Callable[[], None]) -> None:
        """``task`` runs once the list has loaded at start-up (e.g. the deadline reminder)."""
        self._startup_tasks.append(task)

    def run_startup_tasks(self) -> list:
        """Run the start-up tasks; what each returned (an operation under way, or None)."""
        return [task() for task in self._startup_tasks]

    def update_actions(self, *_args) -> None:
        self.commands.update()

    def _show_counts(self, shown: int, total: int) -> None:
        self.countLabel.setText(f"显示 {shown} / {total} 条")

    # -- items: ItemCommands (gui/item_commands.py)

    def open_case(self, item_id: int) -> None:
        """Open the item's editor (or bring it forward): for features whose views list items."""
        self.items.open_case(item_id)

    # -- layout

    def _restore_layout(self) -> None:
        settings = self.services.ui_settings
        if settings.window_geometry:
            self.restoreGeometry(decode_state(settings.window_geometry))
        else:
            fit_to_screen(self)
        if settings.window_state:
            self.restoreState(decode_state(settings.window_state))
        self.case_list.restore_layout()
        self.ui.filterPanelAction.setChecked(settings.show_filter_panel)

    def save_layout(self) -> None:
        settings = self.services.ui_settings
        settings.window_geometry = encode_state(self.saveGeometry())
        settings.window_state = encode_state(self.saveState())
        self.case_list.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Editors are windows of their own, but the program ends with this one: each is asked to
        # close first, so unsaved edits get their 保存 / 不保存 / 取消 question.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
        if any(dialog.isVisible() for dialog in self.findChildren(QDialog)):
            event.ignore()  # 取消 chosen, or a save still running: keep working
            return
        # Writes queued from any window (a tick, a 回头看 entry) end before the program does.
        wait_for_writes(self.services.workers, self, APP_TITLE)
        self.save_layout()
        if self.services.save_ui_settings is not None:
            self.services.save_ui_settings()
        super().closeEvent(event)

