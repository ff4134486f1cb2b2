"""Operations on 办理统计 (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def report_pdf(services, as_of, period=None) -> Op:
    """``((pdf, info), title)`` of the printed report as of ``as_of`` over ``period``."""
    exporters = services.exporters

    def preview():
        pdf, export = exporters.pdf_preview("statistics_report", as_of=as_of, period=period)
        return pdf, export.data.full_title

    return Op("生成办理情况统计报告", preview, read=True)


def export_excel(services, path, as_of, period=None) -> Op:
    """Refused with ``OSError`` when the file cannot be written (open in Excel, say)."""
    exporters = services.exporters
    return Op("导出办理情况统计", lambda: exporters.export("statistics", path, as_of=as_of, period=period), read=True,
              refusals=(OSError,))


def self_report_pdf(services, unit, start, end, text) -> Op:
    """``((pdf, info), title)`` of ``unit``'s 自查报告 for the items assigned from ``start`` to ``end``."""
    exporters = services.exporters

    def preview():
        pdf, export = exporters.pdf_preview("self_report", unit=unit, start=start, end=end, text=text)
        return pdf, export.data.full_title

    return Op("生成自查报告", preview, read=True)
