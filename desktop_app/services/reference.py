"""Reference data kept in the database: units, sessions, proposers, our unit and settings
(services layer).

Renaming a unit or a proposer also rewrites the list columns and search terms of the items that
name it, in the same transaction, so the case list and the search never show a stale name.
"""

from __future__ import annotations

import json

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.enums import Body, Level, ProposerType, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.proposal_statistics import DEFAULT_SECTORS
from desktop_app.services import search
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes, ProposerInfo, SessionInfo, UnitInfo
from desktop_app.services.fields import member
from desktop_app.services.lookup import (
    OUR_UNIT_KEY,
    get_or_raise,
    our_unit_id,
    put_setting,
    setting_value,
    setting_version,
)
from desktop_app.storage.tables import (
    Assignment,
    Item,
    ItemProposer,
    Proposer,
    Session,
    Setting,
    Unit,
)

_LEAD_ROLES = (UnitRole.LEAD.value, UnitRole.SPLIT.value)


SECTORS_KEY = "sectors"  # the 界别 list (JSON), edited in 设置 → 界别


def parse_sectors(text: str) -> list[str]:
    """The stored 界别 list; the default list when nothing (or something unreadable) is stored."""
    try:
        value = json.loads(text) if text else None
    except ValueError:
        value = None
    if not isinstance(value, list) or not value:
        return list(DEFAULT_SECTORS)
    return [str(v) for v in value if str(v).strip()]


class ReferenceService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- units --------------------------------------------------------------------------

    def units(self, include_inactive: bool = False) -> list[UnitInfo]:
        with self.ctx.db.read() as s:
            query = select(Unit).order_by(Unit.sort_order, Unit.name)
            if not include_inactive:
                query = query.where(Unit.active.is_(True))
            return [
                UnitInfo(u.id, u.name, u.short_name or "", bool(u.active), u.sort_order or 0,
                         u.letterhead_mark or "", u.doc_number_pattern or "", u.signature or "")
                for u in s.execute(query).scalars()
            ]

    def save_unit(self, unit: UnitInfo) -> Changes:
        """Create (``id`` 0) or update a unit. A unit can be set inactive instead of deleted."""
        name = unit.name.strip()
        if not name:
            raise ValidationError("单位名称不能为空，请填写单位全称（例如 区交通委）。")
        with self.ctx.db.write() as s:
            row = _row_to_save(
                s, Unit, unit.id, [Unit.name == name],
                clash=f"单位“{name}”已存在，请换一个名称，或直接选用已有的单位。",
                gone=f"单位“{name}”已被删除，请刷新单位列表。",
            )
            renamed = bool(unit.id) and row.name != name
            row.name, row.short_name = name, unit.short_name.strip()
            row.active, row.sort_order = bool(unit.active), unit.sort_order
            row.letterhead_mark, row.signature = unit.letterhead_mark.strip(), unit.signature.strip()
            row.doc_number_pattern = _checked_pattern(unit.doc_number_pattern)
            s.flush()
            touched: list[int] = []
            if renamed:
                touched = s.execute(
                    select(Assignment.item_id).where(Assignment.unit_id == row.id)
                ).scalars().all()
                refresh_items(s, touched)
        return Changes.of("unit", *(("item",) if touched else ()), item_ids=touched)

    def delete_unit(self, unit_id: int) -> Changes:
        """Delete a unit no item uses; otherwise refuse, saying how many items use it."""
        with self.ctx.db.write() as s:
            row = get_or_raise(s, Unit, unit_id, "该单位已被删除，请刷新单位列表。")
            used = s.execute(
                select(func.count(func.distinct(Assignment.item_id))).where(Assignment.unit_id == unit_id)
            ).scalar_one()
            if used:
                raise ValidationError(
                    f"单位“{row.name}”已用于 {used} 件建议提案，不能删除。"
                    "如不再使用，请把它设为“停用”。"
                )
            if our_unit_id(s) == unit_id:
                s.delete(s.get(Setting, OUR_UNIT_KEY))
            s.delete(row)
        return Changes.of("unit", "setting")

    # ---- sessions -----------------------------------------------------------------------

    def sessions(self) -> list[SessionInfo]:
        """Newest first (the year, then the most recently added)."""
        with self.ctx.db.read() as s:
            return [
                SessionInfo(
                    x.id, x.name, member(Body, x.body), member(Level, x.level), x.year, x.opened_on
                )
                for x in s.execute(
                    select(Session).order_by(Session.year.desc(), Session.id.desc())
                ).scalars()
            ]

    def save_session(self, info: SessionInfo) -> Changes:
        name = info.name.strip()
        if not name:
            raise ValidationError("届次名称不能为空，请填写（例如 区二届人大五次会议）。")
        if not 1900 <= info.year <= 2200:
            raise ValidationError(f"年份 {info.year} 不对，请填写四位年份（例如 2024）。")
        with self.ctx.db.write() as s:
            row = _row_to_save(
                s, Session, info.id, [Session.name == name],
                clash=f"届次“{name}”已存在，请换一个名称，或直接选用已有的届次。",
                gone=f"届次“{name}”已被删除，请刷新。",
            )
            row.name, row.body, row.level = name, Body(info.body).value, Level(info.level).value
            row.year, row.opened_on = info.year, info.opened_on
        # The list shows the session's name, so items change too (all of them, ids unknown).
        return Changes.of("session", "item")

    # ---- proposers ----------------------------------------------------------------------

    def proposers(self, body: Body | None = None) -> list[ProposerInfo]:
        with self.ctx.db.read() as s:
            query = select(Proposer).order_by(Proposer.name)
            if body is not None:
                query = query.where(Proposer.body == Body(body).value)
            return [
                ProposerInfo(
                    p.id, p.name, member(Body, p.body), member(ProposerType, p.proposer_type),
                    p.delegation or "", p.phone or "", p.address or "", p.email or "", p.note or "",
                )
                for p in s.execute(query).scalars()
            ]

    def save_proposer(self, info: ProposerInfo) -> Changes:
        name = info.name.strip()
        if not name:
            raise ValidationError("姓名（名称）不能为空，请填写代表、委员或提案单位的名称。")
        body = Body(info.body)
        with self.ctx.db.write() as s:
            row = _row_to_save(
                s, Proposer, info.id, [Proposer.name == name, Proposer.body == body.value],
                clash=f"{body.label}已有“{name}”，请直接选用；同名的不同人请在姓名后加以区分（例如 张伟（城桥镇））。",
                gone=f"“{name}”已被删除，请刷新。",
            )
            renamed = bool(info.id) and row.name != name
            row.name, row.body = name, body.value
            row.proposer_type = ProposerType(info.proposer_type).value
            row.delegation, row.phone, row.address = info.delegation, info.phone, info.address
            row.email, row.note = info.email, info.note
            s.flush()
            touched: list[int] = []
            if renamed:
                touched = s.execute(
                    select(ItemProposer.item_id).where(ItemProposer.proposer_id == row.id)
                ).scalars().all()
                refresh_items(s, touched)
        return Changes.of("proposer", *(("item",) if touched else ()), item_ids=touched)

    # ---- our unit and settings ----------------------------------------------------------

    def our_unit_id(self) -> int | None:
        with self.ctx.db.read() as s:
            return our_unit_id(s)

    def set_our_unit(self, unit_id: int | None) -> Changes:
        """Our unit is the perspective of 我方角色; every list row may change with it."""
        with self.ctx.db.write() as s:
            if unit_id is not None:
                get_or_raise(s, Unit, unit_id, "所选单位已被删除，请刷新单位列表后重新选择。")
            put_setting(s, OUR_UNIT_KEY, "" if unit_id is None else str(unit_id))
        return Changes.of("setting", "item")

    def get_setting(self, key: str, default: str = "") -> str:
        with self.ctx.db.read() as s:
            return setting_value(s, key, default)

    def set_setting(self, key: str, value: str, expected_version: int | None = None) -> Changes:
        """Save one setting; ``expected_version`` (from ``setting_with_version``) is checked."""
        with self.ctx.db.write() as s:
            put_setting(s, key, value, expected_version)
        return Changes.of("setting")

    def sectors(self) -> list[str]:
        """The 界别 a CPPCC member may belong to (the editor offers them)."""
        return parse_sectors(self.get_setting(SECTORS_KEY))

    def setting_with_version(self, key: str, default: str = "") -> tuple[str, int]:
        """A setting and its version, for an editor that saves it back with ``set_setting``."""
        with self.ctx.db.read() as s:
            return setting_value(s, key, default), setting_version(s, key)


def refresh_items(s: OrmSession, item_ids) -> None:
    """Rewrite the list columns and search terms of ``item_ids`` from their rows (after a unit or
    proposer was renamed). The version is not bumped: the items' own data did not change."""
    if not item_ids:
        return
    ids = sorted(set(item_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        units: dict[int, list[tuple[str, str]]] = {i: [] for i in chunk}
        for item_id, name, role in s.execute(
            select(Assignment.item_id, Unit.name, Assignment.role)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.item_id.in_(chunk))
            .order_by(Assignment.item_id, Assignment.position, Assignment.id)
        ):
            units[item_id].append((name, role))
        people: dict[int, list[tuple[str, str]]] = {i: [] for i in chunk}
        for item_id, name, role in s.execute(
            select(ItemProposer.item_id, Proposer.name, ItemProposer.role)
            .join(Proposer, Proposer.id == ItemProposer.proposer_id)
            .where(ItemProposer.item_id.in_(chunk))
            .order_by(ItemProposer.item_id, ItemProposer.position, ItemProposer.id)
        ):
            people[item_id].append((name, role))
        texts = dict(
            (row[0], row[1:])
            for row in s.execute(
                select(Item.id, Item.number, Item.title, Item.content).where(Item.id.in_(chunk))
            )
        )
        updates = []
        for item_id in chunk:
            leads = [n for n, r in people[item_id] if r == "lead"]
            updates.append({
                "b_id": item_id,
                "b_lead": leads[0] if leads else "",
                "b_leads": "、".join(n for n, r in units[item_id] if r in _LEAD_ROLES),
                "b_cos": "、".join(n for n, r in units[item_id] if r not in _LEAD_ROLES),
            })
            number, title, content = texts[item_id]
            search.index_item(
                s, item_id,
                search.item_terms(
                    number, title, [n for n, _r in people[item_id]],
                    [n for n, _r in units[item_id]], content,
                ),
            )
        s.connection().execute(
            Item.__table__.update()
            .where(Item.__table__.c.id == bindparam("b_id"))
            .values(
                lead_proposer_name=bindparam("b_lead"),
                lead_unit_names=bindparam("b_leads"),
                co_unit_names=bindparam("b_cos"),
            ),
            updates,
        )


def _row_to_save(s: OrmSession, table, row_id: int, same_name: list, *, clash: str, gone: str):
    """The row a save writes into: the one with ``row_id`` (``gone`` when deleted meanwhile) or a
    new one (``row_id`` 0). Refused with ``clash`` when another row matches ``same_name``."""
    if s.execute(select(table.id).where(*same_name, table.id != row_id)).first() is not None:
        raise ValidationError(clash)
    if row_id:
        row = get_or_raise(s, table, row_id, gone)
        return row
    row = table()
    s.add(row)
    return row


def _checked_pattern(pattern: str) -> str:
    """A 文号 pattern as typed, refused with a message when it cannot make a 文号."""
    pattern = pattern.strip()
    if not pattern:
        return ""
    try:
        pattern.format(年=2024, 号=1)
    except (KeyError, IndexError, ValueError):
        raise ValidationError(f"文号格式“{pattern}”写错了：只能用 {{年}} 和 {{号}} 两个占位，"
                              "例如 崇水〔{年}〕{号}号；留空则按简称生成。") from None
    if "{号}" not in pattern or "〔" not in pattern:
        raise ValidationError(f"文号格式“{pattern}”缺少〔年份〕或 {{号}}：请写成 机关代字〔{{年}}〕{{号}}号，"
                              "例如 崇水〔{年}〕{号}号。")
    return pattern
