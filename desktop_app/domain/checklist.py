"""The handling checklist (办理清单): template entries, applies-to conditions, gates, an item's
checklist built from a template version, and what changes between two versions (domain layer,
pure Python).

A template is a tree of phases (阶段) → steps (步骤) → key points (要点), held as a tuple of
entries in display order (pre-order), each naming its parent by ``key``. The level of an entry is
its depth, so moving an entry can change its level. Keys survive edits and new versions: they are
how an item's ticks follow it to a new version and how two versions are compared.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace

from desktop_app.domain.calendar import LengthUnit
from desktop_app.domain.deadlines import Anchor
from desktop_app.domain.enums import ItemKind, Labelled, UnitRole


class EntryLevel(Labelled):
    PHASE = ("phase", "阶段")
    STEP = ("step", "步骤")
    POINT = ("point", "要点")


LEVELS = (EntryLevel.PHASE, EntryLevel.STEP, EntryLevel.POINT)


class GateAction(Labelled):
    """An action an entry must precede (the entry's gate)."""

    REPLY_FINALISED = ("reply_finalised", "答复定稿")
    CLOSE = ("close", "办结")


class RoleFilter(Labelled):
    """Our unit's role as a condition: 分办 counts as 主办 (each handles its own part)."""

    LEAD = ("lead", "主办")
    CO = ("co", "会办")


#: Anchors a due offset may start from: the item's 交办 or our unit's 签收.
DUE_ANCHORS = (Anchor.ASSIGNED, Anchor.SIGNED)
MAX_DUE_LENGTH = 366


@dataclass(frozen=True)
class ItemProfile:
    """What conditions look at: the item as our unit sees it."""

    kind: ItemKind
    our_role: UnitRole | None = None
    leader_handled: bool = False
    key_item: bool = False
    co_units: int = 0

    @property
    def role(self) -> RoleFilter | None:
        if self.our_role is None:
            return None
        return RoleFilter.CO if self.our_role is UnitRole.CO else RoleFilter.LEAD


@dataclass(frozen=True)
class Condition:
    """Applies-to condition. ``kinds`` and ``roles`` narrow (empty: any). The triggers
    (区领导亲自办理, 重点督办, more than N co-units) widen nothing by themselves: when any is set,
    the entry applies only if at least one of them holds (joint handling: leader-handled OR > 4)."""

    kinds: frozenset[ItemKind] = frozenset()
    roles: frozenset[RoleFilter] = frozenset()
    leader_handled: bool = False
    key_item: bool = False
    co_units_over: int | None = None

    @property
    def always(self) -> bool:
        return self == Condition()

    @property
    def has_trigger(self) -> bool:
        return self.leader_handled or self.key_item or self.co_units_over is not None

    def applies(self, item: ItemProfile) -> bool:
        if self.kinds and item.kind not in self.kinds:
            return False
        # An item where our unit has no part yet is treated as ours to lead.
        if self.roles and (item.role or RoleFilter.LEAD) not in self.roles:
            return False
        if not self.has_trigger:
            return True
        return (
            (self.leader_handled and item.leader_handled)
            or (self.key_item and item.key_item)
            or (self.co_units_over is not None and item.co_units > self.co_units_over)
        )

    def describe(self) -> str:
        if self.always:
            return "全部"
        parts = []
        if self.kinds:
            parts.append("、".join(k.label for k in ItemKind if k in self.kinds))
        if self.roles:
            parts.append("我单位" + "或".join(r.label for r in RoleFilter if r in self.roles))
        triggers = []
        if self.leader_handled:
            triggers.append("区领导亲自办理")
        if self.key_item:
            triggers.append("重点督办")
        if self.co_units_over is not None:
            triggers.append(f"会办单位超过 {self.co_units_over} 家")
        if triggers:
            parts.append("或".join(triggers))
        return "；".join(parts)

    def to_dict(self) -> dict:
        out: dict = {}
        if self.kinds:
            out["kinds"] = sorted(k.value for k in self.kinds)
        if self.roles:
            out["roles"] = sorted(r.value for r in self.roles)
        if self.leader_handled:
            out["leader_handled"] = True
        if self.key_item:
            out["key_item"] = True
        if self.co_units_over is not None:
            out["co_units_over"] = self.co_units_over
        return out

    @classmethod
    def from_dict(cls, data) -> Condition:
        """Raises ValueError with a Chinese message on anything it does not understand."""
        if not data:
            return cls()
        if not isinstance(data, dict):
            raise ValueError("适用条件的格式不对，应为一组“条件: 值”。")
        unknown = set(data) - {"kinds", "roles", "leader_handled", "key_item", "co_units_over"}
        if unknown:
            raise ValueError(f"适用条件中有无法识别的项：{'、'.join(sorted(unknown))}。")
        kinds = frozenset(_member(ItemKind, v, "建议类别") for v in data.get("kinds", ()))
        roles = frozenset(_member(RoleFilter, v, "我单位角色") for v in data.get("roles", ()))
        over = data.get("co_units_over")
        if over is not None and (not isinstance(over, int) or isinstance(over, bool) or not 0 <= over <= 50):
            raise ValueError(f"“会办单位超过 N 家”中的 N 应为 0 到 50 之间的整数，现在是 {over!r}。")
        return cls(kinds, roles, bool(data.get("leader_handled")), bool(data.get("key_item")), over)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Condition:
        return cls.from_dict(json.loads(text) if text else {})


def _member(enum_cls, code, what: str):
    try:
        return enum_cls(code)
    except ValueError:
        try:
            return enum_cls.from_label(str(code))
        except ValueError:
            raise ValueError(f"{what}“{code}”无法识别。") from None


@dataclass(frozen=True)
class Entry:
    """One phase, step or key point of a template (or of an item's checklist)."""

    key: str
    name: str
    level: EntryLevel = EntryLevel.STEP
    parent_key: str = ""
    description: str = ""
    condition: Condition = field(default_factory=Condition)
    due_length: int | None = None  # None: no due date
    due_unit: LengthUnit = LengthUnit.DAYS
    due_anchor: Anchor = Anchor.ASSIGNED
    gate: GateAction | None = None

    def due_text(self) -> str:
        if self.due_length is None:
            return ""
        return f"{self.due_anchor.label}起 {self.due_length}{self.due_unit.label}内"

    def gate_text(self) -> str:
        return f"须在{self.gate.label}前完成" if self.gate else ""


def new_key() -> str:
    return uuid.uuid4().hex[:12]


# ---- tree editing (pure: every operation returns a new tuple) -----------------------------------

Entries = tuple[Entry, ...]


def children(entries: Entries, parent_key: str = "") -> list[Entry]:
    return [e for e in entries if e.parent_key == parent_key]


def subtree_keys(entries: Entries, key: str) -> set[str]:
    found = {key}
    for e in entries:  # pre-order: a descendant always follows its parent
        if e.parent_key in found:
            found.add(e.key)
    return found


def depth_of_subtree(entries: Entries, key: str) -> int:
    """How many levels the subtree rooted at ``key`` spans (1 for a leaf)."""
    kids = children(entries, key)
    return 1 + max((depth_of_subtree(entries, k.key) for k in kids), default=0)


def _flatten(by_parent: dict[str, list[Entry]], parent: str = "", depth: int = 0) -> list[Entry]:
    out = []
    for e in by_parent.get(parent, []):
        if depth >= len(LEVELS):
            raise ValueError("清单最多三级（阶段 → 步骤 → 要点），不能再往下移。")
        out.append(replace(e, parent_key=parent, level=LEVELS[depth]))
        out.extend(_flatten(by_parent, e.key, depth + 1))
    return out


def _nest(entries: Entries) -> dict[str, list[Entry]]:
    by_parent: dict[str, list[Entry]] = {}
    for e in entries:
        by_parent.setdefault(e.parent_key, []).append(e)
    return by_parent


def arrange(entries) -> Entries:
    """Entries in any order (a file) put in display order with levels from their depth; entries
    whose parent is missing are left out (the caller compares lengths). ValueError below level 3."""
    return tuple(_flatten(_nest(tuple(entries))))


def add_entry(entries: Entries, entry: Entry, parent_key: str = "", index: int | None = None) -> Entries:
    by_parent = _nest(entries)
    siblings = by_parent.setdefault(parent_key, [])
    siblings.insert(len(siblings) if index is None else index, replace(entry, parent_key=parent_key))
    return tuple(_flatten(by_parent))


def remove_entry(entries: Entries, key: str) -> Entries:
    gone = subtree_keys(entries, key)
    return tuple(e for e in entries if e.key not in gone)


def update_entry(entries: Entries, key: str, **changes) -> Entries:
    return tuple(replace(e, **changes) if e.key == key else e for e in entries)


def move_entry(entries: Entries, key: str, parent_key: str, index: int) -> Entries:
    """Move ``key`` (with its subtree) to ``index`` among ``parent_key``'s children. Raises
    ValueError (Chinese) for a move into itself or below the third level."""
    if parent_key in subtree_keys(entries, key):
        raise ValueError("不能把条目移到它自己的下级。")
    by_parent = _nest(entries)
    moving = next(e for e in entries if e.key == key)
    old = by_parent[moving.parent_key]
    old_index = old.index(moving)
    old.remove(moving)
    if parent_key == moving.parent_key and index > old_index:
        index -= 1
    target = by_parent.setdefault(parent_key, [])
    target.insert(max(0, min(index, len(target))), moving)
    return tuple(_flatten(by_parent))


def move_up(entries: Entries, key: str) -> Entries:
    e = _get(entries, key)
    siblings = children(entries, e.parent_key)
    i = siblings.index(e)
    if i == 0:
        raise ValueError(f"“{e.name}”已在同级最前面。")
    return move_entry(entries, key, e.parent_key, i - 1)


def move_down(entries: Entries, key: str) -> Entries:
    e = _get(entries, key)
    siblings = children(entries, e.parent_key)
    i = siblings.index(e)
    if i == len(siblings) - 1:
        raise ValueError(f"“{e.name}”已在同级最后面。")
    return move_entry(entries, key, e.parent_key, i + 2)


def indent(entries: Entries, key: str) -> Entries:
    """Make ``key`` the last child of its previous sibling (one level down)."""
    e = _get(entries, key)
    siblings = children(entries, e.parent_key)
    i = siblings.index(e)
    if i == 0:
        raise ValueError(f"“{e.name}”前面没有同级条目，无法降级；请先把它移到另一条目之后。")
    new_parent = siblings[i - 1]
    return move_entry(entries, key, new_parent.key, len(children(entries, new_parent.key)))


def outdent(entries: Entries, key: str) -> Entries:
    """Make ``key`` a sibling just after its parent (one level up)."""
    e = _get(entries, key)
    if not e.parent_key:
        raise ValueError(f"“{e.name}”已是阶段（最高一级），无法再升级。")
    parent = _get(entries, e.parent_key)
    index = children(entries, parent.parent_key).index(parent) + 1
    return move_entry(entries, key, parent.parent_key, index)


def _get(entries: Entries, key: str) -> Entry:
    return next(e for e in entries if e.key == key)


def template_problems(entries: Entries) -> list[str]:
    """What stops a template from being saved, in Chinese; empty when it can be."""
    problems = []
    if not any(e.level is EntryLevel.STEP for e in entries):
        problems.append("清单模板至少要有一个步骤（阶段下的第二级条目）。")
    keys = [e.key for e in entries]
    if len(set(keys)) != len(keys):
        problems.append("清单模板中有重复的条目编号，请重新导入或重建该模板。")
    known = set(keys)
    for i, e in enumerate(entries, 1):
        where = f"第 {i} 条“{e.name}”" if e.name.strip() else f"第 {i} 条"
        if not e.name.strip():
            problems.append(f"{where}没有名称，请填写名称或删除该条目。")
        if len(e.name) > 200:
            problems.append(f"{where}的名称太长（不超过 200 字）。")
        if e.parent_key and e.parent_key not in known:
            problems.append(f"{where}的上级条目不存在。")
        if e.due_length is not None and not 0 <= e.due_length <= MAX_DUE_LENGTH:
            problems.append(f"{where}的期限 {e.due_length} 不合理，请填写 0 到 {MAX_DUE_LENGTH} 之间的数。")
        if e.due_length is not None and e.due_anchor not in DUE_ANCHORS:
            problems.append(f"{where}的期限起算日只能是交办日期或签收日期。")
    return problems


# ---- an item's checklist ---------------------------------------------------------------------

def build_checklist(entries: Entries, item: ItemProfile) -> Entries:
    """The entries that apply to ``item``: an entry applies when it and all its ancestors do; a
    phase or step left without anything under it that it had in the template is dropped."""
    kept: set[str] = set()
    out = []
    for e in entries:
        if (e.parent_key and e.parent_key not in kept) or not e.condition.applies(item):
            continue
        kept.add(e.key)
        out.append(e)
    had_children = {e.parent_key for e in entries}
    has_children = {e.parent_key for e in out}
    return tuple(e for e in out if e.key not in had_children or e.key in has_children
                 or e.level is not EntryLevel.PHASE)


def tickable(entry: Entry) -> bool:
    """Steps and key points are ticked; a phase is done when what is under it is."""
    return entry.level is not EntryLevel.PHASE


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    next_step: str = ""  # the first step not yet done, "" when all are

    def text(self) -> str:
        if not self.total:
            return ""
        return f"{self.done}/{self.total}"

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def progress(entries: Entries, done_keys: set[str]) -> Progress:
    ticked = [e for e in entries if tickable(e)]
    nxt = next((e.name for e in entries if e.level is EntryLevel.STEP and e.key not in done_keys), "")
    return Progress(sum(1 for e in ticked if e.key in done_keys), len(ticked), nxt)


def missing_before(action: GateAction, entries: Entries, done_keys: set[str]) -> list[Entry]:
    """The entries gated on ``action`` that are not done yet."""
    return [e for e in entries if e.gate is action and e.key not in done_keys]


def gate_message(action: GateAction, missing: list[Entry]) -> str:
    names = "、".join(f"“{e.name}”" for e in missing)
    # The editor's control for each action, named as the user sees it.
    retry = "再点「答复」页的「定稿」按钮" if action is GateAction.REPLY_FINALISED else "再保存"
    return (
        f"{action.label}前须先完成办理清单中的 {names}。请先在「办理清单」页勾选完成；"
        f"如确需先{action.label}，请在「办理清单」页点「越过关卡…」并写明理由（记入修改记录）后{retry}。"
    )


# ---- comparing versions ------------------------------------------------------------------------

@dataclass(frozen=True)
class ChecklistDiff:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    removed_done: tuple[str, ...] = ()  # removed entries that were ticked: their tick goes
    changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        if self.empty:
            return "无变化"
        parts = []
        if self.added:
            parts.append("新增 " + "、".join(self.added))
        if self.removed:
            parts.append("删除 " + "、".join(self.removed))
        if self.removed_done:
            parts.append("（已勾选而将删除：" + "、".join(self.removed_done) + "）")
        if self.changed:
            parts.append("修改 " + "、".join(self.changed))
        return "；".join(parts)


_COMPARED = ("name", "parent_key", "description", "due_length", "due_unit", "due_anchor", "gate")


def diff(old: Entries, new: Entries, done_keys: set[str] = frozenset()) -> ChecklistDiff:
    before = {e.key: e for e in old}
    after = {e.key: e for e in new}
    added = tuple(e.name for e in new if e.key not in before)
    removed = tuple(e.name for e in old if e.key not in after)
    removed_done = tuple(e.name for e in old if e.key not in after and e.key in done_keys)
    changed = []
    for e in new:
        was = before.get(e.key)
        if was is None:
            continue
        if was.name != e.name:
            changed.append(f"{was.name}→{e.name}")
        elif any(getattr(was, f) != getattr(e, f) for f in _COMPARED):
            changed.append(e.name)
    return ChecklistDiff(added, removed, removed_done, tuple(changed))


# ---- the default template (domain.md §5) -------------------------------------------------------

FIVE_STEPS = ("交办签收", "研究办理", "沟通答复", "反馈评价", "跟踪落实")
_LEAD_ONLY = Condition(roles=frozenset({RoleFilter.LEAD}))
JOINT_HANDLING = Condition(leader_handled=True, co_units_over=4)


def default_template() -> Entries:
    """3 phases, 9 steps and 11 key points; keys are fixed so every database seeds the same. No
    due offsets: the statutory dates are deadline rules already; units add their own."""
    P, S, K = EntryLevel.PHASE, EntryLevel.STEP, EntryLevel.POINT
    rows = [
        ("p1", P, "办前", "", "", {}),
        ("s1", S, "签收登记", "p1", "【交办签收】建议提案已登记，确认我单位角色，填写交办日期。", {}),
        ("s2", S, "审核职责", "p1", "【交办签收】属我单位职责范围；不属的在签收后 7 个工作日内申请退回并说明理由。", {}),
        ("k1", K, "7 个工作日内完成职责审核", "s2", "不属职责的及时申请退回，不得自行转办。", {}),
        ("s3", S, "制定方案", "p1", "【研究办理】明确责任领导、承办科室、承办人；设置重点督办、领导领办标记。", {}),
        ("k2", K, "每件明确责任领导、承办科室、承办人", "s3", "", {}),
        ("s4", S, "办前沟通", "p1", "【研究办理】与领衔代表（委员）沟通并登记日期、方式、内容。", {}),
        ("k3", K, "拟稿前先与代表沟通", "s4", "", {}),
        ("p2", P, "办中", "", "", {}),
        ("s5", S, "调研协调", "p2", "【研究办理】登记调研和协调会；按要求开展联合办理。", {}),
        ("k4", K, "按要求联合办理（实地调研、现场办公、座谈讨论、专题会议）", "s5",
         "区领导亲自办理件和会办单位超过 4 家的建议提案须联合办理。", {}),
        ("s6", S, "会办汇总", "p2", "【研究办理】主办：收齐全部会办意见；会办：报送我单位的会办意见。", {}),
        ("k5", K, "1 个月内催齐会办意见并在答复中吸收", "s6", "", {}),
        ("s7", S, "拟稿审核", "p2", "【沟通答复】审核答复稿、办理结果类别、承诺事项时限和公开属性。", {}),
        ("k6", K, "逐条回应代表提出的问题", "s7", "", {}),
        ("k7", K, "办理结果与内容相符，正在解决、计划解决须有时限承诺", "s7", "", {}),
        ("k8", K, "拟稿时审核公开属性，删除联系方式等信息", "s7", "", {}),
        ("p3", P, "办后", "", "", {}),
        ("s8", S, "答复送达", "p3", "【沟通答复】负责人签发、盖章，每位代表（委员）一份答复，抄送有关单位。", {}),
        ("k9", K, "领导签发、加盖公章、按 GB/T 9704 排版、每位联名代表一份", "s8", "", {}),
        ("s9", S, "反馈跟踪", "p3", "【反馈评价】【跟踪落实】登记反馈；不满意的重新办理；跟踪承诺事项直至办结并归档。", {}),
        ("k10", K, "征询办理态度和结果两项评价，不满意的 1 个月内重新办理", "s9", "", {}),
        ("k11", K, "承诺事项跟踪到办结", "s9", "", {}),
    ]
    lead_only = {"s7", "s8", "s9", "k5", "k6", "k7", "k8", "k9", "k10", "k11"}
    out = []
    for key, level, name, parent, description, _ in rows:
        condition = _LEAD_ONLY if key in lead_only else Condition()
        if key == "k4":
            condition = JOINT_HANDLING
        entry = Entry(key, name, level, parent, description, condition)
        if key == "s4":
            entry = replace(entry, gate=GateAction.REPLY_FINALISED)
        out.append(entry)
    return tuple(out)


__all__ = [
    "DUE_ANCHORS",
    "FIVE_STEPS",
    "JOINT_HANDLING",
    "LEVELS",
    "ChecklistDiff",
    "Condition",
    "Entry",
    "EntryLevel",
    "GateAction",
    "ItemProfile",
    "Progress",
    "RoleFilter",
    "add_entry",
    "arrange",
    "build_checklist",
    "children",
    "default_template",
    "diff",
    "gate_message",
    "indent",
    "missing_before",
    "move_down",
    "move_entry",
    "move_up",
    "new_key",
    "outdent",
    "progress",
    "remove_entry",
    "subtree_keys",
    "template_problems",
    "tickable",
    "update_entry",
]
