"""政协提案's reference data and figures (services layer): the 界别 list, how statistics count a
并案, and the 提案 statistics (``domain.proposal_statistics``) read from the database.

Both settings live in the ``setting`` table (business configuration travels with the database):
``sectors`` holds the 界别 list as JSON, ``proposal_statistics`` how a 并案 is counted.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from desktop_app.domain.enums import FilingDecision, ItemKind, ItemStatus, MergedCount, ProposerRole, ProposerType
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.proposal_statistics import (
    KeyProposal,
    ProposalFacts,
    ProposalReport,
    key_proposals,
    merge_definition,
    proposal_report,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.fields import member_or_none
from desktop_app.services.lookup import setting_value
from desktop_app.services.reference import SECTORS_KEY, ReferenceService, parse_sectors
from desktop_app.storage.database import ChangeToken
from desktop_app.storage.tables import Item, ItemProposer, Proposer, Reply, Session

STATISTICS_KEY = "proposal_statistics"
SECTOR_MAX = 30
#: Beyond this many items changed since the facts were read, reading every 提案 again is quicker.
PATCH_AT_MOST = 2000


def clean_sectors(names) -> list[str]:
    """``names`` trimmed, blanks and repeats dropped; ValidationError for a name too long."""
    out: list[str] = []
    problems = []
    for name in names:
        name = (name or "").strip()
        if not name or name in out:
            continue
        if len(name) > SECTOR_MAX:
            problems.append(f"界别“{name}”超过 {SECTOR_MAX} 个字，请写简称（例如 医药卫生界）。")
        out.append(name)
    if not out:
        problems.append("界别名单不能为空：请至少保留一个界别（例如 无党派人士）。")
    if problems:
        raise ValidationError(problems)
    return out


class ProposalService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.reference = ReferenceService(ctx)
        self._held: _HeldFacts | None = None  # every 提案's facts as last read (see ``facts``)
        self._facts_lock = threading.Lock()

    # ---- 界别 ------------------------------------------------------------------------------

    def sectors(self) -> list[str]:
        return parse_sectors(self.reference.get_setting(SECTORS_KEY))

    def sectors_with_version(self) -> tuple[list[str], int]:
        text, version = self.reference.setting_with_version(SECTORS_KEY)
        return parse_sectors(text), version

    def save_sectors(self, names, expected_version: int | None = None) -> Changes:
        names = clean_sectors(names)
        return self.reference.set_setting(SECTORS_KEY, json.dumps(names, ensure_ascii=False), expected_version)

    # ---- how a 并案 is counted ---------------------------------------------------------------

    def merged_count(self) -> MergedCount:
        with self.ctx.db.read() as s:
            return merged_count_of(s)

    def set_merged_count(self, mode: MergedCount) -> Changes:
        return self.reference.set_setting(STATISTICS_KEY, json.dumps({"merged_count": MergedCount(mode).value}))

    # ---- figures ---------------------------------------------------------------------------

    def report(self, as_of: date | None = None, mode: MergedCount | None = None) -> ProposalReport:
        """The 提案 figures as of ``as_of`` (today by default), counting 并案 as ``mode`` (the
        setting by default)."""
        as_of = as_of or self.ctx.today()
        return proposal_report(self.facts(), as_of, mode or self.merged_count())

    def key_proposals(self, as_of: date | None = None) -> tuple[KeyProposal, ...]:
        """The 重点提案 under supervision as of ``as_of`` (today by default), without the figures."""
        return key_proposals(self.facts(), as_of or self.ctx.today())

    def facts(self) -> list[ProposalFacts]:
        """Every 提案's facts, kept while the database's change token holds; after writes that
        each named their items (a save, a delete), only those items are read again — and the
        items whose 第一提案人's 界别 or type moved meanwhile (a save may change the proposer's
        details, which other items show too) — so that the 期限看板's panel follows a save at
        100,000 items without reading 40,000 提案 again."""
        with self._facts_lock:
            token = self.ctx.db.change_token()  # before reading: a write meanwhile makes the next call look again
            held = self._held
            if held is not None and held.token == token:
                return list(held.facts.values())
            touched = self.ctx.db.items_written_since(held.token) if held is not None else None
            with self.ctx.db.read() as s:
                proposers = proposer_details(s)
                if touched is not None:
                    touched = touched | {i for i, p in held.leads.items() if held.proposers.get(p) != proposers.get(p)}
                if touched is None or len(touched) > PATCH_AT_MOST:
                    facts, leads = read_proposal_facts(s, proposers)
                else:
                    facts = {i: f for i, f in held.facts.items() if i not in touched}
                    leads = {i: p for i, p in held.leads.items() if i not in touched}
                    fresh, fresh_leads = read_proposal_facts(s, proposers, touched)
                    facts.update(fresh)
                    leads.update(fresh_leads)
            self._held = _HeldFacts(token, facts, leads, proposers)
            return list(facts.values())


@dataclass(frozen=True)
class _HeldFacts:
    """``ProposalService.facts`` as read at ``token``."""

    token: ChangeToken
    facts: dict[int, ProposalFacts]
    leads: dict[int, int]  # item id -> its 第一提案人's proposer id
    proposers: dict[int, tuple[str | None, str]]  # proposer id -> (type, 界别) as the facts show them


def counting_note_for(mode: MergedCount) -> str:
    return f"政协提案中不立案的意见另行统计（见政协提案统计），不计入本表；{merge_definition(mode)}"


def counting_note_of(s) -> str:
    """``counting_note_for`` the setting, inside the caller's transaction; "" when there are no 提案."""
    if s.scalar(select(Item.id).where(Item.kind == ItemKind.PROPOSAL.value).limit(1)) is None:
        return ""
    return counting_note_for(merged_count_of(s))


def merged_count_of(s) -> MergedCount:
    """The 并案 counting setting, read inside the caller's transaction."""
    try:
        value = json.loads(setting_value(s, STATISTICS_KEY, "") or "{}").get("merged_count")
    except (ValueError, AttributeError):
        value = None
    return member_or_none(MergedCount, value) or MergedCount.PER_PROPOSAL


def proposals_as_counted(s, items: list, mode: MergedCount | None = None) -> list:
    """The handling statistics' items (anything with ``id`` and ``session_name``, a dataclass) as
    the CPPCC counts 提案: a 不立案 意见 is counted apart (in 政协提案统计), not among the items
    handled; 并案 as set — 按办理件数 leaves the merged proposals out (their lead counts once),
    按提案件数 counts each merged proposal with its lead's handling (replies, feedback, due date),
    since the handling is recorded on the lead only."""
    opinions = set(s.scalars(select(Item.id).where(Item.filing == FilingDecision.NOT_FILED.value)))
    if opinions:
        items = [i for i in items if i.id not in opinions]
    leads = dict(s.execute(select(Item.id, Item.merged_into_id).where(Item.merged_into_id.is_not(None))).all())
    if not leads:
        return items
    mode = mode or merged_count_of(s)
    if mode is MergedCount.PER_HANDLING:
        return [i for i in items if i.id not in leads]
    by_id = {i.id: i for i in items}
    return [replace(by_id[leads[i.id]], id=i.id, session_name=i.session_name) if leads.get(i.id) in by_id else i
            for i in items]


def proposer_details(s) -> dict[int, tuple[str | None, str]]:
    """Every proposer's (type, 代表团/界别): a few thousand rows."""
    return {pid: (ptype, sector or "") for pid, ptype, sector in
            s.execute(select(Proposer.id, Proposer.proposer_type, Proposer.delegation))}


def read_proposal_facts(s, proposers, item_ids=None) -> tuple[dict[int, ProposalFacts], dict[int, int]]:
    """Every 提案's facts for ``domain.proposal_statistics`` by item id (drafts count nowhere),
    those of ``item_ids`` alone when given, and each item's 第一提案人 (proposer id); the
    第一提案人's type and 界别 come from ``proposers`` (``proposer_details``)."""
    query = (
        select(Item.id, Item.number, Session.name, Item.title, Item.filing, Item.filed_on, Item.merged_into_id,
               Item.is_key, Item.supervisor, Item.assigned_on, Item.status)
        .join(Session, Session.id == Item.session_id).where(Item.kind == ItemKind.PROPOSAL.value)
    )
    if item_ids is not None:
        query = query.where(Item.id.in_(sorted(item_ids)))
    rows = s.execute(query).all()
    ids = [r[0] for r in rows]
    leads: dict[int, int] = {}
    replied: dict[int, date] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for item_id, proposer_id in s.execute(
            select(ItemProposer.item_id, ItemProposer.proposer_id)
            .where(ItemProposer.item_id.in_(chunk), ItemProposer.role == ProposerRole.LEAD.value)
            .order_by(ItemProposer.position, ItemProposer.id)
        ):
            leads.setdefault(item_id, proposer_id)
        for item_id, day in s.execute(
            select(Reply.item_id, Reply.replied_on)
            .where(Reply.item_id.in_(chunk), Reply.round == 1, Reply.finalised.is_(True), Reply.replied_on.is_not(None))
        ):
            replied[item_id] = min(day, replied.get(item_id, day))
    facts = {}
    for (item_id, number, session_name, title, filing, filed_on, merged_into, is_key, supervisor, assigned_on,
         status) in rows:
        ptype, sector = proposers.get(leads.get(item_id), (None, ""))
        facts[item_id] = ProposalFacts(
            item_id, number, session_name, title, member_or_none(FilingDecision, filing), filed_on, merged_into,
            member_or_none(ProposerType, ptype), sector, bool(is_key), supervisor or "", assigned_on,
            member_or_none(ItemStatus, status) or ItemStatus.HANDLING, replied.get(item_id),
        )
    return facts, leads


def report_as_json(report: ProposalReport) -> dict:
    """The figures with their definitions (``definition`` in every figure), for the command line."""
    def plain(figures):
        return {key: {"label": c.label, "count": c.count, "base": c.base, "definition": c.definition,
                      "item_ids": sorted(c.ids)} for key, c in figures.items()}

    return {
        "as_of": report.as_of.isoformat(), "merged_count": report.mode.value, "merged_definition": report.merge_note,
        "overall": plain(report.overall),
        "by_sector": {name: plain(f) for name, f in report.by_sector.items()},
        "by_type": {name: plain(f) for name, f in report.by_type.items()},
        "key_proposals": [{"id": k.id, "number": k.number, "title": k.title, "supervisor": k.supervisor,
                           "replied_on": k.replied_on.isoformat() if k.replied_on else None}
                          for k in report.key_proposals],
    }
