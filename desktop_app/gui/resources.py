"""Finding the files under ``resources/`` from source and from the frozen app (gui layer)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout; inside the bundle when frozen
    (PyInstaller unpacks data files under ``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def readme_path() -> Path:
    """The README, whose user sections are the in-app 使用说明: at the top of the bundle when
    frozen (``packaging/desktop-app.spec`` ships it there), at the top of the checkout otherwise."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "README.md"
    return Path(__file__).resolve().parents[2] / "README.md"


def resource_path(relative: str) -> Path:
    return resources_dir() / relative


def app_icon() -> QIcon:
    """The window and taskbar icon; an empty icon (Qt's default) when the file is missing."""
    return QIcon(str(resource_path("icons/app.svg")))
