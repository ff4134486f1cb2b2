"""``due --as-of`` and ``stats --as-of`` show the world as it was that day: replies, feedback,
contacts, 签收, 会办意见, 退回 and 延期 decisions and commitments closed after it are ignored, and
an item 办结 or 已退回 since is still open that day (its history says when its status changed)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

import pytest

from desktop_app.bootstrap import main
from desktop_app.domain.enums import (
    ContactWay,
    Disclosure,
    FeedbackChannel,
    ItemStatus,
    Rating,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import AssignmentRecord, ContactRecord, ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from desktop_app.storage.database import open_database
from tests.services.records import make_record

TODAY = datetime(2026, 10, 10, 9, 30)
AS_OF = "2026-07-01"
LEAD, CO = "区交通委", "区农业农村委"


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    from desktop_app.commands import frame

    monkeypatch.setattr(frame, "clock", lambda: TODAY)


def reply(on: date, result=ResultCategory.SOLVED) -> ReplyRecord:
    return ReplyRecord(replied_on=on, result=result, disclosure=Disclosure.NOT_PUBLIC,
                       disclosure_reason="涉及个人信息", body="答复正文。", finalised=True)


def finish(path, item_id: int, old: ItemStatus, new: ItemStatus, when: str) -> None:
    """The item's status changed on ``when`` (history as the services write it)."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE item SET status = ? WHERE id = ?", (new.value, item_id))
        conn.execute("INSERT INTO history (item_id, entity, entity_id, field, old_value, new_value, changed_by,"
                     " changed_at, reason) VALUES (?, 'item', ?, '状态', ?, ?, '测试员', ?, '')",
                     (item_id, item_id, old.label, new.label, when))
    conn.close()


@pytest.fixture
def archive(tmp_path):
    """Four items whose records go on after 2026-07-01 (today is 2026-10-10)."""
    path = tmp_path / "cases.sqlite"
    db = open_database(path)
    ctx = ServiceContext(db, lambda: "测试员", lambda: TODAY)
    cases, followup = CaseService(ctx), FollowupService(ctx)
    try:
        # 0101: replied in time (答复 due 2026-06-16) with a commitment due 2026-06-30, kept on
        # 2026-08-01; the deputy met on 2026-09-05 and rated it 不满意 on 2026-09-01.
        a = cases.save(make_record(
            number="0101", title="关于增设公交站点的建议", assigned_on=date(2026, 3, 16), status=ItemStatus.REPLIED,
            assignments=(AssignmentRecord(None, LEAD, UnitRole.LEAD, signed_on=date(2026, 3, 17)),
                         AssignmentRecord(None, CO, UnitRole.CO, opinion_received_on=date(2026, 4, 10),
                                          opinion_text="同意。")),
            replies=(reply(date(2026, 6, 12)),),
            contacts=(ContactRecord(date(2026, 9, 5), ContactWay.MEETING, "张建国"),)))[1]
        _c, promise = followup.add_commitment(a, "六月底前增设站点", date(2026, 6, 30))
        followup.close_commitment(promise, date(2026, 8, 1), "站点已启用")
        # 0102: 会办意见 sent 2026-08-01, 延期 2 个月 approved 2026-08-10, replied 2026-08-15 with a
        # commitment, 办结 on 2026-10-01.
        b = cases.save(make_record(
            number="0102", title="关于河道保洁的建议", assigned_on=date(2026, 3, 2), status=ItemStatus.REPLIED,
            assignments=(AssignmentRecord(None, LEAD, UnitRole.LEAD, signed_on=date(2026, 3, 3),
                                          extension_requested_on=date(2026, 5, 20), extension_months=2,
                                          extension_reason="需统筹资金", extension_approved_on=date(2026, 8, 10),
                                          extension_approver="王主任"),
                         AssignmentRecord(None, CO, UnitRole.CO, opinion_received_on=date(2026, 8, 1),
                                          opinion_text="同意。")),
            replies=(reply(date(2026, 8, 15)),)))[1]
        followup.add_commitment(b, "年底前完成清淤", date(2026, 12, 31))
        # 0103: handed over on 2026-08-03.
        cases.save(make_record(number="0103", title="关于路灯维修的建议", assigned_on=date(2026, 8, 3),
                               status=ItemStatus.PENDING))
        # 0104: 退回 asked on 2026-04-08, agreed on 2026-08-20.
        e = cases.save(make_record(
            number="0104", title="关于停车难的建议", assigned_on=date(2026, 4, 1), status=ItemStatus.RETURN_REQUESTED,
            assignments=(AssignmentRecord(None, LEAD, UnitRole.LEAD, signed_on=date(2026, 4, 3),
                                          return_requested_on=date(2026, 4, 8), return_reason="不属本单位职责",
                                          return_outcome=ReturnOutcome.APPROVED,
                                          return_decided_on=date(2026, 8, 20)),)))[1]
        proposer = followup.cosigners(a)[0][0]
        followup.record_feedback(FeedbackEntry(a, proposer, Rating.SATISFIED, Rating.DISSATISFIED,
                                               date(2026, 9, 1), FeedbackChannel.PAPER, form_reference="纸质表"))
    finally:
        db.close()
    finish(path, b, ItemStatus.REPLIED, ItemStatus.CLOSED, "2026-10-01 10:00:00.000000")
    finish(path, e, ItemStatus.RETURN_REQUESTED, ItemStatus.RETURNED, "2026-08-20 10:00:00.000000")
    return path


def due(capsys, path, *extra) -> set[tuple[str, str, str, int]]:
    assert main(["due", "--db", str(path), "--json", *extra]) == 0
    data = json.loads(capsys.readouterr().out)
    return {(d["number"], d["kind"], d["due_on"], d["days_left"]) for d in data["deadlines"] if d["kind"] != "checklist"}


def test_due_as_of_a_past_day_ignores_what_happened_after_it(capsys, archive):
    assert due(capsys, archive, "--as-of", AS_OF) == {
        ("0101", "commitment", "2026-06-30", -1),  # kept only on 2026-08-01
        ("0102", "opinion", "2026-04-02", -90),  # sent only on 2026-08-01
        ("0102", "reply", "2026-06-02", -29),  # not yet extended, not yet answered; 办结 later
        ("0104", "reply", "2026-07-01", 0),  # 退回 not yet agreed
    }
    # Today: the 不满意 of 2026-09-01 calls for a second reply (2026-10-01 is 国庆节: moved to
    # 10月8日); 0102 and 0104 are finished; 0103 has been handed over.
    assert due(capsys, archive) == {
        ("0101", "second_reply", "2026-10-08", -2),
        ("0103", "opinion", "2026-09-03", -37),
        ("0103", "reply", "2026-11-03", 24),
    }


def test_stats_as_of_a_past_day_ignore_what_happened_after_it(capsys, archive):
    def figures(*extra):
        assert main(["stats", "--db", str(archive), "--json", *extra]) == 0
        overall = json.loads(capsys.readouterr().out)["overall"]
        return {key: (overall[key]["count"], overall[key]["base"]) for key in (
            "total", "replied", "on_time", "met", "dissatisfied", "rehandled", "commitments_open",
            "commitments_overdue")}

    assert figures("--as-of", AS_OF) == {
        "total": (3, None),  # 0101, 0102 and 0104 (退回 agreed later); 0103 not yet handed over
        # 0102 (due 2026-06-02) and 0104 (due that day) are due and not answered: late.
        "replied": (1, 3), "on_time": (1, 3), "met": (0, 1),
        "dissatisfied": (0, 0), "rehandled": (0, None),  # per item: no item has feedback yet
        "commitments_open": (1, None), "commitments_overdue": (1, None),  # 0102's not yet promised
    }
    assert figures() == {
        "total": (3, None),  # 0101, 0102, 0103
        # 0102 answered after its extended date (2026-08-03); 0103 not due yet (2026-11-03): not late.
        "replied": (2, 3), "on_time": (1, 2), "met": (0, 2),
        "dissatisfied": (1, 1), "rehandled": (1, None),
        "commitments_open": (1, None), "commitments_overdue": (0, None),
    }
