"""Regenerate docs/screenshots/rectification_appendix.png: page 1 of the seed's 整改清单 appendix as
printed (developer tool; needs poppler's ``pdftoppm``).

Run ``uv run python scripts/appendix_screenshot.py`` and look at the PNG afterwards. The rows come
from the test fixture copied cell by cell from the seed (tests/fixtures/seed_appendix.json).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "seed_appendix.json"
OUT = ROOT / "docs" / "screenshots" / "rectification_appendix.png"
sys.path.insert(0, str(ROOT))


def main() -> int:
    from desktop_app.documents.rectification_report import write_rectification_pdf
    from desktop_app.domain.rectification import Appendix, RectificationEntry

    if shutil.which("pdftoppm") is None:
        print("找不到 pdftoppm：请先安装 poppler-utils（Windows 上可用 poppler 的发行包并加入 PATH）。", file=sys.stderr)
        return 1
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    appendix = Appendix(data["title"], tuple(RectificationEntry(**row) for row in data["rows"]))
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "appendix.pdf"
        write_rectification_pdf(pdf, None, appendix)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(Path(folder) / "page")], check=True)
        shutil.copyfile(Path(folder) / "page.png", OUT)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
