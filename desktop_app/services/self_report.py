"""A unit's 自查报告 from the database (services layer): the unit's figures for a period under the
definitions of ``domain.statistics``, its items (those it leads, assigned in the period) with
their results, and the commitments made in their replies; printed by ``documents.self_report``.

The figures are as of the period's last day (today when the period runs on). 涉密 items are
counted, never listed (domain.md §4).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop_app.domain.enums import CommitmentStatus, ItemKind, ProposerRole, ResultCategory
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.statistics import assigned, figures, final_rating, make_period
from desktop_app.services.context import ServiceContext
from desktop_app.services.fields import member_or_none
from desktop_app.services.letter_settings import issuer_named, letter_settings
from desktop_app.services.statistics import read_report
from desktop_app.storage.tables import Commitment, Item, ItemProposer, Proposer, Session, Unit


class SelfReportService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def units(self) -> list[str]:
        """The units a report can be written for, active first."""
        with self.ctx.db.read() as s:
            return list(s.scalars(select(Unit.name).order_by(Unit.active.desc(), Unit.sort_order, Unit.name)))

    def print_data(self, unit: str, start: date, end: date, text: str = ""):
        """``(SelfReportData, fonts)`` of ``unit``'s report on the items assigned from ``start`` to
        ``end``; ValidationError (in Chinese, saying what to fix) for an unknown unit or dates the
        wrong way round."""
        from desktop_app.documents.self_report import SelfReportCommitment, SelfReportData, SelfReportItem

        name = (unit or "").strip()
        if start > end:
            raise ValidationError(f"起始日期 {start.isoformat()} 晚于截止日期 {end.isoformat()}，请把两个日期对调。")
        today = self.ctx.today()
        as_of = min(end, today)
        settings = letter_settings(self.ctx)
        with self.ctx.db.read() as s:
            if s.scalar(select(Unit.id).where(Unit.name == name)) is None:
                raise ValidationError(f"单位名录中没有“{name}”。请写单位全称，与 设置 → 单位名录 中的一致。")
            issuer = issuer_named(s, name, settings)
            period = make_period(start, end)
            report, items = read_report(s, as_of, today, period)  # as 办理统计 counts them
            rule = report.rating_rule
            ours = [i for i in items if name in i.units and assigned(i, as_of) and period.holds(i)]
            ids = [i.id for i in ours]
            rows = {r.id: r for r in s.execute(
                select(Item.id, Item.number, Item.title, Item.kind, Item.is_secret, Session.name.label("session"))
                .join(Session, Session.id == Item.session_id).where(Item.id.in_(ids)))} if ids else {}
            leads = dict(s.execute(
                select(ItemProposer.item_id, Proposer.name).join(Proposer, Proposer.id == ItemProposer.proposer_id)
                .where(ItemProposer.role == ProposerRole.LEAD.value, ItemProposer.item_id.in_(ids))).all()) if ids else {}
            promised = s.execute(
                select(Commitment.item_id, Commitment.description, Commitment.due_on, Commitment.due_term,
                       Commitment.status, Commitment.closed_on)
                .where(Commitment.item_id.in_(ids)).order_by(Commitment.due_on, Commitment.id)).all() if ids else []
        figures_of = report.groups.get(("unit", name)) or figures([], as_of, rule, [])
        listed, secret = [], 0
        numbers = {}
        for item in sorted(ours, key=lambda i: (rows[i.id].session, rows[i.id].number)):
            row = rows[item.id]
            if row.is_secret or item.is_secret:
                secret += 1
                continue
            numbers[item.id] = f"{row.session}第{row.number}号"
            replies = [r for r in item.replies if r.replied_on is not None and r.replied_on <= as_of]
            first = min((r.replied_on for r in replies if r.round == 1), default=None)
            latest = max(replies, key=lambda r: r.round) if replies else None
            rating = final_rating(item, as_of, rule)
            kind = member_or_none(ItemKind, row.kind) or ItemKind.SUGGESTION
            result = latest.result.label if latest is not None and isinstance(latest.result, ResultCategory) else ""
            listed.append(SelfReportItem(numbers[item.id], row.title, kind.label, leads.get(item.id, ""), first,
                                         result, rating.label if rating else ""))
        commitments = []
        for item_id, description, due_on, due_term, status, closed_on in promised:
            if item_id not in numbers:
                continue  # a 涉密 item's commitments are not listed either
            done = status == CommitmentStatus.DONE.value and (closed_on is None or closed_on <= as_of)
            commitments.append(SelfReportCommitment(
                numbers[item_id], description, due_on, due_term or "", (closed_on or as_of) if done else None,
                status == CommitmentStatus.CARRIED.value))
        signed = issuer.signed if issuer is not None else name
        data = SelfReportData(name, signed, start, end, as_of, figures_of, tuple(listed), secret, tuple(commitments),
                              text.strip(), today)
        return data, dict(settings.fonts)
