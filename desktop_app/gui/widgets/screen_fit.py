"""Keeping windows on the screen they open on (gui layer).

Offices use 1366×768 laptops, where a maximised window gets about 1366×728: a window or dialog
bigger than the screen's work area hides its own buttons. Every window is made to fit before it
shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

# Title bar and borders of a Windows 10/11 window, for windows not yet shown (no frame known).
FRAME_ALLOWANCE = (16, 39)


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (if needed) so that it, frame included, fits the work area of its
    screen, and keep it on that screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = widget.frameGeometry()
    extra_w = frame.width() - widget.width() if widget.isVisible() else FRAME_ALLOWANCE[0]
    extra_h = frame.height() - widget.height() if widget.isVisible() else FRAME_ALLOWANCE[1]
    width = min(widget.width(), available.width() - extra_w)
    height = min(widget.height(), available.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)
