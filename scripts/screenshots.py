"""Regenerate the README's screenshots in docs/screenshots/ from a fresh demo database (developer tool).

Run ``uv run python scripts/screenshots.py`` and look at every PNG afterwards. Each entry of
``SHOTS`` names a file and a function that builds the window to grab from the demo services;
add a shot by adding an entry. Rendering is offscreen, so no window appears.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DEMO_NOW = datetime(2024, 6, 3, 9, 30)
DEMO_ITEMS = 60
SHOWN_DB_PATH = PureWindowsPath(r"C:\Users\张晓燕\AppData\Local\JianyiTiananZhushou\cases.sqlite")
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Shot:
    file_name: str
    build: Callable  # (services) -> QWidget, shown and sized by the function
    size: tuple[int, int] = (1000, 720)


def demo_services(folder: Path):
    from desktop_app.gui.app_services import AppServices
    from desktop_app.services.cases import CaseService
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import fill_demo
    from desktop_app.services.maintenance import MaintenanceService
    from desktop_app.services.reference import ReferenceService
    from desktop_app.services.views import ViewService
    from desktop_app.settings import UiSettings
    from desktop_app.storage.database import open_database

    db = open_database(folder / "演示.db")
    ctx = ServiceContext(db=db, user_name=lambda: "张晓燕", now=lambda: DEMO_NOW)
    fill_demo(ctx, items=DEMO_ITEMS)
    services = AppServices(
        cases=CaseService(ctx), reference=ReferenceService(ctx), views=ViewService(ctx),
        maintenance=MaintenanceService(ctx, folder / "备份"), ui_settings=UiSettings(user_name="张晓燕"),
        # Shown in the title and status bar only: where the file lives on a user's PC, so that the
        # pictures do not change with each run's temporary folder.
        db_path=SHOWN_DB_PATH,
    )
    services.maintenance.backup_now()
    return services


def richest_item(services) -> int:
    """The demo item with something in every tab of the editor."""

    def score(record) -> tuple:
        co_units = sum(1 for a in record.assignments if a.role.value == "co")
        return (
            bool(record.contacts) and bool(record.replies) and bool(record.attachments) and co_units > 0,
            len(record.proposers) > 1, len(record.history), co_units, len(record.contacts),
        )

    records = [services.cases.get(row.id) for row in services.cases.list_rows()]
    return max(records, key=score).id


def main_window(services):
    """The main window on the demo list, one row selected, as a user sees it after start."""
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(services)
    window.case_list.ui.caseTable.selectRow(2)
    return window


def case_editor(tab: str) -> Callable:
    def build(services):
        from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog

        dialog = CaseEditDialog(services, richest_item(services))
        dialog.ui.sectionTabs.setCurrentWidget(getattr(dialog.ui, tab))
        if tab == "unitsTab" and dialog.units.model.rowCount() > 1:
            dialog.units.editor.select(1)  # a 会办 row shows the opinion fields filled in
        return dialog

    return build


def settings_dialog(services):
    from desktop_app.gui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(services)


def restore_dialog(services):
    from desktop_app.gui.dialogs.restore_dialog import RestoreDialog

    return RestoreDialog(services)


def main_window_view(action_name: str) -> Callable:
    """The main window switched to another view through its 视图 menu action."""

    def build(services):
        from PySide6.QtGui import QAction

        window = main_window(services)
        window.findChild(QAction, action_name).trigger()
        return window

    return build


def checklist_editor(services):
    """清单模板 with 办前沟通 (the gated step) selected."""
    from desktop_app.gui.views.checklist_editor_view import ChecklistEditorView

    view = ChecklistEditorView(services)
    view.select_key("s4")
    return view


def case_editor_checklist(services):
    """The editor's 办理清单 tab on an item with the first steps ticked (demo items are written
    in bulk without checklists, so the checklist is made here)."""
    from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog

    item_id = richest_item(services)
    service = services.checklists
    if service.item_checklist(item_id) is None:
        service.create_for_item(item_id)
        view = service.item_checklist(item_id)
        contact = next((c.id for c in view.evidence if c.kind == "contact"), None)
        for e in view.entries:
            if e.entry.name in ("签收登记", "审核职责", "7 个工作日内完成职责审核", "制定方案", "办前沟通"):
                service.tick(e.id, True, "已电话联系领衔代表" if e.entry.name == "办前沟通" else "",
                             contact if e.entry.name == "办前沟通" else None)
    dialog = CaseEditDialog(services, item_id)
    dialog.ui.sectionTabs.setCurrentWidget(dialog.checklist)
    return dialog


def dashboard_all_units(services):
    """期限看板 for all units: every kind, the 整改清单 line and the weekly chart have figures."""
    from PySide6.QtWidgets import QWidget

    window = main_window_view("dashboardViewAction")(services)
    window.findChild(QWidget, "deadlineDashboard").ui.scopeCombo.setCurrentIndex(1)
    return window


def carry_over_dialog(services):
    """年底结转承诺事项 for the demo's first year, with its open commitments listed."""
    from desktop_app.gui.dialogs.carry_over_dialog import CarryOverDialog
    from desktop_app.services.followup import FollowupService

    return CarryOverDialog(FollowupService(services.cases.ctx), 2024)


SHOTS: list[Shot] = [
    Shot("main_window.png", main_window, (1280, 800)),
    Shot("case_editor_basic.png", case_editor("basicTab")),
    Shot("case_editor_units.png", case_editor("unitsTab")),
    Shot("settings_dialog.png", settings_dialog, (640, 580)),
    Shot("restore_dialog.png", restore_dialog, (640, 400)),
    Shot("checklist_editor.png", checklist_editor, (1100, 680)),
    Shot("deadline_dashboard.png", dashboard_all_units, (1280, 800)),
    Shot("statistics_view.png", main_window_view("statisticsViewAction"), (1280, 800)),
    Shot("case_editor_checklist.png", case_editor_checklist),
    Shot("review_view.png", main_window_view("reviewViewAction"), (1280, 800)),
    Shot("rectification_view.png", main_window_view("rectificationViewAction"), (1280, 800)),
    Shot("carry_over_dialog.png", carry_over_dialog, (980, 520)),
]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.i18n import install_translations

    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        services = demo_services(Path(folder))
        for shot in SHOTS:
            widget = shot.build(services)
            widget.resize(*shot.size)
            widget.show()
            for _ in range(5):
                app.processEvents()
            target = OUT / shot.file_name
            widget.grab().save(str(target))
            print(f"{target.relative_to(ROOT)}")
            widget.close()
            widget.deleteLater()
            app.processEvents()
        services.cases.ctx.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
