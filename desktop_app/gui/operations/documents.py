"""Operations on letters and their PDFs (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.gui.operations import Op
from desktop_app.services import files
from desktop_app.services.letter_forms import FORM_LABELS


def letter_settings(services) -> Op:
    """``(LetterSettings, fonts summary, version)``."""
    return Op("读取公文设置", services.letters.settings_and_fonts, read=True)


def save_letter_settings(services, settings, version: int | None = None) -> Op:
    """``version``: the settings' version when the dialog opened (someone else's save meanwhile refuses it)."""
    letters = services.letters
    return Op("保存公文设置", lambda: letters.save_settings(settings, version))


def preview(services, form: str, item_id: int) -> Op:
    """``(pdf, info)`` of ``form`` for one item."""
    letters = services.letters
    return Op(f"生成{FORM_LABELS[form]}", lambda: letters.pdf(form, [item_id]), read=True)


def replies_pdf(services, rows) -> Op:
    letters = services.letters
    return Op("批量生成答复函",
              lambda progress, cancelled: letters.replies_pdf(rows, progress, cancelled),
              read=True, reports_progress=True)


def write_replies(services, path, rows) -> Op:
    letters = services.letters
    return Op("批量生成答复函",
              lambda progress, cancelled: letters.write_replies(path, rows, progress, cancelled),
              read=True, reports_progress=True)


def write_replies_to_folder(services, folder, rows) -> Op:
    letters = services.letters
    return Op("批量保存答复函",
              lambda progress, cancelled: letters.write_replies_to_folder(folder, rows, progress, cancelled),
              read=True, reports_progress=True)


def office_letter(services, form: str, unit: str, day) -> Op:
    """``(pdf, info)`` of the office's 督办通知 ("supervision") or 交办通知 ("assignment") to ``unit``."""
    office = services.office_letters
    what = "督办通知" if form == "supervision" else "交办通知"
    return Op(f"生成{what}", lambda: office.pdf(form, unit, day), read=True)


def office_letter_recipients(services) -> Op:
    """The unit names the office's letters go to (refused unless our unit is the office)."""
    return Op("读取承办单位", services.office_letters.recipients, read=True)


def save_pdf(path, pdf: bytes) -> Op:
    """另存为 PDF: the previewed document's bytes written to ``path``."""
    return Op("另存为 PDF", lambda: files.save_copy(path, pdf), read=True)


def pdf_to_temp(file_name: str, pdf: bytes) -> Op:
    """The path of a temporary copy of the previewed document, to open in the system's PDF reader."""
    return Op("用其他程序打开", lambda: files.temporary_copy(file_name, pdf, "文档.pdf"), read=True)
