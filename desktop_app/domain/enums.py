"""The domain's vocabulary: one English word per Chinese term (domain layer, pure Python).

Values are stable codes stored in the database; ``label`` is what users see. Keep the mapping
between the glossary of domain.md and the code here and nowhere else.
"""

from __future__ import annotations

from enum import Enum


class Labelled(str, Enum):
    """A code stored in the database with the Chinese label shown to users."""

    def __new__(cls, code: str, label: str) -> "Labelled":
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label  # type: ignore[attr-defined]
        return member

    label: str

    @classmethod
    def from_label(cls, label: str):
        """The member whose label (or code) is ``label``; ValueError if none."""
        text = (label or "").strip()
        for member in cls:
            if member.label == text or member.value == text:
                return member
        raise ValueError(f"{cls.__name__}: 无法识别“{label}”")

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]

    def __str__(self) -> str:
        return self.label


class Body(Labelled):
    """Which body raised the item: the People's Congress or the CPPCC."""

    CONGRESS = ("congress", "人大")
    CPPCC = ("cppcc", "政协")


class ItemKind(Labelled):
    SUGGESTION = ("suggestion", "代表建议")
    PROPOSAL = ("proposal", "政协提案")

    @property
    def body(self) -> Body:
        return Body.CONGRESS if self is ItemKind.SUGGESTION else Body.CPPCC


class Level(Labelled):
    DISTRICT = ("district", "区")
    CITY = ("city", "市")
    NATIONAL = ("national", "全国")


class RaisedAt(Labelled):
    """Raised during the plenary meeting (大会) or between meetings (闭会期间)."""

    PLENARY = ("plenary", "大会")
    INTERIM = ("interim", "闭会期间")


class UnitRole(Labelled):
    LEAD = ("lead", "主办")
    CO = ("co", "会办")
    SPLIT = ("split", "分办")


class ItemStatus(Labelled):
    """An item's life (domain.md §4)."""

    PENDING = ("pending", "待签收")
    HANDLING = ("handling", "办理中")
    RETURN_REQUESTED = ("return_requested", "退回申请")
    RETURNED = ("returned", "已退回")
    REPLIED = ("replied", "已答复")
    FEEDBACK = ("feedback", "已反馈")
    REHANDLING = ("rehandling", "重新办理")
    TRACKING = ("tracking", "跟踪中")
    CLOSED = ("closed", "办结")


class ResultCategory(Labelled):
    """办理结果; the letters A–D on the reply are a setting (issue 5)."""

    SOLVED = ("solved", "已经解决")
    SOLVING = ("solving", "正在解决")
    PLANNED = ("planned", "计划解决")
    REFERENCE = ("reference", "留作参考")

    @property
    def needs_commitment(self) -> bool:
        return self in (ResultCategory.SOLVING, ResultCategory.PLANNED)


class Disclosure(Labelled):
    PUBLIC = ("public", "此件公开发布")
    ON_REQUEST = ("on_request", "此件依申请公开")
    NOT_PUBLIC = ("not_public", "此件不公开")


class ContactWay(Labelled):
    MEETING = ("meeting", "见面")
    PHONE = ("phone", "电话")
    FORUM = ("forum", "座谈")
    FIELD_RESEARCH = ("field_research", "实地调研")
    ON_SITE_OFFICE = ("on_site_office", "现场办公")
    TOPIC_MEETING = ("topic_meeting", "专题会议")
    INSPECTION = ("inspection", "视察")

    @property
    def is_face_to_face(self) -> bool:
        """Counts toward 见面率 (met the deputy before replying)."""
        return self is not ContactWay.PHONE


class ProposerType(Labelled):
    """Who raised an item: a deputy, a CPPCC member, or a collective CPPCC proposer."""

    DEPUTY = ("deputy", "代表")
    MEMBER = ("member", "委员")
    PARTY = ("party", "党派")
    ORGANISATION = ("organisation", "团体")
    SECTOR = ("sector", "界别")
    COMMITTEE = ("committee", "专委会")

    @property
    def is_collective(self) -> bool:
        """A 集体提案's proposer: a party, an organisation, a 界别 or a 专门委员会 (not a person)."""
        return self in (ProposerType.PARTY, ProposerType.ORGANISATION, ProposerType.SECTOR,
                        ProposerType.COMMITTEE)


class FilingDecision(Labelled):
    """The 提案委员会's decision on a 政协提案: 立案, or 不立案 (kept as 意见, 转有关部门参考)."""

    FILED = ("filed", "立案")
    NOT_FILED = ("not_filed", "不立案")


class MergedCount(Labelled):
    """How statistics count the proposals of a 并案 (a setting, stated in each figure's definition)."""

    PER_PROPOSAL = ("per_proposal", "按提案件数")
    PER_HANDLING = ("per_handling", "按办理件数")


class ProposerRole(Labelled):
    LEAD = ("lead", "领衔")
    COSIGNER = ("cosigner", "联名")


class ReturnOutcome(Labelled):
    PENDING = ("pending", "待定")
    APPROVED = ("approved", "同意退回")
    REJECTED = ("rejected", "不同意退回")


class Rating(Labelled):
    SATISFIED = ("satisfied", "满意")
    FAIRLY_SATISFIED = ("fairly_satisfied", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


class FeedbackChannel(Labelled):
    ONLINE = ("online", "网上")
    PAPER = ("paper", "纸质")
    IN_PERSON = ("in_person", "面谈")


class CommitmentStatus(Labelled):
    OPEN = ("open", "未落实")
    DONE = ("done", "已落实")
    CARRIED = ("carried", "结转下年")


class RectificationStatus(Labelled):
    NOT_STARTED = ("not_started", "未启动")
    IN_PROGRESS = ("in_progress", "推进中")
    DONE = ("done", "已完成")
    ONGOING = ("ongoing", "持续推进")


class ReviewCategory(Labelled):
    """Why an item is on a 回头看 list (domain.md §2 回头看, issue 8)."""

    SOLVED = ("solved", "已经解决复核")
    IN_PROGRESS = ("in_progress", "正在/计划解决进度")
    REFERENCE = ("reference", "留作参考再研究")
    DISSATISFIED = ("dissatisfied", "不满意")
    COMMITMENT = ("commitment", "未完成承诺")


class ReviewOutcome(Labelled):
    """What a 回头看 found for one entry."""

    CONFIRMED = ("confirmed", "确已解决")
    NOT_SOLVED = ("not_solved", "未真正解决")
    ON_TRACK = ("on_track", "按承诺推进")
    FULFILLED = ("fulfilled", "承诺已兑现")
    DELAYED = ("delayed", "进度滞后")
    NOW_FEASIBLE = ("now_feasible", "已具备解决条件")
    STILL_INFEASIBLE = ("still_infeasible", "仍无条件")
    RESOLVED = ("resolved", "已沟通化解")
    CHANGED = ("changed", "情况有变化")


class LinkKind(Labelled):
    """A user's judgement on two similar items (年年提, issue 22)."""

    SAME = ("same", "同一问题")
    DISMISSED = ("dismissed", "不是同一问题")


class CampaignState(Labelled):
    OPEN = ("open", "进行中")
    CLOSED = ("closed", "已完成")


class HistoryKind(Labelled):
    """What a history row is about (the ``entity`` column of ``history``), as the 历史 tab names it."""

    ITEM = ("item", "基本信息")
    PROPOSER = ("proposer", "代表")
    ITEM_PROPOSER = ("item_proposer", "代表")
    ASSIGNMENT = ("assignment", "办理单位")
    CONTACT = ("contact", "沟通记录")
    REPLY = ("reply", "答复")
    ATTACHMENT = ("attachment", "附件")
    FEEDBACK = ("feedback", "反馈")
    COMMITMENT = ("commitment", "承诺事项")
    DEADLINE = ("deadline", "期限")
    DEADLINE_RULE = ("deadline_rule", "期限规则")
    REVIEW = ("review", "回头看")
    CHECKLIST = ("checklist", "办理清单")
    CHECKLIST_GATE = ("checklist_gate", "清单关卡")
    LINK = ("item_link", "相似件")


def history_label(code: str) -> str:
    """The Chinese name of a history row's kind; an unknown code (from a newer version) is shown
    as 其他 rather than as a bare English word."""
    try:
        return HistoryKind(code).label
    except ValueError:
        return f"其他（{code}）" if code else "其他"
