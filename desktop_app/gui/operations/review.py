"""Operations on 回头看 campaigns (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def record_review(services, entry_id: int, review, version: int | None = None) -> Op:
    service = services.review
    return Op("保存回头看", lambda: service.record_review(entry_id, review, version))


def _built(result):
    """A campaign built or rebuilt: its ``Changes`` for the views, and itself for the caller."""
    return result.changes, result


def create_campaign(services, year: int) -> Op:
    service = services.review
    return Op("建立回头看清单", lambda: _built(service.create_campaign(year)))


def rebuild(services, campaign_id: int) -> Op:
    service = services.review
    return Op("更新回头看清单", lambda: _built(service.rebuild(campaign_id)))


def set_state(services, campaign_id: int, state) -> Op:
    service = services.review
    return Op("回头看状态", lambda: service.set_state(campaign_id, state))


def report_pdf(services, campaign_id: int) -> Op:
    exporters = services.exporters
    return Op("生成回头看报告", lambda: exporters.pdf_preview("review_report", campaign_id=campaign_id)[0], read=True)


def write_report(services, campaign_id: int, path) -> Op:
    exporters = services.exporters
    return Op("生成回头看报告", lambda: exporters.export("review_report", path, campaign_id=campaign_id), read=True)


def export_excel(services, campaign_id: int, path) -> Op:
    exporters = services.exporters
    return Op("导出回头看", lambda: exporters.export("review", path, campaign_id=campaign_id), read=True)
