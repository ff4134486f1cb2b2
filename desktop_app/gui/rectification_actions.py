"""Adds the 整改清单 editor to the main window: a view in the stack and 视图 → 整改清单 on the
menu and toolbar (gui layer)."""

from __future__ import annotations

from desktop_app.gui.views.rectification_view import RectificationView


def install(window) -> RectificationView:
    view = RectificationView(window.services, window.runner, window)
    view.setObjectName("rectificationView")
    window.add_view("rectification", view, "整改清单")
    return view
