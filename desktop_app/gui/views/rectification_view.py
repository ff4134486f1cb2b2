"""整改清单 editor: lists on the left, rows grouped by 主要方面 with a detail pane for the long
cells, progress notes and evidence, the list's report fields, import/export/print (gui layer).

The detail pane is a draft of one row; 保存事项 is one service call. Every write and every file
goes through the runner; views refresh from the ``Changes`` broadcast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, QStringListModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QFileDialog, QHeaderView, QWidget

from desktop_app.domain.enums import RectificationStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.rectification import TERMS
from desktop_app.file_names import safe_file_name
from desktop_app.gui.app_services import AppServices
from desktop_app.gui.forms.ui_rectification_view import Ui_RectificationView
from desktop_app.gui.models.rectification_row_model import ROW_ROLE, RectificationRowModel
from desktop_app.gui.operations import rectification as ops
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.completer import set_completion
from desktop_app.services.rectification_dto import (
    KIND, REPORT_HEADS, RectificationListInfo, RectificationRowData, ReportRecord)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class UnitsCompleter(QCompleter):
    """Completes the last name of a 责任单位 line, so that several units can be picked one after
    another, separated by spaces (区政府办公室 各承办单位)."""

    def __init__(self, names: list[str], parent):
        super().__init__(parent)
        self.setModel(QStringListModel(list(names), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        words = path.split(" ")
        return [words[-1]]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt override
        words = self.widget().text().split(" ")
        return " ".join([*words[:-1], index.data()])


def _day(text: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{label}“{text}”不是日期，请写成 YYYY-MM-DD，例如 2024-10-30，或留空。") from None


class RectificationView(QWidget):
    def __init__(self, services: AppServices, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.ui = Ui_RectificationView()
        self.ui.setupUi(self)
        self.list_id = 0
        self.editing_id = 0  # the row in the detail pane (0: a new row)
        self.doc = None
        self.lists_model = QStandardItemModel(self)
        self.ui.listView.setModel(self.lists_model)
        self.ui.listView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ui.listView.selectionModel().currentChanged.connect(lambda cur, _prev: self._list_picked(cur))
        self.model = RectificationRowModel(self)
        table = self.ui.rowTable
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_picked(cur.row()))
        # Three lines of each long cell show in the table; the detail pane holds the whole text.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() * 3 + 8)
        self.ui.mainSplitter.setSizes([220, 1100])
        self.ui.mainSplitter.setStretchFactor(1, 4)
        self.ui.rowSplitter.setStretchFactor(0, 3)
        self.ui.rowSplitter.setStretchFactor(1, 2)
        self.ui.statusCombo.addItems([s.label for s in RectificationStatus])
        self.ui.deadlineCombo.addItems(["", *TERMS])
        for code, label in REPORT_HEADS:
            self.ui.headCombo.addItem(label, code)
        self.ui.progressDate.setDate(QDate.currentDate())
        for edit in (self.ui.problemEdit, self.ui.suggestionEdit, self.ui.measuresEdit):
            edit.setMinimumHeight(90)
        self._connect()
        services.changed.connect(self._changed)

    @property
    def service(self):
        """The 整改清单 service, asked for at each use: the view is built before the database opens."""
        return self.services.rectification

    def _connect(self) -> None:
        ui = self.ui
        ui.newListButton.clicked.connect(self.new_list)
        ui.deleteListButton.clicked.connect(self.delete_list)
        ui.addRowButton.clicked.connect(self.add_row)
        ui.deleteRowButton.clicked.connect(self.delete_row)
        ui.rowUpButton.clicked.connect(lambda: self._move_row(-1))
        ui.rowDownButton.clicked.connect(lambda: self._move_row(1))
        ui.aspectUpButton.clicked.connect(lambda: self._move_aspect(-1))
        ui.aspectDownButton.clicked.connect(lambda: self._move_aspect(1))
        ui.renameAspectButton.clicked.connect(self.rename_aspect)
        ui.deleteAspectButton.clicked.connect(self.delete_aspect)
        ui.saveRowButton.clicked.connect(self.save_row)
        ui.revertRowButton.clicked.connect(lambda: self._row_picked(self.current_row()))
        ui.addProgressButton.clicked.connect(lambda: self.add_progress(None))
        ui.evidenceButton.clicked.connect(self.add_evidence)
        ui.saveInfoButton.clicked.connect(self.save_info)
        ui.importButton.clicked.connect(self.import_sheet)
        ui.exportButton.clicked.connect(self.export_sheet)
        ui.printAppendixButton.clicked.connect(lambda: self.print_pdf(False))
        ui.printReportButton.clicked.connect(lambda: self.print_pdf(True))

    # ---- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.services.connected:
            return
        lists = self.service.lists()
        self.lists_model.clear()
        for info in lists:
            overdue = f"（超期 {info.overdue_count}）" if info.overdue_count else ""
            item = QStandardItem(f"{info.title}　{info.row_count} 项{overdue}")
            item.setData(info.id, ID_ROLE)
            self.lists_model.appendRow(item)
        ids = [i.id for i in lists]
        if self.list_id not in ids:
            self.list_id = ids[0] if ids else 0
        if self.list_id:
            self.ui.listView.setCurrentIndex(self.lists_model.index(ids.index(self.list_id), 0))
        self._load_document()
        units = [u.name for u in self.services.reference.units()]
        self.ui.unitsEdit.setCompleter(UnitsCompleter(["各承办单位", *units], self.ui.unitsEdit))

    def show_row(self, list_id: int, row_id: int) -> None:
        """Open ``list_id`` with ``row_id`` selected (from the deadline dashboard's 整改期限 list)."""
        self.list_id = list_id
        self.refresh()
        self._load_document(select_row=row_id)

    def _changed(self, changes) -> None:
        if changes.initiator is self:
            return  # shown by the operation's own ``after``
        if KIND in changes.kinds or "database" in changes.kinds or "unit" in changes.kinds:
            if self.isVisible():
                self.refresh()

    def _list_picked(self, index) -> None:
        list_id = index.data(ID_ROLE) if index.isValid() else 0
        if list_id and list_id != self.list_id:
            self.list_id = list_id
            self._load_document()

    def _load_document(self, select_row: int | None = None) -> None:
        self.doc = self.service.document(self.list_id) if self.list_id else None
        rows = self.doc.rows if self.doc else ()
        table = self.ui.rowTable
        table.clearSpans()
        self.model.set_rows(rows)
        for first, count in self.model.spans():
            table.setSpan(first, 0, count, 1)
        set_completion(self.ui.aspectEdit, self.doc.aspects() if self.doc else [])
        self._fill_info(self.doc.info if self.doc else None)
        ids = [r.id for r in rows]
        target = ids.index(select_row) if select_row in ids else (0 if ids else -1)
        if target >= 0:
            table.selectionModel().setCurrentIndex(
                self.model.index(target, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._row_picked(target)
        for widget in (self.ui.tabs, self.ui.exportButton, self.ui.printAppendixButton,
                       self.ui.printReportButton, self.ui.deleteListButton):
            widget.setEnabled(bool(self.list_id))

    def current_row(self) -> int:
        index = self.ui.rowTable.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def current_data(self) -> RectificationRowData | None:
        row = self.current_row()
        return self.model.index(row, 0).data(ROW_ROLE) if row >= 0 else None

    def _row_picked(self, row: int) -> None:
        data = self.model.index(row, 0).data(ROW_ROLE) if row >= 0 else None
        self._fill_detail(data or RectificationRowData(0, ""))

    def _fill_detail(self, data: RectificationRowData) -> None:
        ui = self.ui
        if data.id != self.editing_id and self.services.connected:
            ui.progressDate.setDate(self.services.today())  # a new row's note is dated today, app clock
        self.editing_id = data.id
        ui.aspectEdit.setText(data.aspect)
        ui.problemEdit.setPlainText(data.problem)
        ui.suggestionEdit.setPlainText(data.suggestion)
        ui.measuresEdit.setPlainText(data.measures)
        ui.unitsEdit.setText(data.units_text)
        ui.deadlineCombo.setEditText(data.deadline_on.isoformat() if data.deadline_on else data.deadline_term)
        ui.statusCombo.setCurrentIndex(list(RectificationStatus).index(data.status))
        ui.itemsEdit.setText("；".join(data.item_labels))
        ui.progressView.setPlainText("\n".join(
            f"{n.noted_on.isoformat()}　{n.note}" + (f"　〔佐证：{n.evidence_name}〕" if n.evidence_name else "")
            for n in data.progress))
        for widget in (ui.addProgressButton, ui.evidenceButton, ui.progressEdit):
            widget.setEnabled(bool(data.id))

    def _fill_info(self, info: RectificationListInfo | None) -> None:
        ui = self.ui
        info = info or RectificationListInfo(0, "")
        ui.titleEdit.setText(info.title)
        ui.opinionTitleEdit.setText(info.opinion_title)
        ui.opinionIssuerEdit.setText(info.opinion_issuer)
        ui.opinionDateEdit.setText(info.opinion_date.isoformat() if info.opinion_date else "")
        ui.docNumberEdit.setText(info.report_doc_number)
        ui.reportTitleEdit.setText(info.report_title)
        ui.reportDateEdit.setText(info.report_date.isoformat() if info.report_date else "")
        ui.reportBodyEdit.setPlainText(info.report_body)
        if self.services.connected:
            mode, mark = self.service.report_head()
            ui.headCombo.setCurrentIndex(max(ui.headCombo.findData(mode), 0))
            ui.markEdit.setText(mark)
            record = self.service.report_record()
            ui.ccEdit.setText(record.cc)
            ui.printedByEdit.setText(record.printed_by)
            ui.printedOnEdit.setText(record.printed_on.isoformat() if record.printed_on else "")

    # ---- drafts ---------------------------------------------------------------------------

    def draft(self) -> RectificationRowData:
        ui = self.ui
        current = self.current_data() if self.editing_id else None
        deadline = ui.deadlineCombo.currentText().strip()
        return RectificationRowData(
            self.editing_id, ui.aspectEdit.text().strip(), ui.problemEdit.toPlainText().strip(),
            ui.suggestionEdit.toPlainText().strip(), ui.measuresEdit.toPlainText().strip(),
            " ".join(ui.unitsEdit.text().split()), (), None, deadline,
            list(RectificationStatus)[ui.statusCombo.currentIndex()],
            current.item_ids if current else (), version=current.version if current else None)

    def _run(self, op, after=None) -> None:
        """Run ``op``; then ``after(result)`` shows what it did (else everything is read again).
        Its changes reach the other views; this one skips them (``_changed``)."""
        self.runner.run(op, on_success=after or (lambda _result: self.refresh()), initiator=self)

    # ---- lists ----------------------------------------------------------------------------

    def new_list(self) -> None:
        title = message_boxes.ask_text(self, "新建整改清单", "清单标题：", "审议意见问题整改清单", "新建")
        if not title:
            return

        def done(result) -> None:
            self.list_id = result[1]
            self.refresh()

        self._run(ops.save_list(self.services, RectificationListInfo(0, title), title="新建整改清单"), done)

    def delete_list(self) -> None:
        if self.doc and message_boxes.confirm(
                self, "删除整改清单", f"删除“{self.doc.info.title}”及其全部 {len(self.doc.rows)} 项整改事项和进展记录？此操作不能撤销。", "删除"):
            list_id, self.list_id = self.list_id, 0
            self._run(ops.delete_list(self.services, list_id))

    def save_info(self) -> None:
        ui = self.ui
        try:
            info = RectificationListInfo(
                self.list_id, ui.titleEdit.text(), ui.opinionTitleEdit.text(), ui.opinionIssuerEdit.text(),
                _day(ui.opinionDateEdit.text(), "审议意见日期"), ui.docNumberEdit.text(), ui.reportTitleEdit.text(),
                _day(ui.reportDateEdit.text(), "报告日期"), ui.reportBodyEdit.toPlainText())
            record = ReportRecord(ui.ccEdit.text(), ui.printedByEdit.text(),
                                  _day(ui.printedOnEdit.text(), "印发日期"))
        except ValidationError as error:
            message_boxes.show_warning(self, "清单信息", str(error))
            return
        head = (ui.headCombo.currentData(), ui.markEdit.text())
        self._run(ops.save_list(self.services, info, head, record))

    # ---- rows -----------------------------------------------------------------------------

    def add_row(self) -> None:
        current = self.current_data()
        self.ui.rowTable.selectionModel().clearCurrentIndex()
        self._fill_detail(RectificationRowData(0, current.aspect if current else ""))
        (self.ui.problemEdit if current else self.ui.aspectEdit).setFocus()

    def save_row(self) -> None:
        if not self.list_id:
            message_boxes.show_warning(self, "保存事项", "请先新建或选择一份整改清单。")
            return
        data, list_id, items_text = self.draft(), self.list_id, self.ui.itemsEdit.text()
        self._run(ops.save_row(self.services, list_id, data, items_text), lambda result: self._load_document(result[1]))

    def delete_row(self) -> None:
        data = self.current_data()
        if data and message_boxes.confirm(self, "删除整改事项", "删除选中的整改事项及其进展记录？", "删除"):
            self._run(ops.delete_row(self.services, data.id, data.version))

    def _move_row(self, step: int) -> None:
        data = self.current_data()
        if data:
            self._run(ops.move_row(self.services, data.id, step), lambda _r: self._load_document(data.id))

    def _move_aspect(self, step: int) -> None:
        data, list_id = self.current_data(), self.list_id
        if data:
            self._run(ops.move_aspect(self.services, list_id, data.aspect, step), lambda _r: self._load_document(data.id))

    def rename_aspect(self) -> None:
        data, list_id = self.current_data(), self.list_id
        if not data:
            return
        new = message_boxes.ask_text(self, "重命名主要方面", "新的主要方面：", data.aspect, "重命名")
        if new:
            self._run(ops.rename_aspect(self.services, list_id, data.aspect, new))

    def delete_aspect(self) -> None:
        data, list_id = self.current_data(), self.list_id
        if not data:
            return
        count = sum(1 for r in self.model.rows if r.aspect == data.aspect)
        if message_boxes.confirm(self, "删除主要方面", f"删除主要方面“{data.aspect}”及其下 {count} 项整改事项？", "删除"):
            self._run(ops.delete_aspect(self.services, list_id, data.aspect))

    # ---- progress -------------------------------------------------------------------------

    def add_progress(self, evidence: Path | None) -> None:
        if not self.editing_id:
            return
        row_id, note = self.editing_id, self.ui.progressEdit.text().strip()
        noted_on = self.ui.progressDate.date().toPython()
        status = list(RectificationStatus)[self.ui.statusCombo.currentIndex()]

        def done(_result) -> None:
            self.ui.progressEdit.clear()
            self._load_document(row_id)

        self._run(ops.add_progress(self.services, row_id, noted_on, note, evidence, status), done)

    def add_evidence(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择佐证材料", "", "所有文件 (*)")
        if path:
            self.add_progress(Path(path))

    # ---- files ----------------------------------------------------------------------------

    def import_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入整改清单", "", "Excel 工作簿 (*.xlsx *.xls)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        def done(result) -> None:
            self.list_id = result[1]
            self.refresh()

        self._run(ops.import_sheet(self.services, path), done)

    def export_sheet(self) -> None:
        if not self.doc:
            return
        name = safe_file_name(f"{self.doc.info.title}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, "导出整改清单", name, "Excel 工作簿 (*.xlsx)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self._run(ops.export_sheet(self.services, self.list_id, path),
                  lambda count: message_boxes.show_information(self, "导出整改清单", f"已导出 {count} 项到：{path}"))

    def print_pdf(self, with_report: bool) -> None:
        if not self.doc:
            return
        name = safe_file_name(f"{self.doc.info.report_title or self.doc.info.title}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "打印为 PDF", name, "PDF 文件 (*.pdf)")
        if path:
            self.print_file(Path(path), with_report)

    def print_file(self, path: Path, with_report: bool) -> None:
        list_id = self.list_id
        letterhead, mark = self.ui.headCombo.currentData(), self.ui.markEdit.text().strip()

        def done(result) -> None:
            text = f"已生成 PDF（共 {result.pages} 页）：{path}"
            message_boxes.show_information(self, "打印", text + (f"\n\n{result.warning}" if result.warning else ""))

        self._run(ops.write_pdf(self.services, list_id, path, with_report, mark, letterhead), done)
