"""设置 → 清单模板…, and keeping the case list's 进度 column current after a tick (gui layer).

Installed with ``install(window)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction


def install(window) -> None:
    action = QAction("清单模板(&K)…", window)
    action.setObjectName("checklistTemplatesAction")
    action.triggered.connect(lambda: open_editor(window))
    window.ui.settingsMenu.addAction(action)
    window.checklistTemplatesAction = action
    window.enable_when(action, lambda: window.services.connected)
    window.services.changed.connect(lambda changes: _ticked(window, changes))


def _ticked(window, changes) -> None:
    """A tick changes only the 进度 column: refill it instead of reloading the list."""
    if "checklist" in changes.kinds and not changes.kinds & {"item", "database"}:
        window.case_list.fill_late_column("progress", wait=False)


def open_editor(window):
    from desktop_app.gui.views.checklist_editor_view import ChecklistEditorView

    if not window.services.connected:
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
