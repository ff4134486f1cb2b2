"""The 打印 menu: preview an item's documents, and save the reply letters of the selected items
in one go (gui layer).

Installed by ``MainWindow`` with one call. ReportLab, pdfium and the print support load only when
a document is first made (start-up time). Documents are made by ``LetterService`` through the
runner (``operations.documents``); the preview dialog only shows bytes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui.operations import documents
from desktop_app.gui.widgets import message_boxes
from desktop_app.services.letter_forms import FORM_LABELS, PREVIEW_FORMS, file_name

__all__ = ["PREVIEW_FORMS", "DocumentActions", "file_name", "install", "preview_item"]

NO_SELECTION_HINT = "（请先在案件列表中选中一件；批量生成答复函可按住 Ctrl 或 Shift 选中多件）"


class DocumentActions:
    def __init__(self, window):
        self.window = window
        self.menu = window.menu("print")
        self.menu.setToolTipsVisible(True)
        # Shown (greyed, as a note) while nothing is selected: says why the entries below are grey.
        self.hint_action = window.add_action("printHintAction", NO_SELECTION_HINT)
        self.row_actions: list[QAction] = []
        for form in PREVIEW_FORMS:
            self.row_actions.append(window.add_action(
                f"preview_{form}Action", f"预览{FORM_LABELS[form]}…", lambda f=form: self.preview_selected(f),
                status_tip=f"预览列表中选中那一件的{FORM_LABELS[form]}，可打印或另存为 PDF"))
        batch_tip = "对列表中选中的各件（按住 Ctrl 或 Shift 可多选）逐件生成答复函"
        self.row_actions += [
            window.add_action("batchPrintAction", "预览并打印选中各件的答复函…", self.preview_batch, status_tip=batch_tip),
            window.add_action("batchOneFileAction", "选中各件的答复函合并为一个 PDF…", self.save_batch_one_file,
                              status_tip=batch_tip),
            window.add_action("batchFolderAction", "选中各件的答复函分别保存到文件夹…", self.save_batch_folder,
                              status_tip=batch_tip),
        ]
        for form, text, tip in (
                ("supervision", "督办通知…", "区政府办公室督促承办单位办理已超期和即将到期的事项"),
                ("assignment", "交办通知…", "区政府办公室把新交办的建议提案通知承办单位")):
            window.add_action(f"{form}NoticeAction", text, lambda f=form: self.office_letter(f), status_tip=tip)
        self.settings_action = window.add_action("letterSettingsAction", "公文与字体(&D)…", self.edit_settings)
        window.case_list.selection_changed.connect(self.update_hint)
        self.menu.aboutToShow.connect(self.update_hint)
        self.update_hint()

    # ---- helpers ---------------------------------------------------------------------------

    def connected(self) -> bool:
        return self.window.services.connected

    def selected_rows(self) -> list:
        return self.window.case_list.selected_rows()

    def update_hint(self, *_args) -> None:
        """The note on top and the entries' tooltips say why they are grey (their enabled-rule
        is in action_registry)."""
        has_rows = self.window.services.connected and bool(self.selected_rows())
        for action in self.row_actions:
            action.setToolTip("" if has_rows else NO_SELECTION_HINT)
        self.hint_action.setVisible(self.window.services.connected and not has_rows)

    # ---- settings --------------------------------------------------------------------------

    def edit_settings(self) -> None:
        if not self.connected():
            return
        services = self.window.services

        def show(result) -> None:
            from desktop_app.gui.dialogs.letter_settings_dialog import LetterSettingsDialog

            settings, summary, version = result
            dialog = LetterSettingsDialog(settings, summary, self.window)
            self.settings_dialog = dialog
            if dialog.exec() == LetterSettingsDialog.DialogCode.Accepted:
                chosen = dialog.settings()
                self.window.runner.run(documents.save_letter_settings(services, chosen, version))

        self.window.runner.run(documents.letter_settings(services), on_success=show)

    # ---- preview ---------------------------------------------------------------------------

    def preview_selected(self, form: str) -> None:
        row = self.window.case_list.selected_row() or next(iter(self.selected_rows()), None)
        if row is None or not self.connected():
            return
        preview_item(self.window.runner, self.window, self.window.services, form, row)

    def office_letter(self, form: str) -> None:
        """The office's 督办通知 or 交办通知: pick the unit and date, then preview."""
        if not self.connected():
            return
        services, runner = self.window.services, self.window.runner

        def ask(units: list[str]) -> None:
            from desktop_app.gui.dialogs.office_letter_dialog import OfficeLetterDialog

            # A child of the window: it lives until it is closed (the preview outlives it).
            OfficeLetterDialog(form, units, services, runner, self.window).open()

        runner.run(documents.office_letter_recipients(services), on_success=ask)

    # ---- batch -----------------------------------------------------------------------------

    def preview_batch(self) -> None:
        """All selected items' letters in one preview, to print them with one print dialog."""
        rows = self.selected_rows()
        if not rows or not self.connected():
            return

        def show(result) -> None:
            from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

            made, problems = result
            if made is None or problems:
                self._report((len(made[1].page_counts) if made else 0, problems), "预览窗口")
            if made is None:
                return
            pdf, info = made
            dialog = DocumentPreviewDialog(pdf, info, f"答复函（{len(rows)}件）", f"答复函（{len(rows)}件）.pdf",
                                           self.window.services, self.window)
            dialog.setModal(False)
            dialog.show()

        self.window.runner.run(documents.replies_pdf(self.window.services, rows), on_success=show)

    def save_batch_one_file(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.connected():
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "保存答复函", f"答复函（{len(rows)}件）.pdf",
                                              "PDF 文件 (*.pdf)")
        if not path:
            return
        self.window.runner.run(documents.write_replies(self.window.services, path, rows),
                               on_success=lambda r: self._report(r, path))

    def save_batch_folder(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.connected():
            return
        folder = QFileDialog.getExistingDirectory(self.window, "选择保存答复函的文件夹")
        if not folder:
            return
        self.window.runner.run(documents.write_replies_to_folder(self.window.services, folder, rows),
                               on_success=lambda r: self._report(r, folder))

    def _report(self, result, where: str) -> None:
        written, problems = result
        text = f"已生成 {written} 份答复函：{where}" if written else "没有生成任何答复函。"
        if problems:
            text += "\n\n以下各件没有生成：\n" + "\n".join(problems[:20])
            if len(problems) > 20:
                text += f"\n……另有 {len(problems) - 20} 件"
        message_boxes.show_information(self.window, "批量生成答复函", text)


def preview_item(runner, parent, services, form: str, row) -> None:
    """Make ``form`` for one item on ``runner``'s worker and show it in a preview window over
    ``parent``; ``row`` is anything with ``id``, ``number`` and ``session_name`` (a list row, or the
    editor's record). ``services`` the app's ``AppServices``."""

    def show(result) -> None:
        from desktop_app.gui.dialogs.document_preview_dialog import DocumentPreviewDialog

        pdf, info = result
        dialog = DocumentPreviewDialog(pdf, info, f"{FORM_LABELS[form]} 第{row.number}号",
                                       file_name(form, row), services, parent)
        dialog.setModal(False)
        dialog.show()

    runner.run(documents.preview(services, form, row.id), on_success=show)


def install(window) -> DocumentActions:
    return DocumentActions(window)
