"""The 回头看 report as a PDF (documents layer: a ``domain.review.ReviewReport`` in, a PDF out; no
DB, no Qt).

Portrait A4 on the GB/T 9704 text block: the title in 2号 小标宋 centred, the as-of date in 3号
楷体, a summary paragraph in 3号 仿宋, headings 一、 in 黑体 and （一） in 楷体, then tables in 小四
仿宋 (header row in 黑体, repeated at the top of every page a table runs onto): counts by category,
by 主办单位, by outcome, the list of each category and the entries to tell the deputy about; the
unit and date close it; the 年年提 annex (附件) follows on a new page when given. Page numbers "— n —" as on every printed form. 涉密 items are counted but
never listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.builder import DocumentResult
from desktop_app.documents.fonts import BODY, HEI, KAI, TITLE, FontSet, find_fonts
from desktop_app.documents.forms.common import split_title
from desktop_app.documents.geometry.page import A4_GBT9704, EM_ASCENT, SIZE_2, SIZE_3, PageGeometry
from desktop_app.documents.layout import CENTER, JUSTIFY, LEFT, Line, Paragraph, Run, Typesetter
from desktop_app.documents.model import chinese_date
from desktop_app.documents.rectification_appendix import draw_line, draw_page_number
from desktop_app.documents.render import open_canvas, pdf_bytes_of, write_pdf_file
from desktop_app.domain.enums import ReviewCategory
from desktop_app.domain.recurring import RecurringReport
from desktop_app.domain.review import ReviewEntryRow, ReviewReport

CELL_SIZE = 12.0  # 小四
LEAD = CELL_SIZE * 1.4
PAD_X, PAD_Y = 3.0, 3.0
RULE = 0.75
HEADINGS = "一二三四五六七八九十"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    weights: list[float]  # relative column widths
    centred: frozenset[int] = frozenset()  # columns set centred (numbers, short labels)


class ReviewComposer:
    """Lays out and draws the report page by page onto one canvas (top-down ``y`` from the page top)."""

    def __init__(self, c: Canvas, fonts: FontSet, g: PageGeometry = A4_GBT9704):
        self.c, self.fonts, self.g = c, fonts, g
        self.ts = Typesetter(fonts, g)
        self.page = 1
        self.y = g.top
        c.setPageSize((g.width, g.height))

    # ---- pages --------------------------------------------------------------------------

    @property
    def bottom(self) -> float:
        return self.g.top + self.g.block_height

    def new_page(self) -> None:
        draw_page_number(self.c, self.fonts, self.g, self.page)
        self.c.showPage()
        self.page += 1
        self.y = self.g.top

    def finish(self) -> int:
        draw_page_number(self.c, self.fonts, self.g, self.page)
        self.c.showPage()
        return self.page

    # ---- text on the grid ---------------------------------------------------------------

    def lines(self, lines: list[Line], keep_with_next: int = 0) -> None:
        pitch = self.g.pitch
        if self.y + (len(lines[:1]) + keep_with_next) * pitch > self.bottom + 0.01:
            self.new_page()
        for line in lines:
            if self.y + pitch > self.bottom + 0.01:
                self.new_page()
            draw_line(self.c, self.fonts, line, 0.0, self.g.baseline(self.y, line.size), self.g.height)
            self.y += pitch

    def title(self, text: str) -> None:
        for part in split_title(text, lambda t: self.ts.width(t, TITLE, SIZE_2, 0.0), self.g.block_width):
            para = Paragraph((Run(part, TITLE),), size=SIZE_2, indent=0, align=CENTER, grid=False)
            self.lines(self.ts.set_paragraph(para))

    def paragraph(self, text: str, role: str = BODY, align: str = JUSTIFY, indent: float = 2,
                  keep_with_next: int = 0) -> None:
        para = Paragraph((Run(text, role),), size=SIZE_3, indent=indent, align=align)
        self.lines(self.ts.set_paragraph(para), keep_with_next)

    def blank(self) -> None:
        if self.y > self.g.top:
            self.y = min(self.y + self.g.pitch, self.bottom)

    def signature(self, unit_name: str, date_text: str) -> None:
        """Unit centred over the date, the date four characters in from the right (as on letters)."""
        ts, g = self.ts, self.g
        track, cell = ts.tracking(SIZE_3, True), ts.cell(SIZE_3, True)
        date_width = ts.width(date_text, BODY, SIZE_3, track)
        centre = g.right - 4 * cell - date_width / 2
        texts = [t for t in (unit_name, date_text) if t]
        measure = max(ts.width(t, BODY, SIZE_3, track) for t in texts) + cell
        lines = []
        for text in texts:
            para = Paragraph((Run(text),), size=SIZE_3, indent=0, align=CENTER)
            lines += ts.set_paragraph(para, x=centre - measure / 2, measure=measure)
        self.lines(lines, keep_with_next=len(lines) - 1)

    # ---- tables -------------------------------------------------------------------------

    def _cell(self, text: str, width: float, role: str, align: str, words: bool = False) -> list[Line]:
        """A cell's lines; ``words`` for a header, broken between words (已经/解决)."""
        lines: list[Line] = []
        for part in (text or "").splitlines() or [""]:
            para = Paragraph((Run(part, role),), size=CELL_SIZE, indent=0, align=align, grid=False, words=words)
            lines += self.ts.set_paragraph(para, x=0.0, measure=width - 2 * PAD_X)
        return lines or [Line([], CELL_SIZE, 0.0, width, 0.0, 0.0, align, True)]

    def table(self, table: Table) -> None:
        g = self.g
        total = sum(table.weights)
        widths = [g.block_width * w / total for w in table.weights]
        xs = [g.left]
        for w in widths:
            xs.append(xs[-1] + w)
        header = [self._cell(h, w, HEI, CENTER, words=True) for h, w in zip(table.header, widths)]
        header_height = max(len(c) for c in header) * LEAD + 2 * PAD_Y
        rows = [[self._cell(text, w, BODY, CENTER if i in table.centred else JUSTIFY)
                 for i, (text, w) in enumerate(zip(row, widths))] for row in table.rows]
        # The table starts on a new page when not even its header and first row fit.
        first = max((len(c) for c in rows[0]), default=1) * LEAD + 2 * PAD_Y if rows else 0
        if self.y + header_height + min(first, 3 * LEAD + 2 * PAD_Y) > self.bottom:
            self.new_page()
        top = self.y
        self._row(header, xs, header_height)
        for cells in rows:
            starts = [0] * len(cells)
            while True:
                need = max(len(c) - s for c, s in zip(cells, starts)) * LEAD + 2 * PAD_Y
                room = self.bottom - self.y
                if need <= room + 0.01:
                    self._row([c[s:] for c, s in zip(cells, starts)], xs, need)
                    break
                fits = int((room - 2 * PAD_Y) // LEAD)
                fresh = self.bottom - g.top - header_height
                if need > fresh and fits >= 2:  # only a row taller than a page is split between lines
                    ends = [s + fits for s in starts]
                    self._row([c[s:e] for c, s, e in zip(cells, starts, ends)], xs, room)
                    starts = [min(e, len(c)) for e, c in zip(ends, cells)]
                self._close(xs, top)
                self.new_page()
                top = self.y
                self._row(header, xs, header_height)
        self._close(xs, top)
        self.y += g.pitch / 2

    def _row(self, cells: list[list[Line]], xs: list[float], height: float) -> None:
        H = self.g.height
        for col, lines in enumerate(cells):
            for i, line in enumerate(lines):
                baseline = self.y + PAD_Y + i * LEAD + (LEAD - CELL_SIZE) / 2 + EM_ASCENT * CELL_SIZE
                draw_line(self.c, self.fonts, line, xs[col] + PAD_X, baseline, H)
        self.c.setLineWidth(RULE)
        self.c.line(xs[0], H - self.y, xs[-1], H - self.y)
        self.y += height

    def _close(self, xs: list[float], top: float) -> None:
        H = self.g.height
        self.c.setLineWidth(RULE)
        self.c.line(xs[0], H - self.y, xs[-1], H - self.y)
        for x in xs:
            self.c.line(x, H - top, x, H - self.y)


def _entry_title(e: ReviewEntryRow) -> str:
    text = e.title
    if e.subject:
        text += f"\n承诺：{e.subject}"
    return text


def _entry_result(e: ReviewEntryRow) -> str:
    if not e.reviewed:
        return "未回头看"
    text = f"{e.outcome.label}\n{e.reviewed_on.month}月{e.reviewed_on.day}日"
    return text


def _list_table(entries: list[ReviewEntryRow]) -> Table:
    rows = [[f"{e.session_name}\n{e.number}", _entry_title(e), e.lead_units.replace("、", "\n"), _entry_result(e),
             e.note or e.reason] for e in entries]
    return Table(["届次编号", "标题", "主办单位", "结果", "回头看情况"], rows, [2.6, 4.2, 2.2, 1.9, 4.6],
                 frozenset({3}))


def _recurring_table(recurring: RecurringReport) -> Table:
    rows = []
    for group in recurring.groups:
        handled = "\n".join(
            f"{m.item.year}年 {m.item.number}号 {m.item.lead_units or '—'}：{m.item.result_label}" for m in group.members)
        promised = "\n".join(c for m in group.members for c in m.commitments) or "—"
        rows.append([group.title, "\n".join(map(str, group.years)), handled, promised])
    return Table(["问题（最近一件的标题）", "年度", "各年办理结果", "承诺事项"], rows, [4.0, 1.2, 4.6, 5.0],
                 frozenset({1}))


def compose_annex(doc: "ReviewComposer", recurring: RecurringReport) -> None:
    """附件 on a new page: the problems raised again this year, how each year answered them and
    what was promised."""
    doc.new_page()
    doc.paragraph("附件", HEI, indent=0, align=LEFT)
    doc.blank()
    doc.title("年年提：跨年度反复提出的问题")
    doc.blank()
    count = len(recurring.groups)
    doc.paragraph(f"本年度提出的建议提案中，有 {count} 个问题往年已经提过。" if count else
                  "本年度提出的建议提案中，没有发现往年已经提过的问题。")
    doc.paragraph(recurring.definition)
    if count:
        doc.table(_recurring_table(recurring))


def compose_report(c: Canvas, report: ReviewReport, unit_name: str, fonts: FontSet,
                   recurring: RecurringReport | None = None) -> int:
    """Draw ``report`` onto ``c`` (with the 年年提 annex when ``recurring`` is given); returns the
    number of pages."""
    doc = ReviewComposer(c, fonts)
    day = report.as_of
    doc.title(report.title)
    doc.paragraph(f"（截至{chinese_date(day)}）", KAI, CENTER, indent=0)
    doc.blank()
    o = report.progress.overall
    by = dict(report.progress.by_category)
    parts = "，".join(f"{cat.label} {by[cat].total} 条" for cat in ReviewCategory if by[cat].total)
    summary = (f"本次回头看共列入 {o.total} 条" + (f"，其中{parts}" if parts else "") +
               f"。已回头看 {o.reviewed} 条，尚未回头看 {o.total - o.reviewed} 条；"
               f"因情况变化需告知代表 {o.flagged} 条，已告知 {o.told} 条。")
    if report.secret_count:
        summary += f"涉密件 {report.secret_count} 条计入上述数字，不在清单中列出。"
    doc.paragraph(summary)
    heading = iter(HEADINGS)

    def section(title: str) -> None:
        doc.paragraph(f"{next(heading)}、{title}", HEI, keep_with_next=3)

    section("按类别统计")
    doc.table(Table(["类别", "条数", "已回头看", "未回头看", "需告知代表"],
                    [[cat.label, str(t.total), str(t.reviewed), str(t.total - t.reviewed), str(t.flagged)]
                     for cat, t in report.progress.by_category]
                    + [["合计", str(o.total), str(o.reviewed), str(o.total - o.reviewed), str(o.flagged)]],
                    [4.2, 1.6, 2, 2, 2.4], frozenset({1, 2, 3, 4})))
    section("按主办单位统计")
    short = ["已经解决", "正在计划", "留作参考", "不满意", "未完成承诺"]
    doc.table(Table(["主办单位", *short, "合计", "已回头看"],
                    [[line.unit, *map(str, line.counts), str(line.overall.total), str(line.overall.reviewed)]
                     for line in report.by_unit],
                    [3.6, 1.5, 1.5, 1.5, 1.4, 1.6, 1.2, 1.6], frozenset(range(1, 8))))
    if report.outcomes:
        section("回头看结果")
        doc.table(Table(["结果", "条数"], [[o_.label if o_ else "未回头看", str(n)] for o_, n in report.outcomes],
                        [3, 1.5], frozenset({1})))
    section("分类清单")
    sub = 0
    for cat in ReviewCategory:
        entries = report.listed(cat)
        if not entries:
            continue
        sub += 1
        doc.paragraph(f"（{HEADINGS[sub - 1]}）{cat.label}（{len(entries)} 条）", KAI, keep_with_next=3)
        doc.table(_list_table(entries))
    flagged = report.flagged()
    if flagged:
        section("需告知代表的情况变化")
        doc.table(_list_table(flagged))
    doc.blank()
    doc.signature(unit_name, chinese_date(day))
    if recurring is not None:
        compose_annex(doc, recurring)
    return doc.finish()


def render_review(target, report: ReviewReport, unit_name: str = "", font_overrides: dict | None = None,
                  recurring: RecurringReport | None = None) -> DocumentResult:
    fonts = find_fonts(font_overrides)
    with open_canvas(target, report.title, fonts) as c:
        pages = compose_report(c, report, unit_name, fonts, recurring)
    return DocumentResult(pages, (pages,), fonts.summary(), fonts.warning())


def review_pdf_bytes(report: ReviewReport, unit_name: str = "", font_overrides: dict | None = None,
                     recurring: RecurringReport | None = None):
    return pdf_bytes_of(render_review, report, unit_name, font_overrides, recurring)


def write_review_pdf(path: str | Path, report: ReviewReport, unit_name: str = "",
                     font_overrides: dict | None = None, recurring: RecurringReport | None = None) -> DocumentResult:
    """Write the PDF through ``atomic_write`` (never half a PDF)."""
    return write_pdf_file(path, render_review, report, unit_name, font_overrides, recurring)
