"""Operations on deadlines: the dashboard, the start-up notice, the 催办清单, the holiday table (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def dashboard(services, only_our_unit: bool) -> Op:
    service = services.deadlines
    return Op("统计期限", lambda: service.dashboard(only_our_unit=only_our_unit), read=True)


def startup_notice(services) -> Op:
    return Op("期限提醒", services.deadlines.startup_notice, read=True)


def export_reminder_list(services, target, as_of, only_our_unit: bool, item_ids) -> Op:
    service = services.deadlines
    return Op("导出催办清单", lambda: service.export_reminder_list(target, as_of, only_our_unit, item_ids), read=True)


def import_package_years(services) -> Op:
    return Op("导入节假日", services.deadlines.import_package_years)


def write(title: str, call) -> Op:
    """A write of the 期限设置 dialog (a rule, the thresholds, a holiday, a year): ``call`` is the
    one service call, e.g. ``lambda: service.save_day(day)``."""
    return Op(title, call)
