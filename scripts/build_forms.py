"""Regenerate desktop_app/gui/forms/ui_*.py from every ui/*.ui (developer tool).

Run after editing a form in Qt Designer: ``uv run python scripts/build_forms.py``. The generated
modules are committed and never edited by hand; ``--out DIR`` writes them elsewhere (the test that
the committed forms match ``ui/`` does that).

pyside6-uic imports a fixed list of some 40 Qt names into every form, used or not. PySide6 creates a
Qt type when it is first imported, so those unused names cost the main window 20-40 ms before its
first paint; the imports are trimmed to the names each form uses.
"""

from __future__ import annotations

import argparse
import re
import shutil
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


def uic() -> str:
    """pyside6-uic of the Python running this script (its venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic" + (".exe" if sys.platform == "win32" else ""))
    return str(beside) if beside.is_file() else (shutil.which("pyside6-uic") or "pyside6-uic")


def build(out: Path = FORMS, quiet: bool = False) -> int:
    """Generate ``out/ui_<name>.py`` from every ``ui/<name>.ui``; the number of forms that failed."""
    failures = 0
    for ui_file in sorted((ROOT / "ui").glob("*.ui")):
        target = out / f"ui_{ui_file.stem}.py"
        result = subprocess.run([uic(), str(ui_file), "-o", str(target)], capture_output=True, text=True)
        if result.returncode:
            failures += 1
            print(f"失败：{ui_file.name}\n{result.stderr}", file=sys.stderr)
        else:
            target.write_text(trim_imports(target.read_text(encoding="utf-8")), encoding="utf-8")
            if not quiet:
                print(f"{ui_file.relative_to(ROOT)} -> {target}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FORMS, help="folder for the generated modules")
    return 1 if build(parser.parse_args(argv).out) else 0


if __name__ == "__main__":
    sys.exit(main())
