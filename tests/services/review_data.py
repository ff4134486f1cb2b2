"""A hand-made dataset for the 回头看 tests, with the entries its 2024 list must have (helpers).

2024 (区二届人大五次会议): A 已经解决 with a 不满意 rating; B 正在解决 with one commitment kept
and one open and overdue; C 计划解决 without commitments; D 留作参考 (区教育局); E not replied.
2023 (2023年区二届人大四次会议): F 已经解决 with a commitment carried into 2024; G 留作参考.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.enums import FeedbackChannel, ItemStatus, Rating, ResultCategory, ReviewCategory, UnitRole
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import AssignmentRecord, ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from tests.services.records import make_record

OLD_SESSION = "2023年区二届人大四次会议"


def build_dataset(ctx) -> dict[str, int]:
    """Item ids by letter, plus ``B_open`` / ``B_kept`` / ``F_open`` commitment ids."""
    cases, follow = CaseService(ctx), FollowupService(ctx)
    ids: dict[str, int] = {}

    def item(letter, number, result, session=None, lead="区交通委", title=None):
        record = make_record(number=number, title=title or f"关于{letter}事项的建议")
        if session:
            record = replace(record, session_name=session, assigned_on=date(2023, 2, 20))
        if lead != "区交通委":
            record = replace(record, assignments=(AssignmentRecord(None, lead, UnitRole.LEAD),))
        if result is not None:
            replied = date(2023, 5, 10) if session else date(2024, 5, 10)
            record = replace(record, status=ItemStatus.REPLIED,
                             replies=(ReplyRecord(replied_on=replied, result=result),))
        _c, ids[letter] = cases.save(record)

    item("A", "0001", ResultCategory.SOLVED)
    item("B", "0002", ResultCategory.SOLVING)
    item("C", "0003", ResultCategory.PLANNED)
    item("D", "0004", ResultCategory.REFERENCE, lead="区教育局")
    item("E", "0005", None)
    item("F", "0010", ResultCategory.SOLVED, session=OLD_SESSION)
    item("G", "0011", ResultCategory.REFERENCE, session=OLD_SESSION)
    follow.record_feedback(FeedbackEntry(ids["A"], None, Rating.SATISFIED, Rating.DISSATISFIED, date(2024, 5, 20),
                                         FeedbackChannel.PAPER, form_reference="意见表 3 号"))
    _c, ids["B_kept"] = follow.add_commitment(ids["B"], "完成路面修补", date(2024, 5, 1))
    follow.close_commitment(ids["B_kept"], date(2024, 5, 2), "验收单")
    _c, ids["B_open"] = follow.add_commitment(ids["B"], "建立养护长效机制", date(2024, 5, 31))
    _c, ids["F_open"] = follow.add_commitment(ids["F"], "完成桥梁加固", date(2023, 12, 31))
    follow.carry_over(ids["F_open"], 2023, "工程跨年度施工")
    return ids


def expected_2024(ids) -> set[tuple]:
    """(category, item id, commitment id) of every entry the 2024 list must have."""
    return {
        (ReviewCategory.SOLVED, ids["A"], None), (ReviewCategory.DISSATISFIED, ids["A"], None),
        (ReviewCategory.IN_PROGRESS, ids["B"], None), (ReviewCategory.IN_PROGRESS, ids["C"], None),
        (ReviewCategory.REFERENCE, ids["D"], None), (ReviewCategory.COMMITMENT, ids["B"], ids["B_open"]),
        (ReviewCategory.COMMITMENT, ids["F"], ids["F_open"]),
    }


def keys(entries) -> set[tuple]:
    return {(e.category, e.item_id, e.commitment_id) for e in entries}
