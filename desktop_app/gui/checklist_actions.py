"""设置 → 清单模板…, and keeping the case list's 进度 column current after a tick (gui layer).

Installed with ``install(window)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def install(window) -> None:
    editors: list[QWidget] = []  # the one template editor, made on first use

    def open_editor() -> QWidget | None:
        from desktop_app.gui.views.checklist_editor_view import ChecklistEditorView

        if not window.services.connected:
            return None
        if not editors:
            editor = ChecklistEditorView(window.services, window)
            editor.setWindowFlag(Qt.WindowType.Window, True)
            editors.append(editor)
        editor = editors[0]
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    window.add_action("checklistTemplatesAction", "清单模板(&K)…", open_editor)
    window.services.changed.connect(lambda changes: _ticked(window, changes))


def _ticked(window, changes) -> None:
    """A tick changes only the 进度 column: refill it instead of reloading the list."""
    if "checklist" in changes.kinds and not changes.kinds & {"item", "database"}:
        window.case_list.fill_late_column("progress", wait=False)
