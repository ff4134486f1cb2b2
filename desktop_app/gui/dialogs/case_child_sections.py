"""The case editor's tables of child rows: 代表, 办理单位, 沟通记录 (gui layer).

Each section owns a ``RowTableModel`` holding the draft rows and a ``RowEditor`` binding it to the
detail form under the table. Names are offered with completion from the reference lists; a name
that matches a listed unit or proposer links to it, any other name makes a new one on save.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

from desktop_app.domain.enums import Body, ContactWay, ItemKind, ProposerRole, ProposerType, ReturnOutcome, UnitRole
from desktop_app.gui.dialogs.case_row_editor import RowEditor
from desktop_app.gui.models.row_table_model import Column, RowTableModel, text_or_blank
from desktop_app.gui.dialogs.case_widgets import add_enum_item, combo_value, fill_enum_combo, set_combo_value, set_text, text
from desktop_app.gui.widgets.completer import set_completion
from desktop_app.domain.wording import words
from desktop_app.services.dto import AssignmentRecord, ContactRecord, ProposerLink

CPPCC_TYPES = (
    ProposerType.MEMBER, ProposerType.PARTY, ProposerType.ORGANISATION,
    ProposerType.SECTOR, ProposerType.COMMITTEE,
)


def proposer_types(kind: ItemKind) -> tuple[ProposerType, ...]:
    """Deputies raise suggestions; CPPCC members and collective proposers raise proposals."""
    return (ProposerType.DEPUTY,) if kind is ItemKind.SUGGESTION else CPPCC_TYPES


def _set_or_add(combo, value) -> None:
    """Select ``value``, adding it when the current choices lack it, so loading never alters data."""
    if value is not None and combo.findData(value.value) < 0:
        add_enum_item(combo, value)
    set_combo_value(combo, value)


class ProposersSection(QObject):
    edited = Signal()

    def __init__(self, ui, reference, parent=None):
        super().__init__(parent)
        self.ui, self._reference = ui, reference
        self._known: dict[str, object] = {}
        self._kind = ItemKind.SUGGESTION
        fill_enum_combo(ui.proposerRoleCombo, ProposerRole)
        self.model = RowTableModel([
            Column("姓名", lambda r: r.name),
            Column("领衔/联名", lambda r: text_or_blank(r.role)),
            Column("类型", lambda r: text_or_blank(r.proposer_type)),
            Column("代表团/界别", lambda r: r.delegation),
            Column("联系电话", lambda r: r.phone),
            Column("地址", lambda r: r.address),
        ], self)
        self.fields = [
            ui.proposerNameEdit, ui.proposerRoleCombo, ui.proposerTypeCombo, ui.delegationEdit,
            ui.proposerPhoneEdit, ui.proposerAddressEdit, ui.proposerContactEdit,
        ]
        self.editor = RowEditor(
            ui.proposersView, self.model, form=ui.proposerDetailGroup, fields=self.fields,
            load=self._load_row, store=self._store_row, blank=self._blank,
            add_button=ui.addProposerButton, remove_button=ui.removeProposerButton,
            up_button=ui.moveProposerUpButton, down_button=ui.moveProposerDownButton, parent=self,
        )
        self.editor.edited.connect(self.edited)
        ui.proposerNameEdit.editingFinished.connect(self._name_finished)
        ui.privacyLabel.setStyleSheet("color: palette(mid);")
        self.set_kind(ItemKind.SUGGESTION)

    def set_kind(self, kind: ItemKind) -> None:
        self._kind = kind
        fill_enum_combo(self.ui.proposerTypeCombo, proposer_types(kind))
        self._known = {p.name: p for p in self._reference.proposers(kind.body)}
        set_completion(self.ui.proposerNameEdit, sorted(self._known))
        self.ui.proposerNameEdit.completer().activated[str].connect(self._picked)
        self.ui.delegationLabel.setText("代表团(&G)" if kind.body is Body.CONGRESS else "界别(&G)")
        # 委员's 界别 from the editable list (设置 → 界别); a 代表团 is typed.
        set_completion(self.ui.delegationEdit, self._reference.sectors() if kind.body is Body.CPPCC else [])
        collective = kind.body is Body.CPPCC
        self.ui.proposerContactEdit.setVisible(collective)
        self.ui.proposerContactLabel.setVisible(collective)
        said = words(kind)
        tabs = self.ui.sectionTabs
        tabs.setTabText(tabs.indexOf(self.ui.proposersTab), f"&2 {said.proposer_label}")
        self.ui.proposerDetailGroup.setTitle(f"所选{said.proposer_label}")
        self.editor.select(self.editor.current_row())

    def load(self, proposers) -> None:
        self.model.set_rows(proposers)

    def rows(self) -> tuple[ProposerLink, ...]:
        return tuple(self.model.rows())

    def _blank(self) -> ProposerLink:
        has_lead = any(r.role is ProposerRole.LEAD for r in self.model.rows())
        return ProposerLink(
            name="", role=ProposerRole.COSIGNER if has_lead else ProposerRole.LEAD,
            proposer_type=proposer_types(self._kind)[0],
        )

    def _load_row(self, row: ProposerLink) -> None:
        ui = self.ui
        set_text(ui.proposerNameEdit, row.name)
        set_combo_value(ui.proposerRoleCombo, row.role)
        _set_or_add(ui.proposerTypeCombo, row.proposer_type)
        set_text(ui.delegationEdit, row.delegation)
        set_text(ui.proposerPhoneEdit, row.phone)
        set_text(ui.proposerAddressEdit, row.address)
        set_text(ui.proposerContactEdit, row.contact_person)

    def _store_row(self, row: ProposerLink) -> ProposerLink:
        ui = self.ui
        name = text(ui.proposerNameEdit)
        if name == row.name:
            proposer_id = row.proposer_id
        else:
            known = self._known.get(name)
            proposer_id = known.id if known else None
        return replace(
            row, name=name, proposer_id=proposer_id, role=combo_value(ui.proposerRoleCombo),
            proposer_type=combo_value(ui.proposerTypeCombo), delegation=text(ui.delegationEdit),
            phone=text(ui.proposerPhoneEdit), address=text(ui.proposerAddressEdit),
            contact_person=text(ui.proposerContactEdit),
        )

    def _name_finished(self) -> None:
        """A listed name typed in full shows what the directory knows, in the fields left empty
        (the service keeps the stored details of a newly linked proposer either way)."""
        position = self.editor.current_row()
        known = self._known.get(text(self.ui.proposerNameEdit))
        if position < 0 or known is None or self.model.row(position).proposer_id != known.id:
            return
        ui = self.ui
        if not any(text(edit) for edit in (ui.delegationEdit, ui.proposerPhoneEdit, ui.proposerAddressEdit)):
            self._picked(known.name)

    def _picked(self, name: str) -> None:
        """Picking a listed proposer fills in what the directory knows about them."""
        known = self._known.get(name)
        if known is None:
            return
        ui = self.ui
        set_text(ui.proposerNameEdit, known.name)
        _set_or_add(ui.proposerTypeCombo, known.proposer_type)
        set_text(ui.delegationEdit, known.delegation)
        set_text(ui.proposerPhoneEdit, known.phone)
        set_text(ui.proposerAddressEdit, known.address)


class UnitsSection(QObject):
    edited = Signal()

    def __init__(self, ui, reference, parent=None):
        super().__init__(parent)
        self.ui = ui
        self._units = {u.name: u for u in reference.units(include_inactive=True)}
        active = [u.name for u in reference.units()]
        set_completion(ui.unitCombo, active)
        ui.unitCombo.setInsertPolicy(ui.unitCombo.InsertPolicy.NoInsert)
        fill_enum_combo(ui.unitRoleCombo, UnitRole)
        fill_enum_combo(ui.returnOutcomeCombo, ReturnOutcome, blank=True)
        self.model = RowTableModel([
            Column("单位", lambda r: r.unit_name),
            Column("角色", lambda r: text_or_blank(r.role)),
            Column("签收日期", lambda r: text_or_blank(r.signed_on)),
            Column("责任领导", lambda r: r.leader),
            Column("承办科室", lambda r: r.section),
            Column("承办人", lambda r: r.handler),
            Column("电话", lambda r: r.handler_phone),
            Column("会办意见", _opinion_summary),
            Column("退回/延期", _return_extension_summary),
        ], self)
        self.fields = [
            ui.unitCombo, ui.unitRoleCombo, ui.signedOnEdit, ui.leaderEdit, ui.sectionEdit,
            ui.handlerEdit, ui.handlerPhoneEdit, ui.opinionSentEdit, ui.opinionReceivedEdit,
            ui.opinionTextEdit, ui.returnRequestedEdit, ui.returnOutcomeCombo, ui.returnDecidedEdit,
            ui.returnReasonEdit, ui.extensionRequestedEdit, ui.extensionMonthsSpin,
            ui.extensionApprovedEdit, ui.extensionApproverEdit, ui.extensionReasonEdit,
            ui.unitAssignedOnEdit, ui.designatedCheck, ui.returnLateReasonEdit, ui.extensionToldEdit,
        ]
        self.editor = RowEditor(
            ui.unitsView, self.model, form=ui.unitDetailWidget, fields=self.fields,
            load=self._load_row, store=self._store_row, blank=self._blank,
            add_button=ui.addUnitButton, remove_button=ui.removeUnitButton,
            up_button=ui.moveUnitUpButton, down_button=ui.moveUnitDownButton, parent=self,
        )
        self.editor.edited.connect(self.edited)
        # This tab's fields need every Alt key, so its row buttons take the usual shortcuts instead.
        for button, keys in ((ui.addUnitButton, "Alt+Insert"), (ui.removeUnitButton, "Alt+Delete"),
                             (ui.moveUnitUpButton, "Alt+Up"), (ui.moveUnitDownButton, "Alt+Down")):
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(f"{button.text()}（{keys}）")
        ui.unitsSplitter.setStretchFactor(0, 2)
        ui.unitsSplitter.setStretchFactor(1, 3)

    def load(self, assignments) -> None:
        self.model.set_rows(assignments)

    def rows(self) -> tuple[AssignmentRecord, ...]:
        return tuple(self.model.rows())

    def _blank(self) -> AssignmentRecord:
        has_lead = any(r.role is UnitRole.LEAD for r in self.model.rows())
        return AssignmentRecord(unit_id=None, unit_name="", role=UnitRole.CO if has_lead else UnitRole.LEAD)

    def _load_row(self, row: AssignmentRecord) -> None:
        ui = self.ui
        set_text(ui.unitCombo, row.unit_name)
        set_combo_value(ui.unitRoleCombo, row.role)
        ui.signedOnEdit.set_date_value(row.signed_on)
        set_text(ui.leaderEdit, row.leader)
        set_text(ui.sectionEdit, row.section)
        set_text(ui.handlerEdit, row.handler)
        set_text(ui.handlerPhoneEdit, row.handler_phone)
        ui.opinionSentEdit.set_date_value(row.opinion_sent_on)
        ui.opinionReceivedEdit.set_date_value(row.opinion_received_on)
        set_text(ui.opinionTextEdit, row.opinion_text)
        ui.returnRequestedEdit.set_date_value(row.return_requested_on)
        set_combo_value(ui.returnOutcomeCombo, row.return_outcome)
        ui.returnDecidedEdit.set_date_value(row.return_decided_on)
        set_text(ui.returnReasonEdit, row.return_reason)
        ui.extensionRequestedEdit.set_date_value(row.extension_requested_on)
        ui.extensionMonthsSpin.setValue(row.extension_months or 0)
        ui.extensionApprovedEdit.set_date_value(row.extension_approved_on)
        set_text(ui.extensionApproverEdit, row.extension_approver)
        set_text(ui.extensionReasonEdit, row.extension_reason)
        ui.unitAssignedOnEdit.set_date_value(row.assigned_on)
        ui.designatedCheck.setChecked(row.designated)
        set_text(ui.returnLateReasonEdit, row.return_late_reason)
        ui.extensionToldEdit.set_date_value(row.extension_told_on)

    def _store_row(self, row: AssignmentRecord) -> AssignmentRecord:
        ui = self.ui
        name = text(ui.unitCombo)
        if name == row.unit_name:
            unit_id = row.unit_id
        else:
            unit = self._units.get(name)
            unit_id = unit.id if unit else None
        return replace(
            row, unit_id=unit_id, unit_name=name, role=combo_value(ui.unitRoleCombo),
            signed_on=ui.signedOnEdit.date_value(), leader=text(ui.leaderEdit),
            section=text(ui.sectionEdit), handler=text(ui.handlerEdit),
            handler_phone=text(ui.handlerPhoneEdit),
            opinion_sent_on=ui.opinionSentEdit.date_value(),
            opinion_received_on=ui.opinionReceivedEdit.date_value(),
            opinion_text=text(ui.opinionTextEdit),
            return_requested_on=ui.returnRequestedEdit.date_value(),
            return_outcome=combo_value(ui.returnOutcomeCombo),
            return_decided_on=ui.returnDecidedEdit.date_value(),
            return_reason=text(ui.returnReasonEdit),
            extension_requested_on=ui.extensionRequestedEdit.date_value(),
            extension_months=ui.extensionMonthsSpin.value() or None,
            extension_approved_on=ui.extensionApprovedEdit.date_value(),
            extension_approver=text(ui.extensionApproverEdit),
            extension_reason=text(ui.extensionReasonEdit),
            assigned_on=ui.unitAssignedOnEdit.date_value(),
            designated=ui.designatedCheck.isChecked(),
            return_late_reason=text(ui.returnLateReasonEdit),
            extension_told_on=ui.extensionToldEdit.date_value(),
        )


def _opinion_summary(row: AssignmentRecord) -> str:
    if row.role is UnitRole.LEAD:
        return ""
    if row.opinion_received_on:
        return f"{row.opinion_received_on.isoformat()} 收到"
    if row.opinion_sent_on:
        return f"{row.opinion_sent_on.isoformat()} 发出"
    return "未发出"


def _return_extension_summary(row: AssignmentRecord) -> str:
    parts = []
    if row.return_requested_on:
        parts.append(f"退回：{row.return_outcome.label if row.return_outcome else '待定'}")
    if row.extension_requested_on:
        parts.append("延期：已批准" if row.extension_approved_on else "延期：待批准")
    return "；".join(parts)


class ContactsSection(QObject):
    edited = Signal()

    def __init__(self, ui, today, parent=None):
        """``today()`` dates a new row: the services' clock, not the computer's, so tests and
        a clock fixed by the service context agree."""
        super().__init__(parent)
        self.ui = ui
        self._today = today
        fill_enum_combo(ui.contactWayCombo, ContactWay)
        self.model = RowTableModel([
            Column("日期", lambda r: text_or_blank(r.contact_on)),
            Column("方式", lambda r: text_or_blank(r.way)),
            Column("参加人员", lambda r: r.participants),
            Column("代表参加", lambda r: "是" if r.deputy_present else ""),
            Column("内容摘要", lambda r: r.summary.replace("\n", " ")),
        ], self)
        self.fields = [ui.contactDateEdit, ui.contactWayCombo, ui.participantsEdit, ui.deputyPresentCheck,
                       ui.summaryEdit]
        self.editor = RowEditor(
            ui.contactsView, self.model, form=ui.contactDetailGroup, fields=self.fields,
            load=self._load_row, store=self._store_row, blank=self._blank,
            add_button=ui.addContactButton, remove_button=ui.removeContactButton,
            up_button=ui.moveContactUpButton, down_button=ui.moveContactDownButton, parent=self,
        )
        self.editor.edited.connect(self.edited)

    def load(self, contacts) -> None:
        self.model.set_rows(contacts)

    def rows(self) -> tuple[ContactRecord, ...]:
        return tuple(self.model.rows())

    def _blank(self) -> ContactRecord:
        return ContactRecord(contact_on=self._today(), way=ContactWay.MEETING, deputy_present=True)

    def _load_row(self, row: ContactRecord) -> None:
        self.ui.contactDateEdit.set_date_value(row.contact_on)
        set_combo_value(self.ui.contactWayCombo, row.way)
        set_text(self.ui.participantsEdit, row.participants)
        self.ui.deputyPresentCheck.setChecked(row.deputy_present)
        set_text(self.ui.summaryEdit, row.summary)

    def _store_row(self, row: ContactRecord) -> ContactRecord:
        return replace(
            row, contact_on=self.ui.contactDateEdit.date_value(), way=combo_value(self.ui.contactWayCombo),
            participants=text(self.ui.participantsEdit), summary=text(self.ui.summaryEdit),
            deputy_present=self.ui.deputyPresentCheck.isChecked(),
        )
