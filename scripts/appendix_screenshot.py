"""Regenerate docs/screenshots/rectification_appendix.png (page 1 of the seed's 整改清单 appendix as
printed), rectification_report.png (page 1 of the whole report, with its red 版头) and
reply_letter_all_elements-1.png (a one-page 答复函 with every element: category mark, letterhead,
签发人 and 文号, title, body with headings, the 会办 opinion, closing, signature, 附注, 版记)
(developer tool; needs poppler's ``pdftoppm``).

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
    for name, with_report in (("rectification_appendix.png", None), ("rectification_report.png", report),
                              ("reply_letter_all_elements-1.png", "reply")):
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "document.pdf"
            if with_report == "reply":
                write_reply(pdf)
            else:
                write_rectification_pdf(pdf, with_report, appendix)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(Path(folder) / "page")], check=True)
            shutil.copyfile(Path(folder) / "page.png", SHOTS / name)
        print(SHOTS / name)
    return 0


def write_reply(pdf: Path) -> None:
    from datetime import date

    from desktop_app.documents.builder import write_document
    from desktop_app.documents.model import CoOpinion, Issuer, LetterSettings, ReplyLetterData
    from desktop_app.domain.enums import Disclosure, ItemKind, ResultCategory

    unit = Issuer("区交通委", mark="上海市崇明区交通委员会", short_name="崇交委", signature="上海市崇明区交通委员会")
    data = ReplyLetterData(
        kind=ItemKind.SUGGESTION, session_name="区二届人大五次会议", number="0035",
        item_title="关于加强农村道路交通安全管理的建议", addressees=("张三代表",),
        body="一、基本情况\n（一）增设设施。2025年3月31日前增设减速带。",
        unit_name=unit.signed, replied_on=date(2024, 10, 30), doc_number="崇交委〔2024〕45号", signer="王五",
        result=ResultCategory.SOLVING, co_opinions=(CoOpinion("区公安分局", "将在重点路段增设电子警察"),),
        contact_person="李明", contact_phone="69691234", disclosure=Disclosure.PUBLIC,
        cc="区人大常委会代表工作机构，区政府办公室", issuer=unit)
    write_document(pdf, "reply", [data], LetterSettings())


if __name__ == "__main__":
    sys.exit(main())
