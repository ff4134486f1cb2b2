"""Regenerate desktop_app/gui/forms/ui_*.py from every ui/*.ui (developer tool).

Run after editing a form in Qt Designer: ``uv run python scripts/build_forms.py``. The generated
modules are committed and never edited by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "desktop_app" / "gui" / "forms"


def main() -> int:
    failures = 0
    for ui_file in sorted((ROOT / "ui").glob("*.ui")):
        target = FORMS / f"ui_{ui_file.stem}.py"
        result = subprocess.run(["pyside6-uic", str(ui_file), "-o", str(target)], capture_output=True, text=True)
        if result.returncode:
            failures += 1
            print(f"失败：{ui_file.name}\n{result.stderr}", file=sys.stderr)
        else:
            print(f"{ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
