"""Adds the 回头看 view to the main window (gui layer): a view in the stack and 视图 → 回头看 on the
menu and toolbar. Double-clicking an entry opens its item in the case editor."""

from __future__ import annotations

from desktop_app.gui.views.review_view import ReviewView


def install(window) -> ReviewView:
    view = ReviewView(window.services, window.runner, window)
    view.setObjectName("reviewView")
    window.add_view("review", view, "回头看", status_tip=(
        "年度回头看：已经解决的是否真正解决，正在/计划解决的进度，留作参考的有无新条件，不满意件和未完成承诺"))
    view.open_requested.connect(window.open_case)
    return view
