"""The 审议意见问题整改清单 appendix on landscape A4 (documents layer: an ``Appendix`` in, pages out).

GB/T 9704 practice for a landscape table: the portrait text block turned (225 × 156 mm, centred
left to right, 28 mm from the top); 附件 in 3号黑体 at the top left, the title in 2号小标宋 centred
on line 3; a six-column table in 小四 仿宋 with the header row (黑体) repeated on every page.
Column widths follow the amount of text (short columns 责任单位/整改期限 fit their content, the
long ones share the rest in proportion to their text, so rows come out about equally full).
主要方面 is one merged cell over its rows on each page; a group that runs onto the next page
repeats its aspect there with （续）. A row longer than what is left of a page is split between
lines and goes on under the repeated header (Word's "允许跨页断行"), so that pages come out full;
only a short row moves whole. Page numbers "— n —" where the portrait pages have theirs, turned
with the sheet (``page_number``).

Built on the engine's public pieces: ``fonts`` (roles), ``layout.Typesetter`` (measuring and
Chinese line breaking); the drawing of a table cell line is here because the engine's renderer
draws on the body grid only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.fonts import BODY, HEI, TITLE, FontSet
from desktop_app.documents.geometry.page import EM_ASCENT, MM, SIZE_2, SIZE_3, PageGeometry
from desktop_app.documents.layout import CENTER, JUSTIFY, Line, Paragraph, Run, Typesetter
from desktop_app.documents.render import set_line, write_runs
from desktop_app.documents.page_number import draw_page_number  # the statistics and review reports import it here
from desktop_app.domain.rectification import COLUMNS, CONTINUED, Appendix

# Landscape A4 with the portrait text block turned: 225 mm wide, 156 mm high.
LANDSCAPE = PageGeometry(width=297 * MM, height=210 * MM, top=28 * MM, left=36 * MM,
                         block_width=225 * MM, block_height=156 * MM, lines=15, chars=40)
CELL_SIZE = 12.0  # 小四
LEAD = CELL_SIZE * 1.4
PAD_X, PAD_Y = 3.0, 4.0
SHORT_CHARS = 7  # a column whose longest entry fits in this many characters gets just that width
MIN_CHARS = 6
RULE = 0.75
# Splitting a row across pages: at least SPLIT_HEAD lines stay at the page's foot and SPLIT_TAIL
# lines go on (a fragment of one or two lines is never left alone: the row moves whole); a row no
# taller than KEEP_WHOLE of a page is never split.
SPLIT_HEAD, SPLIT_TAIL = 3, 3
# 责任单位 and 整改期限 are printed whole on every piece of a row split across pages: a reader of
# the continued piece must see who answers for it and by when.
REPEATED = (4, 5)
KEEP_WHOLE = 1 / 3  # moving such a row whole leaves at most a third of a page blank


@dataclass
class Piece:
    """Part of a row on one page: lines ``[start, end)`` of each cell and the height it takes."""

    row: int
    starts: list[int]
    ends: list[int]
    height: float


@dataclass
class TablePage:
    top: float  # the table's top (header row's top) from the page top
    pieces: list[Piece] = field(default_factory=list)


class AppendixLayout:
    def __init__(self, appendix: Appendix, fonts: FontSet, g: PageGeometry = LANDSCAPE):
        self.appendix, self.fonts, self.g = appendix, fonts, g
        self.ts = Typesetter(fonts, g)
        self.widths = self.column_widths()
        self.x = [g.left]
        for w in self.widths:
            self.x.append(self.x[-1] + w)
        self.cells = [[self.set_cell(text, col) for col, text in enumerate(row.cells())]
                      for row in appendix.rows]
        self.header = [self.set_text(name, i, HEI, CENTER, words=True) for i, name in enumerate(COLUMNS)]
        self.header_height = max(len(h) for h in self.header) * LEAD + 2 * PAD_Y

    # ---- measuring ------------------------------------------------------------------------

    def text_width(self, text: str) -> float:
        return self.ts.width(text, BODY, CELL_SIZE, 0.0)

    def column_widths(self) -> list[float]:
        rows = self.appendix.rows
        columns = list(zip(*(r.cells() for r in rows))) if rows else [()] * 6
        aspects = list(dict.fromkeys(r.aspect for r in rows))
        char = CELL_SIZE
        longest, total = [], []
        for i, cells in enumerate(columns):
            texts = aspects if i == 0 else list(cells)
            parts = [p for t in texts for p in (t.split() if i == 4 else [t])]
            longest.append(max([self.text_width(p) for p in parts] + [self.text_width(COLUMNS[i])]))
            total.append(sum(self.text_width(t) for t in texts))
        widths: list[float | None] = [None] * 6
        for i in range(6):
            if longest[i] <= SHORT_CHARS * char:
                widths[i] = longest[i] + 2 * PAD_X + 1
        long_cols = [i for i in range(6) if widths[i] is None]
        rest = self.g.block_width - sum(w for w in widths if w is not None)
        minimum = MIN_CHARS * char + 2 * PAD_X
        # Proportional shares, but never under the minimum: fix those at the minimum and share again.
        while long_cols:
            weight = sum(total[i] for i in long_cols) or len(long_cols)
            share = {i: rest * (total[i] or 1) / weight for i in long_cols}
            small = [i for i in long_cols if share[i] < minimum]
            if not small:
                for i in long_cols:
                    widths[i] = share[i]
                break
            for i in small:
                widths[i] = minimum
                rest -= minimum
                long_cols.remove(i)
        return [float(w) for w in widths]

    def set_text(self, text: str, col: int, role: str = BODY, align: str = JUSTIFY,
                 words: bool = False) -> list[Line]:
        measure = self.widths[col] - 2 * PAD_X
        lines: list[Line] = []
        for part in text.splitlines() or [""]:
            para = Paragraph((Run(part, role),), size=CELL_SIZE, indent=0, align=align, grid=False, words=words)
            lines += self.ts.set_paragraph(para, x=0.0, measure=measure)
        return lines

    def set_cell(self, text: str, col: int) -> list[Line]:
        if col == 4:  # 区政府办公室 各承办单位: one unit a line, as offices type it in Word
            return self.set_text("\n".join(text.split()), col, align=CENTER)
        if col == 5:
            return self.set_text(text, col, align=CENTER)
        if col == 0:
            return []  # drawn over the group's pieces, per page
        return self.set_text(text, col)

    def aspect_lines(self, aspect: str, continued: bool) -> list[Line]:
        # Centred, as in the seed: a narrow cell spread to its width reads 办 法 不 多.
        return self.set_text(aspect + (CONTINUED if continued else ""), 0, align=CENTER)

    def aspect_height(self, aspect: str, continued: bool) -> float:
        return len(self.aspect_lines(aspect, continued)) * LEAD + 2 * PAD_Y

    # ---- pagination -----------------------------------------------------------------------

    def paginate(self, first_top: float) -> list[TablePage]:
        g = self.g
        bottom = g.top + g.block_height
        pages = [TablePage(first_top)]
        y = first_top + self.header_height
        rows = self.appendix.rows
        for index, row in enumerate(rows):
            counts = [len(c) for c in self.cells[index]]
            starts = [0] * 6  # REPEATED columns always start at 0
            last_of_group = index + 1 == len(rows) or rows[index + 1].aspect != row.aspect
            while True:
                page = pages[-1]
                portion = self._portion(page, row.aspect)
                continued = self._continued(pages, row.aspect) if not portion else portion[1]
                need = max(c - s for c, s in zip(counts, starts)) * LEAD + 2 * PAD_Y
                if last_of_group:
                    need = max(need, self.aspect_height(row.aspect, continued) - portion[0] if portion else
                               self.aspect_height(row.aspect, continued))
                room = bottom - y
                if need <= room + 0.01:
                    page.pieces.append(Piece(index, list(starts), list(counts), need))
                    y += need
                    break
                fits = self._split_at(counts, starts, room)
                aspect_ok = (portion[0] if portion else 0) + room >= self.aspect_height(row.aspect, continued)
                move = page.pieces and (fits < SPLIT_HEAD or not aspect_ok or self._short(counts, starts))
                if not move:
                    ends = [c if col in REPEATED else min(c, s + max(fits, 1))
                            for col, (c, s) in enumerate(zip(counts, starts))]
                    page.pieces.append(Piece(index, list(starts), ends, room))
                    starts = [0 if col in REPEATED else e for col, e in enumerate(ends)]
                pages.append(TablePage(g.top))
                y = g.top + self.header_height
        return pages

    def _split_at(self, counts: list[int], starts: list[int], room: float) -> int:
        """How many more lines of each cell go into ``room`` when the row is split there: as many
        as fit, less any that would leave fewer than ``SPLIT_TAIL`` lines for the next page."""
        fits = int((room - 2 * PAD_Y) // LEAD)
        left = max(c - s for col, (c, s) in enumerate(zip(counts, starts)) if col not in REPEATED)
        repeated = max(counts[col] for col in REPEATED)
        if fits < repeated:
            return 0  # the repeated cells do not fit beside it: move on
        return min(fits, left - SPLIT_TAIL)

    def _short(self, counts: list[int], starts: list[int]) -> bool:
        """A row not yet begun whose height is a small share of a page: moved whole, since a few
        lines cut from their row read worse than the space left above them."""
        fresh = self.g.block_height - self.header_height
        whole = max(counts) * LEAD + 2 * PAD_Y
        return starts == [0] * 6 and whole <= fresh * KEEP_WHOLE

    def _portion(self, page: TablePage, aspect: str):
        """(height so far, continued) of ``aspect``'s pieces at the end of ``page``, or None."""
        height = 0.0
        for piece in reversed(page.pieces):
            if self.appendix.rows[piece.row].aspect != aspect:
                break
            height += piece.height
        return (height, False) if height else None

    def _continued(self, pages: list[TablePage], aspect: str) -> bool:
        return len(pages) > 1 and bool(pages[-1].pieces == [] and pages[-2].pieces
                                       and self.appendix.rows[pages[-2].pieces[-1].row].aspect == aspect)


# ---- drawing ------------------------------------------------------------------------------

def draw_line(c: Canvas, fonts: FontSet, line: Line, x: float, baseline_from_top: float, page_height: float) -> None:
    """One laid-out line at ``x`` (its measure's left end): justified, centred or left aligned;
    runs of the ``BOLD`` role are filled and stroked."""
    left, space = set_line(line, x + line.x)
    text = c.beginText(left, page_height - baseline_from_top)
    text.setCharSpace(space)
    write_runs(c, text, fonts, line, spaced=bool(space))


def _text_block(c: Canvas, fonts: FontSet, role: str, size: float, text: str, x: float, top: float,
                g: PageGeometry, centre: bool = False) -> None:
    name = fonts.name(role)
    if centre:
        x -= c.stringWidth(text, name, size) / 2
    line = c.beginText(x, g.height - (top + EM_ASCENT * size))
    line.setFont(name, size)
    stroke = fonts.stroke(role)  # a light face standing in for 小标宋 is emboldened
    if stroke:
        line.setTextRenderMode(2)
    line.textOut(text)
    if stroke:
        c.saveState()
        c.setLineWidth(stroke * size)
        c.drawText(line)
        c.restoreState()
    else:
        c.drawText(line)


PITCH = 225 * MM / 22  # the portrait body grid's line pitch: 附件 on line 1, title on line 3


def first_table_top(appendix: Appendix, g: PageGeometry = LANDSCAPE) -> float:
    """Where the table starts on the appendix's first page: under 附件 and the title."""
    if appendix.title:
        return g.top + 4 * PITCH - PITCH / 2
    return g.top + 2 * PITCH


def draw_appendix(c: Canvas, appendix: Appendix, fonts: FontSet, first_number: int = 1,
                  g: PageGeometry = LANDSCAPE) -> int:
    """Draw the appendix as new landscape pages of ``c``; returns the number of pages."""
    layout = AppendixLayout(appendix, fonts, g)
    title_lines = [appendix.title] if appendix.title else []
    pages = layout.paginate(first_table_top(appendix, g))
    c.setPageSize((g.width, g.height))
    for number, page in enumerate(pages):
        if number == 0:
            _text_block(c, fonts, HEI, SIZE_3, appendix.label, g.left, g.top + (PITCH - SIZE_3) / 2, g)
            for i, title in enumerate(title_lines):
                _text_block(c, fonts, TITLE, SIZE_2, title, g.left + g.block_width / 2,
                            g.top + (2 + i) * PITCH + (PITCH - SIZE_2) / 2, g, centre=True)
        _draw_table_page(c, fonts, layout, page, number > 0 and _starts_continued(layout, pages, number))
        draw_page_number(c, fonts, g, first_number + number)
        c.showPage()
    return len(pages)


def _starts_continued(layout: AppendixLayout, pages: list[TablePage], number: int) -> bool:
    prev, page = pages[number - 1], pages[number]
    if not prev.pieces or not page.pieces:
        return False
    rows = layout.appendix.rows
    return rows[prev.pieces[-1].row].aspect == rows[page.pieces[0].row].aspect


def _draw_table_page(c: Canvas, fonts: FontSet, layout: AppendixLayout, page: TablePage, continued: bool) -> None:
    g, x = layout.g, layout.x
    H = g.height
    y = page.top
    c.setLineWidth(RULE)
    bottom_header = y + layout.header_height
    for col, lines in enumerate(layout.header):
        top = y + (layout.header_height - len(lines) * LEAD) / 2
        for i, line in enumerate(lines):
            draw_line(c, fonts, line, x[col] + PAD_X, _baseline(top, i), H)
    c.line(x[0], H - y, x[-1], H - y)
    c.line(x[0], H - bottom_header, x[-1], H - bottom_header)
    y = bottom_header
    rows = layout.appendix.rows
    group_top, group_aspect, first_group = y, None, True
    for piece in page.pieces:
        aspect = rows[piece.row].aspect
        if aspect != group_aspect:
            if group_aspect is not None:
                _draw_aspect(c, fonts, layout, group_aspect, group_top, y, continued and first_group)
                first_group = False
            group_top, group_aspect = y, aspect
        for col in range(1, 6):
            lines = layout.cells[piece.row][col][piece.starts[col]:piece.ends[col]]
            top = y + PAD_Y
            if col >= 4:  # short cells sit in the middle of the row, as in the seed
                top = y + (piece.height - len(lines) * LEAD) / 2
            for i, line in enumerate(lines):
                draw_line(c, fonts, line, x[col] + PAD_X, _baseline(top, i), H)
        y += piece.height
        c.line(x[1], H - y, x[-1], H - y)
    if group_aspect is not None:
        _draw_aspect(c, fonts, layout, group_aspect, group_top, y, continued and first_group)
    for xv in x:
        c.line(xv, H - page.top, xv, H - y)
    c.line(x[0], H - y, x[1], H - y)


def _baseline(top: float, i: int) -> float:
    return top + i * LEAD + (LEAD - CELL_SIZE) / 2 + EM_ASCENT * CELL_SIZE


def _draw_aspect(c: Canvas, fonts: FontSet, layout: AppendixLayout, aspect: str, top: float, bottom: float,
                 continued: bool) -> None:
    H = layout.g.height
    lines = layout.aspect_lines(aspect, continued)
    start = top + max(PAD_Y, (bottom - top - len(lines) * LEAD) / 2)
    for i, line in enumerate(lines):
        draw_line(c, fonts, line, layout.x[0] + PAD_X, _baseline(start, i), H)
    c.line(layout.x[0], H - bottom, layout.x[1], H - bottom)
