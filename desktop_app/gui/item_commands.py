"""新建, 打开 and 删除 of items from the main window (gui layer): one editor window per item,
brought forward when it is open already, and a delete that carries the version the list read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.domain.enums import ItemKind
from desktop_app.domain.errors import NotFoundError
from desktop_app.gui.operations import cases as case_ops
from desktop_app.gui.widgets import message_boxes


class ItemCommands:
    def __init__(self, window):
        self.window = window
        self._editors: dict[int, QWidget] = {}

    @property
    def _list(self):
        return self.window.case_list

    def new_case(self, kind: ItemKind) -> None:
        if not self.window.services.read_only:
            self._show_editor(None, kind)

    def open_selected(self) -> None:
        row = self._list.selected_row()
        if row is not None:
            self.open_case(row.id)

    def open_case(self, item_id: int) -> None:
        editor = self._editors.get(item_id)
        if editor is not None:
            editor.raise_()
            editor.activateWindow()
            return
        self._show_editor(item_id, None)

    def _show_editor(self, item_id: int | None, kind: ItemKind | None) -> None:
        from desktop_app.gui.dialogs.case_edit_dialog import CaseEditDialog  # the editor loads on first use

        window = self.window
        try:
            editor = CaseEditDialog(window.services, item_id, kind, parent=window)
        except NotFoundError:
            # Deleted by someone else (or another window) since the list was read.
            message_boxes.show_warning(
                window, "无法打开", "这件建议提案已被删除（可能是他人或另一窗口删除的），列表已刷新。")
            self._list.reload(wait=False)
            return
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open_requested.connect(self.open_case)
        if item_id is not None:
            self._editors[item_id] = editor
            editor.destroyed.connect(lambda _obj=None, key=item_id: self._editors.pop(key, None))
        editor.show()

    def delete_selected(self) -> None:
        window, case_list = self.window, self._list
        row = case_list.selected_row()
        if row is None or window.services.read_only:
            return
        question = (f"确定要删除{row.kind.label}“{row.session_name} 第{row.number}号：{row.title}”吗？\n"
                    "删除后它的办理单位、沟通记录、答复、附件和历史都会一并删除；"
                    "如需找回，只能从备份恢复。")
        if not message_boxes.confirm(window, "删除建议提案", question, "删除"):
            return
        operation = window.runner.run(case_ops.delete_case(window.services, row.id, row.version),
                                      initiator=case_list,
                                      on_success=lambda _changes: case_list.remove_rows([row.id]))
        # The runner has said why (e.g. deleted meanwhile); the list then shows what is really there.
        operation.failed.connect(lambda _error: case_list.reload(wait=False))
