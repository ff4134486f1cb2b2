"""The app's icon, from the files under ``resources/`` (gui layer). Where those files are, from
source and frozen, is ``desktop_app.paths``' business."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop_app.paths import resource_path


def app_icon() -> QIcon:
    """The window and taskbar icon; an empty icon (Qt's default) when the file is missing."""
    return QIcon(str(resource_path("icons/app.svg")))
