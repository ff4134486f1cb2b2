"""Sample letters and a PDF reader that groups characters into printed lines."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from desktop_app.documents.model import CoOpinion, LetterSettings, ReplyLetterData
from desktop_app.domain.enums import Disclosure, ItemKind, ResultCategory

SAMPLE = Path(__file__).with_name("sample_reply.txt").read_text(encoding="utf-8")


def reply_data(**changes) -> ReplyLetterData:
    data = ReplyLetterData(
        kind=ItemKind.SUGGESTION, session_name="区二届人大五次会议", number="0035",
        item_title="关于加强农村道路交通安全管理的建议", addressees=("张三代表",),
        body=SAMPLE, unit_name="上海市崇明区交通委员会", replied_on=date(2024, 10, 30),
        doc_number="崇交委〔2024〕45号", signer="", result=ResultCategory.SOLVING,
        co_opinions=(CoOpinion("区公安分局", "将在重点路段增设电子警察"),),
        contact_person="李明", contact_phone="69691234", disclosure=Disclosure.PUBLIC,
        cc="区人大常委会代表工作机构，区政府办公室",
    )
    return replace(data, **changes)


@pytest.fixture
def settings() -> LetterSettings:
    return LetterSettings(unit_name="上海市崇明区交通委员会")


@dataclass
class PrintedLine:
    baseline: float  # from the page top, points
    x0: float
    x1: float
    text: str
    fonts: set
    size: float


def read_lines(path) -> list[list[PrintedLine]]:
    """Every page's lines, top to bottom: characters grouped by baseline."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            rows: dict[float, list] = {}
            for ch in page.chars:
                baseline = round(page.height - ch["matrix"][5], 1)
                rows.setdefault(baseline, []).append(ch)
            lines = []
            for baseline in sorted(rows):
                chars = sorted(rows[baseline], key=lambda c: c["x0"])
                lines.append(PrintedLine(baseline, chars[0]["x0"], chars[-1]["x1"],
                                         "".join(c["text"] for c in chars),
                                         {c["fontname"] for c in chars}, chars[0]["size"]))
            pages.append(lines)
    return pages


def page_sizes(path) -> list[tuple[float, float]]:
    with pdfplumber.open(path) as pdf:
        return [(p.width, p.height) for p in pdf.pages]


def em(ch: dict) -> float:
    """A character's type size: its box across the line (pdfplumber's ``size`` of text turned
    −90° is the advance)."""
    return ch["y1"] - ch["y0"] if ch["upright"] else ch["x1"] - ch["x0"]


def number_chars(page, size: float = 14) -> list[dict]:
    """The characters of the page number "— n —" (4号), upright or turned, in content order."""
    return [ch for ch in page.chars if abs(em(ch) - size) < 0.5 and ch["text"] in "— 0123456789"]
