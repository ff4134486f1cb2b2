"""Named views of the case list: filter settings saved as JSON in ``saved_view`` (services layer).

The JSON holds enum codes (not labels) and ISO dates, so a view survives a relabelling and
travels with the database; ``filter_from_json(filter_to_json(f)) == f`` for every filter.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from desktop_app.domain.enums import ItemKind, ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import CaseFilter, Changes
from desktop_app.storage.tables import SavedView

_ENUM_SETS = {"kinds": ItemKind, "our_roles": UnitRole, "statuses": ItemStatus, "results": ResultCategory}
_ID_SETS = ("session_ids", "unit_ids")
_DATES = ("assigned_from", "assigned_to", "replied_from", "replied_to")
_FLAGS = ("only_key", "only_leader_handled")


def _codes(values) -> list:
    # None (no role / no result) sorts first; the order only keeps the JSON stable.
    return sorted((None if v is None else v.value for v in values), key=lambda c: (c is not None, c or ""))


def filter_to_json(f: CaseFilter) -> str:
    data: dict = {"text": f.text}
    for name in _ID_SETS:
        data[name] = sorted(getattr(f, name))
    for name in _ENUM_SETS:
        data[name] = _codes(getattr(f, name))
    for name in _FLAGS:
        data[name] = getattr(f, name)
    data["secret"] = f.secret
    for name in _DATES:
        value = getattr(f, name)
        data[name] = value.isoformat() if value else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def filter_from_json(text: str) -> CaseFilter:
    """The filter saved in ``text``; unknown keys are ignored and codes no longer known dropped,
    so an old view still opens."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(f"视图设置已损坏，无法读取（{error.msg}），请删除该视图后重新保存。") from error
    if not isinstance(data, dict):
        raise ValidationError("视图设置已损坏，无法读取，请删除该视图后重新保存。")
    values: dict = {"text": str(data.get("text") or "")}
    for name in _ID_SETS:
        values[name] = frozenset(int(v) for v in data.get(name) or () if isinstance(v, int))
    for name, enum_cls in _ENUM_SETS.items():
        known = {m.value: m for m in enum_cls}
        values[name] = frozenset(
            None if code is None else known[code] for code in data.get(name) or ()
            if code is None or code in known
        )
    for name in _FLAGS:
        values[name] = bool(data.get(name))
    secret = data.get("secret")
    values["secret"] = secret if isinstance(secret, bool) else None
    for name in _DATES:
        value = data.get(name)
        values[name] = date.fromisoformat(value) if value else None
    return CaseFilter(**values)


class ViewService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    filter_to_json = staticmethod(filter_to_json)
    filter_from_json = staticmethod(filter_from_json)

    def views(self) -> list[tuple[str, CaseFilter]]:
        """Every saved view by name; a damaged one is listed with an empty filter."""
        with self.ctx.db.read() as s:
            rows = s.execute(select(SavedView.name, SavedView.filter_json).order_by(SavedView.name)).all()
        out = []
        for name, text in rows:
            try:
                out.append((name, filter_from_json(text)))
            except (ValidationError, ValueError, TypeError):
                out.append((name, CaseFilter()))
        return out

    def save_view(self, name: str, f: CaseFilter) -> Changes:
        """Save under ``name``, replacing a view of that name."""
        name = (name or "").strip()
        if not name:
            raise ValidationError("视图名称不能为空，请输入一个名称（例如 我方主办未答复）。")
        if len(name) > 100:
            raise ValidationError("视图名称太长（最多 100 个字），请缩短。")
        text = filter_to_json(f)
        with self.ctx.db.write() as s:
            row = s.execute(select(SavedView).where(SavedView.name == name)).scalar_one_or_none()
            if row is None:
                s.add(SavedView(name=name, filter_json=text))
            else:
                row.filter_json = text
        return Changes.of("view")

    def delete_view(self, name: str) -> Changes:
        with self.ctx.db.write() as s:
            row = s.execute(select(SavedView).where(SavedView.name == name)).scalar_one_or_none()
            if row is None:
                raise NotFoundError(f"视图“{name}”已不存在，请刷新视图列表。")
            s.delete(row)
        return Changes.of("view")
