"""政协提案统计: 立案 and 不立案, 并案, 界别, proposer types and 重点提案督办 (domain layer, pure Python).

Kept apart from ``domain.statistics`` (the handling figures of every item): these figures exist only
for 提案, and each states its definition, including how a 并案 is counted — the office chooses
(``MergedCount``): 按提案件数 (each merged proposal counts, with the handling of its lead) or 按办理件数
(a 并案 counts once, as its lead proposal).

Definitions, all "as of" the chosen day:
- 提案总数: 提案 received (交办 on or before the day, or not yet handed over), 不立案 included.
- 立案 / 不立案 / 待定: by the 提案委员会's decision recorded on or before the day; 不立案 意见
  (转有关部门参考) are counted apart and are in none of the 立案 figures below.
- 立案办复率: 立案 proposals whose handling has a finalised first reply dated on or before the day.
- 界别 and proposer type: of the 第一提案人 (the lead proposer); a 集体提案 by its proposer's type.
- 重点提案: 立案 proposals flagged 重点提案督办; 已答复 as above.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import FilingDecision, ItemStatus, MergedCount, ProposerType

NO_SECTOR = "（未填界别）"

#: The default 界别 list (an editable list in the reference data).
DEFAULT_SECTORS = (
    "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派人士", "共青团", "工会",
    "妇联", "青联", "工商联", "科协", "台联", "侨联", "文化艺术界", "科技界", "社会科学界", "经济界", "农业界",
    "教育界", "体育界", "新闻出版界", "医药卫生界", "对外友好界", "社会福利和社会保障界", "少数民族界", "宗教界",
    "特邀人士",
)


@dataclass(frozen=True)
class ProposalFacts:
    id: int
    number: str
    session_name: str
    title: str = ""
    filing: FilingDecision | None = None
    filed_on: date | None = None
    merged_into: int | None = None  # 并案: the lead proposal's id
    lead_type: ProposerType | None = None  # the 第一提案人's type
    lead_sector: str = ""  # the 第一提案人's 界别
    is_key: bool = False  # 重点提案督办
    supervisor: str = ""
    assigned_on: date | None = None
    status: ItemStatus = ItemStatus.HANDLING
    first_reply_on: date | None = None  # the finalised first reply of its own handling


@dataclass(frozen=True)
class Count:
    """A figure: how many, of what base (None: a plain count), which items, and what it means."""

    label: str
    count: int
    ids: frozenset[int] = frozenset()
    base: int | None = None
    definition: str = ""

    def shown(self) -> str:
        if self.base is None:
            return str(self.count)
        percent = f"{self.count / self.base * 100:.1f}%" if self.base else "—"
        return f"{percent}（{self.count}/{self.base}）"


@dataclass(frozen=True)
class KeyProposal:
    """A 重点提案 under supervision, as the dashboard and the report list it."""

    id: int
    session_name: str
    number: str
    title: str
    supervisor: str
    replied_on: date | None


@dataclass(frozen=True)
class ProposalReport:
    as_of: date
    mode: MergedCount
    overall: dict[str, Count]
    by_sector: dict[str, dict[str, Count]] = field(default_factory=dict)
    by_type: dict[str, dict[str, Count]] = field(default_factory=dict)
    key_proposals: tuple[KeyProposal, ...] = ()

    @property
    def merge_note(self) -> str:
        return merge_definition(self.mode)


def merge_definition(mode: MergedCount) -> str:
    if mode is MergedCount.PER_HANDLING:
        return "并案按办理件数计：几件提案并案办理算一件（以主提案计），不另计被并案的提案。"
    return "并案按提案件数计：被并案的提案各算一件，办理情况随主提案。"


OVERALL = (
    ("total", "提案总数"),
    ("filed", "立案"),
    ("not_filed", "不立案（转有关部门参考）"),
    ("undecided", "立案待定"),
    ("replied", "立案办复率"),
    ("merged_groups", "并案组数"),
    ("merged", "被并案提案"),
    ("key", "重点提案"),
    ("key_replied", "重点提案已答复"),
)
GROUP = (("filed", "立案件数"), ("replied", "已答复"), ("not_filed", "不立案"), ("key", "重点提案"))


def _in_scope(items, as_of: date) -> list[ProposalFacts]:
    """The 提案 received by ``as_of``: assigned by then or not yet assigned, not 已退回."""
    return [i for i in items if i.status is not ItemStatus.RETURNED and (i.assigned_on is None or i.assigned_on <= as_of)]


def _decision(item: ProposalFacts, as_of: date) -> FilingDecision | None:
    if item.filing is None or (item.filed_on is not None and item.filed_on > as_of):
        return None
    return item.filing


def _replied_on(item: ProposalFacts, by_id: dict[int, ProposalFacts], as_of: date) -> date | None:
    """The first finalised reply of the item's handling (a merged 提案's is its lead's) by ``as_of``."""
    lead = by_id.get(item.merged_into) if item.merged_into is not None else None
    day = (lead or item).first_reply_on
    return day if day is not None and day <= as_of else None


def key_proposals(items, as_of: date) -> tuple[KeyProposal, ...]:
    """The 重点提案 under supervision among ``items`` (every 提案's facts) as of ``as_of``, by
    session and number: the report's list, and the 期限看板's panel without the figures."""
    by_id = {i.id: i for i in items}
    return tuple(
        KeyProposal(i.id, i.session_name, i.number, i.title, i.supervisor, _replied_on(i, by_id, as_of))
        for i in sorted(_in_scope(items, as_of), key=lambda i: (i.session_name, i.number))
        if i.is_key and _decision(i, as_of) is not FilingDecision.NOT_FILED
    )


def proposal_report(items, as_of: date, mode: MergedCount = MergedCount.PER_PROPOSAL) -> ProposalReport:
    """The figures over ``items`` (every 提案's facts) as of ``as_of``."""
    by_id = {i.id: i for i in items}
    in_scope = _in_scope(items, as_of)

    def replied(item: ProposalFacts) -> bool:
        return _replied_on(item, by_id, as_of) is not None

    def decision(item: ProposalFacts) -> FilingDecision | None:
        return _decision(item, as_of)

    merged_ids = {i.id for i in in_scope if i.merged_into is not None and i.merged_into in by_id}
    groups = {i.merged_into for i in in_scope if i.id in merged_ids}
    counted = [i for i in in_scope if not (mode is MergedCount.PER_HANDLING and i.id in merged_ids)]
    note = merge_definition(mode)
    day = format_day(as_of)

    def figures(chosen: list[ProposalFacts], *, overall: bool) -> dict[str, Count]:
        ids: dict[str, set[int]] = defaultdict(set)
        for item in chosen:
            ids["total"].add(item.id)
            filing = decision(item)
            key = {FilingDecision.FILED: "filed", FilingDecision.NOT_FILED: "not_filed"}.get(filing, "undecided")
            ids[key].add(item.id)
            if filing is FilingDecision.FILED:
                if replied(item):
                    ids["replied"].add(item.id)
                if item.is_key:
                    ids["key"].add(item.id)
                    if replied(item):
                        ids["key_replied"].add(item.id)
        if overall:
            ids["merged"] = set(merged_ids)
            ids["merged_groups"] = {g for g in groups if g is not None}
        filed = len(ids["filed"])
        definitions = {
            "total": f"截至{day}收到的提案（已交办或尚未交办，不含已退回的），含不立案的意见。{note}",
            "filed": f"提案委员会在{day}前决定立案的提案。{note}",
            "not_filed": f"决定不立案、作为意见转有关部门参考的提案，另行统计，不计入立案各项。{note}",
            "undecided": "尚未登记立案情况的提案。",
            "replied": f"立案提案中，其办理（并案的随主提案）在{day}前已有定稿首次答复的 / 立案件数。{note}",
            "merged_groups": "主提案下并有其他提案的并案组数。",
            "merged": "并入其他提案、随主提案一并办理的提案件数（各自保留编号）。",
            "key": f"立案提案中标为重点提案督办的件数。{note}",
            "key_replied": f"重点提案中在{day}前已答复的件数。{note}",
            "not_filed_group": "不立案的意见另行统计。",
        }
        labels = dict(OVERALL if overall else GROUP)
        out = {}
        for key, label in labels.items():
            base = filed if key == "replied" else None
            out[key] = Count(label, len(ids[key]), frozenset(ids[key]), base, definitions[key])
        return out

    overall = figures(counted, overall=True)
    sectors: dict[str, list[ProposalFacts]] = defaultdict(list)
    types: dict[str, list[ProposalFacts]] = defaultdict(list)
    for item in counted:
        collective = item.lead_type is not None and item.lead_type.is_collective
        sectors["集体提案" if collective else (item.lead_sector or NO_SECTOR)].append(item)
        types[item.lead_type.label if item.lead_type else "未填"].append(item)
    order = {name: n for n, name in enumerate(DEFAULT_SECTORS)}
    by_sector = {name: figures(sectors[name], overall=False)
                 for name in sorted(sectors, key=lambda n: (order.get(n, len(order)), n))}
    type_order = [t.label for t in ProposerType]
    by_type = {name: figures(types[name], overall=False)
               for name in sorted(types, key=lambda n: type_order.index(n) if n in type_order else len(type_order))}
    key_list = key_proposals(items, as_of)
    return ProposalReport(as_of, mode, overall, by_sector, by_type, key_list)
