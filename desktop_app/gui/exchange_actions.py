"""文件 → 导入交办清单… / 导出台账… / 导出当前列表…: the Excel exchange in the main window's
menu (gui layer). Installed by ``install(window)``; the work runs through the window's runner."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.gui.models.case_table_model import COLUMNS
from desktop_app.gui.operations import exchange
from desktop_app.gui.widgets import message_boxes


def install(window) -> None:
    window.add_action("importCasesAction", "导入交办清单(&I)…", lambda: import_cases(window))
    window.add_action("exportLedgerAction", "导出台账(&L)…", lambda: export_ledger(window))
    window.add_action("exportListAction", "导出当前列表(&E)…", lambda: export_list(window))


def import_cases(window) -> None:
    from desktop_app.gui.dialogs.import_dialog import ImportDialog
    if not window.services.connected or window.services.read_only:
        return
    ImportDialog(window.services, window).exec()


def _save_path(window, title: str, name: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(window, title, name, "Excel 工作簿 (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def export_ledger(window) -> None:
    from desktop_app.gui.dialogs.ledger_export_dialog import LedgerExportDialog

    dialog = LedgerExportDialog(window.services, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    choices = dialog.choices()
    if not choices["columns"]:
        message_boxes.show_warning(window, "导出台账", "没有勾选任何列。请至少勾选一列后再导出。")
        return
    path = _save_path(window, "导出台账", "办理台账.xlsx")
    if not path:
        return
    window.runner.run(exchange.export_ledger(window.services, path, choices),
                      on_success=lambda written: window.show_status(f"已导出台账：{written}"))


def list_columns(view):
    """The case list's visible columns in their on-screen order, as export columns (dates kept
    as dates)."""
    from desktop_app.services.export_cases import ListColumn

    out = []
    for logical, width in view.shown_columns():
        column = COLUMNS[logical]

        def value(row, column=column):
            raw = column.value(row)
            return raw if isinstance(raw, date) else column.text(row)

        out.append(ListColumn(column.title, value, max(6, width / 7)))
    return out


def export_list(window) -> None:
    view = window.case_list
    model = view.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    if not rows:
        message_boxes.show_warning(window, "导出当前列表", "当前列表是空的，没有可导出的内容。请先调整筛选条件。")
        return
    path = _save_path(window, "导出当前列表", "建议提案列表.xlsx")
    if not path:
        return
    columns = list_columns(view)
    window.runner.run(exchange.export_list(window.services, path, columns, rows),
                      on_success=lambda written: window.show_status(f"已导出列表：{written}"))
