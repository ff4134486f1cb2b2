"""The publication record's guardrails (domain.md §2 公开属性, §4): only on a finalised reply marked
此件公开发布 of an item that is not 涉密, on or after the reply, with its channel, not in the future."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.enums import Disclosure, ResultCategory
from desktop_app.domain.guardrails import future_date_problems, publication_problems
from desktop_app.services.dto import ReplyRecord
from tests.services.records import make_record

PORTAL = "政府门户网站“建议提案办理”专栏"
REPLY = ReplyRecord(replied_on=date(2024, 5, 10), result=ResultCategory.SOLVED, finalised=True,
                    published_on=date(2024, 5, 20), publication_channel=PORTAL)


def problems(reply=REPLY, **item) -> list[str]:
    return publication_problems(make_record(replies=(reply,), **item))


def test_a_published_finalised_public_reply_is_fine():
    assert problems() == []
    assert problems(replace(REPLY, published_on=None, publication_channel="")) == []


def test_each_wrong_record_says_what_to_do():
    assert "请填写发布渠道" in problems(replace(REPLY, publication_channel=""))[0]
    assert "早于答复日期" in problems(replace(REPLY, published_on=date(2024, 5, 9)))[0]
    assert "请先定稿" in problems(replace(REPLY, finalised=False))[0]
    assert "不能有公开发布记录" in problems(replace(REPLY, disclosure=Disclosure.ON_REQUEST))[0]
    assert "此件为涉密件" in problems(is_secret=True)[0]
    assert "没有公开发布日期" in problems(replace(REPLY, published_on=None))[0]
    future = future_date_problems(make_record(replies=(REPLY,)), date(2024, 5, 19))
    assert any("公开发布日期" in p for p in future)
