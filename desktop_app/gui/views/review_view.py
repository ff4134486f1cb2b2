"""回头看 view (gui layer): pick or create a year's campaign, see its entries with the progress,
filter them, write each entry's review in the side form, open its item, print the report and
export it to Excel, and see the 年年提 list (problems raised year after year).

Reads are direct service calls (small lists); every write and every file goes through the runner,
and the view reloads from the ``Changes`` broadcast, keeping the entry that was selected.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHeaderView, QWidget

from desktop_app.domain.enums import CampaignState, ReviewCategory, ReviewOutcome
from desktop_app.domain.review import ReviewEntryRow, outcome_choices, progress, suggests_telling
from desktop_app.file_names import safe_file_name
from desktop_app.gui.forms.ui_review_view import Ui_ReviewView
from desktop_app.gui.models.review_entry_model import ROW_ROLE, TITLE_COLUMN, ReviewEntryModel, ReviewFilterProxy
from desktop_app.gui.operations import review as review_ops
from desktop_app.gui.widgets import message_boxes

KIND = "review"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class ReviewView(QWidget):
    """``open_requested(item_id)`` when the user asks to open an entry's item in the case editor.
    The widgets come from ``ui/review_view.ui`` (``self.ui``)."""

    open_requested = Signal(int)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.campaign_id = 0
        self.campaigns = []
        self.editing: ReviewEntryRow | None = None
        self._build()
        self._connect()
        services.changed.connect(self._changed)

    # ---- building -----------------------------------------------------------------------

    def _build(self) -> None:
        ui = self.ui = Ui_ReviewView()
        ui.setupUi(self)
        ui.campaignCombo.setMinimumWidth(320)
        ui.progressBar.setMaximumWidth(220)
        ui.categoryCombo.addItem("全部类别", None)
        for category in ReviewCategory:
            ui.categoryCombo.addItem(category.label, category.value)
        self.model = ReviewEntryModel(self)
        self.proxy = ReviewFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = ui.entryTable
        table.setModel(self.proxy)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 150), (2, 60), (4, 110), (5, 90), (6, 90), (7, 90)):
            table.setColumnWidth(column, width)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([800, 420])

    def _connect(self) -> None:
        self.ui.campaignCombo.activated.connect(self._campaign_picked)
        self.ui.newCampaignButton.clicked.connect(self.new_campaign)
        self.ui.rebuildButton.clicked.connect(self.rebuild)
        self.ui.stateButton.clicked.connect(self.toggle_state)
        self.ui.printButton.clicked.connect(self.print_report)
        self.ui.exportButton.clicked.connect(self.export_report)
        self.ui.recurringButton.clicked.connect(self.show_recurring)
        self.ui.categoryCombo.currentIndexChanged.connect(self._filter)
        self.ui.pendingCheck.toggled.connect(self._filter)
        self.ui.flaggedCheck.toggled.connect(self._filter)
        self.ui.entryTable.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._entry_picked())
        # activated: a double click, or Enter on the keyboard.
        self.ui.entryTable.activated.connect(lambda _index: self.open_item())
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self.ui.tellCheck.toggled.connect(self._tell_toggled)
        self.ui.toldCheck.toggled.connect(self.ui.toldDateEdit.setEnabled)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.openItemButton.clicked.connect(self.open_item)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ---- loading ------------------------------------------------------------------------

    @property
    def service(self):
        return self.services.review

    def refresh(self) -> None:
        if not self.services.connected:
            return
        service = self.service
        self.campaigns = service.campaigns()
        ids = [c.id for c in self.campaigns]
        if self.campaign_id not in ids:
            self.campaign_id = ids[0] if ids else 0
        self.ui.campaignCombo.blockSignals(True)
        self.ui.campaignCombo.clear()
        for c in self.campaigns:
            state = "" if c.state is CampaignState.OPEN else f"，{c.state.label}"
            self.ui.campaignCombo.addItem(f"{c.title}（{c.reviewed}/{c.total}{state}）", c.id)
        if self.campaign_id:
            self.ui.campaignCombo.setCurrentIndex(ids.index(self.campaign_id))
        self.ui.campaignCombo.blockSignals(False)
        self._load_entries()

    def current_campaign(self):
        return next((c for c in self.campaigns if c.id == self.campaign_id), None)

    def _campaign_picked(self, index: int) -> None:
        campaign_id = self.ui.campaignCombo.itemData(index)
        if campaign_id and campaign_id != self.campaign_id:
            self.campaign_id = campaign_id
            self._load_entries()

    def _load_entries(self) -> None:
        keep = self.editing.id if self.editing else 0
        rows = self.service.entries(self.campaign_id) if self.campaign_id else []
        self.model.set_rows(rows)
        self._show_progress()
        self._update_buttons()
        self.select_entry(keep)

    def _show_progress(self) -> None:
        p = progress(self.model.rows())
        self.ui.progressBar.setRange(0, max(1, p.overall.total))
        self.ui.progressBar.setValue(p.overall.reviewed)
        self.ui.progressBar.setFormat(f"{p.overall.reviewed} / {p.overall.total}")
        self.ui.progressLabel.setText(p.label() if self.campaign_id else "还没有回头看。点“新建回头看”为一个年度建立清单。")
        self.ui.categoryProgressLabel.setText("　".join(f"{c.label} {t.shown()}" for c, t in p.by_category if t.total))
        self._update_shown()

    def _update_shown(self) -> None:
        self.ui.shownLabel.setText(f"显示 {self.proxy.rowCount()} / {self.model.rowCount()} 条")

    def _update_buttons(self) -> None:
        campaign = self.current_campaign()
        writable = not self.services.read_only
        is_open = campaign is not None and campaign.state is CampaignState.OPEN
        self.ui.newCampaignButton.setEnabled(writable)
        self.ui.rebuildButton.setEnabled(writable and is_open)
        self.ui.stateButton.setEnabled(writable and campaign is not None)
        self.ui.stateButton.setText("重新打开" if campaign and not is_open else "标为完成")
        self.ui.printButton.setEnabled(campaign is not None)
        self.ui.exportButton.setEnabled(campaign is not None)
        self.ui.saveButton.setEnabled(writable and is_open and self.editing is not None)

    def _changed(self, changes) -> None:
        if changes.initiator is self:
            return  # refreshed by the write's own ``on_success``
        if KIND in changes.kinds or "item" in changes.kinds or "database" in changes.kinds:
            if self.isVisible() or KIND in changes.kinds:
                self.refresh()

    def _filter(self, *_args) -> None:
        code = self.ui.categoryCombo.currentData()
        self.proxy.set_filter(ReviewCategory(code) if code else None, self.ui.pendingCheck.isChecked(),
                              self.ui.flaggedCheck.isChecked())
        self._update_shown()
        if self.editing is None or self.proxy.mapFromSource(self.model.index(self.model.row_of(self.editing.id), 0)).row() < 0:
            self.select_entry(0)

    # ---- the selected entry ---------------------------------------------------------------

    def select_entry(self, entry_id: int) -> None:
        """Select ``entry_id`` when shown, else the first shown entry (or none)."""
        row = self.model.row_of(entry_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else self.proxy.index(-1, 0)
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        selection = self.ui.entryTable.selectionModel()
        if index.isValid():
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.ui.entryTable.scrollTo(index)
        else:
            selection.clear()
        self._entry_picked()

    def current_entry(self) -> ReviewEntryRow | None:
        index = self.ui.entryTable.selectionModel().currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _entry_picked(self) -> None:
        e = self.current_entry()
        self.editing = e
        today = self.services.today()
        for widget in (self.ui.outcomeCombo, self.ui.tellCheck):
            widget.blockSignals(True)
        self.ui.outcomeCombo.clear()
        if e is None:
            self.ui.itemLabel.setText("")
            self.ui.reasonLabel.setText("")
            self.ui.noteEdit.setPlainText("")
        else:
            subject = f"\n承诺事项：{e.subject}" if e.subject else ""
            self.ui.itemLabel.setText(f"{e.session_name} {e.number}\n{e.title}{subject}\n主办：{e.lead_units or '—'}")
            self.ui.reasonLabel.setText(f"{e.category.label}：{e.reason}")
            self.ui.outcomeCombo.addItem("（请选择）", None)
            for outcome in outcome_choices(e.category):
                self.ui.outcomeCombo.addItem(outcome.label, outcome.value)
            self.ui.outcomeCombo.setCurrentIndex(max(0, self.ui.outcomeCombo.findData(e.outcome.value)) if e.outcome else 0)
            self.ui.noteEdit.setPlainText(e.note)
        self.ui.reviewedDateEdit.setDate(_qdate(e.reviewed_on if e and e.reviewed_on else today))
        self.ui.reviewerEdit.setText(e.reviewer if e else "")
        self.ui.tellCheck.setChecked(bool(e and e.tell_deputy))
        self.ui.toldCheck.setChecked(bool(e and e.told_on))
        self.ui.toldDateEdit.setDate(_qdate(e.told_on if e and e.told_on else today))
        for widget in (self.ui.outcomeCombo, self.ui.tellCheck):
            widget.blockSignals(False)
        self._tell_toggled(self.ui.tellCheck.isChecked())
        for widget in (self.ui.outcomeCombo, self.ui.noteEdit, self.ui.reviewedDateEdit, self.ui.reviewerEdit, self.ui.tellCheck,
                       self.ui.openItemButton):
            widget.setEnabled(e is not None)
        self._update_buttons()

    def _outcome_changed(self, _index: int) -> None:
        # A changed situation is what the deputy must hear about: tick it for the user, who may untick.
        if suggests_telling(self.outcome()):
            self.ui.tellCheck.setChecked(True)

    def outcome(self) -> ReviewOutcome | None:
        """The outcome chosen in the form (Qt keeps the code, a plain string)."""
        code = self.ui.outcomeCombo.currentData()
        return ReviewOutcome(code) if code else None

    def _tell_toggled(self, checked: bool) -> None:
        self.ui.toldCheck.setEnabled(checked and self.editing is not None)
        self.ui.toldDateEdit.setEnabled(checked and self.ui.toldCheck.isChecked())

    # ---- writes -------------------------------------------------------------------------

    def review_input(self):
        from desktop_app.services.review import ReviewInput

        tell = self.ui.tellCheck.isChecked()
        return ReviewInput(self.outcome(), self.ui.noteEdit.toPlainText(), _day(self.ui.reviewedDateEdit),
                           self.ui.reviewerEdit.text(), tell,
                           _day(self.ui.toldDateEdit) if tell and self.ui.toldCheck.isChecked() else None)

    def save(self) -> None:
        if self.editing is None or not self.ui.saveButton.isEnabled():
            return
        entry_id, review = self.editing.id, self.review_input()
        self.runner.run(review_ops.record_review(self.services, entry_id, review, self.editing.version),
                        on_success=lambda _result: self.refresh(), initiator=self)

    def new_campaign(self) -> None:
        years = self.service.session_years()
        taken = {c.year for c in self.campaigns}
        default = next((y for y in years if y not in taken), (max(years) if years else self.services.today().year))
        text = message_boxes.ask_text(self, "新建回头看", "对哪一年的建议提案回头看（四位年份）：", str(default), "新建")
        if text is None:
            return
        try:
            year = int(text.strip())
        except ValueError:
            message_boxes.show_warning(self, "新建回头看", f"“{text}”不是年份，请填写四位年份，例如 2024。")
            return

        def done(result) -> None:
            self.campaign_id = result[1].campaign_id
            self.refresh()
            message_boxes.show_information(self, "新建回头看", result[1].message())

        self.runner.run(review_ops.create_campaign(self.services, year), on_success=done, initiator=self)

    def rebuild(self) -> None:
        def done(result) -> None:
            self.refresh()
            message_boxes.show_information(self, "更新清单", result[1].message())

        self.runner.run(review_ops.rebuild(self.services, self.campaign_id), on_success=done, initiator=self)

    def toggle_state(self) -> None:
        campaign = self.current_campaign()
        if campaign is None:
            return
        state = CampaignState.OPEN if campaign.state is CampaignState.CLOSED else CampaignState.CLOSED
        if state is CampaignState.CLOSED:
            left = campaign.total - campaign.reviewed
            question = f"把“{campaign.title}”标为完成？完成后不能再修改，需要时可重新打开。"
            if left:
                question = f"还有 {left} 条没有回头看。" + question
            if not message_boxes.confirm(self, "标为完成", question, "标为完成"):
                return
        self.runner.run(review_ops.set_state(self.services, campaign.id, state), on_success=lambda _r: self.refresh(),
                        initiator=self)

    def open_item(self) -> None:
        if self.editing is not None:
            self.open_requested.emit(self.editing.item_id)

    def show_recurring(self) -> None:
        """The 年年提 list (every year, not only this campaign's): a window of its own."""
        from desktop_app.gui.dialogs.recurring_dialog import RecurringDialog

        self.recurring = RecurringDialog(self.services, self)
        self.recurring.open_requested.connect(self.open_requested)
        self.recurring.setModal(False)
        self.recurring.show()

    # ---- the report ---------------------------------------------------------------------

    def _report_name(self, suffix: str) -> str:
        campaign = self.current_campaign()
        return safe_file_name(f"{campaign.title}{suffix}") if campaign else f"回头看{suffix}"

    def print_report(self) -> None:
        """Preview the report; the preview prints it, saves it or opens it elsewhere."""
        campaign_id, name = self.campaign_id, self._report_name(".pdf")

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            pdf, info = result
            self.preview = DocumentPreviewDialog(pdf, info, name.removesuffix(".pdf"), name, self.services, self)
            self.preview.setModal(False)
            self.preview.show()

        self.runner.run(review_ops.report_pdf(self.services, campaign_id), on_success=show)

    def print_file(self, path: Path) -> None:
        """Save the report as a PDF at ``path`` without previewing it."""
        campaign_id = self.campaign_id

        def done(result) -> None:
            text = f"已生成回头看报告（共 {result.pages} 页）：{path}"
            message_boxes.show_information(self, "打印报告", text + (f"\n\n{result.warning}" if result.warning else ""))

        self.runner.run(review_ops.write_report(self.services, campaign_id, path), on_success=done)

    def export_report(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, "导出回头看（Excel）", self._report_name(".xlsx"),
                                               "Excel 工作簿 (*.xlsx)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        campaign_id = self.campaign_id
        self.runner.run(review_ops.export_excel(self.services, campaign_id, path),
                        on_success=lambda _r: message_boxes.show_information(self, "导出 Excel", f"已导出：{path}"))
