"""Printed documents' input: an item turned into the documents layer's DTOs (services layer).

Reads the item (its latest reply, proposers, units, session) and the letter settings
(``services.letter_settings``), and returns ``documents.model`` values; the builders in
``documents`` turn those into PDFs. ``find_item`` resolves what a user types on the command line
("区二届人大五次会议 0035" or an id).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.documents.model import (
    DEFAULT_CC,
    CoOpinion,
    FeedbackFormData,
    Issuer,
    LetterSettings,
    ReplyLetterData,
    SimpleLetterData,
)
from desktop_app.domain import wording
from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import ItemKind, ProposerRole, ProposerType, UnitRole
from desktop_app.domain.errors import DomainError
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import CaseRecord, Changes, ReplyRecord
from desktop_app.services.letter_forms import file_name
from desktop_app.services.letter_settings import SETTINGS_KEY, issuer_of, letter_settings, settings_to_json
from desktop_app.services.lookup import find_item_id, our_unit_id
from desktop_app.services.merged import group_ids
from desktop_app.services.reference import ReferenceService
from desktop_app.storage.tables import Unit

GOVERNMENT_OFFICE = "区政府办公室"


def salutation(name: str, proposer_type: ProposerType, kind: ItemKind | None = None) -> str:
    """张三代表, 李四委员, 民革区委 (``domain.wording.salutation``)."""
    return wording.salutation(name, proposer_type, kind)


class LetterService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.cases = CaseService(ctx)

    # ---- settings -------------------------------------------------------------------------

    def settings(self) -> LetterSettings:
        return letter_settings(self.ctx)

    def save_settings(self, settings: LetterSettings, expected_version: int | None = None) -> Changes:
        """``expected_version``: what ``settings_version`` said when the dialog opened."""
        return ReferenceService(self.ctx).set_setting(SETTINGS_KEY, settings_to_json(settings), expected_version)

    def settings_version(self) -> int:
        return ReferenceService(self.ctx).setting_with_version(SETTINGS_KEY)[1]

    def settings_and_fonts(self):
        """``(LetterSettings, a summary of the fonts they find, their version)`` for the settings
        dialog, which hands the version back to ``save_settings``."""
        from desktop_app.documents.fonts import find_fonts

        settings = self.settings()
        return settings, find_fonts(settings.fonts).summary(), self.settings_version()

    # ---- finding items --------------------------------------------------------------------

    def find_item(self, text: str) -> int:
        """The id of the item named by ``text``: "会次 编号" (e.g. 区二届人大五次会议 0035) or an id."""
        with self.ctx.db.read() as s:
            return find_item_id(s, text)

    # ---- documents ------------------------------------------------------------------------

    def documents(self, form: str, item_ids) -> list:
        """The DTOs of ``form`` for every item, in order (a batch)."""
        make = {
            "reply": self.reply_letter,
            "co_opinion": self.co_opinion_letter,
            "feedback": self.feedback_forms,
            "reminder": self.reminder,
            "extension": self.extension_report,
            "return": self.return_request,
        }[form]
        result = []
        for item_id in item_ids:
            value = make(item_id)
            result += value if isinstance(value, list) else [value]
        return result

    # ---- PDFs -----------------------------------------------------------------------------

    def pdf(self, form: str, item_ids) -> tuple[bytes, object]:
        """``(PDF bytes, DocumentResult)`` of ``form`` for the items, for the preview."""
        from desktop_app.documents.builder import to_pdf_bytes

        return to_pdf_bytes(form, self.documents(form, item_ids), self.settings())

    def batch_replies(self, rows, progress=None, cancelled=None) -> tuple[list, list[str]]:
        """The reply letters' DTOs of every row (anything with ``id`` and ``number``) that has one,
        and a line per row that has none (第0035号：why)."""
        progress, cancelled = progress or (lambda _d, _t: None), cancelled or (lambda: False)
        data, problems = [], []
        for n, row in enumerate(rows):
            if cancelled():
                break
            try:
                data += self.documents("reply", [row.id])
            except DomainError as error:
                problems.append(f"第{row.number}号：{error}")
            progress(n + 1, len(rows))
        return data, problems

    def replies_pdf(self, rows, progress=None, cancelled=None):
        """The reply letters of ``rows`` in one preview: ``((PDF bytes, DocumentResult) or None
        when none was made or cancelled, problems)``."""
        from desktop_app.documents.builder import to_pdf_bytes

        cancelled = cancelled or (lambda: False)
        data, problems = self.batch_replies(rows, progress, cancelled)
        if cancelled() or not data:
            return None, problems
        return to_pdf_bytes("reply", data, self.settings()), problems

    def write_replies(self, path, rows, progress=None, cancelled=None) -> tuple[int, list[str]]:
        """The reply letters of ``rows`` into one PDF at ``path``: ``(pages written, problems)``."""
        from desktop_app.documents.builder import write_document

        cancelled = cancelled or (lambda: False)
        data, problems = self.batch_replies(rows, progress, cancelled)
        if cancelled() or not data:
            return 0, problems
        result = write_document(path, "reply", data, self.settings(), cancelled=cancelled)
        return (0 if cancelled() else len(result.page_counts)), problems

    def write_replies_to_folder(self, folder, rows, progress=None, cancelled=None) -> tuple[int, list[str]]:
        """One PDF per row in ``folder`` (named by ``letter_forms.file_name``): ``(files written,
        problems)``; rows are rows of the case list (``id``, ``number``, ``session_name``)."""
        from desktop_app.documents.builder import write_document

        progress, cancelled = progress or (lambda _d, _t: None), cancelled or (lambda: False)
        settings = self.settings()
        written, problems = 0, []
        for n, row in enumerate(rows):
            if cancelled():
                break
            try:
                data = self.documents("reply", [row.id])
                write_document(Path(folder) / file_name("reply", row), "reply", data, settings)
                written += 1
            except DomainError as error:
                problems.append(f"第{row.number}号：{error}")
            progress(n + 1, len(rows))
        return written, problems

    def reply_letter(self, item_id: int) -> ReplyLetterData:
        """The reply, under the letterhead of the unit that replies (the reply's unit, else the
        lead unit, else ours) and signed with its 署名."""
        record, merged = self.handling_group(item_id)
        reply = _latest_reply(record)
        settings = self.settings()
        with self.ctx.db.read() as s:
            unit_id = reply.unit_id if _unit_name(s, reply.unit_id) else _lead_unit_id(record)
            issuer = issuer_of(s, unit_id if unit_id is not None else our_unit_id(s), settings)
        unit_name = issuer.signed if issuer else _lead_unit(record)
        addressees = tuple(salutation(p.name, p.proposer_type, record.kind)
                           for p in group_proposers(record, merged))
        opinions = tuple(
            CoOpinion(a.unit_name, a.opinion_text)
            for a in record.assignments if a.role is UnitRole.CO and a.opinion_text.strip()
        )
        return ReplyLetterData(
            kind=record.kind, session_name=record.session_name, number=group_numbers(record, merged),
            item_title=record.title, addressees=addressees, body=reply.body, unit_name=unit_name,
            replied_on=reply.replied_on, doc_number=reply.doc_number, signer=reply.signer,
            result=reply.result, co_opinions=opinions, contact_person=reply.contact_person,
            contact_phone=reply.contact_phone, disclosure=reply.disclosure,
            cc=reply.cc or DEFAULT_CC[record.kind], issuer=issuer,
        )

    def feedback_forms(self, item_id: int) -> list[FeedbackFormData]:
        """One 征询意见表 per proposer (of every proposal of a 并案)."""
        record, merged = self.handling_group(item_id)
        reply = _latest_reply(record)
        with self.ctx.db.read() as s:
            unit_name = _unit_name(s, reply.unit_id) or _lead_unit(record) or _our_unit_name(s)
        return [
            FeedbackFormData(record.kind, record.session_name, group_numbers(record, merged), record.title,
                             p.name, unit_name, reply.replied_on, reply.contact_person, reply.contact_phone)
            for p in group_proposers(record, merged)
        ]

    def handling_group(self, item_id: int) -> tuple[CaseRecord, list[CaseRecord]]:
        """并案: ``(the lead proposal, the proposals merged under it)`` of any of them; an item
        not merged is its own lead with nothing under it. The handling (units, replies, feedback)
        is the lead's; each proposal keeps its own number and proposers."""
        with self.ctx.db.read() as s:
            lead_id, *merged_ids = group_ids(s, item_id)
        return self.cases.get(lead_id), [self.cases.get(i) for i in merged_ids]

    def co_opinion_letter(self, item_id: int) -> SimpleLetterData:
        """会办意见函: our unit's opinion to the lead unit."""
        record = self.cases.get(item_id)
        ours = self._our_assignment(record, UnitRole.CO, "会办意见函只能由会办单位出具：请在 设置 中确认“本单位”，并在办理单位中把本单位设为会办。")
        if not ours.opinion_text.strip():
            raise DomainError("本单位的会办意见还是空的：请先在“办理单位”一栏填写会办意见，再打印会办意见函。")
        title = f"关于{record.session_name}第{record.number}号{_noun(record)}的会办意见"
        first = f"{record.session_name}第{record.number}号{_noun(record)}《{record.title}》收悉。经研究，现提出会办意见如下："
        dated = ours.opinion_sent_on or self.ctx.today()
        issuer = self.issuer(ours.unit_id)
        return SimpleLetterData(
            title=title, recipient=_lead_unit(record) or "主办单位", paragraphs=(first, ours.opinion_text),
            unit_name=issuer.signed, dated=dated, doc_number=issuer.doc_number(dated.year),
            contact_person=ours.handler, contact_phone=ours.handler_phone, issuer=issuer,
        )

    def reminder(self, item_id: int) -> SimpleLetterData:
        """催办通知: the lead unit chases the co-units whose 会办意见 has not arrived."""
        record = self.cases.get(item_id)
        lead = self._our_assignment(record, UnitRole.LEAD, "催办通知由主办单位发给会办单位：请在 设置 中确认“本单位”是这件的主办单位。")
        missing = [a.unit_name for a in record.assignments
                   if a.role is UnitRole.CO and a.opinion_received_on is None and not a.opinion_text.strip()]
        if not missing:
            raise DomainError("所有会办单位的会办意见都已收到，不需要催办。")
        title = f"关于催报{record.session_name}第{record.number}号{_noun(record)}会办意见的通知"
        text = (f"{record.session_name}第{record.number}号{_noun(record)}《{record.title}》由我单位主办，"
                f"贵单位会办。按照规定，会办单位应当在收到{wording.words(record.kind).short_noun}之日起一个月内将会办意见送主办单位。"
                f"目前尚未收到贵单位的会办意见，请抓紧办理，尽快反馈。")
        dated = self.ctx.today()
        issuer = self.issuer(lead.unit_id)
        return SimpleLetterData(
            title=title, recipient="、".join(missing), paragraphs=(text, "特此通知。"),
            unit_name=issuer.signed, dated=dated, doc_number=issuer.doc_number(dated.year),
            contact_person=lead.handler, contact_phone=lead.handler_phone, issuer=issuer,
        )

    def extension_report(self, item_id: int) -> SimpleLetterData:
        record = self.cases.get(item_id)
        ours = self._our_assignment(record, None, "延期报告由本单位出具：请在 设置 中确认“本单位”，并把本单位列入办理单位。")
        if any(r.finalised for r in record.replies):
            raise DomainError("此件已经答复（答复已定稿），不再出具延期报告。")
        months = ours.extension_months or 1
        reason = ours.extension_reason.strip() or "办理工作涉及面广，需要进一步调研和协调"
        title = f"关于{record.session_name}第{record.number}号{_noun(record)}延期答复的报告"
        # The report says the deputy was told only when the date is on record (domain.md §4).
        told = (f"我单位已于{format_day(ours.extension_told_on)}将延期情况告知{_proposer(record)}。"
                if ours.extension_told_on else f"我单位将及时把延期情况告知{_proposer(record)}。")
        text = (f"{record.session_name}第{record.number}号{_noun(record)}《{record.title}》由我单位{ours.role.label}。"
                f"因{reason.rstrip('。')}，无法在规定期限内答复，特申请延期{months}个月答复。{told}")
        # A 报告 ends 特此报告。 (妥否，请批示。 closes a 请示, which asks for an answer).
        dated = ours.extension_requested_on or self.ctx.today()
        issuer = self.issuer(ours.unit_id)
        return SimpleLetterData(
            title=title, recipient=GOVERNMENT_OFFICE, paragraphs=(text, "特此报告。"),
            unit_name=issuer.signed, dated=dated, doc_number=issuer.doc_number(dated.year),
            contact_person=ours.handler, contact_phone=ours.handler_phone, issuer=issuer,
        )

    def return_request(self, item_id: int) -> SimpleLetterData:
        record = self.cases.get(item_id)
        ours = self._our_assignment(record, None, "退回申请由本单位出具：请在 设置 中确认“本单位”，并把本单位列入办理单位。")
        if not ours.return_reason.strip():
            raise DomainError("退回理由还是空的：请先在“办理单位”一栏填写退回理由，再打印退回申请。")
        title = f"关于申请退回{record.session_name}第{record.number}号{_noun(record)}的函"
        text = (f"{record.session_name}第{record.number}号{_noun(record)}《{record.title}》交由我单位{ours.role.label}。"
                f"经研究，{ours.return_reason.strip().rstrip('。')}。该件不属于我单位职责范围，特申请退回，请予调整分办。")
        dated = ours.return_requested_on or self.ctx.today()
        issuer = self.issuer(ours.unit_id)
        return SimpleLetterData(
            title=title, recipient=GOVERNMENT_OFFICE, paragraphs=(text,),
            unit_name=issuer.signed, dated=dated, doc_number=issuer.doc_number(dated.year),
            contact_person=ours.handler, contact_phone=ours.handler_phone, issuer=issuer,
        )

    def issuer(self, unit_id: int | None, fallback: str = "") -> Issuer:
        """The unit ``unit_id`` as a document's issuer; a unit no longer in the list issues under
        ``fallback`` (its name as the assignment recorded it)."""
        settings = self.settings()
        with self.ctx.db.read() as s:
            found = issuer_of(s, unit_id, settings)
        return found or Issuer(fallback or settings.unit_name)

    def _our_assignment(self, record: CaseRecord, role: UnitRole | None, problem: str):
        with self.ctx.db.read() as s:
            unit_id = our_unit_id(s)
        for a in record.assignments:
            if a.unit_id == unit_id and (role is None or a.role is role or
                                         (role is UnitRole.LEAD and a.role is UnitRole.SPLIT)):
                return a
        raise DomainError(problem)


def _latest_reply(record: CaseRecord) -> ReplyRecord:
    if not record.replies:
        raise DomainError(
            f"第{record.number}号还没有答复：请先在编辑窗口的“答复”一栏填写答复正文，再预览或打印答复函。"
        )
    return max(record.replies, key=lambda r: r.round)


def _noun(record: CaseRecord) -> str:
    return wording.words(record.kind).noun


def _proposer(record: CaseRecord) -> str:
    lead = next((p for p in record.proposers if p.role is ProposerRole.LEAD), None)
    return salutation(lead.name, lead.proposer_type, record.kind) if lead else wording.words(record.kind).proposer_label


def group_proposers(record: CaseRecord, merged) -> list:
    """Every proposer of a 并案 once, the lead proposal's first (its 领衔 first), then each merged
    proposal's in number order: one letter and one 征询意见表 each."""
    seen, out = set(), []
    for each in (record, *merged):
        for p in sorted(each.proposers, key=lambda p: p.role is not ProposerRole.LEAD):
            key = p.proposer_id if p.proposer_id is not None else p.name
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def group_numbers(record: CaseRecord, merged) -> str:
    """The numbers of a 并案 as a title names them: 0012、0015、0020 (each keeps its own)."""
    return "、".join([record.number, *(m.number for m in merged)])


def _lead_unit_id(record: CaseRecord) -> int | None:
    return next((a.unit_id for a in record.assignments if a.role in (UnitRole.LEAD, UnitRole.SPLIT)), None)


def _lead_unit(record: CaseRecord) -> str:
    return next((a.unit_name for a in record.assignments if a.role in (UnitRole.LEAD, UnitRole.SPLIT)), "")


def _unit_name(s, unit_id: int | None) -> str:
    if unit_id is None:
        return ""
    unit = s.get(Unit, unit_id)
    return unit.name if unit else ""


def _our_unit_name(s) -> str:
    return _unit_name(s, our_unit_id(s))

