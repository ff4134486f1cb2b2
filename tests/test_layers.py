"""The import direction of architecture.md, read from the source of every module (ast).

gui → services → storage/domain; documents and exchange use domain and DTOs only; the domain is
pure Python. Imports inside functions count too: a lazy import still ties the layers together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
QT = ("PySide6", "shiboken6")

# (layer, forbidden import prefixes, why)
RULES = [
    ("domain", QT + ("sqlalchemy", "alembic", "desktop_app.storage", "desktop_app.services",
                     "desktop_app.gui", "desktop_app.documents", "desktop_app.exchange"),
     "the domain is pure Python"),
    ("storage", QT + ("desktop_app.services", "desktop_app.gui"), "storage knows no services or Qt"),
    ("services", QT + ("desktop_app.gui",), "services never import Qt"),
    ("documents", QT + ("sqlalchemy", "desktop_app.storage", "desktop_app.gui"),
     "documents turn DTOs into PDFs: no database, no Qt"),
    ("exchange", QT + ("sqlalchemy", "desktop_app.storage", "desktop_app.gui"),
     "exchange reads and writes Excel from DTOs: no database, no Qt"),
    ("gui", ("sqlalchemy", "alembic", "desktop_app.storage"), "the gui talks to services only"),
]
# pyside6-uic output: generated, imports Qt only.
EXCLUDED = ("gui/forms/",)
# The command line must run without a display.
SHELL_RULES = {"cli.py": QT, "paths.py": QT + ("sqlalchemy",), "settings.py": QT + ("sqlalchemy",)}


def imported_modules(source: str, module: str) -> set[str]:
    """Absolute names of every module ``source`` imports (relative imports resolved)."""
    names: set[str] = set()
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def violations(module: str, imports: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for name in imports
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        module = "desktop_app." + relative[:-3].replace("/", ".")
        yield relative, module, imported_modules(path.read_text(encoding="utf-8"), module)


@pytest.mark.parametrize("layer,forbidden,why", RULES, ids=[r[0] for r in RULES])
def test_layer_imports_point_one_way(layer, forbidden, why):
    found = []
    for relative, module, imports in modules():
        if relative.startswith(layer + "/") and not relative.startswith(EXCLUDED):
            found += violations(module, imports, forbidden)
    assert not found, f"{why}:\n" + "\n".join(found)


def test_command_line_paths_and_settings_import_no_qt():
    found = []
    for relative, module, imports in modules():
        if relative in SHELL_RULES:
            found += violations(module, imports, SHELL_RULES[relative])
    assert not found, "\n".join(found)


def test_every_layer_exists_so_the_rules_check_something():
    present = {relative.split("/")[0] for relative, _, _ in modules()}
    assert {rule[0] for rule in RULES} <= present


def test_checker_finds_direct_lazy_and_relative_imports():
    source = (
        "import PySide6.QtWidgets\n"
        "def later():\n    from sqlalchemy import select\n"
        "from ..storage import tables\n"
        "from . import models\n"
    )
    imports = imported_modules(source, "desktop_app.gui.main_window")
    assert violations("m", imports, ("sqlalchemy", "desktop_app.storage")) == [
        "m imports desktop_app.storage", "m imports desktop_app.storage.tables", "m imports sqlalchemy",
        "m imports sqlalchemy.select",
    ]
    assert "desktop_app.gui.models" in imports
    assert violations("m", imports, QT) == ["m imports PySide6.QtWidgets"]
    # A prefix is a whole module name: "sqlalchemy_utils" is not "sqlalchemy".
    assert violations("m", {"sqlalchemy_utils"}, ("sqlalchemy",)) == []
