"""Operations on 办理统计 (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def report_pdf(services, as_of) -> Op:
    """``((pdf, info), title)`` of the printed report as of ``as_of``."""
    service = services.statistics
    return Op("生成办理情况统计报告", lambda: service.report_pdf(as_of), read=True)


def export_excel(services, path, as_of) -> Op:
    """Refused with ``OSError`` when the file cannot be written (open in Excel, say)."""
    service = services.statistics
    return Op("导出办理情况统计", lambda: service.export_excel(path, as_of), read=True, refusals=(OSError,))
