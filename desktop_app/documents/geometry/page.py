"""GB/T 9704-2012 page geometry in PDF points (documents layer).

A4 portrait; the text block (版心) is 156 × 225 mm, 37 mm from the top and 28 mm from the left.
Body text sits on a grid of 22 lines × 28 characters: the line pitch is 225 mm / 22 and the
character pitch 156 mm / 28, so a 3号 (16 pt) character is set 0.2 pt tighter than its em, as
Word's document grid does. Coordinates here are measured from the page top (``y`` grows down);
the renderer turns them into PDF coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4

# Chinese type sizes (号) in points.
SIZE_2 = 22.0  # 二号: title
SIZE_3 = 16.0  # 三号: body
SIZE_4 = 14.0  # 四号: 版记, page numbers

# The em box of a CJK glyph reaches 0.88 em above the baseline (ideographic em box, 0.12 below).
EM_ASCENT = 0.88


@dataclass(frozen=True)
class PageGeometry:
    width: float = 210 * MM
    height: float = 297 * MM
    top: float = 37 * MM
    left: float = 28 * MM
    block_width: float = 156 * MM
    block_height: float = 225 * MM
    lines: int = 22
    chars: int = 28
    body_size: float = SIZE_3
    title_size: float = SIZE_2
    note_size: float = SIZE_4
    number_size: float = SIZE_4
    number_gap: float = 7 * MM  # page number's top below the block's bottom edge

    @property
    def pitch(self) -> float:
        """Line pitch: 22 lines fill the block exactly (≈ 28.99 pt)."""
        return self.block_height / self.lines

    @property
    def char_pitch(self) -> float:
        """Grid width of one full-width body character (≈ 15.79 pt)."""
        return self.block_width / self.chars

    @property
    def right(self) -> float:
        return self.left + self.block_width

    @property
    def bottom(self) -> float:
        """The block's bottom edge, from the page top."""
        return self.top + self.block_height

    def baseline(self, line_top: float, size: float) -> float:
        """Baseline (from the page top) of ``size`` text centred in the line cell at ``line_top``."""
        return line_top + (self.pitch - size) / 2 + EM_ASCENT * size

    def line_top(self, index: int) -> float:
        """Top of grid line ``index`` (0-based) of an ordinary page."""
        return self.top + index * self.pitch

    def number_baseline(self) -> float:
        return self.bottom + self.number_gap + EM_ASCENT * self.number_size

    def number_x(self, number: int, width: float) -> float:
        """Left end of a page number ``width`` wide: odd pages at the right, even pages at the
        left, one character (of the number's size) in from the block's edge."""
        if number % 2:
            return self.right - self.number_size - width
        return self.left + self.number_size


A4_GBT9704 = PageGeometry()
