"""A hand-made dataset for the 回头看 tests, with the entries its 2024 list must have (helpers).

2024 (区二届人大五次会议): A 已经解决 with a 不满意 rating; B 正在解决 with one commitment kept
and one open and overdue; C 计划解决 with its one commitment kept; D 留作参考 (区教育局); E not replied.
2023 (2023年区二届人大四次会议): F 已经解决 with a commitment carried into 2024; G 留作参考.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.enums import FeedbackChannel, Rating, ResultCategory, ReviewCategory, UnitRole
from desktop_app.services.cases import CaseService
from desktop_app.services.dto import AssignmentRecord, ReplyRecord
from desktop_app.services.followup import FeedbackEntry, FollowupService
from tests.services.records import make_record, save_replied

OLD_SESSION = "2023年区二届人大四次会议"


def build_dataset(ctx) -> dict[str, int]:
    """Item ids by letter, plus ``B_open`` / ``B_kept`` / ``F_open`` commitment ids."""
    cases, follow = CaseService(ctx), FollowupService(ctx)
    ids: dict[str, int] = {}

    def item(letter, number, result, session=None, lead="区交通委", title=None, commitments=()):
        record = make_record(number=number, title=title or f"关于{letter}事项的建议")
        if session:
            record = replace(record, session_name=session, assigned_on=date(2023, 2, 20))
        if lead != "区交通委":
            record = replace(record, assignments=(AssignmentRecord(None, lead, UnitRole.LEAD),))
        if result is None:
            _c, ids[letter] = cases.save(record)
            return
        replied = date(2023, 5, 10) if session else date(2024, 5, 10)
        record = replace(record, replies=(ReplyRecord(replied_on=replied, result=result),))
        ids[letter] = save_replied(cases, record, commitments)

    item("A", "0001", ResultCategory.SOLVED)
    item("B", "0002", ResultCategory.SOLVING,
         commitments=[("完成路面修补", date(2024, 5, 1)), ("建立养护长效机制", date(2024, 5, 31))])
    # A 计划解决 reply needs a dated commitment to be finalised; C's is already kept.
    item("C", "0003", ResultCategory.PLANNED, commitments=[("编制改造计划", date(2024, 5, 15))])
    item("D", "0004", ResultCategory.REFERENCE, lead="区教育局")
    item("E", "0005", None)
    item("F", "0010", ResultCategory.SOLVED, session=OLD_SESSION)
    item("G", "0011", ResultCategory.REFERENCE, session=OLD_SESSION)
    follow.record_feedback(FeedbackEntry(ids["A"], None, Rating.SATISFIED, Rating.DISSATISFIED, date(2024, 5, 20),
                                         FeedbackChannel.PAPER, form_reference="意见表 3 号"))
    ids["B_kept"], ids["B_open"] = (c.id for c in follow.commitments(ids["B"]))
    follow.close_commitment(ids["B_kept"], date(2024, 5, 2), "验收单")
    [planned] = follow.commitments(ids["C"])
    follow.close_commitment(planned.id, date(2024, 5, 16), "改造计划已印发")
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
