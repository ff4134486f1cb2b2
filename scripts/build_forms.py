"""Regenerate desktop_app/gui/forms/ui_*.py from every ui/*.ui (developer tool).

Run after editing a form in Qt Designer: ``uv run python scripts/build_forms.py``. The generated
modules are committed and never edited by hand.

pyside6-uic imports a fixed list of some 40 Qt names into every form, used or not. PySide6 creates a
Qt type when it is first imported, so those unused names cost the main window 20-40 ms before its
first paint; the imports are trimmed to the names each form uses.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "desktop_app" / "gui" / "forms"


_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def trim_imports(source: str) -> str:
    """``source`` with each ``from PySide6.X import (...)`` reduced to the names its code uses."""
    body = _QT_IMPORT.sub("", source)

    def used_only(match: re.Match) -> str:
        names = [name.strip() for name in match.group(2).split(",") if name.strip()]
        kept = [name for name in names if re.search(rf"\b{name}\b", body)]
        return f"from {match.group(1)} import {', '.join(kept)}\n" if kept else ""

    return _QT_IMPORT.sub(used_only, source)


def main() -> int:
    failures = 0
    for ui_file in sorted((ROOT / "ui").glob("*.ui")):
        target = FORMS / f"ui_{ui_file.stem}.py"
        result = subprocess.run(["pyside6-uic", str(ui_file), "-o", str(target)], capture_output=True, text=True)
        if result.returncode:
            failures += 1
            print(f"失败：{ui_file.name}\n{result.stderr}", file=sys.stderr)
        else:
            target.write_text(trim_imports(target.read_text(encoding="utf-8")), encoding="utf-8")
            print(f"{ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
