"""Operations on deadlines: the dashboard, the start-up notice, the 催办清单, the holiday table (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def dashboard(services, only_our_unit: bool) -> Op:
    service = services.deadlines
    return Op("统计期限", lambda: service.dashboard(only_our_unit=only_our_unit), read=True)


def startup_notice(services) -> Op:
    return Op("期限提醒", services.deadlines.startup_notice, read=True)


def export_reminder_list(services, target, as_of, only_our_unit: bool, item_ids) -> Op:
    exporters = services.exporters
    return Op("导出催办清单", lambda: exporters.export("reminder_list", target, as_of=as_of, only_our_unit=only_our_unit,
                                                 item_ids=item_ids), read=True)


def import_package_years(services) -> Op:
    return Op("导入节假日", services.deadlines.import_package_years)


def save_rule(services, rule) -> Op:
    service = services.deadlines
    return Op("保存期限规则", lambda: service.save_rule(rule))


def set_thresholds(services, values) -> Op:
    service = services.deadlines
    return Op("保存提醒档次", lambda: service.set_thresholds(values))


def set_startup_notice(services, enabled: bool) -> Op:
    service = services.deadlines
    return Op("保存启动提示设置", lambda: service.set_startup_notice(enabled))


def save_day(services, day) -> Op:
    service = services.deadlines
    return Op("保存节假日", lambda: service.save_day(day))


def delete_day(services, day) -> Op:
    service = services.deadlines
    return Op("删除节假日", lambda: service.delete_day(day))


def set_year_covered(services, year: int, covered: bool) -> Op:
    service = services.deadlines
    return Op("保存节假日年份", lambda: service.set_year_covered(year, covered))
