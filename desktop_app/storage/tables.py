"""SQLAlchemy tables of the whole domain (storage layer).

Enumerated columns hold the codes of ``domain.enums`` as plain strings (SQLite has no enum type and
the codes must survive a move to PostgreSQL unchanged). Dates are ``date``; moments are naive local
``datetime``. Every change here needs an Alembic migration in ``storage/migrations/versions``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    false,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints so that Alembic batch migrations on SQLite can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uid() -> str:
    """A stable global id (UUID, 32 hex digits) that names a record in every copy (0010)."""
    return uuid.uuid4().hex


def uid_column() -> Mapped[str | None]:
    # Nullable: bulk inserts that skip Python defaults leave it empty until the next package
    # is written (services.exchange fills it).
    return mapped_column(String(32), default=new_uid, index=True, unique=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Business settings that travel with the database (our unit, letter settings, ...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # optimistic lock (0006)


class Unit(Base):
    """A handling unit (承办单位): bureau, commission, township, or the government office."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    short_name: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # The unit's own letterhead ("" = derived: the name; 简称〔{年}〕{号}号; the name).
    letterhead_mark: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 发文机关标志
    doc_number_pattern: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 崇水〔{年}〕{号}号
    signature: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 署名


class Session(Base):
    """届次/会次, e.g. 区二届人大五次会议. Named ``Session`` in the domain; not an ORM session."""

    __tablename__ = "session"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    body: Mapped[str] = mapped_column(String(20))  # Body
    level: Mapped[str] = mapped_column(String(20), default="district")  # Level
    year: Mapped[int] = mapped_column(Integer)
    opened_on: Mapped[date | None] = mapped_column(Date)


class Proposer(Base):
    """A deputy, CPPCC member, or collective proposer. Contact details are private to the app."""

    __tablename__ = "proposer"
    __table_args__ = (UniqueConstraint("name", "body", name="uq_proposer_name_body"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    name: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(String(20))  # Body
    proposer_type: Mapped[str] = mapped_column(String(20))  # ProposerType
    delegation: Mapped[str] = mapped_column(String(100), default="")  # 代表团 / 界别
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # 集体提案 (a party, an organisation, a 专门委员会): whom the handling unit talks to (0010).
    contact_person: Mapped[str] = mapped_column(String(50), default="", server_default="")


class Item(Base):
    """A suggestion or proposal. ``version`` is the optimistic lock; ``lead_proposer_name``,
    ``lead_unit_names`` and ``co_unit_names`` are kept by the service so the case list reads one
    table (100,000 rows)."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("session_id", "number", name="uq_item_session_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    version: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20))  # ItemKind
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="RESTRICT"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(50), default="")
    raised_at: Mapped[str] = mapped_column(String(20), default="plenary")  # RaisedAt
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)  # 重点督办
    is_leader_handled: Mapped[bool] = mapped_column(Boolean, default=False)  # 区领导亲自办理
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    is_secret: Mapped[bool] = mapped_column(Boolean, default=False)  # 涉密
    status: Mapped[str] = mapped_column(String(30), default="pending", index=True)  # ItemStatus
    result: Mapped[str | None] = mapped_column(String(20))  # ResultCategory of the latest reply
    assigned_on: Mapped[date | None] = mapped_column(Date, index=True)  # 交办日期
    lead_proposer_name: Mapped[str] = mapped_column(String(100), default="")
    lead_unit_names: Mapped[str] = mapped_column(String(500), default="")
    co_unit_names: Mapped[str] = mapped_column(String(1000), default="")
    # Why the item may be 办结 without the deputy's feedback (e.g. 多次联系未反馈), kept as recorded.
    feedback_wait_note: Mapped[str] = mapped_column(Text, default="")
    # 政协提案 (0010): the 提案委员会's 立案 decision (FilingDecision, None: a 建议 or not decided)
    # and its date; a 不立案 意见's optional reply date; 并案 under a lead proposal; the 督办领导.
    filing: Mapped[str | None] = mapped_column(String(20))
    filed_on: Mapped[date | None] = mapped_column(Date)
    reference_due_on: Mapped[date | None] = mapped_column(Date)
    merged_into_id: Mapped[int | None] = mapped_column(Integer, index=True)
    supervisor: Mapped[str] = mapped_column(String(50), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __mapper_args__ = {"version_id_col": version}


class ItemProposer(Base):
    """A proposer's place on an item: 领衔 or 联名, in order."""

    __tablename__ = "item_proposer"
    __table_args__ = (UniqueConstraint("item_id", "proposer_id", name="uq_item_proposer_pair"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    proposer_id: Mapped[int] = mapped_column(ForeignKey("proposer.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # ProposerRole
    position: Mapped[int] = mapped_column(Integer, default=0)


class Assignment(Base):
    """One unit's part in an item (办理单位 row)."""

    __tablename__ = "assignment"
    __table_args__ = (
        UniqueConstraint("item_id", "unit_id", name="uq_assignment_item_unit"),
        # A unit's items and its role on each, from the index alone (the case list's 我单位 column).
        Index("ix_assignment_unit_item_role", "unit_id", "item_id", "role"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(20))  # UnitRole
    position: Mapped[int] = mapped_column(Integer, default=0)
    signed_on: Mapped[date | None] = mapped_column(Date)  # 签收日期
    leader: Mapped[str] = mapped_column(String(50), default="")  # 责任领导
    section: Mapped[str] = mapped_column(String(100), default="")  # 承办科室
    handler: Mapped[str] = mapped_column(String(50), default="")  # 承办人
    handler_phone: Mapped[str] = mapped_column(String(50), default="")
    opinion_sent_on: Mapped[date | None] = mapped_column(Date)  # 会办意见 sent (by the co-unit)
    opinion_received_on: Mapped[date | None] = mapped_column(Date)  # 会办意见 received (by the lead)
    opinion_text: Mapped[str] = mapped_column(Text, default="")
    return_requested_on: Mapped[date | None] = mapped_column(Date)  # 退回申请
    return_reason: Mapped[str] = mapped_column(Text, default="")
    return_outcome: Mapped[str | None] = mapped_column(String(20))  # ReturnOutcome
    return_decided_on: Mapped[date | None] = mapped_column(Date)
    extension_requested_on: Mapped[date | None] = mapped_column(Date)  # 延期申请
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_months: Mapped[int | None] = mapped_column(Integer)
    extension_approved_on: Mapped[date | None] = mapped_column(Date)
    extension_approver: Mapped[str] = mapped_column(String(50), default="")
    extension_told_on: Mapped[date | None] = mapped_column(Date)  # the deputy was told of the extension
    return_late_reason: Mapped[str] = mapped_column(Text, default="")  # why 退回 is asked after 7 working days
    # 调整分办 / 指定办理: a unit assigned later runs its deadlines from its own date (None: the item's).
    assigned_on: Mapped[date | None] = mapped_column(Date)
    designated: Mapped[bool] = mapped_column(Boolean, default=False)  # 指定办理


class Contact(Base):
    """沟通记录: a contact with the deputy (meeting, call, forum, field research ...)."""

    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    contact_on: Mapped[date] = mapped_column(Date)
    way: Mapped[str] = mapped_column(String(30))  # ContactWay
    participants: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    # 代表参加: the deputy or a co-signer took part (见面率 counts only such contacts; 0010).
    deputy_present: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Reply(Base):
    """答复: the reply letter; ``round`` 1 is the first reply, 2 the reply after re-handling."""

    __tablename__ = "reply"
    __table_args__ = (
        UniqueConstraint("item_id", "round", name="uq_reply_item_round"),
        # Each item's reply dates from the index alone (the case list's 答复日期 column).
        Index("ix_reply_item_replied", "item_id", "replied_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer, default=1)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    doc_number: Mapped[str] = mapped_column(String(100), default="")  # 文号
    signer: Mapped[str] = mapped_column(String(50), default="")  # 签发人
    replied_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(20))  # ResultCategory
    disclosure: Mapped[str] = mapped_column(String(20), default="public")  # Disclosure
    disclosure_reason: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    cc: Mapped[str] = mapped_column(Text, default="")  # 抄送
    body: Mapped[str] = mapped_column(Text, default="")
    finalised: Mapped[bool] = mapped_column(Boolean, default=False)
    # 公开发布记录 (0010): when and where a 此件公开发布 reply was actually published.
    published_on: Mapped[date | None] = mapped_column(Date)
    publication_channel: Mapped[str] = mapped_column(String(100), default="", server_default="")
    publication_address: Mapped[str] = mapped_column(String(300), default="", server_default="")


class Feedback(Base):
    """A co-signer's feedback form (征询意见表), recorded as the deputy gave it."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("reply.id", ondelete="SET NULL"))
    proposer_id: Mapped[int | None] = mapped_column(ForeignKey("proposer.id", ondelete="SET NULL"))
    attitude: Mapped[str | None] = mapped_column(String(30))  # Rating of 办理态度
    outcome: Mapped[str | None] = mapped_column(String(30))  # Rating of 办理结果
    comment: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date | None] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(20))  # FeedbackChannel
    form_reference: Mapped[str] = mapped_column(String(200), default="")  # the deputy's own form
    entered_by: Mapped[str] = mapped_column(String(50), default="")


class Commitment(Base):
    """承诺事项 made in a reply: what, who, by when, and how it ended."""

    __tablename__ = "commitment"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()  # 0013
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("reply.id", ondelete="SET NULL"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    due_term: Mapped[str] = mapped_column(String(50), default="")  # 年底前, 持续推进 ...
    status: Mapped[str] = mapped_column(String(20), default="open")  # CommitmentStatus
    closed_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text, default="")
    carried_reason: Mapped[str] = mapped_column(Text, default="")
    carried_to_year: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # optimistic lock (0006)


class Attachment(Base):
    """A file kept with an item. The bytes live in ``attachment_content`` so that the database
    file alone holds everything (backups, moves) and listings never load them."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(50), default="")


class AttachmentContent(Base):
    __tablename__ = "attachment_content"
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class History(Base):
    """Every change: who, when, field, old → new. ``item_id`` is no foreign key on purpose: the
    history of a deleted item stays readable."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_item_changed", "item_id", "changed_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int | None] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(30))  # item, assignment, reply, contact, ...
    entity_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100))  # the Chinese field label shown to users
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(50), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class SavedView(Base):
    """A named set of case-list filter settings (JSON)."""

    __tablename__ = "saved_view"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    filter_json: Mapped[str] = mapped_column(Text)


class RectificationList(Base):
    """整改清单 answering one set of 审议意见, with the government's report that answers it."""

    __tablename__ = "rectification_list"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    opinion_title: Mapped[str] = mapped_column(String(300), default="")
    opinion_issuer: Mapped[str] = mapped_column(String(100), default="")
    opinion_date: Mapped[date | None] = mapped_column(Date)
    report_doc_number: Mapped[str] = mapped_column(String(100), default="")
    report_title: Mapped[str] = mapped_column(String(300), default="")
    report_date: Mapped[date | None] = mapped_column(Date)
    report_body: Mapped[str] = mapped_column(Text, default="")


class RectificationRow(Base):
    __tablename__ = "rectification_row"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("rectification_list.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    aspect: Mapped[str] = mapped_column(Text, default="")  # 主要方面
    problem: Mapped[str] = mapped_column(Text, default="")  # 重点问题
    suggestion: Mapped[str] = mapped_column(Text, default="")  # 意见建议
    measures: Mapped[str] = mapped_column(Text, default="")  # 整改措施
    units_text: Mapped[str] = mapped_column(Text, default="")  # 责任单位 as printed
    deadline_on: Mapped[date | None] = mapped_column(Date)  # 整改期限 when a real date
    deadline_term: Mapped[str] = mapped_column(String(50), default="")  # 持续推进 / 长期坚持 ...
    status: Mapped[str] = mapped_column(String(20), default="not_started")  # RectificationStatus
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # optimistic lock (0006)


class RectificationRowUnit(Base):
    __tablename__ = "rectification_row_unit"
    row_id: Mapped[int] = mapped_column(
        ForeignKey("rectification_row.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)


class RectificationRowItem(Base):
    __tablename__ = "rectification_row_item"
    row_id: Mapped[int] = mapped_column(
        ForeignKey("rectification_row.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), primary_key=True)


class RectificationProgress(Base):
    """A dated progress note on a rectification row, optionally with evidence."""

    __tablename__ = "rectification_progress"
    id: Mapped[int] = mapped_column(primary_key=True)
    row_id: Mapped[int] = mapped_column(
        ForeignKey("rectification_row.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_name: Mapped[str] = mapped_column(String(255), default="")
    evidence_data: Mapped[bytes | None] = mapped_column(LargeBinary)


class DeadlineRule(Base):
    """期限规则: how one kind of deadline is computed. ``item_kind`` "" applies to every kind of
    item; a row for a specific ``ItemKind`` overrides it (答复 of 政协提案 may be shorter)."""

    __tablename__ = "deadline_rule"
    __table_args__ = (UniqueConstraint("kind", "item_kind", name="uq_deadline_rule_kind_item_kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # DeadlineKind
    item_kind: Mapped[str] = mapped_column(String(20), default="")  # ItemKind or ""
    anchor: Mapped[str] = mapped_column(String(30))  # Anchor
    length: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(20))  # LengthUnit
    roll_forward: Mapped[bool] = mapped_column(Boolean, default=True)  # day off → next working day
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarEntry(Base):
    """A day of the official calendar that is not an ordinary weekday/weekend: a statutory
    holiday or local closure (``holiday``), or a 调休 make-up working day (``makeup``)."""

    __tablename__ = "calendar_day"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # DayKind
    name: Mapped[str] = mapped_column(String(50), default="")


class CalendarYear(Base):
    """A year whose holidays and make-up days the table holds completely."""

    __tablename__ = "calendar_year"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(100), default="")  # chinese-calendar / 国务院通知 …


class ChecklistTemplate(Base):
    """清单模板: a named handling checklist; its content lives in numbered versions."""

    __tablename__ = "checklist_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ChecklistTemplateVersion(Base):
    """One saved version of a template; never changed once written (items point at it)."""

    __tablename__ = "checklist_template_version"
    __table_args__ = (UniqueConstraint("template_id", "number", name="uq_checklist_template_version_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_template.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    saved_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ChecklistTemplateEntry(Base):
    """A phase, step or key point of a template version, in display order (``position``).
    ``key`` is stable across versions; ``condition`` is the applies-to condition as JSON."""

    __tablename__ = "checklist_template_entry"
    __table_args__ = (UniqueConstraint("version_id", "key", name="uq_checklist_template_entry_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_template_version.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    parent_key: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[str] = mapped_column(String(20))  # EntryLevel
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    condition: Mapped[str] = mapped_column(Text, default="")  # Condition as JSON, "" = always
    due_length: Mapped[int | None] = mapped_column(Integer)
    due_unit: Mapped[str] = mapped_column(String(20), default="days")  # LengthUnit
    due_anchor: Mapped[str] = mapped_column(String(30), default="assigned_on")  # Anchor
    gate: Mapped[str] = mapped_column(String(30), default="")  # GateAction or ""


class ItemChecklist(Base):
    """An item's checklist: the template version it was made from and its entries with the item's
    state, packed into ``entries`` (domain/checklist_state.py; 0010: one value per item instead of
    a row per entry). ``dated`` repeats the entries with a due offset for the deadlines, and
    ``done_count``, ``total`` and ``next_step`` the progress the list shows; every write of
    ``entries`` writes them too (services/checklist.py)."""

    __tablename__ = "item_checklist"
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_template_version.id", ondelete="RESTRICT"), index=True
    )
    entries: Mapped[str] = mapped_column(Text, default="", server_default="")
    dated: Mapped[str] = mapped_column(Text, default="", server_default="")
    done_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_step: Mapped[str] = mapped_column(String(200), default="", server_default="")


class ChecklistTick(Base):
    """Every tick and untick of an item's checklist entry: who, when, note, evidence. ``entry_id``
    is the entry's id within the packed checklist (``checklist_state.entry_id``). Evidence ids
    are plain integers so that the record stays when the contact or attachment goes. An entry
    done without any record was ticked when the item was registered (0010)."""

    __tablename__ = "checklist_tick"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    ticked: Mapped[bool] = mapped_column(Boolean)
    ticked_at: Mapped[datetime] = mapped_column(DateTime)
    ticked_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(Integer)
    attachment_id: Mapped[int | None] = mapped_column(Integer)


class ReviewCampaign(Base):
    """回头看: the annual review of one year's items (one campaign per year)."""

    __tablename__ = "review_campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default="open")  # CampaignState
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class ReviewEntry(Base):
    """One thing to look at again in a campaign: an item (by category) or an open commitment.
    ``key`` ("solved:12", "commitment:5") keeps a rebuild from adding it twice; ``subject`` keeps
    the commitment's text should the commitment go."""

    __tablename__ = "review_entry"
    __table_args__ = (UniqueConstraint("campaign_id", "key", name="uq_review_entry_campaign_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("review_campaign.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitment.id", ondelete="SET NULL"))
    key: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(20))  # ReviewCategory
    subject: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # why it entered the list
    added_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(20))  # ReviewOutcome
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(50), default="")
    tell_deputy: Mapped[bool] = mapped_column(Boolean, default=False)  # situation changed: tell the deputy
    told_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # optimistic lock (0006)


class ExchangeIdentity(Base):
    """This copy's public key for exchange packages (one row). The private key is a file beside
    the database (services.exchange_keys says why)."""

    __tablename__ = "exchange_identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 public key, hex
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ExchangeTrust(Base):
    """A key this copy accepts packages from: the office's (at a unit) or a unit's (``role``
    office/unit, ``name`` the unit's name)."""

    __tablename__ = "exchange_trust"
    __table_args__ = (UniqueConstraint("role", "name", name="uq_exchange_trust_role_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(50), default="", server_default="")


class ExchangePackage(Base):
    """A package written (``direction`` sent) or applied (received), numbered per sender and
    addressee; ``summary`` is what it held, as JSON (the 报送情况 view reads it)."""

    __tablename__ = "exchange_package"
    __table_args__ = (UniqueConstraint("direction", "peer_role", "peer_name", "sequence",
                                       name="uq_exchange_package_sequence"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # sent / received
    peer_role: Mapped[str] = mapped_column(String(10))  # office / unit
    peer_name: Mapped[str] = mapped_column(String(100))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # PackageKind
    created_at: Mapped[datetime] = mapped_column(DateTime)
    handled_at: Mapped[datetime] = mapped_column(DateTime)
    handled_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
    file_name: Mapped[str] = mapped_column(String(255), default="", server_default="")
    sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    items: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")


class ExchangeBase(Base):
    """The values of a record's fields owned by ``peer`` as last received from it: a field changed
    here since then and changed again by the peer is a conflict."""

    __tablename__ = "exchange_base"
    peer: Mapped[str] = mapped_column(String(120), primary_key=True)  # "unit:区交通委" / "office:…"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    fields: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON


class ExchangeSent(Base):
    """The digest of an item's part of the last package sent to ``peer``: unchanged items are not
    sent again."""

    __tablename__ = "exchange_sent"
    peer: Mapped[str] = mapped_column(String(120), primary_key=True)
    item_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))


class ItemLink(Base):
    """A pair of items judged by a user: ``same`` (同一问题) or ``dismissed`` (a suggested
    similar item that is not the same problem; 0014). Kept once per pair, ``item_id`` < ``other_item_id``."""

    __tablename__ = "item_link"
    __table_args__ = (
        UniqueConstraint("item_id", "other_item_id", name="uq_item_link_pair"),
        Index("ix_item_link_other_item_id", "other_item_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    other_item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # LinkKind
    created_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(DateTime)
