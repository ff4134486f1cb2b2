"""Sizing a window to the screen it opens on (gui layer).

A maximised window on a 1366×768 office laptop gets 1366×728 (the taskbar takes 40 px), and a
dialog's title bar takes some 32 px of that; at 125 % scaling the same laptop offers even less. A
window designed larger loses its bottom row of buttons off the screen: ``fit_to_screen`` shrinks
it (never below its minimum size hint) to the available area.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # px a window's frame adds above its contents (Windows 10/11 at 100 %)
FRAME = 8  # px of border left and right


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink ``widget`` (a top-level window, before it is shown) so that it and its frame fit
    ``area`` (the available geometry of its screen when None). Qt centres a dialog on its parent
    when it shows, so a window that fits also stays on the screen."""
    area = area if area is not None else available_area(widget)
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    width = max(min(widget.width(), area.width() - 2 * FRAME), minimum.width())
    height = max(min(widget.height(), area.height() - TITLE_BAR - FRAME), minimum.height())
    widget.resize(width, height)
