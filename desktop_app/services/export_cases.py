"""What the 台账 (one row per item or per assignment) and the case list as filtered on screen hold
when exported (services layer; ``services.exporters`` writes them through ``exchange.ledger``, which
loads openpyxl: this module does not).

涉密 items are never exported (domain.md §4): they are left out of every sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from sqlalchemy import func, select

from desktop_app.domain.enums import FilingDecision, ItemKind, ItemStatus, ResultCategory, UnitRole
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.wording import words
from desktop_app.exchange.table import DATE, NUMBER, TEXT, WRAP, LedgerColumn, LedgerTable
from desktop_app.services.context import ServiceContext
from desktop_app.services.fields import member
from desktop_app.services.lookup import our_unit_id
from desktop_app.storage.tables import Assignment, Item, ItemProposer, Proposer, Reply, Session, Unit

PER_ITEM, PER_ASSIGNMENT = "item", "assignment"

ITEM_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("seq", "序号", 6, NUMBER),
    LedgerColumn("session", "届次", 20, WRAP),
    LedgerColumn("number", "编号", 8),
    LedgerColumn("kind", "类型", 10),
    LedgerColumn("title", "标题", 40, WRAP),
    LedgerColumn("lead_proposer", "领衔代表", 10),
    LedgerColumn("cosigners", "附议代表", 18, WRAP),
    LedgerColumn("lead_units", "主办单位", 16, WRAP),
    LedgerColumn("co_units", "会办单位", 20, WRAP),
    LedgerColumn("assigned_on", "交办日期", 12, DATE),
    LedgerColumn("category", "类别", 10),
    LedgerColumn("status", "状态", 10),
    LedgerColumn("result", "办理结果", 10),
    LedgerColumn("replied_on", "答复日期", 12, DATE),
    LedgerColumn("is_key", "重点督办", 8),
    # 政协提案 (issue 23): the columns a CPPCC sheet has, so that the ledger imports back.
    LedgerColumn("sector", "界别", 10),
    LedgerColumn("filing", "立案情况", 10),
    LedgerColumn("merged_into", "并案", 12),
    LedgerColumn("supervisor", "督办领导", 10),
)

ASSIGNMENT_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("seq", "序号", 6, NUMBER),
    LedgerColumn("session", "届次", 20, WRAP),
    LedgerColumn("number", "编号", 8),
    LedgerColumn("title", "标题", 36, WRAP),
    LedgerColumn("lead_proposer", "领衔代表", 10),
    LedgerColumn("unit", "办理单位", 16, WRAP),
    LedgerColumn("role", "角色", 6),
    LedgerColumn("assigned_on", "交办日期", 12, DATE),
    LedgerColumn("signed_on", "签收日期", 12, DATE),
    LedgerColumn("leader", "责任领导", 10),
    LedgerColumn("section", "承办科室", 12, WRAP),
    LedgerColumn("handler", "承办人", 10),
    LedgerColumn("status", "状态", 10),
    LedgerColumn("result", "办理结果", 10),
    LedgerColumn("replied_on", "答复日期", 12, DATE),
)


@dataclass(frozen=True)
class ListColumn:
    """A case-list column as the view shows it: its title and the cell value of a row."""

    title: str
    value: Callable[[object], object]
    width: float = 14


class ExportService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def ledger(self, session_name: str | None = None, unit_name: str | None = None, per: str = PER_ITEM,
               columns: list[str] | None = None, as_of: date | None = None) -> LedgerTable:
        """The 台账 rows, optionally of one session and one unit; ``columns`` picks and orders
        column keys (default: all). 涉密 items are left out."""
        available = ITEM_COLUMNS if per == PER_ITEM else ASSIGNMENT_COLUMNS
        by_key = {c.key: c for c in available}
        unknown = [k for k in columns or () if k not in by_key]
        if unknown:
            raise ValidationError(f"台账没有“{'、'.join(unknown)}”这些列。可选的列：{'、'.join(c.title for c in available)}")
        chosen = tuple(by_key[k] for k in columns) if columns else available
        with self.ctx.db.read() as s:
            session_id = _session_id(s, session_name)
            unit_id, unit = _unit(s, unit_name)
            records = _read(s, session_id, unit_id, per)
            if not unit:
                ours = our_unit_id(s)
                unit = s.get(Unit, ours).name if ours is not None and s.get(Unit, ours) else ""
        chosen = _in_the_kinds_words(chosen, {(r[1] if isinstance(r, tuple) else r)["kind"] for r in records},
                                     explicit=bool(columns))
        rows = [tuple(n + 1 if c.key == "seq" else record.get(c.key, "") for c in chosen)
                for n, record in enumerate(records)]
        title = " ".join(x for x in (unit, (session_name or "").strip(), "建议提案办理台账") if x)
        return LedgerTable(title, as_of or self.ctx.today(), chosen, rows)


CPPCC_KEYS = ("sector", "filing", "merged_into", "supervisor")


def _in_the_kinds_words(columns, kind_labels: set[str], explicit: bool):
    """A ledger of 提案 only calls its proposers 提案人 / 联名提案人 (a CPPCC sheet's headers, which
    import back); a ledger without any 提案 leaves out the CPPCC columns unless asked for."""
    if ItemKind.PROPOSAL.label not in kind_labels and not explicit:
        columns = tuple(c for c in columns if c.key not in CPPCC_KEYS)
    if kind_labels == {ItemKind.PROPOSAL.label}:
        said = words(ItemKind.PROPOSAL)
        titles = {"lead_proposer": said.proposers_label, "cosigners": said.cosigner_label}
        columns = tuple(replace(c, title=titles.get(c.key, c.title)) for c in columns)
    return columns


def list_table(title: str, as_of: date, columns: list[ListColumn], rows: list) -> LedgerTable:
    """The case list as shown (its rows in order, its visible columns) as a table to write; 涉密 rows
    left out."""
    shown = [r for r in rows if not getattr(r, "is_secret", False)]
    values = [tuple(c.value(r) for c in columns) for r in shown]
    kinds = [DATE if any(isinstance(v[i], date) for v in values[:200]) else WRAP if c.width >= 30 else TEXT
             for i, c in enumerate(columns)]
    return LedgerTable(title, as_of, tuple(
        LedgerColumn(f"c{i}", c.title, max(6, c.width), kinds[i]) for i, c in enumerate(columns)), values, "列表")


def _session_id(s, name: str | None) -> int | None:
    if not (name or "").strip():
        return None
    found = s.execute(select(Session.id).where(Session.name == name.strip())).scalar_one_or_none()
    if found is None:
        names = "、".join(s.execute(select(Session.name).order_by(Session.year.desc())).scalars())
        raise ValidationError(f"没有名为“{name}”的届次。请用届次全称，现有届次：{names or '无'}")
    return found


def _unit(s, name: str | None) -> tuple[int | None, str]:
    if not (name or "").strip():
        return None, ""
    found = s.execute(select(Unit.id).where(Unit.name == name.strip())).scalar_one_or_none()
    if found is None:
        names = "、".join(s.execute(select(Unit.name).order_by(Unit.sort_order, Unit.name)).scalars())
        raise ValidationError(f"没有名为“{name}”的单位。请用单位全称，现有单位：{names or '无'}")
    return found, name.strip()


def _read(s, session_id, unit_id, per) -> list[dict]:
    query = (select(Item.id, Session.name, Item.number, Item.kind, Item.title, Item.lead_proposer_name,
                    Item.lead_unit_names, Item.co_unit_names, Item.assigned_on, Item.category, Item.status,
                    Item.result, Item.is_key, Item.filing, Item.merged_into_id, Item.supervisor)
             .join(Session, Session.id == Item.session_id).where(Item.is_secret.is_(False))
             .order_by(Session.year, Session.id, func.length(Item.number), Item.number))
    if session_id is not None:
        query = query.where(Item.session_id == session_id)
    if unit_id is not None:
        query = query.where(Item.id.in_(select(Assignment.item_id).where(Assignment.unit_id == unit_id)))
    items = s.execute(query).all()
    ids = {row.id for row in items}
    replied = dict(s.execute(select(Reply.item_id, func.max(Reply.replied_on)).group_by(Reply.item_id)).all())
    cosigners: dict[int, list[str]] = {}
    for item_id, name in s.execute(
        select(ItemProposer.item_id, Proposer.name).join(Proposer, Proposer.id == ItemProposer.proposer_id)
        .where(ItemProposer.role != "lead").order_by(ItemProposer.item_id, ItemProposer.position, ItemProposer.id)
    ):
        if item_id in ids:
            cosigners.setdefault(item_id, []).append(name)
    numbers = dict(s.execute(select(Item.id, Item.number).where(
        Item.id.in_(select(Item.merged_into_id).where(Item.merged_into_id.is_not(None))))).all())
    sectors: dict[int, str] = {}
    for item_id, sector in s.execute(
        select(ItemProposer.item_id, Proposer.delegation).join(Proposer, Proposer.id == ItemProposer.proposer_id)
        .where(ItemProposer.role == "lead", Item.kind == ItemKind.PROPOSAL.value).join(Item, Item.id == ItemProposer.item_id)
        .order_by(ItemProposer.item_id, ItemProposer.position)
    ):
        sectors.setdefault(item_id, sector or "")
    out = []
    for row in items:
        base = {
            "session": row.name, "number": row.number, "kind": member(ItemKind, row.kind).label,
            "title": row.title, "lead_proposer": row.lead_proposer_name,
            "cosigners": "、".join(cosigners.get(row.id, ())),
            "lead_units": row.lead_unit_names, "co_units": row.co_unit_names, "assigned_on": row.assigned_on,
            "category": row.category, "status": member(ItemStatus, row.status).label,
            "result": member(ResultCategory, row.result).label if row.result else "",
            "replied_on": replied.get(row.id), "is_key": "是" if row.is_key else "",
            "sector": sectors.get(row.id, ""),
            "filing": member(FilingDecision, row.filing).label if row.filing else "",
            "merged_into": f"并入{numbers[row.merged_into_id]}" if row.merged_into_id in numbers else "",
            "supervisor": row.supervisor or "",
        }
        if per == PER_ITEM:
            out.append(base)
        else:
            out.append((row.id, base))
    if per == PER_ITEM:
        return out
    by_item: dict[int, list] = {}
    query = (select(Assignment, Unit.name).join(Unit, Unit.id == Assignment.unit_id)
             .order_by(Assignment.item_id, Assignment.position, Assignment.id))
    if unit_id is not None:
        query = query.where(Assignment.unit_id == unit_id)
    for a, unit_name in s.execute(query):
        if a.item_id in ids:
            by_item.setdefault(a.item_id, []).append({
                "unit": unit_name, "role": member(UnitRole, a.role).label, "signed_on": a.signed_on,
                "leader": a.leader, "section": a.section, "handler": a.handler,
            })
    return [{**base, **part} for item_id, base in out for part in by_item.get(item_id, [{}])]
