"""Every command of the main window in one table: its name, the menu it sits on, its shortcut and
when it is enabled (gui layer).

The main window applies this table to the actions of its form and to the actions features add
through ``MainWindow.add_action`` / ``add_view``; an action missing here cannot be added, so a new
command is declared here first and no two commands can share a shortcut unnoticed (a test checks).
Menus and views have names too (``MENUS``, and each view switcher's ``view``): features reach each
other through them, never by looking up a widget's object name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class When(Enum):
    """When an action is enabled."""

    ALWAYS = "always"
    NEVER = "never"  # a greyed note on a menu
    OPEN = "open"  # a database is open
    WRITABLE = "writable"  # open and not read-only
    ROW = "row"  # one item selected in the list
    WRITABLE_ROW = "writable_row"  # one item selected, and the database can be changed
    ROWS = "rows"  # at least one item selected


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the QAction's object name
    menu: str  # a key of MENUS
    section: int = 0  # a menu's sections are divided by separators
    shortcut: str = ""
    when: When = When.ALWAYS
    view: str = ""  # for a view switcher: the name of its view (MainWindow.show_view)
    submenu: str = ""  # a key of SUBMENUS: listed in that submenu of ``menu`` (its place: the first such action)


#: The menu bar, in order: name → (title, the form's object name when the form makes it).
MENUS: dict[str, tuple[str, str]] = {
    "file": ("文件(&F)", "fileMenu"),
    "edit": ("编辑(&E)", "editMenu"),
    "view": ("视图(&V)", "viewMenu"),
    "print": ("打印(&P)", ""),
    "tracking": ("跟踪(&T)", ""),
    "settings": ("设置(&S)", "settingsMenu"),
    "help": ("帮助(&H)", "helpMenu"),
}

#: Submenus: name → title. An action with ``submenu`` sits in it, on its ``menu``.
SUBMENUS: dict[str, str] = {
    "database": "数据库(&D)",
}

# Menus list their actions in this order, a separator between sections.
ACTIONS: tuple[ActionSpec, ...] = (
    # 文件
    ActionSpec("newSuggestionAction", "file", 0, "Ctrl+N", When.WRITABLE),
    ActionSpec("newProposalAction", "file", 0, "Ctrl+Shift+N", When.WRITABLE),
    ActionSpec("importCasesAction", "file", 1, "", When.WRITABLE),
    ActionSpec("exportLedgerAction", "file", 1, "", When.OPEN),
    ActionSpec("exportListAction", "file", 1, "", When.OPEN),
    ActionSpec("exportPackageAction", "file", 1, "", When.WRITABLE),
    ActionSpec("importPackageAction", "file", 1, "", When.WRITABLE),
    ActionSpec("packageKeysAction", "file", 1, "", When.WRITABLE),
    ActionSpec("packageReportsAction", "file", 1, "", When.OPEN),
    ActionSpec("backupAction", "file", 2, "", When.OPEN),
    ActionSpec("restoreAction", "file", 2, "", When.WRITABLE),
    ActionSpec("quitAction", "file", 3, "Ctrl+Q"),
    # 编辑 (Enter and Delete act only while the list has the focus: see the form)
    ActionSpec("openAction", "edit", 0, "Return", When.ROW),
    ActionSpec("deleteAction", "edit", 0, "Del", When.WRITABLE_ROW),
    ActionSpec("findAction", "edit", 1, "Ctrl+F"),
    # 视图
    ActionSpec("caseListViewAction", "view", 0, "Ctrl+1", view="cases"),
    ActionSpec("dashboardViewAction", "view", 0, "Ctrl+2", When.OPEN, view="dashboard"),
    ActionSpec("rectificationViewAction", "view", 0, "Ctrl+3", When.OPEN, view="rectification"),
    ActionSpec("statisticsViewAction", "view", 0, "Ctrl+4", When.OPEN, view="statistics"),
    ActionSpec("reviewViewAction", "view", 0, "Ctrl+5", When.OPEN, view="review"),
    ActionSpec("proposalsViewAction", "view", 0, "Ctrl+6", When.OPEN, view="proposals"),
    ActionSpec("packageReportsViewAction", "view", 0, "Ctrl+7", When.OPEN, view="packageReports"),
    ActionSpec("columnsAction", "view", 1),
    ActionSpec("filterPanelAction", "view", 1),
    ActionSpec("reloadAction", "view", 2, "F5", When.OPEN),
    # 打印
    ActionSpec("printHintAction", "print", 0, "", When.NEVER),
    ActionSpec("preview_replyAction", "print", 1, "Ctrl+P", When.ROWS),
    ActionSpec("preview_feedbackAction", "print", 1, "", When.ROWS),
    ActionSpec("preview_co_opinionAction", "print", 1, "", When.ROWS),
    ActionSpec("preview_reminderAction", "print", 1, "", When.ROWS),
    ActionSpec("preview_extensionAction", "print", 1, "", When.ROWS),
    ActionSpec("preview_returnAction", "print", 1, "", When.ROWS),
    ActionSpec("batchPrintAction", "print", 2, "", When.ROWS),
    ActionSpec("batchOneFileAction", "print", 2, "", When.ROWS),
    ActionSpec("batchFolderAction", "print", 2, "", When.ROWS),
    ActionSpec("supervisionNoticeAction", "print", 3, "", When.OPEN),
    ActionSpec("assignmentNoticeAction", "print", 3, "", When.OPEN),
    ActionSpec("selfReportAction", "print", 3, "", When.OPEN),
    # 跟踪
    ActionSpec("carryOverAction", "tracking", 0, "", When.OPEN),
    # 设置
    ActionSpec("settingsAction", "settings", 0, "", When.OPEN),
    ActionSpec("letterSettingsAction", "settings", 0, "", When.WRITABLE),
    ActionSpec("deadlineSettingsAction", "settings", 0, "", When.OPEN),
    ActionSpec("checklistTemplatesAction", "settings", 0, "", When.OPEN),
    ActionSpec("sectorsAction", "settings", 0, "", When.WRITABLE),
    ActionSpec("connectServerAction", "settings", 1, "", submenu="database"),
    # 帮助
    ActionSpec("userGuideAction", "help", 0, "F1"),
    ActionSpec("aboutAction", "help", 1),
)

SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}
VIEW_ACTIONS: dict[str, ActionSpec] = {spec.view: spec for spec in ACTIONS if spec.view}


def spec(name: str) -> ActionSpec:
    """The declaration of the action ``name``; a KeyError names what to declare."""
    try:
        return SPECS[name]
    except KeyError:
        raise KeyError(f"action {name!r} is not declared in gui/action_registry.ACTIONS") from None
