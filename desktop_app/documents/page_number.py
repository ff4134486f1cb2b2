"""Page numbers "— n —" on portrait and landscape pages (documents layer, drawing on a ReportLab canvas).

GB/T 9704-2012: 4号宋体, 7 mm under the text block, odd pages at the right and even pages at the
left, one character in. A landscape table page (横排表格) is bound into the portrait document turned
so that the table's top lies along the portrait page's left edge (单页码表头在订口一边，双页码表头在切口
一边: the same turn for every page), and "页码位置与正文其他页码保持一致": its number is the portrait
page's number, drawn where that number falls on the turned sheet and rotated with it, so that it
reads upright once the sheet is turned back to portrait.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.fonts import SONG, FontSet
from desktop_app.documents.geometry.page import A4_GBT9704, PageGeometry


def label(number: int) -> str:
    return f"— {number} —"


def is_landscape(g: PageGeometry) -> bool:
    return g.width > g.height


def turned(x: float, y: float, landscape_height: float) -> tuple[float, float]:
    """A portrait point (PDF coordinates, origin bottom-left) on the landscape sheet bound into
    the portrait document: the portrait bottom edge is the landscape left edge, the portrait left
    edge the landscape top edge; portrait +x runs along landscape −y."""
    return y, landscape_height - x


def number_origin(g: PageGeometry, number: int, width: float) -> tuple[float, float]:
    """Start of the number's baseline on an upright page of geometry ``g`` (PDF coordinates)."""
    return g.number_x(number, width), g.height - g.number_baseline()


def draw_page_number(c: Canvas, fonts: FontSet, g: PageGeometry, number: int,
                     portrait: PageGeometry = A4_GBT9704) -> None:
    """Number the current page of ``c`` (geometry ``g``). A landscape page carries the number of
    the ``portrait`` pages it is bound among, at their place, turned −90° with the sheet."""
    name = fonts.name(SONG)
    text = label(number)
    if not is_landscape(g):
        width = stringWidth(text, name, g.number_size)
        x, y = number_origin(g, number, width)
        c.setFont(name, g.number_size)
        c.drawString(x, y, text)
        return
    width = stringWidth(text, name, portrait.number_size)
    x, y = turned(*number_origin(portrait, number, width), g.height)
    c.saveState()
    c.translate(x, y)
    c.rotate(-90)
    c.setFont(name, portrait.number_size)
    c.drawString(0, 0, text)
    c.restoreState()
