"""What the editor is told when an item cannot be saved: every rule, in Chinese."""

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.enums import (
    Disclosure,
    ProposerRole,
    ProposerType,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.services.dto import AssignmentRecord, ProposerLink, ReplyRecord
from tests.services.records import make_record

LEAD = AssignmentRecord(None, "区交通委", UnitRole.LEAD)


def test_a_complete_record_has_no_problems(cases):
    assert cases.validate(make_record()) == []


def test_number_already_used_in_the_session_names_the_other_item(cases):
    cases.save(make_record(title="关于加强农村道路养护管理的建议"))
    problems = cases.validate(make_record(title="关于另一件事的建议"))
    assert problems == [
        "编号 0035 在 区二届人大五次会议 中已被“关于加强农村道路养护管理的建议”使用，请换一个编号。"
    ]
    with pytest.raises(ValidationError) as raised:
        cases.save(make_record(title="关于另一件事的建议"))
    assert raised.value.problems == problems
    assert len(cases.list_rows()) == 1


def test_the_same_number_in_another_session_is_fine(cases):
    cases.save(make_record())
    assert cases.validate(make_record(session_name="区二届人大四次会议")) == []


def test_an_item_keeps_its_own_number_when_edited(cases):
    _c, item_id = cases.save(make_record())
    assert cases.validate(cases.get(item_id)) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "  "}, "标题不能为空"),
        ({"number": ""}, "编号不能为空"),
        ({"session_name": ""}, "请选择或填写届次"),
        ({"assignments": (AssignmentRecord(None, "区农业农村委", UnitRole.CO),)},
         "请至少指定一个主办单位（或分办单位）。"),
        ({"assignments": (LEAD, AssignmentRecord(None, "区交通委", UnitRole.CO))},
         "办理单位“区交通委”列了两次，请删去重复的一行。"),
        ({"assignments": (replace(LEAD, signed_on=date(2024, 2, 19)),)},
         "交办日期 2024-02-20 晚于 区交通委 的签收日期 2024-02-19"),
        ({"replies": (ReplyRecord(replied_on=date(2024, 2, 1)),)},
         "第 1 次答复的答复日期 2024-02-01 早于交办日期 2024-02-20"),
        ({"replies": (ReplyRecord(disclosure=Disclosure.NOT_PUBLIC),)},
         "公开属性为“此件不公开”，请填写不公开的理由。"),
        ({"replies": (ReplyRecord(round=1), ReplyRecord(round=1))}, "第 1 次答复出现了两次"),
        ({"assignments": (LEAD,), "replies": (ReplyRecord(finalised=True, result=ResultCategory.SOLVED),)},
         "定稿前须填写答复日期，请在“答复”页填写。"),
        ({"assignments": (LEAD,), "replies": (ReplyRecord(finalised=True, replied_on=date(2024, 5, 1)),)},
         "定稿前须选择办理结果，请在“答复”页选择。"),
        ({"assignments": (replace(LEAD, extension_approved_on=date(2024, 5, 1)),)},
         "区交通委 的延期已填批准日期，请填写批准人。"),
        ({"assignments": (replace(LEAD, extension_approver="陈晓峰"),)}, "请填写批准日期"),
        ({"assignments": (replace(LEAD, extension_months=4),)}, "延期最多 3 个月"),
        ({"assignments": (replace(LEAD, return_outcome=ReturnOutcome.APPROVED),)}, "请填写退回申请日期"),
        ({"assignments": (replace(LEAD, opinion_sent_on=date(2024, 3, 1)),)}, "只有会办单位发出会办意见"),
        ({"proposers": (ProposerLink("张建国", ProposerRole.LEAD, ProposerType.DEPUTY),
                        ProposerLink("李秀英", ProposerRole.LEAD, ProposerType.DEPUTY))},
         "只能有一位领衔代表"),
        ({"proposers": (ProposerLink("张建国", ProposerRole.LEAD, ProposerType.DEPUTY),
                        ProposerLink("张建国", ProposerRole.COSIGNER, ProposerType.DEPUTY))},
         "代表“张建国”列了两次"),
        ({"title": "关" * 301}, "超过 300 字的上限"),
    ],
)
def test_each_rule_explains_the_problem(cases, changes, expected):
    problems = cases.validate(make_record(**changes))
    assert len(problems) == 1, problems
    assert expected in problems[0]
    with pytest.raises(ValidationError):
        cases.save(make_record(**changes))
    assert cases.list_rows() == []


def test_all_problems_are_reported_at_once(cases):
    problems = cases.validate(make_record(title="", number="", assignments=()))
    assert len(problems) == 3


def test_a_unit_picked_from_the_list_and_typed_by_name_is_listed_twice(cases, reference):
    _c, item_id = cases.save(make_record())
    unit = next(u for u in reference.units() if u.name == "区交通委")
    problems = cases.validate(make_record(number="0036", assignments=(
        AssignmentRecord(unit.id, "区交通委", UnitRole.LEAD),
        AssignmentRecord(None, "区交通委", UnitRole.CO),
    )))
    assert problems == ["办理单位“区交通委”列了两次，请删去重复的一行。"]
