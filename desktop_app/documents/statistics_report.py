"""The printed 办理情况统计报告 (documents layer: a domain ``Report`` in, a PDF out; no DB, no Qt).

Portrait GB/T 9704 pages from the engine's ``LetterComposer``: the title (关于2024年建议提案办理情况
的统计报告), the 主送, a summary written from the headline figures as of the report's as-of date, the
附件 list (§7.3.4), signature and the 成文日期. Then one 附件 per dimension (承办单位, 届次, 类别) on
landscape pages as the 整改清单 appendix uses: 附件n in 黑体 at the top left, its title centred, and
two tables — （一）办理和满意情况, （二）办理结果、重新办理和
承诺事项 — each with a 合计 row. A table longer than the page continues on the next one under its
caption marked （续） and its header row repeated. A rate cell reads "83.3%" over "10/12".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.builder import DocumentResult
from desktop_app.documents.fonts import BODY, HEI, KAI, TITLE, FontSet, find_fonts
from desktop_app.documents.forms.common import LetterComposer, body_paragraph
from desktop_app.documents.geometry.page import A4_GBT9704, EM_ASCENT, SIZE_3
from desktop_app.documents.layout import CENTER, LEFT, Line, Paragraph, Run, Typesetter
from desktop_app.documents.model import chinese_date
from desktop_app.documents.rectification_appendix import LANDSCAPE, draw_line, draw_page_number
from desktop_app.documents.render import draw, open_canvas, pdf_bytes_of, write_pdf_file
from desktop_app.domain.statistics import DIMENSIONS, Figure, Report

CELL_SIZE = 12.0  # 小四
LEAD = CELL_SIZE * 1.3
PAD_X, PAD_Y = 3.0, 2.5
RULE = 0.75
NAME_CHARS = (5, 10)  # the name column is as wide as its longest name, within these many characters
CAPTION_SIZE = 18.0  # 小二 for a 附件's title
TOTAL = "合计"

#: (sub-caption, columns); a column is (header, figure key). Figures with a base print as rates.
TABLES = (
    ("（一）办理情况", (
        ("应办\n件数", "total"), ("办复率", "replied"), ("按期\n办复率", "on_time"), ("见面率", "met"),
        ("公开率", "public"), ("逾期\n未公开", "public_overdue"), ("会办\n意见", "co_handled"),
        ("会办意见\n按期率", "co_on_time"),
    )),
    ("（二）满意情况", (
        ("满意率\n（按件）", "satisfied"), ("满意\n（件）", "fully_satisfied"), ("基本满意\n（件）", "fairly_satisfied"),
        ("不满意\n（件）", "dissatisfied"), ("办理态度\n满意率", "attitude_satisfied"),
        ("满意率\n（按人次）", "forms_satisfied"), ("不满意\n（按人次）", "forms_dissatisfied"),
    )),
    ("（三）办理结果（最终答复）、重新办理和承诺事项", (
        ("已经\n解决", "result_solved"), ("正在\n解决", "result_solving"), ("计划\n解决", "result_planned"),
        ("留作\n参考", "result_reference"), ("解决\n采纳率", "adopted"), ("重新\n办理", "rehandled"),
        ("二次\n答复", "second_replied"), ("未落实\n承诺事项", "commitments_open"),
        ("超期\n承诺事项", "commitments_overdue"), ("承诺事项\n按期落实率", "commitments_kept"),
    )),
    ("（四）首次答复的办理结果", (
        ("已经\n解决", "first_solved"), ("正在\n解决", "first_solving"), ("计划\n解决", "first_planned"),
        ("留作\n参考", "first_reference"),
    )),
)
NOTE = ("注：多个单位主办的件在各单位各计一次，合计按件计；会办意见按份计，承诺事项按项计，按人次的满意率按反馈表份数计，"
        "其余按件计。各项指标的统计口径如下：")


def definition_notes(report: Report) -> list[str]:
    """The footnotes: every figure printed in the tables with its definition, numbered."""
    keys = [key for _caption, columns in TABLES for _h, key in columns]
    notes = [f"{i}．{report.overall[key].label}：{report.overall[key].definition}" for i, key in enumerate(keys, start=1)]
    if report.counting_note:
        notes.append(f"{len(notes) + 1}．政协提案：{report.counting_note}")
    return notes


def scope_text(report: Report) -> str:
    """截至… and, with a period, the items counted: what every page of tables is headed with."""
    text = f"截至{chinese_date(report.as_of)}"
    return text + (f"，{report.period.label}" if report.period is not None else "")


NOTE_SIZE = 10.5  # 五号


@dataclass(frozen=True)
class StatisticsReportData:
    report: Report
    title: str = ""  # default: 关于{截至年份}年建议提案办理情况的统计报告
    unit_name: str = ""
    dated: date | None = None  # 成文日期 (the figures are as of ``report.as_of``, said in the text)
    recipient: str = ""  # 主送机关

    @property
    def full_title(self) -> str:
        return self.title.strip() or default_title(self.report.as_of)


def default_title(as_of: date) -> str:
    return f"关于{as_of.year}年建议提案办理情况的统计报告"


def appendix_titles() -> list[str]:
    return [f"按{label}统计的办理情况" for _key, label in DIMENSIONS]


# ---- the summary ------------------------------------------------------------------------------

def percent(f: Figure) -> str:
    rate = f.rate
    return "—" if rate is None else f"{rate * 100:.1f}%"


def summary_paragraphs(report: Report) -> list[str]:
    """The report's text: what was handled and how, in the figures' own words."""
    o = report.overall
    day = chinese_date(report.as_of)
    if report.period is not None:
        day += f"，{report.period.label}中"
    total = o["total"].count
    if total == 0:
        return [f"截至{day}，没有应办的建议提案。"]
    kinds = [f"{name}{report.groups[('kind', name)]['total'].count}件" for name in report.group_names("kind")]
    first = (f"截至{day}，共承办建议提案{total}件" + (f"，其中{'、'.join(kinds)}" if len(kinds) > 1 else "") +
             f"。已办复{o['replied'].count}件，办复率{percent(o['replied'])}；按期办复{o['on_time'].count}件，"
             f"按期办复率{percent(o['on_time'])}；答复前与代表委员见面沟通{o['met'].count}件，见面率{percent(o['met'])}。")
    rated = o["satisfied"].base or 0
    second = (f"收到代表委员意见反馈的{rated}件中（按件统计），满意{o['fully_satisfied'].count}件、"
              f"基本满意{o['fairly_satisfied'].count}件、不满意{o['dissatisfied'].count}件，"
              f"满意率{percent(o['satisfied'])}；按人次统计，共收到意见反馈表{o['forms_satisfied'].base or 0}份，"
              f"满意率{percent(o['forms_satisfied'])}。" if rated else "尚未收到代表委员的意见反馈。")
    second += (f"已办复的件中，已经解决{o['result_solved'].count}件、正在解决{o['result_solving'].count}件、"
               f"计划解决{o['result_planned'].count}件、留作参考{o['result_reference'].count}件，"
               f"解决采纳率{percent(o['adopted'])}；应公开发布的答复{o['public'].base or 0}件，已公开发布{o['public'].count}件，"
               f"公开率{percent(o['public'])}。")
    third = (f"重新办理{o['rehandled'].count}件，已再次答复{o['second_replied'].count}件。"
             f"承诺事项尚未落实{o['commitments_open'].count}项，其中已超过承诺期限{o['commitments_overdue'].count}项。")
    overdue = [(name, report.groups[("unit", name)]["commitments_overdue"].count)
               for name in report.group_names("unit")]
    overdue = sorted([x for x in overdue if x[1]], key=lambda x: -x[1])
    if overdue:
        third += "超期承诺事项涉及" + "、".join(f"{name}{n}项" for name, n in overdue[:6]) + \
                 ("等单位" if len(overdue) > 6 else "") + "，请督促落实。"
    late = _below_average(report, "on_time")
    if late:
        third += "按期办复率低于总体水平的单位：" + "、".join(late[:6]) + ("等" if len(late) > 6 else "") + "。"
    return [first, second, third, "各承办单位、各届次和各类别的具体数据见附件，各项指标的统计口径见附件1的注。"]


def _below_average(report: Report, key: str) -> list[str]:
    overall = report.overall[key].rate
    if overall is None:
        return []
    found = [(report.groups[("unit", n)][key].rate, n) for n in report.group_names("unit")]
    return [n for rate, n in sorted((r, n) for r, n in found if r is not None) if rate < overall - 1e-9]


# ---- portrait pages ---------------------------------------------------------------------------

def _draw_text_pages(c: Canvas, data: StatisticsReportData, fonts: FontSet) -> int:
    g = A4_GBT9704
    composer = LetterComposer(fonts, g, data.full_title)
    composer.title_lines(data.full_title)
    composer.blank()
    if data.recipient.strip():
        composer.text(f"{data.recipient.strip().rstrip('：:')}：", indent=0, align=LEFT)
    for text in summary_paragraphs(data.report):
        composer.paragraph(body_paragraph(text))
    composer.blank()
    start = len(composer.rows)
    for i, title in enumerate(appendix_titles(), start=1):
        lead = "附件：" if i == 1 else ""
        composer.paragraph(Paragraph((Run(f"{lead}{i}．{title}"),), indent=2 if i == 1 else 5, hanging=6))
    composer.signature(data.unit_name, chinese_date(data.dated))
    # The 附件 list stays with the signature: a list cut in two reads as two attachments notes.
    keep = composer.rows[-1].keep
    for row in composer.rows[start:]:
        row.keep = keep
    c.setPageSize((g.width, g.height))
    return draw(c, composer.composition(number_first_page=True), fonts, g)


# ---- landscape tables -------------------------------------------------------------------------

def cell_texts(f: Figure) -> list[str]:
    """A figure as printed in a cell: a rate over its count and base, or a plain count."""
    if f.base is None:
        return [str(f.count)]
    return [percent(f), f"{f.count}/{f.base}"]


class TablePrinter:
    """Draws the 附件 onto landscape pages of ``c``, starting new pages as needed."""

    def __init__(self, c: Canvas, fonts: FontSet, first_number: int):
        self.c, self.fonts, self.g = c, fonts, LANDSCAPE
        self.ts = Typesetter(fonts, self.g)
        self.number = first_number - 1
        self.pages = 0
        self.y = 0.0

    def _set(self, text: str, width: float, role: str = BODY, align: str = CENTER,
             size: float = CELL_SIZE, words: bool = False) -> list[Line]:
        lines: list[Line] = []
        for part in text.splitlines() or [""]:
            para = Paragraph((Run(part, role),), size=size, indent=0, align=align, grid=False, words=words)
            lines += self.ts.set_paragraph(para, x=0.0, measure=width)
        return lines

    def new_page(self) -> None:
        if self.pages:
            self._close_page()
        self.number += 1
        self.pages += 1
        self.c.setPageSize((self.g.width, self.g.height))
        self.y = self.g.top

    def _close_page(self) -> None:
        # The number (turned with the sheet) is drawn last: readers take turned text in drawing
        # order, and a page should read 附件n first.
        draw_page_number(self.c, self.fonts, self.g, self.number)
        self.c.showPage()

    def finish(self) -> None:
        if self.pages:
            self._close_page()

    @property
    def bottom(self) -> float:
        return self.g.top + self.g.block_height

    def text_line(self, text: str, role: str, size: float, align: str = LEFT, gap: float = 4.0) -> None:
        for line in self._set(text, self.g.block_width, role, align, size):
            draw_line(self.c, self.fonts, line, self.g.left, self.y + EM_ASCENT * size, self.g.height)
            self.y += size * 1.3
        self.y += gap

    def appendix(self, index: int, title: str, dim: str, report: Report) -> None:
        self.new_page()
        self.text_line(f"附件{index}", HEI, SIZE_3, gap=2)
        self.text_line(f"{title}（{scope_text(report)}）", TITLE, CAPTION_SIZE, CENTER, gap=4)
        names = report.group_names(dim)
        groups = [(n, report.groups[(dim, n)]) for n in names] + [(TOTAL, report.overall)]
        for caption, columns in TABLES:
            self.table(f"附件{index}", caption, columns, groups)
        if index == 1:
            self.note(NOTE)
            for text in definition_notes(report):
                self.note(text)

    def note(self, text: str) -> None:
        """A note paragraph; a long run of notes continues on the next page."""
        lines = self._set(text, self.g.block_width, BODY, LEFT, NOTE_SIZE)
        for line in lines:
            if self.y + NOTE_SIZE * 1.3 > self.bottom:
                self.new_page()
            draw_line(self.c, self.fonts, line, self.g.left, self.y + EM_ASCENT * NOTE_SIZE, self.g.height)
            self.y += NOTE_SIZE * 1.3

    def _widths(self, groups, columns) -> list[float]:
        longest = max(self.ts.width(n, BODY, CELL_SIZE, 0.0) for n, _f in groups)
        low, high = (k * CELL_SIZE + 2 * PAD_X for k in NAME_CHARS)
        first = min(max(longest + 2 * PAD_X + 1, low), high)
        rest = (self.g.block_width - first) / len(columns)
        return [first] + [rest] * len(columns)

    def table(self, label: str, caption: str, columns, groups) -> None:
        widths = self._widths(groups, columns)
        x = [self.g.left]
        for w in widths:
            x.append(x[-1] + w)
        header = [self._set("", widths[0] - 2 * PAD_X, HEI)] + \
                 [self._set(h, w - 2 * PAD_X, HEI, words=True) for (h, _k), w in zip(columns, widths[1:])]
        header_height = max(len(h) for h in header) * LEAD + 2 * PAD_Y
        rows = []
        for name, figures in groups:
            role = HEI if name == TOTAL else BODY
            cells = [self._set(name, widths[0] - 2 * PAD_X, role, LEFT)]
            cells += [self._set("\n".join(cell_texts(figures[key])), w - 2 * PAD_X, role)
                      for (_h, key), w in zip(columns, widths[1:])]
            rows.append((cells, max(len(cell) for cell in cells) * LEAD + 2 * PAD_Y))
        caption_height = SIZE_3 * 1.3 + 4
        if self.y + caption_height + header_height + rows[0][1] > self.bottom:
            self.new_page()
        self.text_line(caption, KAI, SIZE_3)
        top = self._header(x, header, header_height)
        for i, (cells, height) in enumerate(rows):
            # The 合计 row never stands alone at the top of a page: the last group moves with it.
            need = height + (rows[-1][1] if i == len(rows) - 2 else 0)
            if self.y + need > self.bottom + 0.01 and self.y > top + header_height + 0.01:
                self._verticals(x, top)
                self.new_page()
                self.text_line(f"{label}{caption}（续）", KAI, SIZE_3)
                top = self._header(x, header, header_height)
            self._row(x, cells, height)
        self._verticals(x, top)
        self.y += 6

    def _header(self, x, header, height) -> float:
        top = self.y
        self._row(x, header, height)
        self._hline(x, top)
        return top

    def _row(self, x, cells, height) -> None:
        for col, lines in enumerate(cells):
            start = self.y + (height - len(lines) * LEAD) / 2
            for i, line in enumerate(lines):
                baseline = start + i * LEAD + (LEAD - CELL_SIZE) / 2 + EM_ASCENT * CELL_SIZE
                draw_line(self.c, self.fonts, line, x[col] + PAD_X, baseline, self.g.height)
        self.y += height
        self._hline(x, self.y)

    def _hline(self, x, y) -> None:
        self.c.setLineWidth(RULE)
        self.c.line(x[0], self.g.height - y, x[-1], self.g.height - y)

    def _verticals(self, x, top) -> None:
        self.c.setLineWidth(RULE)
        for xv in x:
            self.c.line(xv, self.g.height - top, xv, self.g.height - self.y)


# ---- output -----------------------------------------------------------------------------------

def render_statistics_report(target, data: StatisticsReportData, font_overrides: dict | None = None) -> DocumentResult:
    """Draw the report and its 附件 into ``target`` (a path or a binary file)."""
    fonts = find_fonts(font_overrides)
    with open_canvas(target, data.full_title, fonts) as c:
        text_pages = _draw_text_pages(c, data, fonts)
        tables = TablePrinter(c, fonts, text_pages + 1)
        for index, ((dim, _label), title) in enumerate(zip(DIMENSIONS, appendix_titles()), start=1):
            tables.appendix(index, title, dim, data.report)
        tables.finish()
    total = text_pages + tables.pages
    return DocumentResult(total, (total,), fonts.summary(), fonts.warning())


def statistics_report_bytes(data: StatisticsReportData,
                            font_overrides: dict | None = None) -> tuple[bytes, DocumentResult]:
    return pdf_bytes_of(render_statistics_report, data, font_overrides)


def write_statistics_report(path: str | Path, data: StatisticsReportData,
                            font_overrides: dict | None = None) -> DocumentResult:
    """Write the PDF through ``atomic_write`` (never half a PDF)."""
    return write_pdf_file(path, render_statistics_report, data, font_overrides)
