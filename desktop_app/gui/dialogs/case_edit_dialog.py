"""The case editor: one item, all its sections, on a draft saved in one operation (gui layer).

The dialog loads a ``CaseRecord``, lets the user edit it in widgets, and on Save builds a new record
from the widgets and calls ``cases.save`` once through the operation runner. It is "modified" when
the record built from the widgets differs from the one built right after loading, so nothing the
user typed can be closed away without the 保存 / 不保存 / 取消 question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QWidget

from desktop_app.domain.enums import ItemKind, ItemStatus, ProposerRole
from desktop_app.domain.errors import ConflictError, DomainError, NotFoundError, ValidationError
from desktop_app.domain.validation import StatusFacts, status_problem
from desktop_app.domain.wording import words
from desktop_app.gui.dialogs import case_prompts
from desktop_app.gui.dialogs.case_basic_sections import BasicSection, ReplySection
from desktop_app.gui.dialogs.case_child_sections import ContactsSection, ProposersSection, UnitsSection
from desktop_app.gui.dialogs.case_deadline_section import DeadlinesSection
from desktop_app.gui.dialogs.case_record_sections import AttachmentsSection, HistorySection
from desktop_app.gui.dialogs.case_widgets import connect_edits, set_read_only
from desktop_app.gui.document_actions import preview_item
from desktop_app.gui.forms.ui_case_edit_dialog import Ui_CaseEditDialog
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.operations import Op, Refused, cases as case_ops
from desktop_app.gui.widgets import item_checklist_widget, message_boxes, similar_items_widget
from desktop_app.gui.widgets.screen_fit import fit_to_screen
from desktop_app.gui.widgets.case_date_edit import DateLineEdit
from desktop_app.gui.widgets.followup_widget import FollowupSection
from desktop_app.services.dto import CaseRecord
from desktop_app.services.letter_forms import FORM_LABELS, PREVIEW_FORMS


class CaseEditDialog(QDialog):
    """Edit item ``item_id``, or a new item of ``kind`` when ``item_id`` is None.

    Raises ``NotFoundError`` from the constructor when the item no longer exists."""

    case_saved = Signal(object)
    case_deleted = Signal(object)
    open_requested = Signal(int)  # another item (an earlier similar one) to open

    def __init__(self, services, item_id: int | None, kind: ItemKind | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._cases = services.cases
        self._read_only = bool(services.read_only)
        self._saving = False
        self._writing = "保存"
        self._facts = StatusFacts()
        self._close_after_save = False
        self._finished = False
        self._focus_before_save: QWidget | None = None
        self.ui = Ui_CaseEditDialog()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._runner = OperationRunner.for_window(services, self)

        self.basic = BasicSection(self.ui, services.reference, self)
        self.proposers = ProposersSection(self.ui, services.reference, self)
        self.units = UnitsSection(self.ui, services.reference, self)
        self.contacts = ContactsSection(self.ui, self._cases.today, self)
        self.reply = ReplySection(self.ui, self)
        self.attachments = AttachmentsSection(self.ui, self, self)
        self.history = HistorySection(self.ui, self)
        self.deadlines = DeadlinesSection(self.ui, services, self)
        self.followup = FollowupSection(self)
        self.basic.kind_changed.connect(self.proposers.set_kind)
        self.basic.kind_changed.connect(self._kind_changed)

        for section in (self.proposers, self.units, self.contacts, self.attachments):
            section.edited.connect(self._refresh_modified)
        connect_edits(self.basic.fields + self.reply.fields, self._refresh_modified)

        self.ui.saveButton.clicked.connect(self.save)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.deleteButton.clicked.connect(self.delete)
        self.ui.finaliseButton.clicked.connect(self.finalise)
        self.ui.unfinaliseButton.clicked.connect(self.unfinalise)
        self.print_menu = self._make_print_menu()
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.ui.printButton.showMenu)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+W"), self).activated.connect(self.reject)
        self.ui.readOnlyLabel.setVisible(False)

        record = self._cases.get(item_id) if item_id is not None else self._cases.new_record(kind or ItemKind.SUGGESTION)
        self._defaults = record
        self._load(record)
        self.checklist = item_checklist_widget.install(self)
        self.similar = similar_items_widget.install(self)
        if self._read_only:
            self._make_read_only()
        self.ui.sectionTabs.setCurrentIndex(0)
        self._placed_cursor = False
        # Open no larger than the screen's free area (a 1366×768 laptop leaves about 1366×728), so
        # 保存 and 关闭 are always on screen; the sections split inside.
        self.resize(self.sizeHint().expandedTo(self.size()))
        fit_to_screen(self)

    @property
    def services(self):
        """The app's services, for the sections and widgets that make up the editor."""
        return self._services

    @property
    def runner(self) -> OperationRunner:
        """The editor's operation runner (its writes go to the app's one write thread)."""
        return self._runner

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._placed_cursor:
            self._placed_cursor = True
            # After Qt's own first focus (which selects the whole field, so that the first key
            # typed would replace an existing title).
            QTimer.singleShot(0, self._place_cursor)

    def _place_cursor(self) -> None:
        if self._record.id is None:
            self.ui.numberEdit.setFocus()
            self.ui.numberEdit.selectAll()  # the suggested next number, easy to overtype
        else:
            self.ui.titleEdit.setFocus()
            self.ui.titleEdit.deselect()
            self.ui.titleEdit.end(False)

    @property
    def record(self) -> CaseRecord:
        """The record as last loaded or saved (not the draft)."""
        return self._record

    @property
    def saving(self) -> bool:
        return self._saving

    def draft(self) -> CaseRecord:
        """The record the widgets describe now."""
        return replace(
            self.basic.values(self._record),
            proposers=self.proposers.rows(),
            assignments=self.units.rows(),
            contacts=self.contacts.rows(),
            replies=self.reply.replies(),
            new_attachments=self.attachments.new_attachments(),
            removed_attachment_ids=self.attachments.removed_ids(),
        )

    def reload_item(self) -> None:
        """Read the item again and show it (a section wrote to it: feedback, a commitment)."""
        self._load(self._cases.get(self.record.id))

    def is_modified(self) -> bool:
        return self.draft() != self._baseline or bool(self._bad_dates())

    # ---- loading

    def _load(self, record: CaseRecord) -> None:
        self._record = record
        self.basic.load(record)
        self.proposers.set_kind(record.kind)
        self.proposers.load(record.proposers)
        self.units.load(record.assignments)
        self.contacts.load(record.contacts)
        self.reply.load(record)
        self.attachments.load(record)
        self.history.load(record.history, record.kind)
        self.deadlines.load(record.id)
        self.followup.load(record)
        self.reply.show_finalised(self._read_only)
        self._facts = self._cases.status_facts(record.id) if record.id is not None else StatusFacts()
        self.ui.printButton.setEnabled(record.id is not None)
        self.ui.deleteButton.setVisible(record.id is not None and not self._read_only)
        # Built from the widgets, so that normalisation on the way in is not mistaken for an edit.
        self._baseline = self.draft()
        self._refresh_modified()

    def _kind_changed(self, kind: ItemKind) -> None:
        """A new item switched between 建议 and 提案: offer that body's latest session and next
        number, unless the user already typed their own."""
        if self._record.id is not None or kind is self._defaults.kind:
            return
        fresh = self._cases.new_record(kind)
        ui = self.ui
        if ui.sessionCombo.currentText().strip() == self._defaults.session_name:
            ui.sessionCombo.setEditText(fresh.session_name)
        if ui.numberEdit.text().strip() == self._defaults.number:
            ui.numberEdit.setText(fresh.number)
        self._defaults = fresh

    def _make_read_only(self) -> None:
        fields = (
            self.basic.fields + self.reply.fields + self.proposers.fields
            + self.units.fields + self.contacts.fields
        )
        set_read_only(fields)
        for editor in (self.proposers.editor, self.units.editor, self.contacts.editor):
            editor.set_read_only(True)
        self.attachments.set_read_only(True)
        self.ui.saveButton.setVisible(False)
        self.ui.deleteButton.setVisible(False)
        reason = self._services.read_only_reason or "数据库以只读方式打开"
        self.ui.readOnlyLabel.setText(f"只读：{reason}。此窗口中的修改不能保存。")
        self.ui.readOnlyLabel.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.ui.readOnlyLabel.setVisible(True)

    def _refresh_modified(self, *_args) -> None:
        if not hasattr(self, "_baseline"):
            return
        draft = self.draft()
        noun = draft.kind.label
        if draft.number or draft.title:
            number = f"第{draft.number}号 " if draft.number else ""
            title = f"{number}{draft.title}[*] — {noun}"
        else:
            title = f"新建{noun}[*]" if draft.id is None else f"{noun}[*]"
        self.setWindowTitle(title)
        self.setWindowModified(not self._read_only and self.is_modified())
        self.basic.offer_statuses(draft, self._record.status, self._facts)

    # ---- saving

    def save(self) -> None:
        """Validate, then save through the runner; the dialog stays open on the saved record."""
        if self._saving or self._read_only:
            return
        record = self.draft()
        problems = self._form_problems()
        problems += [p for p in self._cases.validate(record) if p not in problems]
        if problems:
            self._close_after_save = False
            self._show_problems(problems)
            return
        self._write(case_ops.save_case(self._services, record))

    def finalise(self) -> None:
        """定稿: save the draft with its first reply final, in one service call; the service's
        rules (答复日期, 办理结果, 承诺事项, 会办意见, 联合办理, the checklist's gates) may refuse."""
        if self._saving or self._read_only:
            return
        record = self.draft()
        problems = self._form_problems()
        if problems:
            self._show_problems(problems, "不能定稿")
            return
        override = ""
        gates = self._cases.finalise_gates(record)
        if gates:
            # 会办意见 or joint handling missing: refused unless the user records why (domain.md §4).
            override = message_boxes.ask_text(
                self, "不能定稿", "\n".join(gates) + "\n\n如确需先定稿，请写明理由（记入修改记录）；否则点“取消”。",
                "", "写明理由后定稿")
            if override is None:
                return
            if not override.strip():
                message_boxes.show_warning(self, "不能定稿", "越过会办意见或联合办理的要求定稿，须写明理由。")
                return
        noun = record.kind.label
        if not message_boxes.confirm(
            self, "定稿",
            f"定稿后，本{noun}的答复计入办复率，状态改为“已答复”，答复内容不能再直接修改"
            "（须先取消定稿并写明理由）。\n窗口中尚未保存的修改将一并保存。确定定稿吗？", "定稿",
        ):
            return
        self._write(case_ops.finalise_reply(self._services, record, 1, override))

    def unfinalise(self) -> None:
        """取消定稿, with the reason the user gives (kept in the item's history)."""
        if self._saving or self._read_only:
            return
        reason = message_boxes.ask_text(
            self, "取消定稿", "取消定稿后答复回到草稿，不计入办复率。请写明理由（记入修改记录）：", "", "取消定稿")
        if reason is None:
            return
        if not reason.strip():
            message_boxes.show_warning(self, "不能取消定稿", "取消定稿须写明理由，例如“代表补充了意见，答复需重写”。")
            return
        record = self.draft()
        self._write(case_ops.unfinalise_reply(self._services, record, 1, reason))

    def _write(self, op: Op) -> None:
        """Run one service write through the runner; refusals the editor explains itself."""
        self._writing = op.title
        self._saving = True
        self.ui.saveButton.setEnabled(False)
        # Edits typed while the save runs would be overwritten by the reload that follows it.
        self._focus_before_save = self.focusWidget()
        self.ui.sectionTabs.setEnabled(False)
        operation = self._runner.run(op, on_success=self._saved, initiator=self)
        operation.failed.connect(self._save_failed)

    def _end_saving(self) -> None:
        self._saving = False
        self.ui.saveButton.setEnabled(True)
        self.ui.sectionTabs.setEnabled(True)
        if self._focus_before_save is not None:
            self._focus_before_save.setFocus()

    def _saved(self, result) -> None:
        self._end_saving()
        if isinstance(result, Refused):
            self._close_after_save = False
            self._refused(result.error)
            return
        changes, item_id = result
        editors = (self.proposers.editor, self.units.editor, self.contacts.editor)
        selected = [editor.current_row() for editor in editors]
        self._load(self._cases.get(item_id))
        for editor, position in zip(editors, selected):
            if position > 0:
                editor.select(position)
        self.case_saved.emit(changes)
        if self._close_after_save:
            self._finish(QDialog.DialogCode.Accepted)

    def _save_failed(self, _error) -> None:
        # The runner has already shown the error; the draft stays in the widgets.
        self._end_saving()
        self._close_after_save = False

    def _refused(self, error: DomainError) -> None:
        if isinstance(error, ValidationError):
            self._show_problems(error.problems, f"不能{self._writing}")
        elif isinstance(error, ConflictError):
            self._conflict()
        else:
            noun = self._record.kind.label
            message_boxes.show_warning(
                self, "无法保存",
                f"该{noun}已被他人删除，无法保存。\n您的修改仍在此窗口中，可以复制需要的内容后关闭。",
            )

    def _conflict(self) -> None:
        noun = "建议" if self._record.kind is ItemKind.SUGGESTION else "提案"
        if case_prompts.ask_conflict(self, noun) != case_prompts.RELOAD:
            return
        if not message_boxes.confirm(
            self, "重新载入", "重新载入将放弃您在此窗口中尚未保存的全部修改。确定重新载入吗？", "重新载入"
        ):
            return
        try:
            self._load(self._cases.get(self._record.id))
        except NotFoundError:
            message_boxes.show_warning(self, "重新载入", f"该{noun}已被他人删除，无法重新载入。")

    def _form_problems(self) -> list[str]:
        """What the widgets themselves can tell before asking the service."""
        problems = self._bad_dates()
        draft = self.draft()
        if draft.status is not None and draft.status is not self._record.status:
            problem = status_problem(ItemStatus(draft.status), draft, self._facts)
            if problem:
                problems.append(f"状态不能改为“{ItemStatus(draft.status).label}”：{problem}")
        proposers = self.proposers.rows()
        if proposers and not any(p.role is ProposerRole.LEAD for p in proposers):
            said = words(self.basic.kind())
            problems.append(f"{said.proposer_label}名单中没有{said.lead_label}，"
                            f"请在“{said.proposer_label}”页把其中一位设为领衔。")
        return problems

    def _bad_dates(self) -> list[str]:
        problems = []
        for edit in self.findChildren(DateLineEdit):
            if not edit.is_valid():
                problems.append(
                    f"{_field_name(self, edit)}“{edit.text()}”不是有效日期，请按 年-月-日 填写（如 2024-06-03），或清空。"
                )
        return problems

    def _show_problems(self, problems: list[str], title: str = "不能保存") -> None:
        action = title.removeprefix("不能")
        message_boxes.show_warning(
            self, title, f"请先改正以下问题再{action}：\n\n" + "\n".join(f"· {p}" for p in problems))
        widget = self._row_field_for(problems[0]) or _widget_for(self, problems[0])
        if widget is not None:
            self._focus(widget)

    def _row_field_for(self, problem: str) -> QWidget | None:
        """A problem naming a unit or a proposer selects its row and returns its first field."""
        sections = (
            (self.units, lambda row: row.unit_name, self.ui.unitCombo),
            (self.proposers, lambda row: row.name, self.ui.proposerNameEdit),
        )
        for section, name_of, field in sections:
            for position, row in enumerate(section.model.rows()):
                name = name_of(row)
                if name and name in problem:
                    section.editor.select(position)
                    return field
        return None

    def _focus(self, widget: QWidget) -> None:
        tabs = self.ui.sectionTabs
        for index in range(tabs.count()):
            if tabs.widget(index).isAncestorOf(widget):
                tabs.setCurrentIndex(index)
                break
        widget.setFocus()

    # ---- printing

    def _make_print_menu(self) -> QMenu:
        """The documents of this item, as the main window's 打印 menu offers them for a row."""
        menu = QMenu(self)
        menu.setObjectName("editorPrintMenu")
        for form in PREVIEW_FORMS:
            action = menu.addAction(f"预览{FORM_LABELS[form]}…")
            action.setObjectName(f"print_{form}Action")
            action.triggered.connect(lambda _=False, f=form: self.print_document(f))
        self.ui.printButton.setMenu(menu)
        return menu

    def print_document(self, form: str) -> None:
        """Preview (and from there print or save) ``form`` as saved; unsaved edits are not printed."""
        if self._record.id is None:
            return
        if not self._read_only and self.is_modified():
            message_boxes.show_information(
                self, "打印", "打印的是已保存的内容。窗口中还有未保存的修改，请先保存再打印。")
            return
        preview_item(self._runner, self, self._services, form, self._record)

    # ---- deleting and closing

    def delete(self) -> None:
        record = self._record
        if record.id is None or self._read_only or self._saving:
            return
        what = f"{record.session_name}第{record.number}号{record.kind.label}“{record.title}”"
        if not message_boxes.confirm(
            self, "删除", f"确定删除{what}吗？\n其{words(self._record.kind).proposer_label}、办理单位、答复、附件和历史将一并删除。", "删除"
        ):
            return
        self._runner.run(case_ops.delete_case(self._services, record.id, record.version, "删除"),
                         on_success=self._deleted, initiator=self)

    def _deleted(self, changes) -> None:
        self.case_deleted.emit(changes)
        self._finish(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Esc, Ctrl+W, 关闭 and the window's close button all come here."""
        if self._saving:
            return
        if not self._finished and not self._read_only and self.is_modified():
            choice = case_prompts.ask_unsaved(self, self._describe())
            if choice == case_prompts.CANCEL:
                return
            if choice == case_prompts.SAVE:
                self._close_after_save = True
                self.save()
                return
        self._finish(QDialog.DialogCode.Rejected)

    def _finish(self, code: QDialog.DialogCode) -> None:
        self._finished = True
        self.done(code)

    def _describe(self) -> str:
        draft = self.draft()
        if draft.number or draft.title:
            return f"第{draft.number}号{draft.kind.label}“{draft.title}”"
        return f"新{draft.kind.label}"


_FIELD_WORDS = (
    ("编号", "numberEdit"), ("届次", "sessionCombo"), ("标题", "titleEdit"), ("交办日期", "assignedOnEdit"),
    ("答复日期", "repliedOnEdit"), ("不公开理由", "disclosureReasonEdit"), ("办理结果", "resultCombo"),
    ("主办", "unitsView"), ("单位", "unitsView"), ("领衔", "proposersView"), ("代表", "proposersView"), ("提案人", "proposersView"),
    ("沟通", "contactsView"), ("领导姓名", "leaderNameEdit"), ("签发人", "signerEdit"), ("文号", "docNumberEdit"),
)


def _widget_for(dialog: CaseEditDialog, problem: str) -> QWidget | None:
    """The field a problem message is about, found by the words it uses."""
    for edit in dialog.findChildren(DateLineEdit):
        if edit.text() and f"“{edit.text()}”" in problem:
            return edit
    for word, name in _FIELD_WORDS:
        if word in problem:
            return getattr(dialog.ui, name)
    return None


def _field_name(dialog: QDialog, widget: QWidget) -> str:
    """The label text of ``widget`` without its mnemonic, e.g. 交办日期."""
    for label in dialog.findChildren(QLabel):
        if label.buddy() is widget:
            name = re.sub(r"\(&.\)", "", label.text()).replace("&", "")
            group = widget.parentWidget()
            while group is not None and group is not dialog:
                title = getattr(group, "title", None)
                if callable(title) and title():
                    return f"{title()}{name}"
                group = group.parentWidget()
            return name
    return "日期"
