"""Operations on checklist templates (gui layer): one service call each, see ``operations``.

A template the service refuses (an empty checklist, a file that is not a template) comes back as
``Refused``: the editor explains it in its own words."""

from __future__ import annotations

from desktop_app.domain.errors import DomainError
from desktop_app.gui.operations import Op

REFUSALS = (DomainError,)


def save_template(services, template_id: int, name: str, description: str, entries, note: str,
                  based_on: int | None = None) -> Op:
    """``based_on``: the version the editor loaded (a newer one saved meanwhile refuses the save)."""
    service = services.checklists
    return Op("保存清单模板",
              lambda: service.save_template(template_id, name, description, entries, note, based_on=based_on),
              refusals=REFUSALS)


def import_template(services, path) -> Op:
    service = services.checklists
    return Op("导入清单模板", lambda: service.import_template(path), refusals=REFUSALS)


def export_template(services, version_id: int, path) -> Op:
    service = services.checklists
    return Op("导出清单模板", lambda: service.export_template(version_id, path), read=True)


def apply_version(services, version_id: int, item_ids) -> Op:
    service = services.checklists
    return Op("应用清单版本", lambda: service.apply_version(version_id, item_ids), refusals=REFUSALS)


def create_for_item(services, item_id: int) -> Op:
    service = services.checklists
    return Op("生成办理清单", lambda: service.create_for_item(item_id), refusals=REFUSALS)


def tick(services, entry_id: int, done: bool, note: str, contact_id: int | None, attachment_id: int | None) -> Op:
    service = services.checklists
    return Op("勾选办理清单", lambda: service.tick(entry_id, done, note, contact_id, attachment_id),
              refusals=REFUSALS)


def override_gate(services, item_id: int, action, reason: str) -> Op:
    service = services.checklists
    return Op("越过关卡", lambda: service.override_gate(item_id, action, reason), refusals=REFUSALS)
