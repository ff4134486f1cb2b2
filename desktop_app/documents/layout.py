"""Paragraphs set into lines of a page grid, and lines into pages (documents layer).

A paragraph is a list of runs (text in a font role) with a size, an indent and an alignment.
``set_paragraph`` breaks it with ``linebreak.break_lines`` into ``Line`` values; ``paginate`` puts
rows (lines or blank rows) into the line slots of each page, keeping groups (a signature with the
text above it) together. Nothing here draws: ``render`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.documents.fonts import BODY, FontSet
from desktop_app.documents.geometry.page import PageGeometry
from desktop_app.documents.linebreak import break_lines, split_token, tidy_spaces, tokenize

JUSTIFY, LEFT, CENTER, RIGHT = "justify", "left", "center", "right"

# Advance widths by (registered font name, size) then character: shared by every letter of a
# batch (fonts are registered once per process, so a name always means the same file). Safe
# without a lock across the app's worker threads: each entry is added in one dict operation and
# always holds the same width, whichever thread computed it.
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


@dataclass(frozen=True)
class Run:
    text: str
    role: str = BODY


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    size: float = 16.0
    indent: float = 2  # first-line indent, in characters of the grid
    hanging: float = 0  # indent of the following lines, in characters
    left: float = 0  # left and right indents of every line, in characters
    right: float = 0
    align: str = JUSTIFY
    grid: bool = True  # set on the 28-character grid (body text); off for titles
    words: bool = False  # break between words only (titles, table headers)
    color: tuple[float, float, float] | None = None

    @classmethod
    def of(cls, text: str, role: str = BODY, **kw) -> Paragraph:
        return cls((Run(text, role),), **kw)


@dataclass
class Line:
    tokens: list[tuple[str, str]]  # (text, font role)
    size: float
    x: float  # left end of the line's measure (page coordinates)
    measure: float  # available width
    natural: float  # width as set, before justification
    tracking: float  # extra space after every character (negative: grid tighter than the em)
    align: str
    last: bool  # last line of its paragraph: never stretched
    color: tuple[float, float, float] | None = None
    grid: bool = False  # body text on the character grid: always justified, as Word does

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.tokens)

    def runs(self):
        """(text, role) of each stretch of tokens in one font role."""
        role, chunk = None, ""
        for token, token_role in self.tokens:
            if token_role != role and chunk:
                yield chunk, role
                chunk = ""
            role = token_role
            chunk += token
        if chunk:
            yield chunk, role


@dataclass
class Row:
    """One line slot's content; ``line`` None is a blank row. Rows of one ``keep`` group go on
    one page; a blank row at the top of a page is dropped unless ``fixed``."""

    line: Line | None = None
    keep: int | None = None
    fixed: bool = False
    beside: Line | None = None  # a second line on the same row (签发人 right of the 文号)


@dataclass
class Page:
    rows: list[tuple[float, Row]] = field(default_factory=list)  # (line top, row)


class Typesetter:
    """Measures and breaks text with one font set on one page geometry."""

    def __init__(self, fonts: FontSet, geometry: PageGeometry):
        self.fonts = fonts
        self.geometry = geometry

    def _table(self, role: str, size: float) -> dict[str, float]:
        name = self.fonts.name(role)
        table = _WIDTHS.get((name, size))
        if table is None:
            table = _WIDTHS.setdefault((name, size), {})  # another thread's table, if it came first
        return table

    def char_width(self, ch: str, role: str, size: float) -> float:
        table = self._table(role, size)
        width = table.get(ch)
        if width is None:
            width = table[ch] = stringWidth(ch, self.fonts.name(role), size)
        return width

    def tracking(self, size: float, grid: bool) -> float:
        """Grid text: a full-width character advances exactly one grid cell (156 mm / 28)."""
        if not grid:
            return 0.0
        return self.geometry.block_width / self.geometry.chars * size / self.geometry.body_size - size

    def cell(self, size: float, grid: bool) -> float:
        return size + self.tracking(size, grid)

    def width(self, text: str, role: str, size: float, tracking: float) -> float:
        table = self._table(role, size)
        total = 0.0
        for ch in text:
            width = table.get(ch)
            if width is None:
                width = self.char_width(ch, role, size)
            total += width + tracking
        return total

    def set_paragraph(self, para: Paragraph, x: float | None = None, measure: float | None = None) -> list[Line]:
        g = self.geometry
        x = g.left if x is None else x
        measure = g.block_width if measure is None else measure
        tracking = self.tracking(para.size, para.grid)
        cell = para.size + tracking
        tokens: list[tuple[str, str]] = []
        widths: list[float] = []
        left = x + para.left * cell
        inner = measure - (para.left + para.right) * cell
        first = inner - para.indent * cell
        other = inner - para.hanging * cell
        narrowest = min(first, other)
        for run in para.runs:
            table = self._table(run.role, para.size)
            for token in tokenize(tidy_spaces(run.text), words=para.words):
                width = table.get(token) if len(token) == 1 else None
                if width is None:
                    width = self.width(token, run.role, para.size, tracking)
                else:
                    width += tracking
                if width > narrowest and len(token) > 1 and not token.isascii():
                    # A word or date wider than the measure (a narrow cell) breaks after all:
                    # a date between its parts, a word between its characters.
                    for piece in split_token(token):
                        pieces = [piece]
                        if len(piece) > 1 and self.width(piece, run.role, para.size, tracking) > narrowest:
                            pieces = list(piece)
                        for part in pieces:
                            tokens.append((part, run.role))
                            widths.append(self.width(part, run.role, para.size, tracking))
                    continue
                tokens.append((token, run.role))
                widths.append(width)
        if not tokens:
            return []
        spans = break_lines([t for t, _ in tokens], widths.__getitem__, first, other)
        lines = []
        for n, (start, end) in enumerate(spans):
            offset = para.indent if n == 0 else para.hanging
            line_tokens = tokens[start:end]
            # Spaces at a line's end would push a justified or right-aligned line off its edge.
            while len(line_tokens) > 1 and not line_tokens[-1][0].strip():
                line_tokens.pop()
                end -= 1
            lines.append(Line(
                tokens=line_tokens, size=para.size, x=left + offset * cell,
                measure=(first if n == 0 else other), natural=sum(widths[start:end]),
                tracking=tracking, align=para.align, last=(n == len(spans) - 1), color=para.color,
                grid=para.grid,
            ))
        return lines

    def rows(self, para: Paragraph, keep: int | None = None) -> list[Row]:
        return [Row(line, keep) for line in self.set_paragraph(para)]


def paginate(rows: list[Row], first_slots: list[float], slots: list[float]) -> list[Page]:
    """Put ``rows`` into pages: page 1 has line tops ``first_slots``, later pages ``slots``."""
    pages: list[Page] = [Page()]
    available = list(first_slots)
    i = 0
    while i < len(rows):
        row = rows[i]
        page = pages[-1]
        if not available:
            pages.append(Page())
            available = list(slots)
            continue
        if row.line is None and not row.fixed and not page.rows and len(pages) > 1:
            i += 1  # no blank line at the top of a continuation page
            continue
        if row.keep is not None and (i == 0 or rows[i - 1].keep != row.keep):
            size = 1
            while i + size < len(rows) and rows[i + size].keep == row.keep:
                size += 1
            if size > len(available) and size <= len(slots) and page.rows:
                pages.append(Page())
                available = list(slots)
                continue
        page.rows.append((available.pop(0), row))
        i += 1
    return pages


def grid_slots(top: float, pitch: float, bottom: float) -> list[float]:
    """Line tops from ``top`` at ``pitch`` whose cell ends on or above ``bottom``."""
    slots = []
    y = top
    while y + pitch <= bottom + 0.01:
        slots.append(y)
        y += pitch
    return slots
