"""Drawing laid-out documents onto PDF pages with ReportLab's canvas (documents layer).

A ``Composition`` is one document: its rows (flowing text), the line slots of page 1 and of the
other pages, absolute marks on page 1 (letterhead, 文号, category mark), an optional 版记 at the
foot of the last page, and page-number rules. ``write_pdf`` draws any number of compositions into
one file (batch printing restarts numbering per document) through ``atomic_write``, so that a crash
never leaves half a PDF under the real name. ``open_canvas`` is the one canvas set-up every printed
form uses (metadata, compression, saving).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from desktop_app import APP_NAME
from desktop_app.atomic_file import atomic_write
from desktop_app.documents.fonts import BODY, BOLD, FontSet
from desktop_app.documents.geometry.page import EM_ASCENT, PageGeometry
from desktop_app.documents.layout import CENTER, JUSTIFY, RIGHT, Line, Page, Row, paginate
from desktop_app.documents.page_number import draw_page_number

RED = (0.9, 0.0, 0.07)
JUSTIFY_LIMIT = 0.25  # at most a quarter em between characters when a line is justified
BOLD_STROKE = 0.03  # stroke width, in em, of 加粗 仿宋
CREATOR = APP_NAME
# Binary (Flate only) streams in every PDF of the process, set once here rather than switched
# around each canvas: the write and read workers may draw at the same time (see open_canvas).
rl_config.useA85 = 0


@dataclass(frozen=True)
class Mark:
    """Absolute text on page 1: ``x`` is the left end (or right end when ``align`` is right,
    centre when centre), ``top`` the em box's top from the page top."""

    text: str
    role: str
    size: float
    x: float
    top: float
    align: str = "left"
    color: tuple[float, float, float] | None = None
    tracking: float = 0.0


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float  # from the page top, centre of the stroke
    width: float
    color: tuple[float, float, float] = (0, 0, 0)
    y_end: float | None = None  # a vertical rule from ``y`` to ``y_end`` at ``x0``


@dataclass
class Composition:
    title: str
    rows: list[Row]
    first_slots: list[float]
    slots: list[float]
    marks: list[Mark] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    record_lines: list[Row] = field(default_factory=list)  # 版记 (抄送, 印发机关 …), foot of last page
    number_first_page: bool = True  # False for a 信函 (GB/T 9704 §10.1: 首页不显示页码)
    record_rules: bool = True  # 版记 between separator rules; a 信函's has none (§10.1)
    author: str = ""
    notes: list[str] = field(default_factory=list)  # what the user should check (issuer disagreements)


@dataclass(frozen=True)
class RenderResult:
    pages: int  # total pages written
    page_counts: tuple[int, ...]  # per composition


def laid_out_pages(comp: Composition, g: PageGeometry) -> tuple[list[Page], int | None]:
    """Pages of ``comp`` and the index of the page holding the 版记 (None without one)."""
    pages = paginate(comp.rows, comp.first_slots, comp.slots)
    if not comp.record_lines:
        return pages, None
    record_top = g.bottom - len(comp.record_lines) * g.pitch
    last = pages[-1]
    used_bottom = max((top + g.pitch for top, row in last.rows if row.line is not None), default=0)
    if used_bottom > record_top + 0.01:
        pages.append(Page())
    return pages, len(pages) - 1


def set_line(line: Line, left: float) -> tuple[float, float]:
    """Where ``line`` starts and its character spacing, its measure starting at ``left``:
    justified lines spread, centred and right-aligned ones move (``natural`` counts the spacing
    after the last character too, which takes no room)."""
    n = sum(len(t) for t, _ in line.tokens)
    space = line.tracking
    if line.align == JUSTIFY and not line.last and n > 1 and line.natural < line.measure:
        stretch = (line.measure - line.natural) / (n - 1)
        # A short line in a narrow cell is left as set: spread, it would read 办 法 不 多. Body
        # text is always justified (a line cut short by a whole date would look like a paragraph's end).
        if line.grid or stretch <= JUSTIFY_LIMIT * line.size:
            space += stretch
    elif line.align == CENTER:
        left += (line.measure - (line.natural - line.tracking)) / 2
    elif line.align == RIGHT:
        left += line.measure - (line.natural - line.tracking)
    return left, space


def _draw_line(c: Canvas, fonts: FontSet, g: PageGeometry, line: Line, top: float) -> None:
    x, space = set_line(line, line.x)
    baseline = g.baseline(top, line.size)
    text = c.beginText(x, g.height - baseline)
    text.setCharSpace(space)
    if line.color:
        text.setFillColorRGB(*line.color)
    write_runs(c, text, fonts, line, spaced=bool(space))


def write_runs(c: Canvas, text, fonts: FontSet, line: Line, spaced: bool) -> None:
    """Put ``line``'s runs into ``text`` (a text object placed at the line's start, ``spaced``
    when it was given character spacing) and draw it: each run in its role's font; ``BOLD`` runs
    as 仿宋 filled and stroked, and so are roles the font set emboldens (a light 宋 as 小标宋)."""
    mode, stroke = 0, 0.0
    for chunk, role in line.runs():
        text.setFont(fonts.name(BODY if role == BOLD else role), line.size)
        width = BOLD_STROKE if role == BOLD else fonts.stroke(role)
        if (2 if width else 0) != mode:
            mode = 2 if width else 0
            text.setTextRenderMode(mode)
        stroke = max(stroke, width)
        text.textOut(chunk)
    _draw_text(c, text, line.color, stroke=line.size * stroke if stroke else None, spaced=spaced)


def _draw_text(c: Canvas, text, color, stroke: float | None = None, spaced: bool = False) -> None:
    # Character spacing outlives the text object (PDF text state): reset it, or the next text
    # drawn without spacing of its own (a page number) is set tight.
    if spaced:
        text.setCharSpace(0)
    # A fill colour set inside a text object stays in the graphics state after it: coloured text
    # (the red letterhead) is drawn inside save/restore so that what follows stays black; so is
    # the stroke width (and colour) of emboldened text.
    if color or stroke:
        c.saveState()
        if stroke:
            c.setLineWidth(stroke)
            if color:
                c.setStrokeColorRGB(*color)
        c.drawText(text)
        c.restoreState()
    else:
        c.drawText(text)


def _draw_mark(c: Canvas, fonts: FontSet, g: PageGeometry, mark: Mark) -> None:
    name = fonts.name(mark.role)
    width = c.stringWidth(mark.text, name, mark.size) + mark.tracking * (len(mark.text) - 1)
    x = mark.x
    if mark.align == RIGHT:
        x -= width
    elif mark.align == CENTER:
        x -= width / 2
    text = c.beginText(x, g.height - (mark.top + EM_ASCENT * mark.size))
    text.setFont(name, mark.size)
    text.setCharSpace(mark.tracking)
    if mark.color:
        text.setFillColorRGB(*mark.color)
    stroke = fonts.stroke(mark.role)
    if stroke:
        text.setTextRenderMode(2)
    text.textOut(mark.text)
    _draw_text(c, text, mark.color, stroke=mark.size * stroke if stroke else None, spaced=bool(mark.tracking))


def _draw_rule(c: Canvas, g: PageGeometry, rule: Rule) -> None:
    c.saveState()
    c.setStrokeColorRGB(*rule.color)
    c.setLineWidth(rule.width)
    y_end = rule.y if rule.y_end is None else rule.y_end
    c.line(rule.x0, g.height - rule.y, rule.x1, g.height - y_end)
    c.restoreState()


def _draw_record(c: Canvas, fonts: FontSet, g: PageGeometry, lines: list[Row], rules: bool = True) -> None:
    """版记 at the foot of the block: a thick rule, the lines with thin rules between them, a thick
    rule on the block's bottom edge (GB/T 9704 §7.4: 0.35 mm outer rules, 0.25 mm inner); without
    ``rules`` (a 信函, §10.1) the lines alone."""
    top = g.bottom - len(lines) * g.pitch
    thick, thin = 0.35 * 72 / 25.4, 0.25 * 72 / 25.4
    for i, row in enumerate(lines):
        line_top = top + i * g.pitch
        if rules:
            _draw_rule(c, g, Rule(g.left, g.right, line_top, thick if i == 0 else thin))
        for line in (row.line, row.beside):
            if line is not None:
                _draw_line(c, fonts, g, line, line_top)
    if rules:
        _draw_rule(c, g, Rule(g.left, g.right, g.bottom, thick))


def _draw_marks(c: Canvas, comp: Composition, fonts: FontSet, g: PageGeometry) -> None:
    """Page 1's rules and marks (letterhead, 版头, 文号)."""
    for rule in comp.rules:
        _draw_rule(c, g, rule)
    for mark in comp.marks:
        _draw_mark(c, fonts, g, mark)


def draw(c: Canvas, comp: Composition, fonts: FontSet, g: PageGeometry) -> int:
    """Draw ``comp`` as new pages of ``c``; returns its page count."""
    pages, record_page = laid_out_pages(comp, g)
    for index, page in enumerate(pages):
        if index == 0:
            _draw_marks(c, comp, fonts, g)
        for top, row in page.rows:
            if row.line is not None:
                _draw_line(c, fonts, g, row.line, top)
            if row.beside is not None:
                _draw_line(c, fonts, g, row.beside, top)
        if index == record_page:
            _draw_record(c, fonts, g, comp.record_lines, comp.record_rules)
        if numbered(comp, page, index, record_page):
            draw_page_number(c, fonts, g, index + 1)
        c.showPage()
    return len(pages)


def numbered(comp: Composition, page: Page, index: int, record_page: int | None) -> bool:
    """Whether page ``index`` carries a page number (GB/T 9704 §7.5, §10.1): every page with
    text does, except a 信函's first page; a page that holds nothing but the 版记 does not."""
    if index == 0 and not comp.number_first_page:
        return False
    return index != record_page or any(row.line is not None for _top, row in page.rows)


@contextmanager
def open_canvas(target, title: str, fonts: FontSet, author: str = "", pagesize=None) -> Iterator[Canvas]:
    """A canvas drawing into ``target`` (a path or a binary file), saved when the block ends.

    Every printed form starts here: title, author and creator in the PDF's properties, compressed
    pages, and binary (Flate only) streams — ASCII85 makes files 25 % larger and, without
    ReportLab's C accelerator, takes a fifth of the time of a batch. The canvas starts in the
    body font of ``fonts``: ReportLab's default, Helvetica, would be declared in every PDF
    without being used or embedded. ``pagesize`` defaults to ReportLab's (A4 portrait); a block
    that raises saves nothing."""
    c = Canvas(target, pagesize=pagesize, pageCompression=1, initialFontName=fonts.name(BODY))
    c.setTitle(title)
    if author:
        c.setAuthor(author)
    c.setCreator(CREATOR)
    yield c
    c.save()


def pdf_bytes_of(render_into, *args, **kwargs) -> tuple[bytes, object]:
    """``render_into(buffer, *args, **kwargs)``: its PDF as bytes (for the preview), and its result."""
    buffer = io.BytesIO()
    result = render_into(buffer, *args, **kwargs)
    return buffer.getvalue(), result


def write_pdf_file(path: str | Path, render_into, *args, **kwargs):
    """``render_into(handle, *args, **kwargs)`` written to ``path`` through ``atomic_write``."""
    with atomic_write(path) as handle:
        return render_into(handle, *args, **kwargs)


class _Cancelled(Exception):
    """Raised inside ``atomic_write`` so that a cancelled batch leaves no file."""


def render(target, comps: list[Composition], fonts: FontSet, g: PageGeometry,
           progress=None, cancelled=None) -> RenderResult:
    """Draw ``comps`` into ``target`` (a path or a binary file object)."""
    title, author = (comps[0].title, comps[0].author) if comps else ("", "")
    counts = []
    with open_canvas(target, title, fonts, author, pagesize=(g.width, g.height)) as c:
        for i, comp in enumerate(comps):
            if cancelled is not None and cancelled():
                break
            counts.append(draw(c, comp, fonts, g))
            if progress is not None:
                progress(i + 1, len(comps))
    return RenderResult(sum(counts), tuple(counts))


def pdf_bytes(comps: list[Composition], fonts: FontSet, g: PageGeometry) -> tuple[bytes, RenderResult]:
    return pdf_bytes_of(render, comps, fonts, g)


def write_pdf(path: str | Path, comps: list[Composition], fonts: FontSet, g: PageGeometry,
              progress=None, cancelled=None) -> RenderResult:
    """Write ``comps`` to ``path`` through ``atomic_write``; a cancelled batch leaves no file (the
    result then counts the documents drawn before the cancel)."""
    try:
        with atomic_write(path) as handle:
            result = render(handle, comps, fonts, g, progress, cancelled)
            if cancelled is not None and cancelled():
                raise _Cancelled(result)
    except _Cancelled as stop:
        return stop.args[0]
    return result
