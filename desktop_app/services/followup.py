"""Follow-through after the reply (services layer): co-signers' feedback, re-handling after
不满意, the second reply, and 承诺事项 (add, close with evidence, carry over at year end).

Every write here touches the item row, so its optimistic-lock version moves: an editor window that
loaded the item before will not silently drop the second reply or the new status when it saves.
The second reply's due date is not stored: services.deadlines computes it from the 重新办理答复 rule
(1 month from the first 不满意 feedback by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.enums import (
    CommitmentStatus,
    FeedbackChannel,
    ItemStatus,
    ProposerRole,
    Rating,
    ResultCategory,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.followup import carry_over_problem, feedback_warnings
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import Changes
from desktop_app.services.fields import member_or_none
from desktop_app.services.lookup import check_and_bump, get_or_raise
from desktop_app.services.merged import follow_lead, group_ids
from desktop_app.storage.tables import (
    Commitment,
    Feedback,
    History,
    Item,
    ItemProposer,
    Proposer,
    Reply,
    Session,
    Unit,
)


@dataclass(frozen=True)
class FeedbackEntry:
    """A feedback form as the deputy gave it; ``entered_by`` is filled by the service."""

    item_id: int
    proposer_id: int | None
    attitude: Rating | None
    outcome: Rating | None
    received_on: date | None
    channel: FeedbackChannel | None
    comment: str = ""
    form_reference: str = ""


@dataclass(frozen=True)
class FeedbackInfo:
    id: int
    proposer_name: str
    attitude: Rating | None
    outcome: Rating | None
    received_on: date | None
    channel: FeedbackChannel | None
    comment: str
    form_reference: str
    entered_by: str
    reply_round: int | None


@dataclass(frozen=True)
class FeedbackResult:
    changes: Changes
    warnings: tuple[str, ...] = ()
    second_reply_due: date | None = None  # set when this form opened re-handling


@dataclass(frozen=True)
class CommitmentInfo:
    id: int
    item_id: int
    description: str
    due_on: date | None
    due_term: str
    status: CommitmentStatus
    unit_name: str = ""
    closed_on: date | None = None
    evidence: str = ""
    carried_reason: str = ""
    carried_to_year: int | None = None
    version: int = 1  # as read: the optimistic lock


@dataclass(frozen=True)
class CarryOverCandidate:
    """An open commitment at year end and the item it was promised in."""

    commitment: CommitmentInfo
    session_name: str
    item_number: str
    item_title: str


class FollowupService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- feedback ------------------------------------------------------------------------

    def cosigners(self, item_id: int) -> list[tuple[int, str]]:
        """(proposer id, name) of the item's proposers, lead first: each gives their own form. For
        a 并案, every proposer of every proposal of the group (they all got the reply)."""
        with self.ctx.db.read() as s:
            out: dict[int, str] = {}
            for member_id in group_ids(s, item_id):
                for pid, name, _role in s.execute(
                    select(Proposer.id, Proposer.name, ItemProposer.role)
                    .join(ItemProposer, ItemProposer.proposer_id == Proposer.id)
                    .where(ItemProposer.item_id == member_id)
                    .order_by(ItemProposer.role != ProposerRole.LEAD.value, ItemProposer.position)
                ).all():
                    out.setdefault(pid, name)
            return list(out.items())

    def feedback(self, item_id: int) -> list[FeedbackInfo]:
        """The forms received; for a 并案, the group's (kept with the lead proposal's reply)."""
        with self.ctx.db.read() as s:
            group = group_ids(s, item_id)
            names = dict(s.execute(select(Proposer.id, Proposer.name)
                                   .join(ItemProposer, ItemProposer.proposer_id == Proposer.id)
                                   .where(ItemProposer.item_id.in_(group))).all())
            rounds = dict(s.execute(select(Reply.id, Reply.round).where(Reply.item_id == group[0])).all())
            rows = s.scalars(select(Feedback).where(Feedback.item_id == group[0])
                             .order_by(Feedback.received_on, Feedback.id))
            return [
                FeedbackInfo(r.id, names.get(r.proposer_id, ""), member_or_none(Rating, r.attitude), member_or_none(Rating, r.outcome),
                             r.received_on, member_or_none(FeedbackChannel, r.channel), r.comment, r.form_reference,
                             r.entered_by, rounds.get(r.reply_id))
                for r in rows
            ]

    def record_feedback(self, entry: FeedbackEntry) -> FeedbackResult:
        """Keep one co-signer's form. 不满意 on 办理结果 opens re-handling (status 重新办理); the
        warnings (e.g. no reference to the deputy's own form) do not stop the save."""
        problems = []
        if entry.attitude is None and entry.outcome is None:
            problems.append("请至少选择一项评价（办理态度或办理结果）。")
        if entry.received_on is None:
            problems.append("请填写收到反馈的日期。")
        elif entry.received_on > self.ctx.today():
            problems.append(f"反馈日期 {entry.received_on.isoformat()} 在今天之后，请检查日期。")
        if entry.channel is None:
            problems.append("请选择反馈方式（网上、纸质或面谈）。")
        if problems:
            raise ValidationError(problems)
        now, user = self.ctx.now(), self.ctx.user_name()
        warnings = list(feedback_warnings(entry.attitude, entry.outcome, entry.form_reference))
        with self.ctx.db.write() as s:
            # 并案: the feedback answers the group's one reply, kept with the lead proposal.
            item = _item(s, group_ids(s, entry.item_id)[0])
            lead_id = item.id
            # Feedback answers the latest reply actually sent (定稿); a draft was never sent.
            reply = s.scalars(select(Reply).where(Reply.item_id == item.id, Reply.replied_on.is_not(None),
                                                  Reply.finalised.is_(True))
                              .order_by(Reply.round.desc())).first()
            if reply is None:
                raise ValidationError("此件还没有已定稿的答复，收到答复后代表才能反馈。请先在“答复”页定稿答复。")
            if entry.received_on < reply.replied_on:
                raise ValidationError(
                    f"反馈日期 {entry.received_on.isoformat()} 早于第 {reply.round} 次答复日期 "
                    f"{reply.replied_on.isoformat()}，请检查日期。")
            _check_forms_of_round(s, item.id, reply, entry.proposer_id)
            s.add(Feedback(
                item_id=item.id, reply_id=reply.id, proposer_id=entry.proposer_id,
                attitude=_code(entry.attitude), outcome=_code(entry.outcome), comment=entry.comment.strip(),
                received_on=entry.received_on, channel=_code(entry.channel),
                form_reference=entry.form_reference.strip(), entered_by=user,
            ))
            ratings = f"办理态度 {_label(entry.attitude)}，办理结果 {_label(entry.outcome)}"
            _history(s, item.id, "feedback", "征询意见反馈", "", ratings, user, now)
            # Each 不满意 opens a new round (domain.md §4); its reply is the next round's.
            rehandle = entry.outcome is Rating.DISSATISFIED and item.status != ItemStatus.REHANDLING.value
            if rehandle:
                _set_status(s, item, ItemStatus.REHANDLING, user, now,
                            f"代表对第 {reply.round} 次答复的办理结果不满意，重新办理")
                if reply.round + 1 >= SUPERVISED_ROUND:
                    warnings.append(_supervise(s, item, reply.round + 1, user, now))
            elif item.status == ItemStatus.REPLIED.value:
                _set_status(s, item, ItemStatus.FEEDBACK, user, now, "收到代表反馈")
            _touch(item, now)
        due = self._next_reply_due(lead_id) if rehandle else None
        return FeedbackResult(Changes.of("item", item_ids={entry.item_id, lead_id}), tuple(warnings), due)

    def _next_reply_due(self, item_id: int) -> date | None:
        """The due date of the reply the latest 不满意 calls for (the latest round opened)."""
        rows = DeadlineService(self.ctx).item_deadlines(item_id)
        return max((r.due_on for r in rows if r.kind is DeadlineKind.SECOND_REPLY), default=None)

    def record_second_reply(self, item_id: int, replied_on: date, result: ResultCategory, body: str = "",
                            doc_number: str = "", commitments=()) -> Changes:
        """The reply after re-handling, recorded as sent (定稿) as the next round, beside every
        earlier one: nothing of an earlier round is overwritten. ``commitments`` are
        ``(description, due_on, due_term)`` made in this reply: 正在解决 / 计划解决 need at least one."""
        if replied_on > self.ctx.today():
            raise ValidationError(f"答复日期 {replied_on.isoformat()} 在今天之后，请检查日期。")
        if result.needs_commitment and not commitments:
            raise ValidationError(
                f"办理结果为“{result.label}”的答复须至少登记一项承诺事项（做什么、何时完成；持续推进的事项写下次检查日期），"
                "请在答复里写明并登记后再保存。")
        checked = _checked_commitments(commitments)
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            item = _item(s, item_id)
            if item.status != ItemStatus.REHANDLING.value:
                raise ValidationError("只有“重新办理”状态的建议提案才登记重新办理后的答复。请先录入代表的不满意反馈。")
            last = s.scalars(select(Reply).where(Reply.item_id == item_id).order_by(Reply.round.desc())).first()
            if last is not None and last.replied_on and replied_on < last.replied_on:
                raise ValidationError(
                    f"此次答复日期早于第 {last.round} 次答复日期 {last.replied_on.isoformat()}，请检查。")
            round_ = (last.round if last else 0) + 1
            row = Reply(item_id=item_id, round=round_, unit_id=last.unit_id if last else None,
                        contact_person=last.contact_person if last else "",
                        contact_phone=last.contact_phone if last else "", cc=last.cc if last else "",
                        disclosure=last.disclosure if last else "public",
                        disclosure_reason=last.disclosure_reason if last else "",
                        replied_on=replied_on, result=result.value, body=body, doc_number=doc_number,
                        finalised=True)
            s.add(row)
            s.flush()
            _add_commitment_rows(s, item_id, row, checked, None, user, now)
            item.result = result.value
            _history(s, item_id, "reply", f"第{round_}次答复", "", f"{replied_on.isoformat()} {result.label}", user, now)
            _set_status(s, item, ItemStatus.REPLIED, user, now, "重新办理后再次答复")
            _touch(item, now)
        return Changes.of("item", item_ids=[item_id])

    # ---- commitments -----------------------------------------------------------------------

    def commitments(self, item_id: int | None = None, *, only_open: bool = False) -> list[CommitmentInfo]:
        with self.ctx.db.read() as s:
            query = select(Commitment).order_by(Commitment.due_on, Commitment.id)
            if item_id is not None:
                query = query.where(Commitment.item_id == item_id)
            if only_open:
                query = query.where(Commitment.status != CommitmentStatus.DONE.value)
            names = dict(s.execute(select(Unit.id, Unit.name)).all())
            return [_info(r, names) for r in s.scalars(query)]

    def add_commitment(self, item_id: int, description: str, due_on: date | None, due_term: str = "",
                       unit_id: int | None = None) -> tuple[Changes, int]:
        changes, (row_id,) = self.add_commitments(item_id, [(description, due_on, due_term)], unit_id)
        return changes, row_id

    def add_commitments(self, item_id: int, commitments, unit_id: int | None = None) -> tuple[Changes, list[int]]:
        """Add ``(description, due_on, due_term)`` commitments to an item, all or none (one
        transaction); returns their ids in order."""
        checked = _checked_commitments(commitments)
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            item = _item(s, item_id)
            reply = s.scalars(select(Reply).where(Reply.item_id == item_id).order_by(Reply.round.desc())).first()
            ids = _add_commitment_rows(s, item_id, reply, checked, unit_id, user, now)
            _touch(item, now)
            return Changes.of("item", item_ids=[item_id]), ids

    def close_commitment(self, commitment_id: int, closed_on: date, evidence: str,
                         version: int | None = None) -> Changes:
        """Mark a commitment 已落实 with what proves it (the 落实告知函 is printed from it);
        ``version``: the commitment's as read."""
        if not (evidence or "").strip():
            raise ValidationError("请写明落实情况或佐证材料（例如 完工验收单、文件名称），再标为已落实。")
        if closed_on > self.ctx.today():
            raise ValidationError(f"落实日期 {closed_on.isoformat()} 在今天之后，请检查日期。")
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            row = _commitment(s, commitment_id)
            check_and_bump(row, version, "承诺事项")
            if row.status == CommitmentStatus.DONE.value:
                raise ValidationError("该承诺事项已标为已落实。")
            row.status, row.closed_on, row.evidence = CommitmentStatus.DONE.value, closed_on, evidence.strip()
            _history(s, row.item_id, "commitment", "承诺事项落实", "未落实",
                     f"{closed_on.isoformat()} 已落实：{evidence.strip()}", user, now)
            _touch(s.get(Item, row.item_id), now)
            return Changes.of("item", item_ids=[row.item_id])

    def open_at_year_end(self, year: int) -> list[CommitmentInfo]:
        """Commitments still not done whose promised date falls in ``year`` or earlier (or that
        have no date): the candidates for carrying into next year's tracking."""
        end = date(year, 12, 31)
        return [c for c in self.commitments(only_open=True)
                if c.status is CommitmentStatus.OPEN and (c.due_on is None or c.due_on <= end)]

    def carry_over(self, commitment_id: int, year: int, reason: str, version: int | None = None) -> Changes:
        """Carry an open commitment from ``year`` into the next year's tracking, with the reason."""
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            row = _commitment(s, commitment_id)
            check_and_bump(row, version, "承诺事项")
            problem = carry_over_problem(CommitmentStatus(row.status), reason)
            if problem:
                raise ValidationError(problem)
            _carry(s, row, year, reason, user, now)
            return Changes.of("item", item_ids=[row.item_id])

    def year_end_candidates(self, year: int) -> list[CarryOverCandidate]:
        """``open_at_year_end(year)`` with the item each commitment belongs to, for the year-end list."""
        with self.ctx.db.read() as s:
            names = dict(s.execute(select(Unit.id, Unit.name)).all())
            rows = s.execute(
                select(Commitment, Session.name, Item.number, Item.title)
                .join(Item, Item.id == Commitment.item_id).join(Session, Session.id == Item.session_id)
                .where(Commitment.status == CommitmentStatus.OPEN.value)
                .where((Commitment.due_on.is_(None)) | (Commitment.due_on <= date(year, 12, 31)))
                .order_by(Commitment.due_on.is_(None), Commitment.due_on, Session.name, Item.number, Commitment.id)
            ).all()
            return [CarryOverCandidate(_info(c, names), session, number, title) for c, session, number, title in rows]

    def carry_over_many(self, year: int, reasons: dict[int, str]) -> Changes:
        """Carry several commitments (id → reason) from ``year`` into the next year in ONE transaction:
        every problem is reported and nothing is written unless all can be carried."""
        if not reasons:
            raise ValidationError("没有选中要结转的承诺事项。")
        now, user = self.ctx.now(), self.ctx.user_name()
        with self.ctx.db.write() as s:
            rows = {r.id: r for r in s.scalars(select(Commitment).where(Commitment.id.in_(list(reasons))))}
            problems = []
            for cid, reason in reasons.items():
                row = rows.get(cid)
                if row is None:
                    problems.append(f"承诺事项 {cid} 已被删除，请关闭窗口后重新打开。")
                    continue
                status = CommitmentStatus(row.status)
                problem = carry_over_problem(status, reason)
                if status is CommitmentStatus.CARRIED:
                    problem = f"“{row.description}”已结转 {row.carried_to_year} 年，不必再结转。"
                elif problem is None and row.due_on is not None and row.due_on.year > year:
                    problem = (f"“{row.description}”承诺 {row.due_on.isoformat()} 完成，不在 {year} 年底前，"
                               "不需要结转；请取消勾选。")
                if problem:
                    problems.append(problem if row.description in problem else f"“{row.description}”：{problem}")
            if problems:
                raise ValidationError(problems)
            for cid, reason in reasons.items():
                _carry(s, rows[cid], year, reason, user, now)
            return Changes.of("item", item_ids={r.item_id for r in rows.values()})


# ---- helpers ----------------------------------------------------------------------------------

#: The round from which re-handling is flagged to the office for 督办 (a second 不满意).
SUPERVISED_ROUND = 3


def _checked_commitments(commitments) -> list[tuple[str, date, str]]:
    checked = []
    for description, due_on, due_term in commitments:
        text = (description or "").strip()
        if not text:
            raise ValidationError("请写明承诺事项的内容（做什么）。")
        if due_on is None:
            # Undated commitments never reach the dashboard or the year-end list's date checks.
            term = f"“{due_term.strip()}”没有具体日期" if due_term.strip() else "没有完成日期"
            raise ValidationError(f"承诺期限{term}。请填写完成日期；持续推进的事项请填写下次检查的日期。")
        checked.append((text, due_on, (due_term or "").strip()))
    return checked


def _add_commitment_rows(s, item_id: int, reply: Reply | None, checked, unit_id: int | None, user: str,
                         now) -> list[int]:
    """The checked commitments as rows of ``reply`` (the unit: ``unit_id``, else the reply's), each
    in history; returns their ids in order."""
    ids = []
    for text, due_on, due_term in checked:
        row = Commitment(item_id=item_id, reply_id=reply.id if reply else None,
                         unit_id=unit_id if unit_id is not None else (reply.unit_id if reply else None),
                         description=text, due_on=due_on, due_term=due_term, status=CommitmentStatus.OPEN.value)
        s.add(row)
        s.flush()
        _history(s, item_id, "commitment", "承诺事项", "", f"{text}（{due_on.isoformat()}）", user, now)
        ids.append(row.id)
    return ids


def _check_forms_of_round(s, item_id: int, reply: Reply, proposer_id: int | None) -> None:
    """No more forms per round than proposers, and one per proposer (domain.md §4)."""
    proposers = s.scalar(select(func.count(func.distinct(ItemProposer.proposer_id)))
                         .where(ItemProposer.item_id.in_(group_ids(s, item_id))))
    given = s.execute(select(Feedback.proposer_id).where(Feedback.reply_id == reply.id)).scalars().all()
    if len(given) >= max(proposers, 1):
        raise ValidationError(
            f"第 {reply.round} 次答复已收到 {len(given)} 份征询意见表，与提出人人数（{proposers} 人）相同，"
            "不能再录入。如需更正，请联系管理员删除错误的一份；重新办理后的反馈请在登记新的答复后录入。")
    if proposer_id is not None and proposer_id in given:
        raise ValidationError(f"这位代表对第 {reply.round} 次答复的征询意见表已经录入过，每人每轮只填一份。")


def _supervise(s, item: Item, round_: int, user: str, now) -> str:
    """A third round (or later) is flagged to the office: the item becomes 重点督办件."""
    if not item.is_key:
        item.is_key = True
        _history(s, item.id, "item", "重点督办", "否", "是", user, now,
                 reason=f"第 {round_} 轮办理：代表再次不满意，报区政府办公室督办")
    return (f"代表再次不满意，此件进入第 {round_} 轮办理，已列为重点督办件。"
            "请报区政府办公室督办，并在期限内再次答复。")

def _item(s, item_id: int) -> Item:
    return get_or_raise(s, Item, item_id, "该建议（提案）已被删除，请刷新列表。")


def _commitment(s, commitment_id: int) -> Commitment:
    return get_or_raise(s, Commitment, commitment_id, "该承诺事项已被删除，请重新打开此件。")


def _carry(s, row: Commitment, year: int, reason: str, user: str, now) -> None:
    row.status, row.carried_reason, row.carried_to_year = CommitmentStatus.CARRIED.value, reason.strip(), year + 1
    _history(s, row.item_id, "commitment", "承诺事项结转", "未落实", f"结转 {year + 1} 年：{row.description}", user, now,
             reason=reason.strip())
    _touch(s.get(Item, row.item_id), now)


def _touch(item: Item, now) -> None:
    item.updated_at = now
    flag_modified(item, "updated_at")  # bumps the version: an open editor must reload first


def _set_status(s, item: Item, status: ItemStatus, user: str, now, reason: str) -> None:
    if item.status == status.value:
        return
    old = _label(member_or_none(ItemStatus, item.status))
    item.status = status.value
    _history(s, item.id, "item", "状态", old, status.label, user, now, reason=reason)
    follow_lead(s, item, user, now)


def _history(s, item_id, entity, field, old, new, user, now, reason: str = "") -> None:
    s.add(History(item_id=item_id, entity=entity, entity_id=None, field=field, old_value=old, new_value=new,
                  changed_by=user, changed_at=now, reason=reason))


def _info(r: Commitment, names: dict) -> CommitmentInfo:
    return CommitmentInfo(r.id, r.item_id, r.description, r.due_on, r.due_term,
                          member_or_none(CommitmentStatus, r.status) or CommitmentStatus.OPEN, names.get(r.unit_id, ""),
                          r.closed_on, r.evidence, r.carried_reason, r.carried_to_year, r.version or 1)




def _code(member) -> str | None:
    return member.value if member is not None else None


def _label(member) -> str:
    return member.label if member is not None else "（未评）"
