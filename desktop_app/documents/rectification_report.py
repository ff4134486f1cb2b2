"""The government's report on handling the 审议意见, in the seed's shape, with the 整改清单
appendix on new landscape pages, as one PDF (documents layer: DTOs in, a PDF out).

Portrait pages from the engine's ``LetterComposer``: the 文件格式 版头 (red 发文机关标志 such as
上海市崇明区人民政府文件, 发文字号 centred, red rule; blank for 套打 paper, or left out), then
(the 文号 right-aligned when there is no 版头) title, 主送, body with heading levels,
附件 line, signature and date, （此件公开发布）, and a 版记 (抄送, 印发机关, 印发日期) when filled in);
the lead-ins 一是…。 二是…。 marked ``**…**`` in
the body print in bold 仿宋, as in the seed. The appendix continues the page numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.builder import DocumentResult
from desktop_app.documents.fonts import BODY, BOLD, FontSet, find_fonts
from desktop_app.documents.forms.common import LetterComposer, body_paragraph
from desktop_app.documents.geometry.page import A4_GBT9704
from desktop_app.documents.issuer import disagreements
from desktop_app.documents.layout import LEFT, Paragraph, Run
from desktop_app.documents.model import (
    LETTERHEAD_FULL,
    LETTERHEAD_NONE,
    LETTERHEAD_PREPRINTED,
    Issuer,
    chinese_date,
)
from desktop_app.documents.rectification_appendix import draw_appendix
from desktop_app.documents.render import draw, open_canvas, pdf_bytes_of, write_pdf_file
from desktop_app.domain.rectification import Appendix

BOLD_RUN = re.compile(r"\*\*(.+?)\*\*")
LETTERHEADS = (LETTERHEAD_FULL, LETTERHEAD_PREPRINTED, LETTERHEAD_NONE)


@dataclass(frozen=True)
class RectificationReport:
    doc_number: str
    title: str
    recipient: str  # 区人大常委会
    body: str  # paragraphs, one a line; **一是…。** marks a bold lead-in
    unit_name: str
    dated: date | None
    disclosure_note: str = "此件公开发布"
    issuer_mark: str = ""  # 发文机关标志; the issuer's + 文件 when empty
    issuer: Issuer | None = None  # the unit issuing it (its letterhead, 文号 pattern, 署名)
    cc: str = ""  # 版记: 抄送
    printed_by: str = ""  # 版记: 印发机关
    printed_on: date | None = None  # 版记: 印发日期

    @property
    def mark_text(self) -> str:
        if self.issuer_mark.strip():
            return self.issuer_mark.strip()
        name = self.issuer.letterhead if self.issuer is not None else self.unit_name.strip()
        return f"{name}文件" if name else ""

    def notes(self) -> list[str]:
        """What disagrees with the issuer: 文号, 署名, title, 发文机关标志."""
        return disagreements(self.issuer, self.doc_number, self.unit_name, self.title, self.mark_text)


def _fonts_with_bold(fonts: FontSet) -> FontSet:
    choices = dict(fonts.choices)
    choices[BOLD] = fonts.choices[BODY]
    return FontSet(choices)


def _paragraph(text: str) -> Paragraph:
    para = body_paragraph(text)
    if "**" not in text or para.runs[0].role != BODY:
        return para
    runs, at = [], 0
    stripped = text.strip()
    for match in BOLD_RUN.finditer(stripped):
        if match.start() > at:
            runs.append(Run(stripped[at:match.start()]))
        runs.append(Run(match[1], BOLD))
        at = match.end()
    if at < len(stripped):
        runs.append(Run(stripped[at:]))
    return Paragraph(tuple(runs))


def _record(composer: LetterComposer, report: RectificationReport) -> None:
    """版记 (GB/T 9704 §7.4) when the user filled it in: 抄送, then 印发机关 and 印发日期."""
    composer.copy_to(report.cc)
    if report.printed_by.strip() or report.printed_on:
        composer.printed_by(report.printed_by, chinese_date(report.printed_on or report.dated))


def _draw_record_page(c: Canvas, report: RectificationReport, fonts: FontSet) -> int:
    """The 版记 on a last portrait page of its own, after the appendix (the 版记 closes the whole
    document, attachments included); such a page has no number (§7.5)."""
    g = A4_GBT9704
    composer = LetterComposer(fonts, g, report.title)
    _record(composer, report)
    if not composer.record:
        return 0
    c.setPageSize((g.width, g.height))
    return draw(c, composer.composition(number_first_page=True), fonts, g)


def _draw_report(c: Canvas, report: RectificationReport, appendix_title: str, fonts: FontSet,
                 letterhead: str) -> int:
    g = A4_GBT9704
    composer = LetterComposer(fonts, g, report.title)
    if letterhead == LETTERHEAD_NONE:
        composer.first_top = g.top
        if report.doc_number:
            composer.doc_number(report.doc_number)
            composer.blank(1)
    else:
        composer.document_head(letterhead, report.mark_text, report.doc_number)
    composer.title_lines(report.title)
    composer.blank()
    if report.recipient:
        composer.text(f"{report.recipient.rstrip('：:')}：", indent=0, align=LEFT)
    for line in report.body.splitlines():
        if line.strip():
            composer.paragraph(_paragraph(line))
    if appendix_title:
        composer.blank()
        composer.text(f"附件：{appendix_title}")
    composer.signature(report.unit_name, chinese_date(report.dated))
    if report.disclosure_note:
        composer.note(report.disclosure_note.strip("（）()"))
    if not appendix_title:
        _record(composer, report)
    c.setPageSize((g.width, g.height))
    return draw(c, composer.composition(number_first_page=True), fonts, g)


def render_rectification(target, report: RectificationReport | None, appendix: Appendix,
                         font_overrides: dict | None = None, letterhead: str = LETTERHEAD_FULL) -> DocumentResult:
    """Draw the report (when given) and the appendix into ``target`` (a path or binary file).
    ``letterhead``: full 版头, preprinted (套打: the space left blank, 文号 printed) or none."""
    if letterhead not in LETTERHEADS:
        raise ValueError(f"unknown letterhead mode {letterhead!r}")
    base = find_fonts(font_overrides)
    fonts = _fonts_with_bold(base)
    with open_canvas(target, report.title if report else appendix.title, fonts) as c:
        with_appendix = bool(appendix.rows)
        first = _draw_report(c, report, appendix.title if with_appendix else "", fonts, letterhead) if report else 0
        count = draw_appendix(c, appendix, fonts, first_number=first + 1) if with_appendix else 0
        if report and with_appendix:
            count += _draw_record_page(c, report, fonts)
    return DocumentResult.made(first + count, (first + count,), base, report.notes() if report else ())


def rectification_pdf_bytes(report, appendix, font_overrides=None,
                            letterhead: str = LETTERHEAD_FULL) -> tuple[bytes, DocumentResult]:
    return pdf_bytes_of(render_rectification, report, appendix, font_overrides, letterhead)


def write_rectification_pdf(path: str | Path, report: RectificationReport | None, appendix: Appendix,
                            font_overrides: dict | None = None, letterhead: str = LETTERHEAD_FULL) -> DocumentResult:
    """Write the PDF through ``atomic_write`` (never half a PDF)."""
    return write_pdf_file(path, render_rectification, report, appendix, font_overrides, letterhead)
