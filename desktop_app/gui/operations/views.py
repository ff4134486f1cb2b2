"""Operations on named views of the case list (gui layer)."""

from __future__ import annotations

from desktop_app.gui.operations import Op


def save_view(services, name: str, case_filter) -> Op:
    views = services.views
    return Op("保存视图", lambda: views.save_view(name, case_filter))


def delete_view(services, name: str) -> Op:
    views = services.views
    return Op("删除视图", lambda: views.delete_view(name))
