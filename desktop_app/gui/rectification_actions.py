"""Adds the 整改清单 editor to the main window: a view in the stack and 视图 → 整改清单 on the
menu and toolbar, in the same action group as 案件列表 / 期限看板 (gui layer)."""

from __future__ import annotations

from desktop_app.gui.view_actions import add_view
from desktop_app.gui.views.rectification_view import RectificationView


def install(window) -> RectificationView:
    view = RectificationView(window.services, window.runner, window)
    view.setObjectName("rectificationView")
    add_view(window, view, "整改清单", "rectificationViewAction", window.ui.viewMenu)
    return view
