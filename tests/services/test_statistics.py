"""办理情况统计 read from a real database: due dates from the rules, and the ``stats`` command."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.bootstrap import main
from desktop_app.domain.enums import ContactWay, Disclosure, FeedbackChannel, Rating, ResultCategory
from desktop_app.services.dto import ContactRecord, ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from desktop_app.services.statistics import StatisticsService
from tests.services.records import make_record, save_replied


@pytest.fixture
def two_items(cases, ctx):
    """A: replied a day after its due date (20 May), after meeting the deputy; B: a one-month
    extension moves its due date to 20 June, replied 10 June, only a phone call."""
    ctx.now = lambda: datetime(2024, 6, 30, 9, 0)  # B's reply of 10 June has happened
    late = make_record(
        contacts=(ContactRecord(date(2024, 5, 1), ContactWay.MEETING, deputy_present=True),),
        replies=(ReplyRecord(replied_on=date(2024, 5, 21), result=ResultCategory.SOLVED),))
    a = save_replied(cases, late)
    base = make_record(number="0036")
    extended = replace(base.assignments[0], extension_requested_on=date(2024, 5, 1), extension_months=1,
                       extension_approved_on=date(2024, 5, 6), extension_approver="王局长", extension_reason="需调研")
    b = save_replied(cases, replace(
        base, assignments=(extended, base.assignments[1]),
        contacts=(ContactRecord(date(2024, 5, 2), ContactWay.PHONE),),
        replies=(ReplyRecord(replied_on=date(2024, 6, 10), result=ResultCategory.PLANNED),)),
        [("编制改造计划", date(2024, 12, 31))])
    FollowupService(ctx).record_feedback(FeedbackEntry(a, None, Rating.SATISFIED, Rating.DISSATISFIED,
                                                       date(2024, 5, 25), FeedbackChannel.ONLINE, form_reference="网上 17"))
    return a, b


def test_on_time_uses_the_reply_due_date_with_the_approved_extension(ctx, two_items):
    a, b = two_items
    o = StatisticsService(ctx).report(date(2024, 6, 30)).overall
    assert (o["replied"].count, o["replied"].base) == (2, 2)
    assert o["on_time"].ids == {b}
    assert o["met"].ids == {a}  # a phone call is not a meeting
    assert o["dissatisfied"].ids == {a} and o["rehandled"].ids == {a}
    assert o["result_planned"].ids == {b}


def test_stats_command_prints_json_with_item_ids(ctx, two_items, capsys):
    a, b = two_items
    path = ctx.db.location
    assert main(["stats", "--db", str(path), "--as-of", "2024-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2024-06-01"
    replied = data["overall"]["replied"]
    assert {k: replied[k] for k in ("label", "count", "base", "rate", "item_ids", "base_item_ids")} == {
        "label": "办复率", "count": 1, "base": 2, "rate": 0.5, "item_ids": [a], "base_item_ids": [a, b]}
    assert replied["definition"].startswith("已有定稿主办答复")
    # 1 June: A (due 20 May) is due and was replied late; B (due 20 June) is not due yet: 0/1.
    assert data["overall"]["on_time"]["count"] == 0 and data["overall"]["on_time"]["base_item_ids"] == [a]
    assert data["groups"]["unit"]["区交通委"]["total"]["item_ids"] == [a, b]
    assert main(["stats", "--db", str(path), "--as-of", "2024-06-30"]) == 0
    text = capsys.readouterr().out
    assert "办复率：100.0%（2/2）" in text and "按期办复率：50.0%（1/2）" in text and "按承办单位：" in text


def test_stats_command_refuses_a_missing_file(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.sqlite")]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err


def test_statistics_export_to_excel(ctx, two_items, tmp_path):
    from openpyxl import load_workbook

    from desktop_app.services.exporters import export

    out = tmp_path / "统计.xlsx"
    export(ctx, "statistics", out, as_of=date(2024, 6, 30))
    book = load_workbook(out)
    assert book.sheetnames == ["总体", "承办单位", "届次", "类别"]
    rows = {r[0]: r[1] for r in book["总体"].iter_rows(min_row=3, values_only=True)}
    assert rows["按期办复率"] == "50.0%（1/2）" and rows["不满意（按件）"] == "100.0%（1/1）"


def test_print_stats_writes_the_report_as_of_the_day(ctx, two_items, tmp_path, capsys):
    import pdfplumber

    out = tmp_path / "统计报告.pdf"
    assert main(["print", "stats", "--db", ctx.db.location, "--as-of", "2024-06-30", "--out", str(out),
                 "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    with pdfplumber.open(out) as pdf:
        assert answer["ok"] and answer["pages"] == len(pdf.pages) >= 4
        first = "".join(pdf.pages[0].extract_text().split())
        units = "".join(pdf.pages[1].extract_text().split())
    assert first.startswith("关于2024年建议提案办理情况的统计报告")
    assert "已办复2件，办复率100.0%；按期办复1件，按期办复率50.0%" in first
    assert "区交通委" in units and "合计" in units
    assert main(["print", "stats", "--db", ctx.db.location, "--out", str(tmp_path / "无此目录" / "a.pdf")]) == 1
    assert "输出文件夹不存在" in capsys.readouterr().err


def test_a_draft_reply_counts_nowhere_and_a_secret_item_is_never_in_the_public_base(ctx, cases):
    """A: finalised, public; B: the same reply still a draft; C: 涉密, finalised, stored as public
    by an older version (the editor refuses it now): A and C are replied, only A counts as public."""
    from sqlalchemy import update

    from desktop_app.storage.tables import Reply

    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED)
    a = save_replied(cases, make_record(replies=(reply,)))
    _c, b = cases.save(make_record(number="0036", replies=(reply,)))
    hidden = replace(reply, disclosure=Disclosure.NOT_PUBLIC, disclosure_reason="涉密")
    c = save_replied(cases, make_record(number="0037", is_secret=True, replies=(hidden,)))
    with ctx.db.write() as s:
        s.execute(update(Reply).where(Reply.item_id == c).values(disclosure=Disclosure.PUBLIC.value))
    o = StatisticsService(ctx).report(date(2024, 6, 3)).overall
    assert o["replied"].ids == {a, c} and b not in o["replied"].ids
    # C, 涉密, is in neither base; A is public but has no publication record yet.
    assert o["public"].base_ids == {a} and o["public"].ids == frozenset()


def test_a_moved_item_counts_once_at_its_final_unit_and_the_editor_records_feed_the_figures(ctx, cases):
    """An item 退回 by 区住建委 (approved) and re-assigned to 区交通委 counts once, at 区交通委; the
    co-unit's opinion is due a month from 交办 (20 March) and was sent 25 March; the contact the
    deputy took part in counts for 见面率, the one without does not; the publication record counts."""
    from desktop_app.domain.enums import ReturnOutcome, UnitRole
    from desktop_app.services.dto import AssignmentRecord

    ctx.now = lambda: datetime(2024, 6, 30, 9, 0)
    moved = make_record(
        assignments=(
            AssignmentRecord(None, "区住建委", UnitRole.LEAD, signed_on=date(2024, 2, 21),
                             return_requested_on=date(2024, 2, 22), return_reason="不属本单位职责",
                             return_outcome=ReturnOutcome.APPROVED, return_decided_on=date(2024, 2, 26)),
            AssignmentRecord(None, "区交通委", UnitRole.LEAD, assigned_on=date(2024, 2, 27)),
            AssignmentRecord(None, "区农业农村委", UnitRole.CO, opinion_sent_on=date(2024, 3, 25)),
        ),
        contacts=(ContactRecord(date(2024, 4, 1), ContactWay.MEETING, deputy_present=False),),
        replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED,
                             published_on=date(2024, 5, 20), publication_channel="政府门户网站“建议提案办理”专栏"),))
    a = save_replied(cases, moved)
    met = make_record(number="0036", contacts=(ContactRecord(date(2024, 4, 1), ContactWay.FORUM, deputy_present=True),),
                      replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),))
    b = save_replied(cases, met)
    report = StatisticsService(ctx).report(date(2024, 6, 30))
    assert report.groups[("unit", "区交通委")]["total"].ids == {a, b}
    assert "区住建委" not in report.group_names("unit")
    assert report.overall["met"].ids == {b}
    assert report.overall["public"].ids == {a} and report.overall["public"].base_ids == {a, b}
    # B's public reply of 10 May is unpublished 20 working days later (the rule): overdue.
    assert report.overall["public_overdue"].ids == {b}
    farm = report.groups[("unit", "区农业农村委")]
    assert farm["total"].count == 0 and farm["co_handled"].count == 2
    # Both opinions were due on 20 March; A's sent on 25 March, B's received (sent) 15 March.
    assert farm["co_on_time"].ids == {b} and farm["co_on_time"].base == 2


def test_an_unpublished_public_reply_is_overdue_on_the_dashboard(ctx, cases):
    from desktop_app.domain.deadlines import Bucket, DeadlineKind
    from desktop_app.services.deadlines import DeadlineService

    ctx.now = lambda: datetime(2024, 6, 30, 9, 0)
    reply = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED)
    late = save_replied(cases, make_record(replies=(reply,)))
    done = save_replied(cases, make_record(number="0036", replies=(replace(
        reply, published_on=date(2024, 5, 20), publication_channel="政府门户网站“建议提案办理”专栏"),)))
    board = DeadlineService(ctx).dashboard(date(2024, 6, 30), only_our_unit=False)
    overdue = board.by_kind.get((DeadlineKind.PUBLICATION, Bucket.OVERDUE), frozenset())
    assert late in overdue and done not in overdue


@pytest.mark.sqlite_only("the command line opens the test's database file")
def test_the_excel_and_the_printed_figures_carry_their_definitions_as_of_day_and_period(ctx, two_items, tmp_path,
                                                                                          capsys):
    from openpyxl import load_workbook

    path = str(ctx.db.path)
    out = tmp_path / "统计.xlsx"
    assert main(["stats", "--db", path, "--as-of", "2024-06-30", "--from", "2024-01-01", "--to", "2024-12-31",
                 "--xlsx", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("办理情况统计（截至 2024年6月30日；统计范围：2024年度）")
    assert "按期办复率：50.0%（1/2）（注3）" in text
    assert "3. 按期办复率：在到期日（含经批准的延期）当日或之前答复的件数" in text
    book = load_workbook(out)
    overall = list(book["总体"].iter_rows(values_only=True))
    assert overall[0][0] == "办理情况统计（截至 2024年6月30日；统计范围：2024年度）"
    assert overall[1] == ("指标", "数值", "件数", "基数", "口径说明")
    on_time = next(r for r in overall if r[0] == "按期办复率")
    assert on_time[1] == "50.0%（1/2）" and "尚未到期且未答复的件不计为逾期" in on_time[4]
    units = list(book["承办单位"].iter_rows(values_only=True))
    assert units[-2][0] == "办理情况统计（截至 2024年6月30日；统计范围：2024年度）"
    assert units[-1][0].startswith("注：应办件数：截至统计日已交办的件数") and "见面率：" in units[-1][0]
    # A period before the items were handed over holds none of them.
    assert main(["stats", "--db", path, "--as-of", "2024-06-30", "--to", "2023-12-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["total"]["count"] == 0 and data["period"]["to"] == "2023-12-31"
