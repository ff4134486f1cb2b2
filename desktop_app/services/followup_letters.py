"""Documents of the follow-through (services layer): the 承诺事项落实告知函 to the deputy and the
disclosure copy (公开文本) of a reply, as DTOs for the documents engine and as text.

涉密 items never leave the app: every way out (text, PDF) goes through ``disclosure_copy``, which
refuses them, as it refuses replies marked 此件不公开.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from desktop_app.atomic_file import write_atomically
from desktop_app.documents.model import CoOpinion, ReplyLetterData, SimpleLetterData, chinese_date
from desktop_app.domain.disclosure import Redaction, redact
from desktop_app.domain.enums import CommitmentStatus, Disclosure, ProposerRole, UnitRole
from desktop_app.domain.errors import DomainError
from desktop_app.domain.wording import words
from desktop_app.services.context import ServiceContext
from desktop_app.services.letters import LetterService, salutation
from desktop_app.services.lookup import get_or_raise
from desktop_app.storage.tables import Commitment, Unit


@dataclass(frozen=True)
class DisclosureCopy:
    """What the review dialog shows: the letter with the redacted body, the plain text, and what
    the redaction removed."""

    letter: ReplyLetterData
    text: str
    redaction: Redaction


class FollowupLetterService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self.letters = LetterService(ctx)

    def settings(self):
        return self.letters.settings()

    # ---- 承诺事项落实告知函 ---------------------------------------------------------------

    def write_commitment_notice(self, commitment_id: int, path: str | Path):
        """Print the 落实告知函 of a commitment to the PDF ``path``; the ``DocumentResult``."""
        from desktop_app.documents import followup_documents

        return followup_documents.write(path, "commitment_notice", self.commitment_notice(commitment_id),
                                        self.settings())

    def done_commitments(self, item_id: int) -> list[int]:
        """The ids of the item's commitments marked 已落实 (each has its 告知函), oldest first."""
        with self.ctx.db.read() as s:
            ids = list(s.execute(select(Commitment.id).where(
                Commitment.item_id == item_id, Commitment.status == CommitmentStatus.DONE.value)
                .order_by(Commitment.id)).scalars())
        if not ids:
            raise DomainError("这一件还没有已落实的承诺事项：请先在“跟踪落实”中把承诺事项标为已落实并写明落实情况。")
        return ids

    def commitment_notice(self, commitment_id: int) -> SimpleLetterData:
        with self.ctx.db.read() as s:
            row = get_or_raise(s, Commitment, commitment_id, "该承诺事项已被删除，请重新打开此件。")
            if row.status != CommitmentStatus.DONE.value:
                raise DomainError("该承诺事项尚未落实：请先点“标为已落实”并写明落实情况，再出具落实告知函。")
            unit_id = row.unit_id if row.unit_id is not None and s.get(Unit, row.unit_id) is not None else None
            description, due_on, due_term = row.description, row.due_on, row.due_term
            closed_on, evidence, item_id = row.closed_on, row.evidence, row.item_id
        record = self.letters.cases.get(item_id)
        lead = next((p for p in record.proposers if p.role is ProposerRole.LEAD), None)
        noun = words(record.kind).noun
        lead_unit = next((a for a in record.assignments if a.role in (UnitRole.LEAD, UnitRole.SPLIT)), None)
        if unit_id is None and lead_unit is not None:
            unit_id = lead_unit.unit_id
        # Under the letterhead of the unit that made the promise, signed with its 署名.
        issuer = self.letters.issuer(unit_id, lead_unit.unit_name if lead_unit else "")
        dated = closed_on or self.ctx.today()
        promised = chinese_date(due_on) if due_on else due_term
        first = (f"您在{record.session_name}上提出的第{record.number}号{noun}《{record.title}》，"
                 f"我单位在答复中承诺：{description.rstrip('。')}（{promised}）。")
        second = f"现将落实情况告知如下：{evidence.rstrip('。')}。"
        return SimpleLetterData(
            title=f"关于{record.session_name}第{record.number}号{noun}承诺事项落实情况的告知函",
            recipient=salutation(lead.name, lead.proposer_type) if lead else "",
            paragraphs=(first, second, "感谢您对我们工作的关心和支持，欢迎继续提出意见和建议。"),
            unit_name=issuer.signed, dated=dated, doc_number=issuer.doc_number(dated.year), issuer=issuer,
        )

    # ---- 公开文本 ----------------------------------------------------------------------------

    def disclosure_copy(self, item_id: int, round_: int | None = None) -> DisclosureCopy:
        """The reply (the latest round by default) with contact data removed, for review."""
        record = self.letters.cases.get(item_id)
        if record.is_secret:
            raise DomainError("此件为涉密件，不得公开，也不能导出公开文本或 PDF。")
        replies = [r for r in record.replies if round_ is None or r.round == round_]
        if not replies:
            raise DomainError("此件还没有答复，无法生成公开文本。请先登记答复。")
        reply = max(replies, key=lambda r: r.round)
        if reply.disclosure is Disclosure.NOT_PUBLIC:
            reason = f"（理由：{reply.disclosure_reason}）" if reply.disclosure_reason else ""
            raise DomainError(f"第 {reply.round} 次答复的公开属性为“此件不公开”{reason}，不能生成公开文本。"
                              "如需公开，请先在“答复”页修改公开属性。")
        full = self.letters.reply_letter(item_id) if reply.round == max(r.round for r in record.replies) else None
        body = redact(reply.body)
        opinions = tuple(CoOpinion(o.unit_name, redact(o.text).text) for o in (full.co_opinions if full else ()))
        unit_name = full.unit_name if full else ""
        letter = ReplyLetterData(
            kind=record.kind, session_name=record.session_name, number=record.number, item_title=record.title,
            addressees=full.addressees[:1] if full else (), body=body.text, unit_name=unit_name,
            replied_on=reply.replied_on, doc_number=reply.doc_number, result=reply.result,
            co_opinions=opinions, disclosure=reply.disclosure,
        )
        return DisclosureCopy(letter, self._text(letter), body)

    def _text(self, letter: ReplyLetterData) -> str:
        parts = (
            reply_title(letter, self.letters.settings()),
            f"{letter.addressees[0]}：" if letter.addressees else "",
            letter.body.strip(), letter.unit_name, chinese_date(letter.replied_on) if letter.replied_on else "",
            f"（{letter.disclosure.label}）",
        )
        return "\n".join(p for p in parts if p) + "\n"

    def export_disclosure(self, item_id: int, path, reviewed_body: str | None = None) -> Path:
        """Write the copy: ``.txt`` as text, otherwise a PDF. ``reviewed_body`` is the body the user
        checked (and may have corrected) in the review dialog; it is redacted once more."""
        from desktop_app.documents import followup_documents

        copy = self.disclosure_copy(item_id)  # refuses 涉密 and 不公开 whatever the caller holds
        letter = copy.letter
        if reviewed_body is not None:
            letter = replace(letter, body=redact(reviewed_body).text)
        path = Path(path)
        if path.suffix.lower() == ".txt":
            write_atomically(path, self._text(letter))
        else:
            followup_documents.write(path, "disclosure", letter, self.settings())
        return path


def reply_title(letter: ReplyLetterData, settings) -> str:
    from desktop_app.documents.forms.reply import reply_title as title

    return title(letter, settings)

