"""Every exporter of the registry, fed hostile text and 涉密 items: each Excel file keeps text as text
(no formula, no leading = + - @ tab CR, no control character) and no output — Excel or PDF —
holds a 涉密 item's title or content. The registry is enumerated, so a new exporter without a case
here fails the first test."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop_app.domain.enums import Disclosure, ResultCategory, ReviewOutcome
from desktop_app.domain.rectification import RectificationEntry
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import ReplyRecord
from desktop_app.services.export_cases import ListColumn
from desktop_app.services.exporters import EXPORTERS, REDACT, SecretItems, SecretLeakError, export
from desktop_app.services.rectification import RectificationService
from desktop_app.services.review import ReviewInput, ReviewService
from desktop_app.storage.tables import Item
from tests.services.records import make_record, save_replied

AS_OF = date(2024, 6, 3)
HOSTILE = '=HYPERLINK("http://evil.example","区交通委")'
SECRET_TITLES = ("关于绝密工程甲方案的建议", "关于机要线路乙改造的建议")
SECRET_CONTENT = "绝密：工程甲位于某某地下二层，线路乙经过某某院内。"
CONTROL_TITLE = "关于\x07控制\x1b字符\x00的建议"  # (SQLite cannot store a lone surrogate at all)


@pytest.fixture
def data(ctx):
    cases = CaseService(ctx)
    replied = (ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),)
    hostile = save_replied(cases, make_record(number="0001", title=HOSTILE, category="+城建", content="@SUM(A1)",
                                              replies=replied))
    _c, control = cases.save(make_record(number="0002", title="关于控制字符的建议"))  # reply overdue on 2024-05-20
    hidden = tuple(replace(r, disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉密") for r in replied)
    _secret_replied = save_replied(cases, make_record(number="0098", title=SECRET_TITLES[0], content=SECRET_CONTENT,
                                                      is_secret=True, replies=hidden))
    _c, _secret_open = cases.save(make_record(number="0099", title=SECRET_TITLES[1], content=SECRET_CONTENT,
                                              is_secret=True))
    # Stored before control characters were cleaned at the boundary: written past it here.
    with ctx.db.engine.begin() as conn:
        # (A server never stored NUL: PostgreSQL refuses it in text.)
        title = CONTROL_TITLE.replace("\x00", "") if ctx.db.is_server else CONTROL_TITLE
        conn.execute(update(Item).where(Item.id == control).values(title=title))
    rectification = RectificationService(ctx)
    _c, list_id = rectification.import_entries("=整改清单", [
        RectificationEntry("=1+1", "@重点问题", "-意见", "+措施", "区交通委", "2024年12月31日"),
        RectificationEntry("=1+1", "\t=cmd|' /C calc'!A0", "意见二", "措施二", "区交通委", "持续推进")])
    review = ReviewService(ctx)
    campaign = review.create_campaign(2024).campaign_id
    for entry in review.entries(campaign):
        if entry.item_id == hostile:
            review.record_review(entry.id, ReviewInput(ReviewOutcome.ON_TRACK, HOSTILE, date(2024, 6, 1)))
    return {"list_id": list_id, "campaign_id": campaign, "hostile": hostile}


@dataclass(frozen=True)
class Case:
    options: object  # (ctx, data) -> options
    lists_items: bool = True  # the file lists items (so the hostile title must be there, as text)


CASES = {
    "ledger": Case(lambda ctx, d: {}),
    "case_list": Case(lambda ctx, d: {
        "columns": [ListColumn("编号", lambda r: r.number, 8), ListColumn("标题", lambda r: r.title, 40)],
        "rows": CaseService(ctx).list_rows()}),  # the rows as the list shows them: 涉密 ones too
    "reminder_list": Case(lambda ctx, d: {"as_of": AS_OF, "only_our_unit": False}, lists_items=False),
    "statistics": Case(lambda ctx, d: {"as_of": AS_OF}, lists_items=False),
    "statistics_report": Case(lambda ctx, d: {"as_of": AS_OF}, lists_items=False),
    "rectification": Case(lambda ctx, d: {"list_id": d["list_id"]}, lists_items=False),
    "rectification_report": Case(lambda ctx, d: {"list_id": d["list_id"]}, lists_items=False),
    "review": Case(lambda ctx, d: {"campaign_id": d["campaign_id"], "as_of": AS_OF}),
    "review_report": Case(lambda ctx, d: {"campaign_id": d["campaign_id"], "as_of": AS_OF}),
    # Lists the unit's items: the 涉密 ones only counted.
    "self_report": Case(lambda ctx, d: {"unit": "区交通委", "start": date(2024, 1, 1), "end": date(2024, 12, 31)}),
    # One session only: no problem spans two years here (tests/services/test_similarity.py lists some).
    "recurring": Case(lambda ctx, d: {}, lists_items=False),
}


def test_every_registered_exporter_has_a_case_here():
    assert set(CASES) == set(EXPORTERS)


def _xlsx_texts(path) -> list[str]:
    book = load_workbook(path)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def _pdf_text(path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


@pytest.mark.parametrize("key", sorted(EXPORTERS))
def test_each_export_keeps_text_as_text_and_no_secret_item(ctx, data, tmp_path, key):
    exporter, case = EXPORTERS[key], CASES[key]
    out = tmp_path / f"{key}{exporter.suffix}"

    export(ctx, key, out, **case.options(ctx, data))

    secrets = [*SECRET_TITLES, SECRET_CONTENT]
    if exporter.suffix == ".xlsx":
        texts = _xlsx_texts(out)
        for text in texts:
            assert not text.startswith(("=", "+", "-", "@", "\t", "\r")), text
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", text), repr(text)
        joined = "\n".join(texts)
        if case.lists_items:
            assert "'" + HOSTILE in texts  # the title is there, as visible text
        if key == "reminder_list":
            assert "关于控制字符的建议" in texts  # the stored control characters dropped
    else:
        joined = re.sub(r"\s+", "", _pdf_text(out))
        secrets = [re.sub(r"\s+", "", s) for s in secrets]
        assert joined  # the text is readable, so its absence below means something
    for secret in secrets:
        assert secret not in joined, f"{key} leaks a 涉密 item"


def test_the_review_counts_secret_items_without_listing_them(ctx, data, tmp_path):
    out = tmp_path / "回头看.xlsx"
    export(ctx, "review", out, campaign_id=data["campaign_id"], as_of=AS_OF)
    summary = [c for row in load_workbook(out)["汇总"].iter_rows(values_only=True) for c in row if c]
    assert "另有涉密件 1 条已计入以上数字，不在清单中列出。" in summary


@dataclass(frozen=True)
class Row:
    item_id: int
    title: str


@dataclass(frozen=True)
class Listing:
    rows: tuple
    note: str = ""


def test_release_drops_or_redacts_rows_of_secret_items_and_stops_a_leak():
    secret = SecretItems(frozenset({7}), frozenset({"绝密标题"}))
    listing = Listing((Row(1, "公开标题"), Row(7, "绝密标题")))

    assert secret.release(listing).rows == (Row(1, "公开标题"),)
    assert secret.release(listing, REDACT).rows == (Row(1, "公开标题"), Row(7, ""))
    with pytest.raises(SecretLeakError, match="已停止导出，没有写入文件"):
        secret.release(replace(listing, note="绝密标题"))
    unchanged = Listing((Row(1, "公开标题"),))
    assert secret.release(unchanged) is unchanged
