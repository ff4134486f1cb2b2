"""Regenerate the README's screenshots in docs/screenshots/ (developer tool).

Run ``uv run python scripts/screenshots.py`` and look at every PNG afterwards. The app is started
exactly as ``desktop-app --demo`` starts it (``bootstrap.start_window``, a fresh demo database in a
temporary data folder) on a 1366×768 screen, whose work area a maximised window gets: what the
pictures show is what a user on an office laptop sees. Each entry of ``SHOTS`` names a file and a
function that brings the window to grab on screen through the menus; dialogs shown with
``exec()`` are grabbed as they open. Rendering is offscreen, so no window appears.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DEMO_NOW = datetime(2026, 11, 16, 9, 30)  # fixed, so that the pictures change only with the app
USER = "张晓燕"
# Shown in the title and status bar only: where the file lives on a user's PC, so that the
# pictures do not change with each run's temporary folder.
SHOWN_DB_PATH = PureWindowsPath(r"C:\Users\张晓燕\AppData\Local\JianyiTiananZhushou\demo.sqlite")
# A 1366×768 laptop screen less the Windows taskbar.
SCREEN = {"screens": [{"name": "Laptop1366", "x": 0, "y": 0, "width": 1366, "height": 728,
                       "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Shot:
    file_name: str
    # (window) -> the widget to grab, or None for the dialog the call opened with exec().
    bring: Callable


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


def main_window(window):
    """The main window on the demo list, one row selected, as a user sees it after start."""
    window.case_list.ui.caseTable.selectRow(2)
    return window


def view(action_name: str) -> Callable:
    """The main window switched to another view through its 视图 menu action."""

    def bring(window):
        from PySide6.QtGui import QAction

        window.findChild(QAction, action_name).trigger()
        return window

    return bring


def case_editor(tab: str) -> Callable:
    def bring(window):
        from PySide6.QtWidgets import QApplication

        window.open_case(richest_item(window.services))
        dialog = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "CaseEditDialog" and w.isVisible())
        dialog.ui.sectionTabs.setCurrentWidget(getattr(dialog.ui, tab, None) or getattr(dialog, tab))
        if tab == "unitsTab" and dialog.units.model.rowCount() > 1:
            dialog.units.editor.select(1)  # a 会办 row shows the opinion fields filled in
        return dialog

    return bring


def case_editor_checklist(window):
    """The editor's 办理清单 tab on an item with the first steps ticked (demo items are written
    in bulk without checklists, so the checklist is made here)."""
    services = window.services
    item_id = richest_item(services)
    service = services.checklists
    if service.item_checklist(item_id) is None:
        service.create_for_item(item_id)
        checklist = service.item_checklist(item_id)
        contact = next((c.id for c in checklist.evidence if c.kind == "contact"), None)
        for e in checklist.entries:
            if e.entry.name in ("签收登记", "审核职责", "7 个工作日内完成职责审核", "制定方案", "办前沟通"):
                service.tick(e.id, True, "已电话联系领衔代表" if e.entry.name == "办前沟通" else "",
                             contact if e.entry.name == "办前沟通" else None)
    return case_editor("checklist")(window)


def menu_dialog(action_name: str) -> Callable:
    """The dialog a menu command opens (grabbed as it opens)."""

    def bring(window):
        from PySide6.QtGui import QAction

        window.findChild(QAction, action_name).trigger()
        return None

    return bring


def checklist_editor(window):
    """清单模板 with 办前沟通 (the gated step) selected."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    window.findChild(QAction, "checklistTemplatesAction").trigger()
    editor = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ChecklistEditorView")
    editor.select_key("s4")
    return editor


def dashboard_all_units(window):
    """期限看板 for all units: every kind, the 整改清单 line and the weekly chart have figures."""
    from PySide6.QtWidgets import QWidget

    view("dashboardViewAction")(window)
    window.findChild(QWidget, "deadlineDashboard").ui.scopeCombo.setCurrentIndex(1)
    return window


def carry_over_dialog(window):
    """年底结转承诺事项, with the open commitments listed."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    window.findChild(QAction, "carryOverAction").trigger()
    return next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "CarryOverDialog" and w.isVisible())


def seed_earlier_years(services) -> None:
    """The demo's items are all of one year: the richest item's problem raised in the two years
    before, in other words, once linked by hand as 同一问题 (for 相似件 and 年年提)."""
    from dataclasses import replace

    from desktop_app.domain.enums import Body, ItemKind, Level, LinkKind, UnitRole
    from desktop_app.services.demo_data import session_name
    from desktop_app.services.dto import AssignmentRecord, ProposerLink, SessionInfo

    cases = services.cases
    item = cases.get(richest_item(services))
    year = DEMO_NOW.year
    earlier_session = session_name(Body.CONGRESS, year - 2)
    if any(r.session_name == earlier_session for r in cases.list_rows()):
        return
    ids = []
    for back in (2, 1):  # the sessions of those years (a name alone would be taken as this year's)
        services.reference.save_session(SessionInfo(0, session_name(Body.CONGRESS, year - back), Body.CONGRESS,
                                                    Level.DISTRICT, year - back))
    for back, title, cut in ((2, item.title.replace("关于", "关于进一步", 1), 3), (1, item.title, 2)):
        lead = item.proposers[0]
        record = replace(
            cases.new_record(ItemKind.SUGGESTION), session_name=session_name(Body.CONGRESS, year - back),
            session_id=None, number=f"00{40 + back}", title=title, category=item.category,
            content=item.content[: len(item.content) * cut // 4],
            assignments=(AssignmentRecord(None, item.assignments[0].unit_name, UnitRole.LEAD),),
            proposers=(ProposerLink(lead.name, lead.role, lead.proposer_type, lead.proposer_id),))
        ids.append(cases.save(record)[1])
    services.similarity.link(item.id, ids[-1], LinkKind.SAME)


def wait_for(check, rounds: int = 200) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        if check():
            return
        settle(QApplication.instance(), 1)


def case_editor_similar(window):
    """The editor's 相似件 tab: the earlier items on the same problem, one linked as 同一问题."""
    seed_earlier_years(window.services)
    dialog = case_editor("similar")(window)
    wait_for(lambda: dialog.similar.model.rowCount() > 0 and not dialog.similar._runner.busy)
    return dialog


def recurring_dialog(window):
    """年年提 from the 回头看 view: the problems raised in two or more years."""
    seed_earlier_years(window.services)
    view("reviewViewAction")(window)
    review = window.commands.view("review")
    review.ui.recurringButton.click()
    wait_for(lambda: review.recurring.report is not None)
    return review.recurring


SHOTS: list[Shot] = [
    Shot("main_window.png", main_window),
    Shot("case_editor_basic.png", case_editor("basicTab")),
    Shot("case_editor_units.png", case_editor("unitsTab")),
    Shot("case_editor_reply.png", case_editor("replyTab")),
    Shot("settings_dialog.png", menu_dialog("settingsAction")),
    Shot("restore_dialog.png", menu_dialog("restoreAction")),
    Shot("checklist_editor.png", checklist_editor),
    Shot("deadline_dashboard.png", dashboard_all_units),
    Shot("statistics_view.png", view("statisticsViewAction")),
    Shot("case_editor_checklist.png", case_editor_checklist),
    Shot("review_view.png", view("reviewViewAction")),
    Shot("rectification_view.png", view("rectificationViewAction")),
    Shot("carry_over_dialog.png", carry_over_dialog),
    Shot("case_editor_similar.png", case_editor_similar),
    Shot("recurring_dialog.png", recurring_dialog),
    Shot("proposals_view.png", view("proposalsViewAction")),
    Shot("package_reports_view.png", view("packageReportsViewAction")),
]


def settle(app, rounds: int = 10) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="screenshots-"))
    screen = folder / "screen.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["DESKTOP_APP_HOME"] = str(folder / "home")
    from PySide6.QtWidgets import QDialog

    from desktop_app import bootstrap, settings, startup
    from desktop_app.gui.widgets import message_boxes

    startup.app_clock = lambda: DEMO_NOW
    ui = settings.load_settings()
    ui.user_name = USER  # a user who has started the program before
    settings.save_settings(ui)
    # The start-up reminder would wait for a click; it is not part of these pictures.
    message_boxes.show_information = lambda *_args: None
    opened_dialogs: list[QDialog] = []

    def exec_(dialog: QDialog) -> int:  # grabbed by main() below instead of waiting for a click
        dialog.show()
        opened_dialogs.append(dialog)
        return 0

    QDialog.exec = exec_
    started = bootstrap.start_window(bootstrap.plain_window_args(["--demo"]))
    if isinstance(started, int):
        print("程序没有启动", file=sys.stderr)
        return started
    app, window = started.app, started.window
    window.showMaximized()
    loaded = []
    window.case_list.rows_reloaded.connect(lambda: loaded.append(True))
    while not loaded:
        settle(app, 1)
    window.setWindowTitle(window.windowTitle().replace(window.services.db_path.name, SHOWN_DB_PATH.name))
    window.dbPathLabel.setText(f"数据库：{SHOWN_DB_PATH}")
    OUT.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        opened_dialogs.clear()
        widget = shot.bring(window) or opened_dialogs[-1]
        settle(app)
        target = OUT / shot.file_name
        widget.grab().save(str(target))
        print(f"{target.relative_to(ROOT)}（{widget.width()}×{widget.height()}）")
        if widget is not window:
            widget.close()
        settle(app, 3)
    window.close()
    started.shut_down()
    return 0


if __name__ == "__main__":
    sys.exit(main())
