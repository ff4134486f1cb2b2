"""Data transfer objects between the services and their callers (services layer).

Frozen dataclasses only: views, dialogs and the command line never see an ORM object or a session.
Enumerated fields carry the ``domain.enums`` members; dates are ``datetime.date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desktop_app.domain.enums import (
    ContactWay,
    Disclosure,
    FilingDecision,
    ItemKind,
    ItemStatus,
    ProposerRole,
    ProposerType,
    RaisedAt,
    Level,
    Body,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)


class ChangeKind(StrEnum):
    """The kinds of data a write can change. A ``StrEnum``: a member equals its code, so
    ``Changes.of("item")`` and ``"item" in changes.kinds`` keep working."""

    ITEM = "item"
    UNIT = "unit"
    SESSION = "session"
    PROPOSER = "proposer"
    SETTING = "setting"
    VIEW = "view"
    DATABASE = "database"  # a restore or a new file: everything
    CHECKLIST = "checklist"
    REVIEW = "review"
    RECTIFICATION = "rectification"
    DEADLINE = "deadline"  # rules or the holiday table: every due date may move
    DAY = "day"  # the app's clock passed midnight


@dataclass(frozen=True)
class Changes:
    """What a write changed, so that views refresh only what they show.

    ``kinds`` the ``ChangeKind`` members; ``item_ids`` the items touched (empty when not known);
    ``initiator`` the view or dialog that asked for the write (stamped by the gui's runner, so that
    a view can skip a change it made itself; not compared)."""

    kinds: frozenset[ChangeKind] = frozenset()
    item_ids: frozenset[int] = frozenset()
    initiator: object | None = field(default=None, compare=False, repr=False)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.kinds | other.kinds, self.item_ids | other.item_ids, self.initiator)

    @classmethod
    def of(cls, *kinds: ChangeKind | str, item_ids=()) -> "Changes":
        """``kinds`` as members or their codes (an unknown code raises ValueError)."""
        return cls(frozenset(ChangeKind(k) for k in kinds), frozenset(item_ids))

    def touches(self, *kinds: ChangeKind) -> bool:
        """True when any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def only_rows(self) -> bool:
        """True when known items changed and nothing else a whole list depends on (rules,
        settings, a restore): the changed rows can be read again alone. A unit, session or
        proposer created by a save or renamed comes with the items showing its name."""
        return bool(self.item_ids) and self.kinds <= _ROW_ONLY_KINDS


_ROW_ONLY_KINDS = frozenset({ChangeKind.ITEM, ChangeKind.CHECKLIST, ChangeKind.REVIEW, ChangeKind.UNIT,
                             ChangeKind.SESSION, ChangeKind.PROPOSER})


@dataclass(frozen=True, slots=True)
class UnitInfo:
    id: int
    name: str
    short_name: str = ""
    active: bool = True
    sort_order: int = 0
    letterhead_mark: str = ""  # 发文机关标志 of its documents; the name when empty
    doc_number_pattern: str = ""  # 崇水〔{年}〕{号}号; 简称〔{年}〕{号}号 when empty
    signature: str = ""  # 署名; the name when empty


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    name: str
    body: Body
    level: Level
    year: int
    opened_on: date | None = None


@dataclass(frozen=True, slots=True)
class ProposerInfo:
    id: int
    name: str
    body: Body
    proposer_type: ProposerType
    delegation: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    note: str = ""
    contact_person: str = ""  # a 集体提案's contact person


@dataclass(slots=True)
class CaseRow:
    """One line of the case list. Cheap to hold 100,000 of (slots, no nested objects but
    ``unit_ids``). Not frozen only because a frozen dataclass is three times slower to build
    (half a second of every list load at 100,000 rows): like every DTO it is never changed in
    place, but rebuilt with ``dataclasses.replace``."""

    id: int
    session_id: int
    session_name: str
    number: str
    kind: ItemKind
    title: str
    lead_proposer: str
    lead_units: str  # names joined by 、
    co_units: str  # names joined by 、
    our_role: UnitRole | None  # our unit's role on the item, None when we have no part
    assigned_on: date | None
    status: ItemStatus
    result: ResultCategory | None
    is_key: bool
    is_leader_handled: bool
    is_secret: bool
    raised_at: RaisedAt
    category: str
    unit_ids: frozenset[int]
    replied_on: date | None = None
    # The item's version when the row was read: a delete from the list is refused when the item
    # changed since (another window's newer edit), like a stale save.
    version: int = 0
    # services.deadlines.NextDeadline: the earliest open deadline, for the 下一期限 column.
    next_deadline: object | None = None
    # domain.checklist.Progress of the item's 办理清单, for the 进度 column.
    checklist_progress: object | None = None


@dataclass(frozen=True)
class CaseFilter:
    """The filter panel's settings; empty collections mean "any". Saved as JSON in named views
    (``to_json`` / ``from_json`` in services.views)."""

    text: str = ""
    session_ids: frozenset[int] = frozenset()
    kinds: frozenset[ItemKind] = frozenset()
    our_roles: frozenset[UnitRole | None] = frozenset()  # None in the set: items we have no part in
    unit_ids: frozenset[int] = frozenset()
    statuses: frozenset[ItemStatus] = frozenset()
    results: frozenset[ResultCategory | None] = frozenset()  # None: no result yet
    only_key: bool = False
    only_leader_handled: bool = False
    secret: bool | None = None  # None any, True only 涉密, False exclude 涉密
    assigned_from: date | None = None
    assigned_to: date | None = None
    replied_from: date | None = None
    replied_to: date | None = None
    # Exactly these items (a dashboard count); None: no such limit. Never saved in a named view.
    item_ids: frozenset[int] | None = None


@dataclass(frozen=True)
class ProposerLink:
    """A proposer on an item. ``proposer_id`` None means a new proposer named ``name``."""

    name: str
    role: ProposerRole
    proposer_type: ProposerType
    proposer_id: int | None = None
    delegation: str = ""  # 代表团 of a deputy, 界别 of a CPPCC member
    phone: str = ""
    address: str = ""
    contact_person: str = ""  # a 集体提案 (party, organisation, 专门委员会): whom to talk to


@dataclass(frozen=True)
class AssignmentRecord:
    """One 办理单位 row. ``id`` None for a new row; ``unit_name`` resolves a unit not yet listed."""

    unit_id: int | None
    unit_name: str
    role: UnitRole
    id: int | None = None
    # 调整分办 / 指定办理: this unit's own 交办日期 (None: the item's) and whether it was designated.
    assigned_on: date | None = None
    designated: bool = False
    signed_on: date | None = None
    leader: str = ""
    section: str = ""
    handler: str = ""
    handler_phone: str = ""
    opinion_sent_on: date | None = None
    opinion_received_on: date | None = None
    opinion_text: str = ""
    return_requested_on: date | None = None
    return_reason: str = ""
    return_late_reason: str = ""  # why 退回 is asked after the 7-working-day window
    return_outcome: ReturnOutcome | None = None
    return_decided_on: date | None = None
    extension_requested_on: date | None = None
    extension_reason: str = ""
    extension_months: int | None = None
    extension_approved_on: date | None = None
    extension_approver: str = ""
    extension_told_on: date | None = None  # when the deputy was told of the extension


@dataclass(frozen=True)
class ContactRecord:
    contact_on: date
    way: ContactWay
    participants: str = ""
    summary: str = ""
    unit_id: int | None = None
    id: int | None = None
    deputy_present: bool = False  # 代表参加: the deputy or a co-signer took part


@dataclass(frozen=True)
class ReplyRecord:
    round: int = 1
    id: int | None = None
    unit_id: int | None = None
    doc_number: str = ""
    signer: str = ""
    replied_on: date | None = None
    result: ResultCategory | None = None
    disclosure: Disclosure = Disclosure.PUBLIC
    disclosure_reason: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    cc: str = ""
    body: str = ""
    finalised: bool = False
    published_on: date | None = None  # 公开发布记录: date, channel and (optionally) address
    publication_channel: str = ""
    publication_address: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    size: int
    added_at: datetime
    added_by: str = ""
    note: str = ""


@dataclass(frozen=True)
class NewAttachment:
    """A file to keep with the item on save (read from ``path`` inside the save transaction)."""

    path: str
    note: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime
    changed_by: str
    entity: str
    field: str
    old_value: str
    new_value: str
    reason: str = ""


@dataclass(frozen=True)
class CaseRecord:
    """A whole item as the editor shows and saves it. ``id`` None for a new item; ``version`` is
    the optimistic lock read with the item and checked on save."""

    kind: ItemKind
    session_id: int | None
    session_name: str
    number: str
    title: str
    id: int | None = None
    version: int = 0
    content: str = ""
    category: str = ""
    raised_at: RaisedAt = RaisedAt.PLENARY
    is_key: bool = False
    is_leader_handled: bool = False
    leader_name: str = ""
    is_secret: bool = False
    status: ItemStatus = ItemStatus.PENDING
    assigned_on: date | None = None
    feedback_wait_note: str = ""  # why it may be 办结 without the deputy's feedback
    # 政协提案 (issue 23): the 提案委员会's 立案 decision and its date; a 不立案 意见's reply date
    # (None: no deadline); 重点提案's 督办领导; 并案: the number (in this session) of the lead
    # proposal this one is handled with ("" for a lead or a stand-alone item).
    filing: FilingDecision | None = None
    filed_on: date | None = None
    reference_due_on: date | None = None
    supervisor: str = ""
    merged_into_number: str = ""
    proposers: tuple[ProposerLink, ...] = ()
    assignments: tuple[AssignmentRecord, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()
    replies: tuple[ReplyRecord, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    # On save only: files to add and ids of attachments to remove.
    new_attachments: tuple[NewAttachment, ...] = ()
    removed_attachment_ids: frozenset[int] = frozenset()
    history: tuple[HistoryEntry, ...] = field(default=(), compare=False)
    # The number ``new_record`` proposed: kept as typed, it is only a proposal, and the save takes
    # the next free one inside its transaction should another window or process have taken it.
    suggested_number: str = field(default="", compare=False)
    # 并案, read only: the numbers of the proposals merged under this one (as their lead).
    merged_numbers: tuple[str, ...] = field(default=(), compare=False)
