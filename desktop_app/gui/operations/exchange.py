"""Operations on Excel exchange: importing 交办清单, exporting the ledger and the list (gui layer).

One service call each, see ``operations``; all report progress and can be cancelled."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def open_sheet(services, path, default_session: str) -> Op:
    """``(source, preview)`` of the sheet ``path``."""
    imports = services.imports
    return Op("读取交办清单",
              lambda progress, cancelled: imports.open_file(path, default_session, progress, cancelled),
              read=True, reports_progress=True)


def preview_import(services, source, mapping, default_session: str) -> Op:
    imports = services.imports
    return Op("预览导入",
              lambda progress, cancelled: imports.preview(source, mapping, default_session, progress, cancelled),
              read=True, reports_progress=True)


def apply_import(services, preview, decisions, skip_errors: bool, remember_mapping=None) -> Op:
    """``(Changes, ImportResult)``; ``remember_mapping`` (headers, mapping) or None."""
    imports = services.imports
    return Op("导入交办清单",
              lambda progress, cancelled: imports.apply(preview, decisions, skip_errors, progress, cancelled,
                                                        remember_mapping=remember_mapping),
              reports_progress=True)


def export_ledger(services, path, choices: dict) -> Op:
    exporters = services.exporters
    return Op("导出台账",
              lambda progress, cancelled: exporters.export("ledger", path, progress, cancelled, **choices),
              read=True, reports_progress=True)


def export_list(services, path, columns, rows) -> Op:
    exporters = services.exporters
    return Op("导出当前列表",
              lambda progress, cancelled: exporters.export("case_list", path, progress, cancelled, columns=columns,
                                                           rows=rows),
              read=True, reports_progress=True)
