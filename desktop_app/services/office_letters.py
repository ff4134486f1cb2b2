"""The 区政府办公室's letters to the handling units (services layer): the 督办通知 (a unit's items
overdue or at risk, with their due dates and what is missing) and the 交办通知 (a unit's newly
assigned items with their due dates), as ``SimpleLetterData`` for the documents engine, printed
under the office's letterhead. Only our unit being the office prints them; 涉密 items are counted
but never listed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop_app.documents.model import SimpleLetterData, chinese_date
from desktop_app.domain.deadlines import Bucket, DeadlineKind
from desktop_app.domain.enums import ItemKind, UnitRole
from desktop_app.domain.errors import DomainError, NotFoundError
from desktop_app.domain.wording import proposers_of, words
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.exchange import ExchangeService
from desktop_app.services.letters import LetterService
from desktop_app.services.lookup import is_office, our_unit_id
from desktop_app.storage.tables import Assignment, Item, Session, Unit

#: What a 督办通知 chases: deadlines the unit itself must meet (its own checklist steps are its business).
SUPERVISED = (DeadlineKind.RETURN, DeadlineKind.OPINION, DeadlineKind.REPLY, DeadlineKind.EXTENSION_CAP,
              DeadlineKind.SECOND_REPLY, DeadlineKind.PUBLICATION, DeadlineKind.COMMITMENT)
AT_RISK = (Bucket.OVERDUE, Bucket.SOON, Bucket.WEEK)
WHAT_IS_DUE = {
    DeadlineKind.RETURN: "退回申请期限",
    DeadlineKind.OPINION: "会办意见应送主办单位",
    DeadlineKind.REPLY: "应答复代表委员",
    DeadlineKind.EXTENSION_CAP: "延期后应答复",
    DeadlineKind.SECOND_REPLY: "重新办理应再次答复",
    DeadlineKind.PUBLICATION: "答复应公开",
    DeadlineKind.COMMITMENT: "承诺事项应落实",
}


def _noun(kind: ItemKind) -> str:
    return words(kind).noun


def _what_is_due(row) -> str:
    if row.kind is DeadlineKind.REPLY:
        return f"应答复{words(row.item_kind).proposer_label}"
    return WHAT_IS_DUE[row.kind]


def _days(left: int) -> str:
    if left < 0:
        return f"已超期{-left}天"
    return "今天到期" if left == 0 else f"还有{left}天到期"


class OfficeLetterService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.letters = LetterService(ctx)

    def _office(self):
        """Our unit, when it is the office; refused otherwise."""
        with self.ctx.db.read() as s:
            unit = s.get(Unit, our_unit_id(s)) if our_unit_id(s) is not None else None
            name = unit.name if unit else ""
            unit_id = unit.id if unit else None
        if not is_office(name):
            raise DomainError("督办通知和交办通知由区政府办公室发给承办单位：请在 设置 中把“我的单位”设为区政府办公室"
                              f"（现在是“{name or '未设置'}”）。")
        return self.letters.issuer(unit_id, name)

    def recipients(self) -> list[str]:
        """The units the office writes to: every active unit but the office itself, in the
        units list's order. Refused, saying why, unless our unit is the office."""
        office = self._office()
        with self.ctx.db.read() as s:
            names = s.execute(select(Unit.name).where(Unit.active.is_(True)).order_by(Unit.sort_order, Unit.id))
            return [name for name in names.scalars() if name != office.name]

    def _report_overdue(self, unit_name: str) -> str:
        """催报: the paragraph asking for the unit's 报送包 when one is overdue ("" otherwise)."""
        row = next((r for r in ExchangeService(self.ctx).unit_reports() if r.unit == unit_name), None)
        if row is None or not row.overdue:
            return ""
        since = f"（第 {row.sent_sequence} 号交办包已于{chinese_date(row.sent_at.date())}发出）" if row.sent_at else ""
        return (f"贵单位尚未报送办理情况数据包{since}。请尽快导出报送包（文件 → 数据交换：导出数据包，收件方选区政府办公室）"
                "报区政府办公室。")

    def find_unit(self, text: str) -> tuple[int, str]:
        """A unit by its name or id (the command line's UNIT)."""
        text = str(text).strip()
        with self.ctx.db.read() as s:
            unit = s.get(Unit, int(text)) if text.isdigit() else s.execute(
                select(Unit).where(Unit.name == text)).scalar()
            if unit is None:
                known = "、".join(s.execute(select(Unit.name).order_by(Unit.sort_order)).scalars())
                raise NotFoundError(f"单位名录中没有“{text}”。请写单位全称或编号，现有：{known or '（无）'}")
            return unit.id, unit.name

    def _secret(self, item_ids) -> set[int]:
        with self.ctx.db.read() as s:
            return set(s.execute(select(Item.id).where(Item.id.in_(list(item_ids)), Item.is_secret.is_(True)))
                       .scalars())

    # ---- 督办通知 ------------------------------------------------------------------------------

    def supervision_notice(self, unit: str, as_of: date | None = None) -> SimpleLetterData:
        """督办通知 to ``unit``: its deadlines overdue or due within the second threshold (7 days)."""
        office = self._office()
        unit_id, unit_name = self.find_unit(unit)
        as_of = as_of or self.ctx.today()
        rows = [r for r in DeadlineService(self.ctx).open_deadlines(as_of, unit_id)
                if r.kind in SUPERVISED and r.bucket in AT_RISK]
        secret = self._secret({r.item_id for r in rows})
        listed = [r for r in rows if r.item_id not in secret]
        chase = self._report_overdue(unit_name)
        if not rows and not chase:
            raise DomainError(f"截至{chinese_date(as_of)}，{unit_name}没有已超期或7天内到期的办理事项，不需要督办。")
        if not rows:
            return SimpleLetterData(
                title="关于催报建议提案办理情况的通知", recipient=unit_name,
                paragraphs=(chase, "特此通知。"),
                unit_name=office.signed, dated=as_of, doc_number=office.doc_number(as_of.year), issuer=office,
            )
        overdue = sum(1 for r in rows if r.days_left < 0)
        first = (f"截至{chinese_date(as_of)}，贵单位承办的建议提案中，有{len(rows)}项办理事项已超过期限或即将到期"
                 f"（其中已超期{overdue}项）。请高度重视，逐项抓紧办理，按期答复{proposers_of(r.item_kind for r in rows)}；确有困难需要延期的，"
                 "请按规定及时报送延期报告。具体事项如下：")
        items = [f"{n}．{r.session_name}第{r.number}号{_noun(r.item_kind)}《{r.title}》：{_what_is_due(r)}，"
                 f"期限{chinese_date(r.due_on)}，{_days(r.days_left)}。" for n, r in enumerate(listed, start=1)]
        if secret:
            items.append(f"另有涉密件{len(rows) - len(listed)}项，请按保密规定另行核对。")
        return SimpleLetterData(
            title="关于督促办理建议提案有关事项的通知", recipient=unit_name,
            paragraphs=(first, *items, *((chase,) if chase else ()),
                        "请于收到本通知后3个工作日内将办理进展报区政府办公室。", "特此通知。"),
            unit_name=office.signed, dated=as_of, doc_number=office.doc_number(as_of.year), issuer=office,
        )

    # ---- 交办通知 ------------------------------------------------------------------------------

    def assignment_notice(self, unit: str, since: date | None = None) -> SimpleLetterData:
        """交办通知 to ``unit``: its items assigned on or after ``since`` (by default the latest
        交办日期 among its items), each with its role and due date."""
        office = self._office()
        unit_id, unit_name = self.find_unit(unit)
        with self.ctx.db.read() as s:
            query = (select(Item.id, Item.kind, Session.name, Item.number, Item.title, Item.assigned_on,
                            Assignment.role, Item.is_secret)
                     .join(Assignment, Assignment.item_id == Item.id).join(Session, Session.id == Item.session_id)
                     .where(Assignment.unit_id == unit_id, Item.assigned_on.is_not(None)))
            found = s.execute(query).all()
        if not found:
            raise DomainError(f"{unit_name}还没有登记了交办日期的建议提案，没有可交办的内容。")
        since = since or max(row.assigned_on for row in found)
        rows = sorted((r for r in found if r.assigned_on >= since), key=lambda r: (r.name, r.number))
        if not rows:
            raise DomainError(f"{chinese_date(since)}以来没有交给{unit_name}的建议提案。")
        deadlines = DeadlineService(self.ctx)
        lead = sum(1 for r in rows if UnitRole(r.role) is not UnitRole.CO)
        sessions = sorted({r.name for r in rows})
        first = (f"现将{'、'.join(sessions)}建议提案{len(rows)}件交由贵单位办理，其中主办（分办）{lead}件、"
                 f"会办{len(rows) - lead}件，清单如下。请及时签收，按规定期限认真办理；"
                 "不属于本单位职责范围的，请在签收之日起7个工作日内申请退回，不得自行转办。")
        items, n = [], 0
        for r in rows:
            if r.is_secret:
                continue
            n += 1
            role = UnitRole(r.role)
            wanted = DeadlineKind.OPINION if role is UnitRole.CO else DeadlineKind.REPLY
            due = next((d.due_on for d in deadlines.item_deadlines(r.id, since)
                        if d.kind is wanted and d.unit_id == unit_id), None)
            what = "会办意见送主办单位" if role is UnitRole.CO else f"答复{words(r.kind).proposer_label}"
            when = f"，请于{chinese_date(due)}前{what}" if due else ""
            items.append(f"{n}．{r.name}第{r.number}号{_noun(ItemKind(r.kind))}《{r.title}》，{role.label}{when}。")
        if n < len(rows):
            items.append(f"另有涉密件{len(rows) - n}件，另行交办。")
        dated = max(r.assigned_on for r in rows)
        return SimpleLetterData(
            title="关于交办建议提案的通知", recipient=unit_name, paragraphs=(first, *items, "特此通知。"),
            unit_name=office.signed, dated=dated, doc_number=office.doc_number(dated.year), issuer=office,
        )

    # ---- PDFs ------------------------------------------------------------------------------

    def pdf(self, form: str, unit: str, day: date | None = None) -> tuple[bytes, object]:
        """``(PDF bytes, DocumentResult)`` of the office's ``form`` ("supervision": 督办通知 as of
        ``day``; "assignment": 交办通知 of items assigned since ``day``) to ``unit``, for the preview."""
        from desktop_app.documents.builder import to_pdf_bytes

        letter = self.supervision_notice(unit, day) if form == "supervision" else self.assignment_notice(unit, day)
        return to_pdf_bytes(form, [letter], self.letters.settings())
