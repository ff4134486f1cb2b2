"""In-app preview of a printed document: pages rendered by pdfium, zoom, page navigation, print
through the system dialog at 300 dpi, save as PDF, open in the default viewer (gui layer).

The dialog holds the PDF bytes the documents layer made; it never builds documents itself, and
the copies it saves or opens elsewhere are written by the services on the dialog's runner.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop_app.file_names import safe_file_name
from desktop_app.gui.forms.ui_document_preview_dialog import Ui_DocumentPreviewDialog
from desktop_app.gui.operations import documents
from desktop_app.gui.runner import OperationRunner
from desktop_app.gui.widgets import message_boxes
from desktop_app.gui.widgets.screen_fit import fit_to_screen

PRINT_DPI = 300
SCREEN_DPI = 96
ZOOM_STEP = 1.25


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as an RGB image at ``dpi`` (a copy: pdfium's buffer is freed after)."""
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    width, height = bitmap.width, bitmap.height
    image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()


class DocumentPreviewDialog(QDialog):
    """``result`` is the documents layer's ``DocumentResult`` (pages, fonts, warning);
    ``services`` the app's, whose threads write the copies."""

    def __init__(self, pdf: bytes, result, title: str, file_name: str, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = OperationRunner.for_window(services, self)
        self.ui = Ui_DocumentPreviewDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.setWindowTitle(f"预览 — {title}")
        self.pdf = pdf
        self.file_name = safe_file_name(file_name)  # also the name of the copy opened elsewhere
        self.document = pdfium.PdfDocument(pdf)
        self.page_count = len(self.document)
        self.page = 0
        self.zoom = 1.0
        ui = self.ui
        ui.pageSpin.setMaximum(max(self.page_count, 1))
        ui.pageCountLabel.setText(f"/ {self.page_count} 页")
        ui.fontsLabel.setText(f"字体：{result.fonts}")
        ui.warningLabel.setText(result.warning)
        ui.warningLabel.setVisible(bool(result.warning))
        ui.previousButton.clicked.connect(lambda: self.show_page(self.page - 1))
        ui.nextButton.clicked.connect(lambda: self.show_page(self.page + 1))
        ui.pageSpin.valueChanged.connect(lambda value: self.show_page(value - 1))
        ui.zoomSpin.valueChanged.connect(lambda value: self.set_zoom(value / 100))
        ui.zoomInButton.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        ui.zoomOutButton.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        ui.fitWidthButton.clicked.connect(self.fit_width)
        ui.printButton.clicked.connect(self.print_document)
        ui.saveButton.clicked.connect(self.save_as)
        ui.openButton.clicked.connect(self.open_externally)
        ui.closeButton.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self, lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self, lambda: self.show_page(self.page - 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, ui.zoomInButton.click)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, ui.zoomOutButton.click)
        self.show_page(0)

    # ---- viewing ---------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        index = max(0, min(index, self.page_count - 1))
        self.page = index
        ui = self.ui
        ui.pageSpin.blockSignals(True)
        ui.pageSpin.setValue(index + 1)
        ui.pageSpin.blockSignals(False)
        ui.previousButton.setEnabled(index > 0)
        ui.nextButton.setEnabled(index < self.page_count - 1)
        image = render_page(self.document, index, SCREEN_DPI * self.zoom * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        ui.pageLabel.setPixmap(pixmap)

    def set_zoom(self, zoom: float) -> None:
        zoom = max(0.25, min(zoom, 4.0))
        if abs(zoom - self.zoom) < 0.001:
            return
        self.zoom = zoom
        self.ui.zoomSpin.blockSignals(True)
        self.ui.zoomSpin.setValue(round(zoom * 100))
        self.ui.zoomSpin.blockSignals(False)
        self.show_page(self.page)

    def fit_width(self) -> None:
        width_pt = self.document[self.page].get_width()
        available = self.ui.pageScroll.viewport().width() - 24
        self.set_zoom(available / (width_pt / 72 * SCREEN_DPI))

    # ---- output ----------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setFullPage(True)  # the PDF already carries GB/T 9704 margins
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印公文")
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Every page (or the range chosen in the dialog) at the printer's resolution, 1:1."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first and last else range(self.page_count)
        painter = QPainter()
        if not painter.begin(printer):
            message_boxes.show_warning(self, "无法打印", "无法开始打印：打印机不可用或被其他程序占用。请检查打印机后重试，或先另存为 PDF。")
            return
        try:
            dpi = printer.resolution()
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                image = render_page(self.document, index, dpi)
                painter.drawImage(QRect(0, 0, image.width(), image.height()), image)
        finally:
            painter.end()

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", self.file_name, "PDF 文件 (*.pdf)")
        if path:
            self.runner.run(documents.save_pdf(path if path.lower().endswith(".pdf") else path + ".pdf", self.pdf),
                            initiator=self)

    def open_externally(self) -> None:
        def open_copy(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                message_boxes.show_warning(self, "无法打开", "系统没有可用的 PDF 阅读器。请安装一个 PDF 阅读器，"
                                           "或“另存为 PDF”后用其他程序打开。")

        self.runner.run(documents.pdf_to_temp(self.file_name, self.pdf), on_success=open_copy, initiator=self)

    def done(self, result: int) -> None:
        # pdfium keeps the document's memory until closed; a preview may be opened many times.
        self.ui.pageLabel.clear()
        self.document.close()
        super().done(result)
