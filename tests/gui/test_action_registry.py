"""The main window's commands are declared in one table (gui/action_registry.py): each with its
menu, shortcut and enabled-rule; features add commands and views through the window's declared
extension points and never patch the window or look each other up by object name."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtGui import QKeySequence

from desktop_app.gui.action_registry import ACTIONS, MENUS, SPECS, When

GUI = Path(__file__).resolve().parents[2] / "desktop_app" / "gui"


def menu_actions(window):
    """(menu name, action) for every command, those of a submenu (设置 → 数据库) included."""
    for name in MENUS:
        menu = window.commands.menus.get(name)
        if menu is None:
            continue
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                sub = action.menu()
                owner = next(k for k, v in window.commands.submenus.items() if v is sub)
                for inner in sub.actions():
                    assert SPECS[inner.objectName()].submenu == owner, inner.objectName()
                    yield name, inner
                continue
            yield name, action


def test_every_menu_command_is_declared_with_its_menu_and_shortcut(main_window):
    seen = set()
    for menu, action in menu_actions(main_window):
        declared = SPECS.get(action.objectName())
        assert declared is not None, f"{action.text()} ({action.objectName()}) 未在 action_registry 中声明"
        assert declared.menu == menu, action.objectName()
        assert action.shortcut() == QKeySequence(declared.shortcut), action.objectName()
        seen.add(declared.name)
    assert seen == {s.name for s in ACTIONS}, "每个声明的命令都在菜单上"


def test_no_two_commands_share_a_shortcut():
    shortcuts = [QKeySequence(s.shortcut).toString() for s in ACTIONS if s.shortcut]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts


def test_menus_follow_the_table_whatever_the_install_order(main_window):
    order = {s.name: n for n, s in enumerate(ACTIONS)}
    for name in MENUS:
        names = [a.objectName() for menu, a in menu_actions(main_window) if menu == name]
        assert names == sorted(names, key=order.__getitem__), (name, names)
    bar = [a.text() for a in main_window.menuBar().actions()]
    assert bar == [title for title, _form in MENUS.values()]


def test_commands_follow_their_rule_as_the_database_and_selection_change(main_window):
    commands = main_window.commands
    table = main_window.case_list.ui.caseTable
    table.clearSelection()
    commands.update()
    for s in ACTIONS:
        expected = s.when in (When.ALWAYS, When.OPEN, When.WRITABLE)
        assert commands.action(s.name).isEnabled() == expected, s.name
    table.selectRow(0)
    commands.update()
    for s in ACTIONS:
        assert commands.action(s.name).isEnabled() == (s.when is not When.NEVER), s.name


def test_no_feature_patches_the_window_or_finds_another_by_object_name():
    offences = []
    for path in GUI.rglob("*.py"):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            for target in targets:
                if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                        and target.value.id == "window"):
                    offences.append(f"{path.name}:{node.lineno} window.{target.attr} = …")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "window"):
                offences.append(f"{path.name}:{node.lineno} setattr(window, …)")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "findChild"
                    and any(isinstance(a, ast.Name) and a.id in ("QAction", "QMenu") for a in node.args)):
                offences.append(f"{path.name}:{node.lineno} findChild(QAction/QMenu, …)")
    assert not offences, offences


def test_a_feature_extends_a_view_whether_it_installs_before_or_after_the_view(main_window):
    # 政协提案 adds its 重点提案督办 list to the 期限看板 through this, in either install order.
    commands = main_window.commands
    dashboard = commands.views.pop("dashboard")  # as before the dashboard's feature installed
    seen = []
    main_window.extend_view("dashboard", seen.append)
    assert seen == []
    commands.add_view("dashboard", dashboard, "期限看板")
    assert seen == [dashboard]
    main_window.extend_view("dashboard", seen.append)  # the view is there: at once
    assert seen == [dashboard, dashboard]
