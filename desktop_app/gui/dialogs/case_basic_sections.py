"""The case editor's single-record tabs: 基本信息 and 答复 (gui layer).

Each section fills its widgets from a ``CaseRecord`` and reads them back; the dialog merges the
values into a new record, so fields it does not show are kept as loaded.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.domain.enums import Disclosure, FilingDecision, ItemKind, ItemStatus, RaisedAt, ResultCategory
from desktop_app.domain.validation import StatusFacts, status_problem
from desktop_app.domain.wording import words
from desktop_app.gui.dialogs.case_widgets import (
    combo_value,
    fill_enum_combo,
    set_combo_value,
    set_read_only,
    set_text,
    text,
)
from desktop_app.gui.widgets.completer import set_completion
from desktop_app.services.dto import CaseRecord, ReplyRecord


class BasicSection(QObject):
    """基本信息. ``kind_changed`` tells the other tabs which body's names to offer."""

    kind_changed = Signal(object)

    def __init__(self, ui, reference, parent=None):
        super().__init__(parent)
        self.ui = ui
        self._sessions = list(reference.sessions())
        fill_enum_combo(ui.kindCombo, ItemKind)
        fill_enum_combo(ui.raisedAtCombo, RaisedAt)
        fill_enum_combo(ui.statusCombo, ItemStatus)
        fill_enum_combo(ui.filingCombo, FilingDecision, blank=True)
        ui.filingCombo.currentIndexChanged.connect(self._update_proposal_fields)
        ui.keyCheck.toggled.connect(self._update_proposal_fields)
        ui.sessionCombo.setInsertPolicy(ui.sessionCombo.InsertPolicy.NoInsert)
        ui.leaderHandledCheck.toggled.connect(self._update_leader_name)
        ui.kindCombo.currentIndexChanged.connect(self._kind_edited)
        self.fields = [
            ui.kindCombo, ui.sessionCombo, ui.numberEdit, ui.assignedOnEdit, ui.titleEdit,
            ui.categoryEdit, ui.raisedAtCombo, ui.statusCombo, ui.keyCheck, ui.leaderHandledCheck,
            ui.leaderNameEdit, ui.secretCheck, ui.contentEdit, ui.feedbackWaitEdit,
            ui.filingCombo, ui.filedOnEdit, ui.referenceDueEdit, ui.mergedIntoEdit, ui.supervisorEdit,
        ]

    def kind(self) -> ItemKind:
        return combo_value(self.ui.kindCombo) or ItemKind.SUGGESTION

    def load(self, record: CaseRecord) -> None:
        ui = self.ui
        set_combo_value(ui.kindCombo, record.kind)
        self._offer_sessions(record.kind)
        set_text(ui.sessionCombo, record.session_name)
        set_text(ui.numberEdit, record.number)
        ui.assignedOnEdit.set_date_value(record.assigned_on)
        set_text(ui.titleEdit, record.title)
        set_text(ui.categoryEdit, record.category)
        set_combo_value(ui.raisedAtCombo, record.raised_at)
        set_combo_value(ui.statusCombo, record.status)
        ui.keyCheck.setChecked(record.is_key)
        ui.leaderHandledCheck.setChecked(record.is_leader_handled)
        set_text(ui.leaderNameEdit, record.leader_name)
        ui.secretCheck.setChecked(record.is_secret)
        set_text(ui.contentEdit, record.content)
        set_text(ui.feedbackWaitEdit, record.feedback_wait_note)
        set_combo_value(ui.filingCombo, record.filing)
        ui.filedOnEdit.set_date_value(record.filed_on)
        ui.referenceDueEdit.set_date_value(record.reference_due_on)
        set_text(ui.mergedIntoEdit, record.merged_into_number)
        set_text(ui.supervisorEdit, record.supervisor)
        merged = "、".join(record.merged_numbers)
        ui.mergedNumbersLabel.setText(f"并入此件的提案：第{merged}号" if merged else "")
        self._update_leader_name()
        self._show_kind(record.kind)

    def values(self, record: CaseRecord) -> CaseRecord:
        ui = self.ui
        session_name = text(ui.sessionCombo)
        if session_name == record.session_name:
            session_id = record.session_id
        else:
            session_id = next((s.id for s in self._sessions if s.name == session_name), None)
        leader_handled = ui.leaderHandledCheck.isChecked()
        return replace(
            record,
            kind=self.kind(),
            session_id=session_id,
            session_name=session_name,
            number=text(ui.numberEdit),
            title=text(ui.titleEdit),
            content=text(ui.contentEdit),
            category=text(ui.categoryEdit),
            raised_at=combo_value(ui.raisedAtCombo),
            is_key=ui.keyCheck.isChecked(),
            is_leader_handled=leader_handled,
            leader_name=text(ui.leaderNameEdit) if leader_handled else "",
            is_secret=ui.secretCheck.isChecked(),
            status=combo_value(ui.statusCombo),
            assigned_on=ui.assignedOnEdit.date_value(),
            feedback_wait_note=text(ui.feedbackWaitEdit),
            **self._proposal_values(),
        )

    def _proposal_values(self) -> dict:
        """The 政协提案 fields (issue 23); a 建议 has none of them."""
        ui = self.ui
        proposal = self.kind() is ItemKind.PROPOSAL
        filing = combo_value(ui.filingCombo) if proposal else None
        return dict(
            filing=filing,
            filed_on=ui.filedOnEdit.date_value() if proposal else None,
            reference_due_on=ui.referenceDueEdit.date_value() if filing is FilingDecision.NOT_FILED else None,
            merged_into_number=text(ui.mergedIntoEdit) if proposal else "",
            supervisor=text(ui.supervisorEdit) if ui.keyCheck.isChecked() else "",
        )

    def _show_kind(self, kind: ItemKind) -> None:
        """A 提案 shows its 立案 and 并案 fields and is supervised as a 重点提案."""
        proposal = kind is ItemKind.PROPOSAL
        who = words(kind).proposer_label
        self.ui.proposalGroup.setVisible(proposal)
        self.ui.feedbackWaitEdit.setPlaceholderText(f"{who}确未反馈时写明情况，方可办结")
        self.ui.extensionToldLabel.setText(f"告知{who}日期(&O)")
        self.ui.keyCheck.setText("重点提案督办(&Y)" if proposal else "重点督办(&Y)")
        self._update_proposal_fields()

    def _update_proposal_fields(self) -> None:
        ui = self.ui
        not_filed = combo_value(ui.filingCombo) is FilingDecision.NOT_FILED
        ui.referenceDueEdit.setEnabled(not_filed)
        ui.referenceDueLabel.setEnabled(not_filed)
        key = ui.keyCheck.isChecked()
        ui.supervisorEdit.setEnabled(key)
        ui.supervisorLabel.setEnabled(key)

    def offer_statuses(self, draft: CaseRecord, loaded: ItemStatus | None, facts: StatusFacts) -> None:
        """Offer only the states the draft agrees with; the others are greyed out, their tooltip
        saying what the record lacks. The status the item was loaded with stays selectable."""
        combo = self.ui.statusCombo
        model = combo.model()
        for index in range(combo.count()):
            status = ItemStatus(combo.itemData(index))
            problem = None if status is loaded else status_problem(status, draft, facts)
            item = model.item(index)
            item.setEnabled(problem is None)
            combo.setItemData(index, problem or "", Qt.ItemDataRole.ToolTipRole)

    def _kind_edited(self) -> None:
        self._offer_sessions(self.kind())
        self._show_kind(self.kind())
        self.kind_changed.emit(self.kind())

    def _offer_sessions(self, kind: ItemKind) -> None:
        names = [s.name for s in self._sessions if s.body == kind.body]
        set_completion(self.ui.sessionCombo, names)

    def _update_leader_name(self) -> None:
        enabled = self.ui.leaderHandledCheck.isChecked()
        self.ui.leaderNameEdit.setEnabled(enabled)
        self.ui.leaderNameLabel.setEnabled(enabled)


#: Offered in the 发布渠道 box (any other text may be typed).
PUBLICATION_CHANNELS = ("政府门户网站“建议提案办理”专栏", "区政府门户网站", "政务新媒体")


class ReplySection(QObject):
    """答复: the first round is edited here; later rounds (重新办理) are kept exactly as loaded."""

    def __init__(self, ui, parent=None):
        super().__init__(parent)
        self.ui = ui
        self._base = ReplyRecord()
        self._other_rounds: tuple[ReplyRecord, ...] = ()
        fill_enum_combo(ui.resultCombo, ResultCategory, blank=True)
        fill_enum_combo(ui.disclosureCombo, Disclosure)
        ui.disclosureCombo.currentIndexChanged.connect(self._update_reason)
        self.letter_fields = [
            ui.docNumberEdit, ui.signerEdit, ui.repliedOnEdit, ui.resultCombo, ui.disclosureCombo,
            ui.disclosureReasonEdit, ui.contactPersonEdit, ui.contactPhoneEdit, ui.ccEdit, ui.replyBodyEdit,
        ]
        # 公开发布记录: entered after the reply is finalised, so not locked with the letter.
        ui.publicationChannelCombo.addItems(PUBLICATION_CHANNELS)
        ui.publicationChannelCombo.setCurrentIndex(-1)
        self.publication_fields = [ui.publishedOnEdit, ui.publicationChannelCombo, ui.publicationAddressEdit]
        self.fields = self.letter_fields + self.publication_fields

    def show_finalised(self, read_only: bool) -> None:
        """The 定稿 row: what the reply is (draft or final) and what the user can do next; a
        finalised reply is not edited in place (取消定稿 first, with a reason)."""
        ui, reply = self.ui, self._base
        finalised = reply.id is not None and reply.finalised
        if finalised:
            when = reply.replied_on.isoformat() if reply.replied_on else ""
            ui.finaliseStateLabel.setText(
                f"已定稿（{when} {reply.result.label if reply.result else ''}）。"
                "如需修改答复，请先点“取消定稿”并写明理由。")
        else:
            ui.finaliseStateLabel.setText(
                "草稿，未定稿：草稿不计入办复率。填好答复日期、办理结果和正文后点“定稿”，"
                "通过检查后状态改为“已答复”。")
        set_read_only(self.letter_fields, finalised or read_only)
        publishable = finalised and reply.disclosure is Disclosure.PUBLIC
        set_read_only(self.publication_fields, read_only or not publishable)
        for label in (ui.publishedOnLabel, ui.publicationChannelLabel, ui.publicationAddressLabel):
            label.setEnabled(publishable)
        ui.publishedOnEdit.setPlaceholderText("" if publishable else "定稿的“此件公开发布”答复才登记")
        if not read_only:
            self._update_reason()
        ui.finaliseButton.setVisible(not finalised)
        ui.finaliseButton.setEnabled(not read_only)
        ui.unfinaliseButton.setVisible(finalised)
        ui.unfinaliseButton.setEnabled(not read_only)

    def load(self, record: CaseRecord) -> None:
        ui = self.ui
        first = next((r for r in record.replies if r.round == 1), None)
        self._base = first or ReplyRecord()
        self._other_rounds = tuple(r for r in record.replies if r.round != 1)
        reply = self._base
        set_text(ui.docNumberEdit, reply.doc_number)
        set_text(ui.signerEdit, reply.signer)
        ui.repliedOnEdit.set_date_value(reply.replied_on)
        set_combo_value(ui.resultCombo, reply.result)
        set_combo_value(ui.disclosureCombo, reply.disclosure)
        set_text(ui.disclosureReasonEdit, reply.disclosure_reason)
        set_text(ui.contactPersonEdit, reply.contact_person)
        set_text(ui.contactPhoneEdit, reply.contact_phone)
        set_text(ui.ccEdit, reply.cc)
        set_text(ui.replyBodyEdit, reply.body)
        ui.publishedOnEdit.set_date_value(reply.published_on)
        ui.publicationChannelCombo.setEditText(reply.publication_channel)
        set_text(ui.publicationAddressEdit, reply.publication_address)
        rounds = "、".join(f"第{r.round}轮" for r in self._other_rounds)
        ui.otherRepliesLabel.setText(
            f"此件另有{rounds}答复（重新办理），在此不显示，保存时原样保留。" if rounds else ""
        )
        ui.otherRepliesLabel.setVisible(bool(rounds))
        self._update_reason()

    def replies(self) -> tuple[ReplyRecord, ...]:
        ui = self.ui
        disclosure = combo_value(ui.disclosureCombo)
        first = replace(
            self._base,
            doc_number=text(ui.docNumberEdit),
            signer=text(ui.signerEdit),
            replied_on=ui.repliedOnEdit.date_value(),
            result=combo_value(ui.resultCombo),
            disclosure=disclosure,
            disclosure_reason=text(ui.disclosureReasonEdit) if disclosure is Disclosure.NOT_PUBLIC else "",
            contact_person=text(ui.contactPersonEdit),
            contact_phone=text(ui.contactPhoneEdit),
            cc=text(ui.ccEdit),
            body=text(ui.replyBodyEdit),
            published_on=ui.publishedOnEdit.date_value(),
            publication_channel=ui.publicationChannelCombo.currentText().strip(),
            publication_address=text(ui.publicationAddressEdit),
        )
        # An untouched empty form is "no reply yet", not an empty reply letter.
        keep_first = self._base.id is not None or first != ReplyRecord()
        return ((first,) if keep_first else ()) + self._other_rounds

    def _update_reason(self) -> None:
        enabled = combo_value(self.ui.disclosureCombo) is Disclosure.NOT_PUBLIC
        self.ui.disclosureReasonEdit.setEnabled(enabled)
        self.ui.disclosureReasonLabel.setEnabled(enabled)
