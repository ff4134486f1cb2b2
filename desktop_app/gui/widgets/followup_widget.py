"""The editor's 反馈与承诺 tab (gui layer): co-signers' feedback, re-handling with the second reply,
承诺事项 (add, propose from the reply text, close with evidence, carry over, 落实告知函), the
disclosure copy of the reply, and the item's 回头看 entries (read-only).

Each action here is its own small write (not part of the editor's draft): it moves the item's
version, so the tab refuses to write while the editor holds unsaved edits, and reloads the editor
after each write so that its next save does not conflict.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.enums import CommitmentStatus, FeedbackChannel, ItemKind, ItemStatus, Rating, ResultCategory
from desktop_app.domain.errors import DomainError
from desktop_app.domain.followup import commitment_due, propose_commitments
from desktop_app.domain.wording import words
from desktop_app.file_names import safe_file_name
from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.models.row_table_model import Column, RowTableModel, text_or_blank
from desktop_app.gui.operations import Refused, followup
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.review_history import ReviewHistoryBox
from desktop_app.services.followup import FeedbackEntry

NEW_ITEM_TEXT = "保存此件后，才能在这里录入代表反馈和承诺事项。"


def _combo(parent, members, blank: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if blank is not None:
        combo.addItem(blank, None)
    for m in members:
        combo.addItem(m.label, m)
    return combo


def _picked(combo: QComboBox, enum_cls):
    """The member chosen in ``combo`` (Qt hands the stored code back as a plain str)."""
    code = combo.currentData()
    return None if code is None else enum_cls(code)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def _due_text(c) -> str:
    if c.due_on and c.due_term:
        return f"{c.due_on.isoformat()}（{c.due_term}）"
    return c.due_on.isoformat() if c.due_on else c.due_term


def _outcome_text(c) -> str:
    if c.status is CommitmentStatus.DONE:
        return f"{text_or_blank(c.closed_on)} {c.evidence}".strip()
    if c.status is CommitmentStatus.CARRIED:
        return f"结转 {c.carried_to_year} 年：{c.carried_reason}"
    return ""


class FollowupSection:
    """Adds the 反馈与承诺 tab to ``dialog`` (a CaseEditDialog); ``load(record)`` after each load.
    Writes go through the editor's runner, queued with every other write."""

    def __init__(self, dialog):
        self.dialog = dialog
        self._services = services = dialog.services
        self._read_only = bool(services.read_only)
        self.service = services.followup
        self.letters = services.followup_letters
        self.record = None
        page = QWidget(dialog)
        page.setObjectName("followupTab")
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.state_label = QLabel(page)
        self.state_label.setObjectName("followupStateLabel")
        self.state_label.setWordWrap(True)
        top.addWidget(self.state_label, 1)
        self.disclosure_button = QPushButton("公开文本（去除联系方式）…", page)
        self.disclosure_button.setObjectName("disclosureButton")
        self.disclosure_button.clicked.connect(self.review_disclosure)
        top.addWidget(self.disclosure_button)
        layout.addLayout(top)
        # Three parts, one at a time, so each table has the height of the page on a 768-pixel
        # laptop screen (all three stacked left one or two rows each).
        self.parts = QTabWidget(page)
        self.parts.setObjectName("followupParts")
        self.parts.setDocumentMode(True)
        feedback_page = QWidget(self.parts)
        feedback_layout = QVBoxLayout(feedback_page)
        feedback_layout.setContentsMargins(0, 6, 0, 0)
        feedback_layout.addWidget(self._feedback_box(feedback_page), 1)
        feedback_layout.addWidget(self._second_reply_box(feedback_page))
        self.parts.addTab(feedback_page, "代表反馈(&F)")
        commitment_page = QWidget(self.parts)
        commitment_layout = QVBoxLayout(commitment_page)
        commitment_layout.setContentsMargins(0, 6, 0, 0)
        commitment_layout.addWidget(self._commitment_box(commitment_page), 1)
        self.parts.addTab(commitment_page, "承诺事项(&M)")

        # The box hides itself when the item has no entries: it sits in a page of its own.
        review_page = QWidget(self.parts)
        review_layout = QVBoxLayout(review_page)
        review_layout.setContentsMargins(0, 6, 0, 0)
        self.review_box = ReviewHistoryBox(services.review, review_page)
        self.no_review_label = QLabel("此件还没有回头看记录（在 跟踪 → 回头看 中记录）。", review_page)
        review_layout.addWidget(self.review_box, 1)
        review_layout.addWidget(self.no_review_label)
        review_layout.addStretch(0)
        self.parts.addTab(review_page, "回头看(&K)")
        layout.addWidget(self.parts, 1)
        tabs = dialog.ui.sectionTabs
        tabs.insertTab(tabs.indexOf(dialog.ui.replyTab) + 1, page, "&6 反馈与承诺")  # right after 答复
        self.page = page

    # ---- building ---------------------------------------------------------------------------

    def _feedback_box(self, page) -> QGroupBox:
        box = QGroupBox(page)
        self.feedback_box = box
        layout = QVBoxLayout(box)
        self.feedback_view = QTableView(box)
        self.feedback_view.setObjectName("feedbackView")
        self.feedback_model = RowTableModel([
            Column("填表人", lambda r: r.proposer_name),
            Column("办理态度", lambda r: text_or_blank(r.attitude)),
            Column("办理结果", lambda r: text_or_blank(r.outcome)),
            Column("日期", lambda r: text_or_blank(r.received_on)),
            Column("方式", lambda r: text_or_blank(r.channel)),
            Column("答复轮次", lambda r: f"第{r.reply_round}次" if r.reply_round else ""),
            Column("意见表出处", lambda r: r.form_reference or "（未注明）"),
            Column("录入人", lambda r: r.entered_by),
            Column("意见", lambda r: r.comment),
        ], box)
        setup_table(self.feedback_view, self.feedback_model)
        layout.addWidget(self.feedback_view, 1)
        form = QFormLayout()
        self.proposer_combo = QComboBox(box)
        self.attitude_combo = _combo(box, Rating, "（未评）")
        self.outcome_combo = _combo(box, Rating, "（未评）")
        self.feedback_date = QDateEdit(box, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.channel_combo = _combo(box, FeedbackChannel)
        self.reference_edit = QLineEdit(box)
        self.comment_edit = QLineEdit(box)
        ratings = QHBoxLayout()
        ratings.addWidget(QLabel("办理态度", box))
        ratings.addWidget(self.attitude_combo)
        ratings.addWidget(QLabel("办理结果", box))
        ratings.addWidget(self.outcome_combo)
        ratings.addWidget(QLabel("日期", box))
        ratings.addWidget(self.feedback_date)
        ratings.addWidget(QLabel("方式", box))
        ratings.addWidget(self.channel_combo)
        self.proposer_label, self.comment_label = QLabel(box), QLabel(box)
        form.addRow(self.proposer_label, self.proposer_combo)
        form.addRow("评价", ratings)
        form.addRow("意见表出处", self.reference_edit)
        form.addRow(self.comment_label, self.comment_edit)
        self._say(ItemKind.SUGGESTION)
        layout.addLayout(form)
        self.add_feedback_button = QPushButton("录入反馈", box)
        self.add_feedback_button.setObjectName("addFeedbackButton")
        self.add_feedback_button.clicked.connect(self.add_feedback)
        layout.addWidget(self.add_feedback_button)
        return box

    def _second_reply_box(self, page) -> QGroupBox:
        box = QGroupBox("重新办理：再次答复", page)
        self.second_box = box
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        column.addLayout(row)
        self.second_body = QPlainTextEdit(box, placeholderText="再次答复的正文（与此前每一轮答复并存，不覆盖）")
        self.second_body.setMaximumHeight(90)
        column.addWidget(self.second_body)
        self.second_date = QDateEdit(box, calendarPopup=True, displayFormat="yyyy-MM-dd")
        # Unset until the user chooses: a pre-set 已经解决 would be saved unread.
        self.second_result = _combo(box, ResultCategory, "（请选择）")
        self.second_result.setObjectName("secondResultCombo")
        self.second_doc_edit = QLineEdit(box, placeholderText="文号")
        self.second_button = QPushButton("登记再次答复", box)
        self.second_button.setObjectName("secondReplyButton")
        self.second_button.clicked.connect(self.add_second_reply)
        for label, widget in (("答复日期", self.second_date), ("办理结果", self.second_result), ("文号", self.second_doc_edit)):
            row.addWidget(QLabel(label, box))
            row.addWidget(widget)
        row.addWidget(self.second_button)
        return box

    def _commitment_box(self, page) -> QGroupBox:
        box = QGroupBox("承诺事项", page)
        layout = QVBoxLayout(box)
        self.commitment_view = QTableView(box)
        self.commitment_view.setObjectName("commitmentView")
        self.commitment_model = RowTableModel([
            Column("承诺内容", lambda c: c.description),
            Column("承诺期限", _due_text),
            Column("状态", lambda c: c.status.label),
            Column("落实 / 结转", _outcome_text),
        ], box)
        setup_table(self.commitment_view, self.commitment_model)
        layout.addWidget(self.commitment_view, 1)
        add = QHBoxLayout()
        self.description_edit = QLineEdit(box, placeholderText="做什么（例如 完成新河镇道路修复）")
        self.due_edit = QLineEdit(box, placeholderText="2025-06-30、年底前、明年，或 2025-06-30 持续推进")
        self.due_edit.setObjectName("commitmentDueEdit")
        self.due_edit.setToolTip("承诺事项必须有完成日期才能跟踪和提醒。年底前、明年等按答复年份换算为年底的日期；"
                                 "持续推进的事项写下次检查的日期。")
        self.due_hint = QLabel(box)
        self.due_hint.setObjectName("commitmentDueHint")
        self.due_edit.textChanged.connect(self._show_due)
        self.add_commitment_button = QPushButton("添加", box)
        self.add_commitment_button.setObjectName("addCommitmentButton")
        self.add_commitment_button.clicked.connect(self.add_commitment)
        add.addWidget(self.description_edit, 3)
        add.addWidget(self.due_edit, 2)
        add.addWidget(self.due_hint)
        add.addWidget(self.add_commitment_button)
        layout.addLayout(add)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton("从答复中提取承诺…", box)
        self.close_button = QPushButton("标为已落实…", box)
        self.close_button.setObjectName("closeCommitmentButton")
        self.carry_button = QPushButton("结转下年…", box)
        self.notice_button = QPushButton("落实告知函…", box)
        for button, slot in ((self.propose_button, self.propose), (self.close_button, self.close_commitment),
                             (self.carry_button, self.carry_over), (self.notice_button, self.print_notice)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # ---- loading ----------------------------------------------------------------------------

    def _say(self, kind) -> None:
        """代表 for a 建议, 提案人 for a 提案 (``domain.wording``)."""
        who = words(kind).proposer_label
        self.feedback_box.setTitle(f"{who}反馈（征询意见表，按{who}本人填写的录入）")
        self.reference_edit.setPlaceholderText(f"{who}本人意见表的编号、网上反馈编号或扫描件名称")
        self.proposer_label.setText(who)
        self.comment_label.setText(f"{who}意见")
        if hasattr(self, "parts"):
            self.parts.setTabText(0, f"{who}反馈(&F)")

    def load(self, record) -> None:
        self.record = record
        self._say(record.kind)
        saved = record.id is not None
        today = _qdate(self._services.today())
        self.feedback_date.setDate(today)
        self.second_date.setDate(today)
        self.proposer_combo.clear()
        self.review_box.load(record.id)
        self.no_review_label.setVisible(self.review_box.model.rowCount() == 0)
        if not saved:
            self.feedback_model.set_rows([])
            self.commitment_model.set_rows([])
            self.state_label.setText(NEW_ITEM_TEXT)
            self._enable(False)
            return
        for proposer_id, name in self.service.cosigners(record.id):
            self.proposer_combo.addItem(name, proposer_id)
        self.feedback_model.set_rows(self.service.feedback(record.id))
        self.commitment_model.set_rows(self.service.commitments(record.id))
        self.state_label.setText(self._state_text(record))
        self._enable(not self._read_only)
        self.second_box.setVisible(record.status is ItemStatus.REHANDLING or any(r.round >= 2 for r in record.replies))
        self.second_button.setEnabled(not self._read_only and record.status is ItemStatus.REHANDLING)

    def _state_text(self, record) -> str:
        text = f"状态：{record.status.label}。"
        if record.status is ItemStatus.REHANDLING:
            rows = self.dialog.services.deadlines.item_deadlines(record.id)
            due = max((r.due_on for r in rows if r.kind is DeadlineKind.SECOND_REPLY and r.is_open), default=None)
            if due is not None:
                text += f"代表不满意，须于 {due.isoformat()} 前再次答复（反馈日期起 1 个月）。"
        for reply in sorted(record.replies, key=lambda r: r.round):
            if reply.round >= 2 and reply.replied_on:
                text += f"第 {reply.round} 次答复：{reply.replied_on.isoformat()} {text_or_blank(reply.result)}。"
        return text

    def _enable(self, enabled: bool) -> None:
        for w in (self.add_feedback_button, self.add_commitment_button, self.propose_button, self.close_button,
                  self.carry_button, self.second_button):
            w.setEnabled(enabled)
        self.notice_button.setEnabled(self.record is not None and self.record.id is not None)
        self.disclosure_button.setEnabled(self.record is not None and self.record.id is not None)

    # ---- writing ----------------------------------------------------------------------------

    def _write(self, op, after=None) -> None:
        """Run one write operation through the editor's runner (which announces its Changes);
        refuse while the editor has unsaved edits; reload the editor after, then ``after(result)``."""
        if self.dialog.is_modified():
            message_boxes.show_warning(self.page, "请先保存", "编辑窗口中还有未保存的修改。请先保存（或撤销）这些修改，再录入反馈或承诺事项。")
            return
        item_id = self.record.id

        def written(result) -> None:
            if isinstance(result, Refused):
                message_boxes.show_warning(self.page, "不能保存", str(result.error))
                return
            if self.record is not None and self.record.id == item_id:
                self.dialog.reload_item()
            if after is not None:
                after(result)

        self.dialog.runner.run(op, on_success=written)

    def add_feedback(self) -> None:
        entry = FeedbackEntry(
            self.record.id, self.proposer_combo.currentData(), _picked(self.attitude_combo, Rating),
            _picked(self.outcome_combo, Rating), _day(self.feedback_date), _picked(self.channel_combo, FeedbackChannel),
            self.comment_edit.text(), self.reference_edit.text(),
        )
        if not entry.form_reference.strip() and (entry.attitude or entry.outcome):
            if not message_boxes.confirm(
                self.page, "没有注明意见表",
                "这条评价没有注明代表本人填写的意见表出处。评价必须由代表本人作出，单位不得代填（“被满意”）。\n"
                "仍要录入吗？（建议先填写意见表编号或扫描件名称）", "仍然录入"):
                return

        def recorded(result) -> None:
            self.comment_edit.clear()
            self.reference_edit.clear()
            # The next form is another deputy's: nothing of this one may carry over to it.
            self.attitude_combo.setCurrentIndex(0)
            self.outcome_combo.setCurrentIndex(0)
            due = result[1].second_reply_due
            if due is not None:
                message_boxes.show_information(
                    self.page, "重新办理",
                    f"代表对办理结果不满意，此件已转为“重新办理”。再次答复须于 {due.isoformat()} 前作出。"
                    + "".join(f"\n{w}" for w in result[1].warnings if "督办" in w))

        self._write(followup.record_feedback(self._services, entry), recorded)

    def add_second_reply(self) -> None:
        result = _picked(self.second_result, ResultCategory)
        if result is None:
            message_boxes.show_warning(self.page, "登记再次答复", "请选择再次答复的办理结果（已经解决、正在解决、计划解决或留作参考）。")
            self.second_result.setFocus()
            return
        commitments = []
        if result.needs_commitment:
            # The commitment made in this reply is typed in the 承诺事项 box below and saved with it.
            due_on, term = commitment_due(self.due_edit.text().strip(), self._reply_year())
            if not self.description_edit.text().strip() or due_on is None:
                message_boxes.show_warning(
                    self.page, "登记再次答复",
                    f"办理结果为“{result.label}”的答复须至少有一项承诺事项。请先在下方“承诺事项”栏填写做什么和完成日期"
                    "（持续推进的事项写下次检查日期），再点“登记再次答复”，两者一并保存。")
                self.description_edit.setFocus()
                return
            commitments.append((self.description_edit.text(), due_on, term))

        def recorded(_result) -> None:
            self.description_edit.clear()
            self.due_edit.clear()

        self._write(followup.record_second_reply(
            self._services, self.record.id, _day(self.second_date), result,
            self.second_body.toPlainText(), self.second_doc_edit.text().strip(), commitments), recorded)

    def _reply_year(self) -> int:
        """The year 年底前 / 明年 count from: the latest reply's, else this year."""
        replies = self.record.replies if self.record is not None else ()
        return max((r.replied_on.year for r in replies if r.replied_on), default=self._services.today().year)

    def _show_due(self, text: str) -> None:
        due_on, term = commitment_due(text, self._reply_year())
        self.due_hint.setText(f"→ {due_on.isoformat()}" if due_on and term else "")

    def add_commitment(self) -> None:
        text = self.due_edit.text().strip()
        due_on, term = commitment_due(text, self._reply_year())
        if due_on is None:
            what = f"“{text}”没有具体日期" if text else "没有填写完成日期"
            message_boxes.show_warning(
                self.page, "承诺事项",
                f"承诺期限{what}。承诺事项必须有完成日期，才能跟踪、提醒并在期限看板上显示。\n"
                "请填写日期，如 2025-06-30；年底前、明年按答复年份换算为年底；"
                "持续推进的事项请写下次检查的日期，如“2025-06-30 持续推进”。")
            self.due_edit.setFocus()
            return
        def added(_result) -> None:
            self.description_edit.clear()
            self.due_edit.clear()

        self._write(followup.add_commitments(self._services, self.record.id,
                                             [(self.description_edit.text(), due_on, term)]), added)

    def propose(self) -> None:
        body = "\n".join(r.body for r in sorted(self.record.replies, key=lambda r: r.round))
        found = propose_commitments(body, self._reply_year())
        if not found:
            message_boxes.show_information(self.page, "从答复中提取承诺", "答复正文中没有找到带日期或期限（如 年底前、2025年6月）的句子。")
            return
        chosen = [p for p in choose_proposals(self.page, found) if p.due_on is not None]
        if chosen:
            self._write(followup.add_commitments(self._services, self.record.id,
                                                 [(p.description, p.due_on, p.due_term) for p in chosen]))

    def _selected(self):
        index = self.commitment_view.currentIndex()
        if not index.isValid():
            message_boxes.show_information(self.page, "承诺事项", "请先在表中选中一项承诺事项。")
            return None
        return self.commitment_model.row(index.row())

    def close_commitment(self) -> None:
        c = self._selected()
        if c is None:
            return
        evidence = message_boxes.ask_text(self.page, "标为已落实", f"“{c.description}”的落实情况或佐证材料：", "", "已落实")
        if evidence is None:
            return
        self._write(followup.close_commitment(self._services, c.id, self._services.today(), evidence, c.version))

    def carry_over(self) -> None:
        c = self._selected()
        if c is None:
            return
        year = c.due_on.year if c.due_on else self._services.today().year
        reason = message_boxes.ask_text(self.page, "结转下年", f"“{c.description}”结转 {year + 1} 年跟踪的理由：", "", "结转")
        if reason is None:
            return
        self._write(followup.carry_over(self._services, c.id, year, reason, c.version))

    def print_notice(self) -> None:
        c = self._selected()
        if c is None:
            return
        try:
            data = self.letters.commitment_notice(c.id)
        except DomainError as error:
            message_boxes.show_warning(self.page, "落实告知函", str(error))
            return
        name = safe_file_name(f"{data.title}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self.page, "保存落实告知函", name, "PDF 文件 (*.pdf)")
        if not path:
            return

        def written(result) -> None:
            if isinstance(result, Refused):
                error = result.error
                message_boxes.show_warning(self.page, "落实告知函", f"无法写入 {path}：{error}\n该文件可能正被打开，请关闭后重试。"
                                           if isinstance(error, OSError) else str(error))

        self.dialog.runner.run(followup.write_commitment_notice(self._services, c.id, path), on_success=written)

    def review_disclosure(self) -> None:
        from desktop_app.gui.dialogs.disclosure_dialog import DisclosureDialog

        try:
            copy = self.letters.disclosure_copy(self.record.id)
        except DomainError as error:
            message_boxes.show_warning(self.page, "公开文本", str(error))
            return
        DisclosureDialog(self.letters, self.record.id, copy, self.page).exec()


def choose_proposals(parent, proposals) -> list:
    """Let the user tick which proposed commitments to keep (all ticked at first)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("从答复中提取的承诺事项（请确认）")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("答复正文中这些句子带有日期或期限。勾选确属承诺的，点“添加”：", dialog))
    listing = QListWidget(dialog)
    for p in proposals:
        if p.due_on is None:
            # A commitment without a date never reaches the dashboard: add it by hand with one.
            item = QListWidgetItem(f"{p.description}（{p.due_term}，没有日期：请手工添加并写明日期）", listing)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            continue
        when = f"{p.due_on.isoformat()}（{p.due_term}）" if p.due_term else p.due_on.isoformat()
        item = QListWidgetItem(f"{p.description}（{when}）", listing)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
    layout.addWidget(listing)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton("添加", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [p for i, p in enumerate(proposals)
            if p.due_on is not None and listing.item(i).checkState() == Qt.CheckState.Checked]
