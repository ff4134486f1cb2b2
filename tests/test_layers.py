"""The import rules of architecture.md, read from the source of every module (ast), once per session.

Every package and top-level module of ``desktop_app`` is a *unit*; ``ALLOWED`` says which other units
and which third-party libraries each may import — an allow-list, so a new module or a new dependency
is a decision written down here. Imports inside functions count too (a lazy import still ties the
layers together), no import cycle may exist between modules, even through a lazy import, and no module
imports another module's private (``_name``) helper: a shared helper is public. A function-level (lazy)
import is kept only for start-up time, each kind with its reason in ``LAZY``; any other import is at the
top of its module.
"""

from __future__ import annotations

import ast
import functools
import sys
from fnmatch import fnmatchcase
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
ROOT = "desktop_app"
GENERATED = ("desktop_app.gui.forms",)  # pyside6-uic output: imports Qt only, never edited

# unit -> (units of desktop_app it may import, third-party libraries it may import). The standard
# library is always allowed; "desktop_app" is the package itself (APP_NAME).
ALLOWED: dict[str, tuple[set[str], set[str]]] = {
    # Neutral modules below every layer: the standard library (and platformdirs) only.
    "desktop_app": (set(), set()),
    "file_names": (set(), set()),
    "atomic_file": ({"file_names"}, set()),
    "paths": (set(), {"platformdirs"}),
    "processes": (set(), set()),
    "logs": ({"paths"}, set()),
    "settings": ({"paths", "atomic_file"}, set()),
    # The layers: gui → services → storage/domain; documents and exchange see the domain only.
    "domain": (set(), {"chinese_calendar"}),
    "storage": ({"domain", "processes"}, {"sqlalchemy", "alembic", "chinese_calendar", "psycopg", "keyring"}),
    "documents": ({"domain", "desktop_app", "atomic_file", "paths"}, {"reportlab", "jieba"}),
    "exchange": ({"domain", "atomic_file"}, {"openpyxl", "python_calamine", "defusedxml", "cryptography"}),
    "services": ({"domain", "storage", "documents", "exchange", "atomic_file", "file_names"}, {"sqlalchemy"}),
    # Files (PDF, Excel, copies of attachments) only through services: the gui sees neither
    # documents nor exchange, and writes no file itself (no atomic_file).
    "gui": ({"services", "domain", "desktop_app", "file_names", "paths", "settings", "processes"},
            {"PySide6", "shiboken6", "pypdfium2"}),
    # The shells: the command line without Qt, start-up and composition with it.
    "commands": ({"services", "domain", "storage", "documents", "exchange", "paths", "settings"}, set()),
    "cli": ({"commands", "services", "desktop_app", "logs"}, set()),
    "startup": ({"gui", "services", "storage", "domain", "desktop_app", "paths", "settings"}, set()),
    # bootstrap also starts the frozen app as the child that reads an untrusted workbook (exchange.sandbox).
    "bootstrap": ({"cli", "startup", "gui", "desktop_app", "logs", "paths", "settings", "exchange"}, {"PySide6"}),
    "__main__": ({"bootstrap"}, set()),
}


# Modules the window imports before its first screen of rows shows (bootstrap.start_window up to the
# first rows of startup.read_list_early): the benchmark holds the first paint to 1.25 times a bare
# PySide6 window's, and the first rows to 0.6 s.
FIRST_ROWS = (
    "desktop_app.paths", "desktop_app.settings", "desktop_app.logs", "desktop_app.gui.runner",
    "desktop_app.gui.day_clock", "desktop_app.gui.views.case_list_view", "desktop_app.gui.widgets.filter_panel",
    "desktop_app.gui.widgets.message_boxes", "desktop_app.gui.models.case_table_model",
    "desktop_app.services.case_list", "desktop_app.storage.migrations",
)

# Why a function-level (lazy) import may stay: (importing module, imported module, reason). Each side
# is an fnmatch pattern, or a tuple of them, and a pattern covers a module and its submodules. Every
# other import is at the top of its module, and a lazy import never stands in for breaking a cycle.
LAZY: list[tuple[str | tuple[str, ...], str | tuple[str, ...], str]] = [
    # The composition root and the shells: each path loads what it takes, when it takes it.
    ("desktop_app.bootstrap", ("desktop_app.*", "PySide6"),
     "a subcommand never loads Qt or the window; the window path loads each part as it reaches it"),
    ("desktop_app.startup", ("desktop_app.services", "desktop_app.storage", "desktop_app.gui.dialogs", "sqlite3"),
     "imported before the first paint: the database (SQLAlchemy) opens after it, a dialog only when it asks"),
    ("desktop_app.cli", "desktop_app.services", "--help and a mistyped command load no service (nor SQLAlchemy)"),
    ("desktop_app.commands.*",
     ("desktop_app.services", "desktop_app.storage", "desktop_app.documents", "desktop_app.exchange",
      "desktop_app.domain"),
     "every run builds all the subcommands' parsers: each loads its services (SQLAlchemy, ReportLab, "
     "openpyxl) and the domain's rules (5-10 ms each) only when it runs"),
    ("desktop_app.gui.main_window", "desktop_app.*",
     "the shell paints first: its later parts, the features, their views and dialogs load after the first paint"),
    # The first paint and the first screen of rows wait for none of these (measured with -X importtime).
    (FIRST_ROWS,
     ("desktop_app.services.dto", "desktop_app.domain.deadlines", "desktop_app.gui.models.deadline_count_model"),
     "the service DTOs and the deadline rules take some 20 ms each to import; the empty window needs neither"),
    (FIRST_ROWS, ("sqlalchemy", "desktop_app.storage", "desktop_app.services"),
     "the first rows are read with sqlite3 before SQLAlchemy (0.3 s) and what needs it load"),
    (FIRST_ROWS, ("desktop_app.gui.widgets.filter_panel", "desktop_app.gui.widgets.only_ids_chip"),
     "built after the first paint (gui.later_parts)"),
    (FIRST_ROWS, "PySide6",
     "PySide6 makes a class's Python type on its first import: QEvent 3 ms, QMessageBox 1.4, QFont 1"),
    (FIRST_ROWS, ("logging.handlers", "hashlib", "getpass"),
     "13, 4 and 1 ms of the standard library that only a later call needs (the log file is set up after the paint)"),
    (("desktop_app.gui.app_services", "desktop_app.gui.*_actions", "desktop_app.gui.operations.*",
      "desktop_app.gui.views.*"), "desktop_app.services",
     "installed at start, these load a service on its first use (services.exchange 70 ms, statistics 17, review 13)"),
    ("desktop_app.gui.*", ("desktop_app.gui.dialogs", "desktop_app.gui.views"),
     "a dialog or a view loads when it is first opened"),
    # Heavy or optional libraries, each reached through one module (or one layer) only when used.
    ("desktop_app.services.exporters", ("desktop_app.services", "desktop_app.exchange", "desktop_app.documents"),
     "the registry of every file written: an exporter loads its service and its writer (openpyxl, ReportLab) "
     "when it first runs, not when the registry loads"),
    ("desktop_app.services.*", "desktop_app.documents",
     "the documents layer loads ReportLab (0.2 s): a service reaches it when it prints"),
    ("desktop_app.services.rectification", "desktop_app.exchange.rectification_sheet",
     "openpyxl and the sheet reader, only when a 整改清单 sheet is imported"),
    ("desktop_app.exchange.reader", "python_calamine",
     "only the sandbox child that reads a workbook loads it, never the window"),
    ("desktop_app.documents.words", "jieba",
     "jieba (0.25 s and its dictionary): only to break a line inside Chinese words"),
    ("desktop_app.storage.migrations", "alembic", "Alembic (0.9 s): only when a migration runs"),
    ("desktop_app.storage.server", "psycopg", "psycopg (0.3 s): only for a server database"),
    ("desktop_app.storage.credentials", "keyring", "keyring (0.1 s): only when a server password is read or kept"),
    (("desktop_app.domain.calendar", "desktop_app.storage.migrations.versions.0002_deadlines"), "chinese_calendar",
     "optional; read once when the holiday table is topped up, after the first rows"),
    ("desktop_app.paths", "platformdirs",
     "19 ms, needed only to find the data folder where none is given (portable, tests)"),
    ("desktop_app.gui.instance", "PySide6.QtNetwork",
     "QtNetwork (5 ms) loads after the first paint, when the window claims its file"),
    ("*", ("ctypes", "resource", "winreg", "msvcrt"), "used on one platform only"),
]

@dataclass(frozen=True)
class Import:
    importer: str  # the module whose source holds the statement
    target: str  # the absolute module imported (a submodule when ``from package import submodule``)
    line: int
    lazy: bool  # inside a function
    names: tuple[str, ...] = ()  # the names of ``from target import names`` that are not modules


@dataclass
class Tree:
    modules: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    private_uses: list[str] = field(default_factory=list)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def read_imports(source: str, module: str, is_package: bool, known: set[str]) -> tuple[list[Import], list[str]]:
    """Every import in ``source`` (relative ones resolved) and every use of another module's private
    name: ``from m import _x`` and ``m._x`` where ``m`` was imported as a module."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    lazy_nodes = {
        id(inner)
        for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for inner in ast.walk(node) if isinstance(inner, (ast.Import, ast.ImportFrom))
    }
    imports: list[Import] = []
    private: list[str] = []
    module_aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        lazy = id(node) in lazy_nodes
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports.append(Import(module, alias.name, node.lineno, lazy))
                if alias.asname:
                    module_aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source_module = ".".join(base + ([node.module] if node.module else []))
            else:
                source_module = node.module or ""
            plain = []
            for alias in node.names:
                submodule = f"{source_module}.{alias.name}"
                if submodule in known:
                    imports.append(Import(module, submodule, node.lineno, lazy))
                    module_aliases[alias.asname or alias.name] = submodule
                else:
                    plain.append(alias.name)
                    if is_private(alias.name) and source_module.split(".")[0] == ROOT:
                        private.append(f"{module}:{node.lineno} imports {source_module}.{alias.name}")
            if plain or not node.names:
                imports.append(Import(module, source_module, node.lineno, lazy, tuple(plain)))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and is_private(node.attr) and isinstance(node.value, ast.Name)
                and module_aliases.get(node.value.id, "").split(".")[0] == ROOT):
            private.append(f"{module}:{node.lineno} uses {module_aliases[node.value.id]}.{node.attr}")
    return imports, private


@functools.cache
def tree() -> Tree:
    """The whole package, parsed once per test session."""
    found = Tree()
    paths = sorted(PACKAGE.rglob("*.py"))
    found.modules = {module_name(p): p for p in paths}
    found.modules = {m: p for m, p in found.modules.items() if not m.startswith(GENERATED)}
    known = set(found.modules)
    for module, path in found.modules.items():
        imports, private = read_imports(path.read_text(encoding="utf-8"), module, path.name == "__init__.py", known)
        found.imports += imports
        found.private_uses += private
    return found


def internal_target(name: str, known: set[str]) -> str | None:
    """The module of ``desktop_app`` that importing ``name`` runs (the nearest known module)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def module_graph(found: Tree) -> dict[str, set[str]]:
    known = set(found.modules)
    graph: dict[str, set[str]] = {m: set() for m in known}
    for imp in found.imports:
        target = internal_target(imp.target, known)
        if target and target != imp.importer:
            graph[imp.importer].add(target)
    return graph


def violations(unit: str, found: Tree) -> list[str]:
    units, libraries = ALLOWED[unit]
    known = set(found.modules)
    wrong = []
    for imp in found.imports:
        if unit_of(imp.importer) != unit:
            continue
        top = imp.target.split(".")[0]
        how = " (inside a function)" if imp.lazy else ""
        if top == ROOT:
            target = internal_target(imp.target, known) or imp.target
            if unit_of(target) not in units | {unit}:
                wrong.append(f"{imp.importer}:{imp.line} imports {imp.target}{how}")
        elif top not in sys.stdlib_module_names and top != "__future__" and top not in libraries:
            wrong.append(f"{imp.importer}:{imp.line} imports {imp.target}{how}")
    return sorted(wrong)


def covers(patterns: str | tuple[str, ...], module: str) -> bool:
    """Whether ``module`` is one of ``patterns`` (fnmatch) or inside one of them."""
    patterns = (patterns,) if isinstance(patterns, str) else patterns
    return any(fnmatchcase(module, p) or fnmatchcase(module, p + ".*") for p in patterns)


def lazy_reason(imp: Import, rules=None) -> str | None:
    """The reason of the first rule in ``rules`` (``LAZY``) that allows the lazy import ``imp``."""
    return next((why for importer, target, why in (LAZY if rules is None else rules)
                 if covers(importer, imp.importer) and covers(target, imp.target)), None)


# ---- the rules --------------------------------------------------------------------------------

def test_every_package_and_top_level_module_has_its_rule():
    present = {unit_of(m) for m in tree().modules}
    assert present == set(ALLOWED), (
        f"without a rule: {sorted(present - set(ALLOWED))}; rules for nothing: {sorted(set(ALLOWED) - present)}"
    )


@pytest.mark.parametrize("unit", sorted(ALLOWED))
def test_imports_stay_inside_the_allow_list(unit):
    found = violations(unit, tree())
    assert not found, f"{unit} may import {sorted(ALLOWED[unit][0])} and {sorted(ALLOWED[unit][1])}:\n" + "\n".join(found)


def test_no_module_is_part_of_an_import_cycle():
    found = cycles(module_graph(tree()))
    assert not found, "import cycles (lazy imports included):\n" + "\n".join(" ↔ ".join(c) for c in found)


def test_no_module_imports_another_modules_private_name():
    found = tree().private_uses
    assert not found, "make the helper public where it is shared:\n" + "\n".join(found)


def test_the_layers_that_must_run_without_qt_never_import_it():
    # Spelled out apart from ALLOWED so that widening the allow-list cannot quietly let Qt in.
    for unit in ("domain", "storage", "services", "documents", "exchange", "cli", "commands", "paths",
                 "settings", "atomic_file", "logs"):
        assert not ALLOWED[unit][1] & {"PySide6", "shiboken6"}
        assert "gui" not in ALLOWED[unit][0]
    assert not {"storage", "documents", "exchange", "atomic_file"} & ALLOWED["gui"][0] and "sqlalchemy" not in ALLOWED["gui"][1]
    assert ALLOWED["domain"][0] == set() and ALLOWED["documents"][0] & {"storage", "services"} == set()


def test_every_lazy_import_has_a_declared_start_up_reason():
    found = sorted(f"{i.importer}:{i.line} imports {i.target}" for i in tree().imports
                   if i.lazy and lazy_reason(i) is None)
    assert not found, "import at the top of the module, or declare why not in LAZY:\n" + "\n".join(found)


def test_every_lazy_rule_is_still_used():
    lazy = [i for i in tree().imports if i.lazy]
    unused = [(importer, target) for importer, target, _why in LAZY
              if not any(covers(importer, i.importer) and covers(target, i.target) for i in lazy)]
    assert not unused, f"rules that allow nothing any more: {unused}"
    assert all(m in tree().modules for m in FIRST_ROWS)


# ---- the checker itself -----------------------------------------------------------------------

def test_checker_sees_direct_lazy_and_relative_imports_and_private_names():
    source = (
        "import PySide6.QtWidgets\n"
        "from desktop_app.services import cases\n"
        "def later():\n    from sqlalchemy import select\n    return cases._record\n"
        "from ..storage import tables\n"
        "from . import models\n"
        "from desktop_app.documents.builder import DocumentResult, _result\n"
    )
    known = {"desktop_app.services.cases", "desktop_app.storage.tables", "desktop_app.gui.models"}
    imports, private = read_imports(source, "desktop_app.gui.main_window", False, known)
    seen = {(i.target, i.lazy) for i in imports}
    assert ("PySide6.QtWidgets", False) in seen and ("sqlalchemy", True) in seen
    assert ("desktop_app.storage.tables", False) in seen and ("desktop_app.gui.models", False) in seen
    assert private == ["desktop_app.gui.main_window:8 imports desktop_app.documents.builder._result",
                       "desktop_app.gui.main_window:5 uses desktop_app.services.cases._record"]
    found = Tree(modules=dict.fromkeys(known | {"desktop_app.gui.main_window"}, Path()), imports=imports)
    assert violations("gui", found) == ["desktop_app.gui.main_window:4 imports sqlalchemy (inside a function)",
                                        "desktop_app.gui.main_window:6 imports desktop_app.storage.tables",
                                        "desktop_app.gui.main_window:8 imports desktop_app.documents.builder"]


def test_checker_finds_a_cycle_through_a_lazy_import_and_not_a_chain():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_checker_allows_a_lazy_import_only_by_a_rule():
    rules = [("desktop_app.gui.*", "desktop_app.gui.dialogs", "opened on demand"),
             ("*", ("ctypes", "winreg"), "Windows")]
    source = ("def later():\n    from desktop_app.gui.dialogs.about_dialog import AboutDialog\n    import json\n"
              "    import ctypes\n    from desktop_app.gui.widgets import message_boxes\n")
    known = {"desktop_app.gui.dialogs.about_dialog", "desktop_app.gui.widgets.message_boxes"}
    imports, _private = read_imports(source, "desktop_app.gui.item_commands", False, known)
    assert {i.target: lazy_reason(i, rules) for i in imports} == {
        "desktop_app.gui.dialogs.about_dialog": "opened on demand", "json": None, "ctypes": "Windows",
        "desktop_app.gui.widgets.message_boxes": None}
    assert covers("desktop_app.services", "desktop_app.services.dto")
    assert not covers("desktop_app.services", "desktop_app.servicesx")
