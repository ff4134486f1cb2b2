"""A unit's 自查报告 printed through ``desktop-app print self-report`` and read back with pdftotext:
the figures of its items for the period, the items and their results, commitments kept and open,
and the text its author wrote; never a 涉密 item's title."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.bootstrap import main
from desktop_app.domain.enums import ContactWay, FeedbackChannel, Rating, ResultCategory
from desktop_app.services.dto import ContactRecord, ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from tests.services.conftest import cases  # noqa: F401  (the fixture)
from tests.services.records import make_record, save_replied


TODAY = datetime(2024, 7, 5, 9, 0)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    from desktop_app.commands import frame

    monkeypatch.setattr(frame, "clock", lambda: TODAY)


def pdf_text(path) -> str:
    """The PDF's text without spaces and without the page numbers (— 2 —) between pages."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"—\d+—", "", "".join(out.split()))


@pytest.fixture
def reported(ctx, cases):  # noqa: F811
    """区交通委 in the first half of 2024: A (0035) answered 10 May 已经解决 after meeting the
    deputy, rated 满意; B (0036) answered 10 June (due 20 May: late) 计划解决 with two commitments,
    one kept on 1 July; C (0037) 涉密; D (0038) assigned in August, outside the period."""
    ctx.now = lambda: TODAY
    a = save_replied(cases, make_record(
        contacts=(ContactRecord(date(2024, 4, 1), ContactWay.MEETING, deputy_present=True),),
        replies=(ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED),)))
    b = save_replied(cases, make_record(number="0036", title="关于河道保洁的建议", replies=(
        ReplyRecord(replied_on=date(2024, 6, 10), result=ResultCategory.PLANNED),)),
        [("编制河道保洁计划", date(2024, 6, 30)), ("完成河道清淤", date(2024, 12, 31))])
    hidden = ReplyRecord(replied_on=date(2024, 5, 20), result=ResultCategory.SOLVED, disclosure_reason="涉密")
    save_replied(cases, make_record(number="0037", title="关于某涉密事项的建议", is_secret=True,
                                    replies=(replace(hidden, disclosure=hidden.disclosure.NOT_PUBLIC),)))
    cases.save(make_record(number="0038", title="关于路灯维修的建议", assigned_on=date(2024, 8, 1)))
    followup = FollowupService(ctx)
    followup.record_feedback(FeedbackEntry(a, None, Rating.SATISFIED, Rating.SATISFIED, date(2024, 5, 25),
                                           FeedbackChannel.ONLINE, form_reference="网上 17"))
    plan = next(c for c in followup.commitments(b) if c.description == "编制河道保洁计划")
    followup.close_commitment(plan.id, date(2024, 7, 1), "计划已印发")
    return ctx.db.path


def test_print_self_report_reads_back(reported, tmp_path, capsys):
    out = tmp_path / "自查报告.pdf"
    notes = tmp_path / "自查.txt"
    notes.write_text("我局高度重视建议提案办理工作。\n一是个别件答复超期，下一步将加强督办。", encoding="utf-8")
    assert main(["print", "self-report", "--db", str(reported), "--unit", "区交通委", "--from", "2024-01-01",
                 "--to", "2024-06-30", "--text-file", str(notes), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"]
    text = pdf_text(out)
    assert text.startswith("区交通委关于2024年1月1日至6月30日建议提案办理工作的自查报告区政府办公室：")
    # Figures as of 30 June over A, B and C (D is outside the period): 3 items, all answered; on
    # time A and C (B was due 20 May); met A only; A the only feedback.
    assert "我单位主办建议提案3件，会办0件。截至2024年6月30日，已答复3件，办复率100.0%" in text
    assert "按期答复2件，按期办复率66.7%（2/3）" in text and "见面率33.3%" in text
    assert "满意1件、基本满意0件、不满意0件，满意率（按件）100.0%" in text
    assert "以上数据的统计口径：办复率为已有定稿主办答复" in text
    # Items and results; C counted, not named; D not there.
    assert "1．区二届人大五次会议第0035号《关于加强农村道路养护管理的建议》（代表建议，领衔：张建国）：" \
           "2024年5月10日答复，已经解决，代表委员评价满意。" in text
    assert "2．区二届人大五次会议第0036号《关于河道保洁的建议》" in text and "2024年6月10日答复，计划解决，尚未收到反馈" in text
    assert "另有涉密件1件，按规定不在此列出。" in text
    assert "涉密事项" not in text and "路灯维修" not in text
    # Commitments as of 30 June: the plan was kept only on 1 July, so both are open (the plan is due
    # on 30 June itself: not yet past).
    assert "答复中承诺的事项共2项，已落实0项，尚未落实2项。" in text
    assert "编制河道保洁计划，承诺2024年6月30日前完成。" in text
    assert "三、承诺事项落实情况" in text and "四、自查发现的问题和下一步工作我局高度重视建议提案办理工作。" in text
    assert "一是个别件答复超期，下一步将加强督办。" in text
    assert text.endswith("特此报告。区交通委2024年7月5日")


def test_a_period_running_on_is_counted_as_of_today_and_kept_commitments_are_listed(reported, tmp_path, capsys):
    out = tmp_path / "年度.pdf"
    assert main(["print", "self-report", "--db", str(reported), "--unit", "区交通委", "--from", "2024-01-01",
                 "--to", "2024-12-31", "--text", "全年工作总结。", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "2024年1月1日至12月31日" in text and "截至2024年7月5日" in text
    # D (assigned 1 August) is not assigned yet today: still 3 items.
    assert "我单位主办建议提案3件" in text
    assert "已落实1项，尚未落实1项" in text and "编制河道保洁计划，2024年7月1日落实。" in text
    assert "完成河道清淤，承诺2024年12月31日前完成。" in text


def test_an_unknown_unit_or_reversed_dates_are_refused_in_chinese(reported, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["print", "self-report", "--db", str(reported), "--unit", "交通委", "--from", "2024-01-01",
                 "--to", "2024-06-30", "--out", str(out)]) == 1
    assert "单位名录中没有“交通委”" in capsys.readouterr().err and not out.exists()
    assert main(["print", "self-report", "--db", str(reported), "--unit", "区交通委", "--from", "2024-06-30",
                 "--to", "2024-01-01", "--out", str(out)]) == 1
    assert "请把两个日期对调" in capsys.readouterr().err
