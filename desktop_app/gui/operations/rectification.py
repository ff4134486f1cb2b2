"""Operations on 整改清单 (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def save_list(services, info, head=None, record=None, title: str = "保存清单信息") -> Op:
    service = services.rectification
    return Op(title, lambda: service.save_list(info, head, record))


def delete_list(services, list_id: int) -> Op:
    service = services.rectification
    return Op("删除整改清单", lambda: service.delete_list(list_id))


def save_row(services, list_id: int, data, items_text: str) -> Op:
    """The row with the items named in ``items_text`` linked."""
    service = services.rectification
    return Op("保存整改事项", lambda: service.save_row(list_id, data, items_text))


def delete_row(services, row_id: int, version: int | None = None) -> Op:
    service = services.rectification
    return Op("删除整改事项", lambda: service.delete_row(row_id, version))


def move_row(services, row_id: int, step: int) -> Op:
    service = services.rectification
    return Op("移动整改事项", lambda: service.move_row(row_id, step))


def move_aspect(services, list_id: int, aspect: str, step: int) -> Op:
    service = services.rectification
    return Op("移动主要方面", lambda: service.move_aspect(list_id, aspect, step))


def rename_aspect(services, list_id: int, old: str, new: str) -> Op:
    service = services.rectification
    return Op("重命名主要方面", lambda: service.rename_aspect(list_id, old, new))


def delete_aspect(services, list_id: int, aspect: str) -> Op:
    service = services.rectification
    return Op("删除主要方面", lambda: service.delete_aspect(list_id, aspect))


def add_progress(services, row_id: int, noted_on, note: str, evidence, status) -> Op:
    """A progress note; ``evidence`` a file path or None."""
    service = services.rectification
    return Op("记录整改进展", lambda: service.add_progress_file(row_id, noted_on, note, evidence, status))


def import_sheet(services, path) -> Op:
    service = services.rectification
    maintenance = services.maintenance
    return Op("导入整改清单", lambda: service.import_sheet(path, maintenance))


def export_sheet(services, list_id: int, path) -> Op:
    exporters = services.exporters
    return Op("导出整改清单", lambda: exporters.export("rectification", path, list_id=list_id), read=True)


def write_pdf(services, list_id: int, path, with_report: bool, issuer_mark: str, letterhead: str) -> Op:
    exporters = services.exporters
    return Op("生成整改清单 PDF",
              lambda: exporters.export("rectification_report", path, list_id=list_id, with_report=with_report,
                                       issuer_mark=issuer_mark, letterhead=letterhead), read=True)
