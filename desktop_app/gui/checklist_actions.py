"""设置 → 清单模板…, and the case list's 进度 column filled off the UI thread (gui layer).

Installed with ``install(window)``; ``fill_checklist_progress`` follows ``fill_next_deadlines``:
the list shows first, its 进度 column a moment later from one bulk service call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction


def checklist_service(services):
    """The checklist service on the case service's context (None before a database is open)."""
    found = getattr(services, "_checklists", None)
    if found is None and services.cases is not None:
        from desktop_app.services.checklist import ChecklistService

        found = ChecklistService(services.cases.ctx)
        services._checklists = found
    return found


def install(window) -> None:
    action = QAction("清单模板(&K)…", window)
    action.setObjectName("checklistTemplatesAction")
    action.triggered.connect(lambda: open_editor(window))
    window.ui.settingsMenu.addAction(action)
    window.checklistTemplatesAction = action
    window.ui.settingsMenu.aboutToShow.connect(lambda: action.setEnabled(window.services.cases is not None))
    window.services.changed.connect(lambda changes: _ticked(window, changes))


def _ticked(window, changes) -> None:
    """A tick changes only the 进度 column: refill it instead of reloading the list."""
    if "checklist" in changes.kinds and not changes.kinds & {"item", "database"}:
        rows = window.case_list.model.loaded_rows()
        if rows:
            fill_checklist_progress(window.case_list, rows, wait=False)


def open_editor(window):
    from desktop_app.gui.views.checklist_editor_view import ChecklistEditorView

    if window.services.cases is None:
        return None
    editor = getattr(window, "_checklist_editor", None)
    if editor is None:
        editor = ChecklistEditorView(window.services, window)
        editor.setWindowFlag(Qt.WindowType.Window, True)
        window._checklist_editor = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def fill_checklist_progress(list_view, rows, *, wait: bool) -> None:
    service = checklist_service(list_view.services)
    if service is None:
        return
    model = list_view.model

    def filled(_result=None) -> None:
        if model.rows_are(rows):
            model.next_deadlines_filled("progress")

    if wait:
        service.attach_progress(rows)
        filled()
    else:
        list_view.runner.run(lambda: service.attach_progress(rows), title="计算办理进度",
                             background=True, on_success=filled)
