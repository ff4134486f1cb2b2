"""Regenerate docs/screenshots/rectification_appendix.png (page 1 of the seed's 整改清单 appendix as
printed) and rectification_report.png (page 1 of the whole report, with its red 版头) (developer
tool; needs poppler's ``pdftoppm``).

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
SHOTS = ROOT / "docs" / "screenshots"
# The opening of the seed's report, enough for its first page.
REPORT = dict(
    doc_number="沪崇府发〔2024〕45号",
    title="上海市崇明区人民政府办理区人大常委会关于区二届人大五次会议以来代表建议、批评和意见办理情况报告审议意见的报告",
    recipient="区人大常委会",
    body="区二届人大常委会第二十二次会议听取和审议了区政府所作的《关于区二届人大五次会议以来代表建议、批评和意见办理情况的报告》。"
         "会议充分肯定了区政府及各承办单位的办理工作，并就进一步做好代表建议的办理和落实工作提出了意见和建议。"
         "区政府对此高度重视，针对审议意见中提出的工作建议，认真研究，制定措施，形成办理审议意见的报告。"
         "经区政府研究同意，现将有关情况报告如下：",
    unit_name="上海市崇明区人民政府",
)
sys.path.insert(0, str(ROOT))


def main() -> int:
    from datetime import date

    from desktop_app.documents.rectification_report import RectificationReport, write_rectification_pdf
    from desktop_app.domain.rectification import Appendix, RectificationEntry

    if shutil.which("pdftoppm") is None:
        print("找不到 pdftoppm：请先安装 poppler-utils（Windows 上可用 poppler 的发行包并加入 PATH）。", file=sys.stderr)
        return 1
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    appendix = Appendix(data["title"], tuple(RectificationEntry(**row) for row in data["rows"]))
    report = RectificationReport(**REPORT, dated=date(2024, 10, 30))
    for name, with_report in (("rectification_appendix.png", None), ("rectification_report.png", report)):
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "document.pdf"
            write_rectification_pdf(pdf, with_report, appendix)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(Path(folder) / "page")], check=True)
            shutil.copyfile(Path(folder) / "page.png", SHOTS / name)
        print(SHOTS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
