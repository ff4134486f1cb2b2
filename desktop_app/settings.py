"""Typed, versioned UI settings kept in a JSON file (application shell, no Qt).

Only window layout and personal preferences live here; business configuration (units, our unit,
deadline rules) lives in the database so that it travels with backups. A missing, unreadable or
damaged file gives defaults and a log warning — never a crash at start-up. Saving goes through
``atomic_write``, so a crash mid-save leaves the previous file intact.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from desktop_app import paths
from desktop_app.atomic_file import write_atomically

log = logging.getLogger(__name__)

CURRENT_VERSION = 3


def os_user_name() -> str:
    """The operating-system login name, or "" when it cannot be found (e.g. no USERNAME variable)."""
    import getpass  # here, not at the top: settings load before the first paint

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


@dataclass
class UiSettings:
    """Window state is stored as base64 text of Qt's ``saveGeometry()`` / ``saveState()`` bytes.
    ``view_state`` is a free dictionary in which each view keeps its own small state under its own
    key (e.g. ``"case_list": {"columns": [...]}``). ``user_name`` is the 操作人 history records; empty
    until the user gives it (asked on the first window start, prefilled with ``os_user_name()``)."""

    version: int = CURRENT_VERSION
    user_name: str = ""
    window_geometry: str = ""
    window_state: str = ""
    case_list_header_state: str = ""
    show_filter_panel: bool = True
    last_view: str = ""
    recent_databases: list[str] = field(default_factory=list)
    #: 设置 → 数据库 → 连接服务器: the server database (``postgresql://user@host:port/db``, never a
    #: password) a window start without ``--db`` opens; empty: the local file.
    server_database: str = ""
    view_state: dict[str, Any] = field(default_factory=dict)
    # Keys written by a newer version of the app: kept and written back, so that running an older
    # version once does not erase them.
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        data = {**self.extra, **data}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "UiSettings":
        """Settings from a parsed file of any version; a value of the wrong type keeps its default."""
        data = _upgrade(dict(data))
        defaults = cls()
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        values: dict[str, Any] = {}
        for name in known:
            if name not in data:
                continue
            value, default = data[name], getattr(defaults, name)
            if _same_type(value, default):
                values[name] = value
            else:
                log.warning("设置项 %s 的值 %r 类型不对，已改用默认值", name, value)
        settings = cls(**values)
        settings.version = CURRENT_VERSION
        settings.extra = {k: v for k, v in data.items() if k not in known}
        return settings


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, type(default))


def _from_v0(data: dict[str, Any]) -> dict[str, Any]:
    # Files without a version (early development builds) used "geometry" / "state".
    if "geometry" in data:
        data.setdefault("window_geometry", data.pop("geometry"))
    if "state" in data:
        data.setdefault("window_state", data.pop("state"))
    return data


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 kept the filter panel as "filter_panel_visible".
    if "filter_panel_visible" in data:
        data.setdefault("show_filter_panel", data.pop("filter_panel_visible"))
    return data


def _from_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Up to version 2 the name defaulted to the login and was saved unasked: a login is asked
    # again (prefilled with it), a name the user typed is kept.
    if data.get("user_name") == os_user_name():
        data["user_name"] = ""
    return data


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_v0, 1: _from_v1, 2: _from_v2}


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        version = 0
    while version < CURRENT_VERSION:
        data = _UPGRADES[version](data)
        version += 1
    data["version"] = CURRENT_VERSION
    return data


def load_settings(path: Path | None = None) -> UiSettings:
    """The settings in ``path`` (default: ``paths.settings_path()``), or defaults when the file is
    missing or damaged (the damaged file is kept beside it as ``.bad`` for a support request)."""
    path = Path(path) if path is not None else paths.settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UiSettings()
    except (OSError, UnicodeDecodeError) as error:
        log.warning("无法读取设置文件 %s（%s），已改用默认设置", path, error)
        return UiSettings()
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("顶层不是对象")
    except ValueError as error:
        log.warning("设置文件 %s 已损坏（%s），已改用默认设置；原文件另存为 .bad", path, error)
        try:
            os.replace(path, path.with_name(path.name + ".bad"))
        except OSError:
            log.warning("无法另存损坏的设置文件 %s", path)
        return UiSettings()
    return UiSettings.from_dict(data)


def save_settings(settings: UiSettings, path: Path | None = None) -> None:
    """Write through ``atomic_write``: a failed save leaves the old settings file as it was."""
    path = Path(path) if path is not None else paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, settings.to_json())
