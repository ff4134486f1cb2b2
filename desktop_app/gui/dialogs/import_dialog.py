"""文件 → 导入交办清单: choose a sheet, review the preview, correct the column mapping, decide
on unknown units and proposers, and confirm (gui layer).

Reading, previewing and writing run through the runner with progress and cancel. Nothing is
written before 导入 is confirmed; the service then writes everything in one transaction after a
backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QWidget

from desktop_app.gui.dialogs.case_row_editor import setup_table
from desktop_app.gui.forms.ui_import_dialog import Ui_ImportDialog
from desktop_app.gui.models.import_preview_model import ImportPreviewModel
from desktop_app.gui.operations import exchange, similarity
from desktop_app.gui.runner import OperationRunner, settle
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.screen_fit import fit_to_screen
from desktop_app.services.import_terms import FIELDS, IGNORED_LABEL, NameDecision, RowStatus

_KIND_LABEL = {"unit": "单位", "proposer": "代表/委员"}


class ImportDialog(QDialog):
    """Imports through ``services.imports``. ``result`` holds the ImportResult once the import
    was written."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.source = None
        self.preview = None
        self.result = None
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self._runner = OperationRunner.for_window(services, self)
        # The earlier-match lookup runs beside the preview: it never holds up 导入.
        self._match_runner = OperationRunner.for_window(services, self)
        self._matching = None
        self.finished.connect(lambda *_: settle(self._matching))
        self.model = ImportPreviewModel(self)
        setup_table(self.ui.previewView, self.model)
        self.mapping_combos: list[QComboBox] = []
        self.name_combos: dict[tuple[str, str], QComboBox] = {}
        self.ui.sessionCombo.addItems([""] + [s.name for s in services.reference.sessions()])
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.previewButton.clicked.connect(self.refresh_preview)
        self.ui.importButton.clicked.connect(self.confirm_import)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.skipErrorsCheck.toggled.connect(self._update)
        self._update()

    # -- reading and preview

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "选择交办清单", "", "Excel 工作簿 (*.xlsx *.xlsm *.xls);;所有文件 (*)")
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        self.ui.fileEdit.setText(str(path))
        session = self.ui.sessionCombo.currentText()
        self._start(exchange.open_sheet(self._services, path, session), self._loaded)

    def _loaded(self, result) -> None:
        self.source, preview = result
        if preview.default_session and not self.ui.sessionCombo.currentText():
            self.ui.sessionCombo.setCurrentText(preview.default_session)
        self._build_mapping(preview)
        self._show(preview)

    def refresh_preview(self) -> None:
        if self.source is None:
            return
        mapping = [combo.currentData() for combo in self.mapping_combos]
        session = self.ui.sessionCombo.currentText().strip()
        self._start(exchange.preview_import(self._services, self.source, mapping, session), self._show)

    def _start(self, op, on_success) -> None:
        self.ui.importButton.setEnabled(False)
        operation = self._runner.run(op, on_success=on_success)
        operation.failed.connect(lambda _error: self._update())

    def _build_mapping(self, preview) -> None:
        form = self.ui.mappingForm
        while form.rowCount():
            form.removeRow(0)
        self.mapping_combos = []
        for column in preview.columns:
            combo = QComboBox(self.ui.mappingWidget)
            combo.setObjectName(f"mappingCombo{column.index}")
            combo.addItem(IGNORED_LABEL, None)
            for field in FIELDS:
                combo.addItem(field.label, field.key)
            combo.setCurrentIndex(max(0, combo.findData(column.field)) if column.field else 0)
            combo.currentIndexChanged.connect(lambda _i: self.refresh_preview())
            form.addRow(QLabel(column.header or f"（第 {column.index + 1} 列，无列名）"), combo)
            self.mapping_combos.append(combo)
        self.ui.saveMappingCheck.setChecked(preview.mapping_saved)

    def _show(self, preview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self._find_earlier(preview)
        self._build_names(preview)
        problems = preview.problems
        self.ui.errorsEdit.setPlainText("\n".join(str(p) for p in problems) or "没有错误。")
        self.ui.tabs.setTabText(3, f"错误（{len(problems)}）" if problems else "错误")
        unknown = len(preview.unknown_units) + len(preview.unknown_proposers)
        self.ui.tabs.setTabText(2, f"新单位和代表、委员（{unknown}）" if unknown else "新单位和代表、委员")
        extra = []
        if preview.new_sessions:
            extra.append(f"新届次：{'、'.join(preview.new_sessions)}")
        if preview.skipped:
            extra.append(f"已跳过合计或说明行 {len(preview.skipped)} 行")
        self.ui.summaryLabel.setText(
            f"“{preview.file_name}”表头在第 {'、'.join(map(str, preview.header_rows))} 行。{preview.summary}。"
            + ("　" + "；".join(extra) if extra else ""))
        self._update()

    def _find_earlier(self, preview) -> None:
        """Each new row's best earlier match and how it was handled (分办 by history), looked up
        after the preview is shown; a newer preview drops an older answer."""
        wanted = [(n, r.case) for n, r in enumerate(preview.rows) if r.status is RowStatus.NEW and r.case]
        if not wanted or not self._services.connected:
            return
        drafts = [(case.title, case.content) for _n, case in wanted]

        def found(matches) -> None:
            if self.preview is preview and isinstance(matches, list):
                self.model.set_matches({n: m for (n, _c), m in zip(wanted, matches) if m is not None})

        self._matching = self._match_runner.run(similarity.best_matches(self._services, drafts), on_success=found,
                                                background=True)

    def _build_names(self, preview) -> None:
        form = self.ui.namesForm
        while form.rowCount():
            form.removeRow(0)
        self.name_combos = {}
        units = [u.name for u in self._services.reference.units(include_inactive=True)]
        # Units are few: each gets a choice. New deputies can be thousands in a first import:
        # only those resembling a known one are asked about; the rest are created.
        asked = [*preview.unknown_units, *(p for p in preview.unknown_proposers if p.similar)]
        for unknown in asked:
            combo = QComboBox(self.ui.namesWidget)
            combo.addItem(f"新建“{unknown.name}”", None)
            for name in [*unknown.similar, *(u for u in units if unknown.kind == "unit" and u not in unknown.similar)]:
                combo.addItem(f"对应到已有的“{name}”", name)
            if unknown.similar:  # 交通委 is almost always 区交通委: proposed, the user may say otherwise
                combo.setCurrentIndex(1)
            rows = "、".join(map(str, unknown.rows[:5])) + ("…" if len(unknown.rows) > 5 else "")
            form.addRow(QLabel(f"{unknown.name}（{_KIND_LABEL[unknown.kind]}，第 {rows} 行）"), combo)
            self.name_combos[(unknown.kind, unknown.name)] = combo
        others = [p.name for p in preview.unknown_proposers if not p.similar]
        if others:
            shown = "、".join(others[:20]) + (f" 等 {len(others)} 位" if len(others) > 20 else "")
            note = QLabel(f"将新建的代表/委员（没有相近的已有名称）：{shown}", self.ui.namesWidget)
            note.setWordWrap(True)
            form.addRow(note)

    def decisions(self) -> list[NameDecision]:
        return [NameDecision(kind, name, combo.currentData()) for (kind, name), combo in self.name_combos.items()]

    def _update(self, *_args) -> None:
        preview = self.preview
        writable = not self._services.read_only
        wanted = preview is not None and (preview.count(RowStatus.NEW) + preview.count(RowStatus.UPDATE)) > 0
        blocked = preview is not None and preview.count(RowStatus.ERROR) > 0 and not self.ui.skipErrorsCheck.isChecked()
        self.ui.importButton.setEnabled(writable and wanted and not blocked and not self._runner.busy)
        self.ui.previewButton.setEnabled(self.source is not None and not self._runner.busy)
        if not writable:
            self.ui.importButton.setToolTip(f"数据库以只读方式打开，不能导入：{self._services.read_only_reason}")

    # -- writing

    def confirm_import(self) -> None:
        preview = self.preview
        if preview is None or not self.ui.importButton.isEnabled():
            return
        new, updated = preview.count(RowStatus.NEW), preview.count(RowStatus.UPDATE)
        errors = preview.count(RowStatus.ERROR)
        question = (f"将新增 {new} 件、更新 {updated} 件" + (f"，跳过有错误的 {errors} 行" if errors else "")
                    + "。\n导入前程序会自动备份数据库；导入全部成功或全部不做，不会只导入一半。\n\n确定导入吗？")
        if not message_boxes.confirm(self, "导入交办清单", question, "导入"):
            return
        decisions, skip = self.decisions(), self.ui.skipErrorsCheck.isChecked()
        remember = None
        if self.ui.saveMappingCheck.isChecked() and self.source is not None:
            remember = (list(self.source.layout.headers), [combo.currentData() for combo in self.mapping_combos])
        self._start(exchange.apply_import(self._services, preview, decisions, skip, remember), self._imported)

    def _imported(self, outcome) -> None:
        _changes, self.result = outcome
        r = self.result
        message_boxes.show_information(
            self, "导入完成",
            f"已新增 {r.created} 件，更新 {r.updated} 件，无变化 {r.unchanged} 件"
            + (f"，跳过有错误的 {r.skipped_errors} 行" if r.skipped_errors else "")
            + (f"。\n导入前的备份：{r.backup_path}" if r.backup_path else "。"))
        self.accept()
