"""年年提: similar earlier items on the hand-made set, links and dismissals, and the report."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from desktop_app.domain.similarity import GROUP_THRESHOLD
from desktop_app.domain.enums import ItemKind, LinkKind, ProposerRole, ProposerType, ReviewOutcome
from desktop_app.services.dto import ProposerLink
from desktop_app.services.similarity import Draft, SimilarityService
from tests.services.records import make_record
from tests.services.similarity_set import ITEMS


def session_name(kind: str, year: int) -> str:
    return f"{year}年区人大会议" if kind == "suggestion" else f"{year}年区政协会议"


@pytest.fixture
def similarity(ctx) -> SimilarityService:
    return SimilarityService(ctx)


@pytest.fixture
def hand_set(cases):
    """The hand-made set saved as users would enter it; returns (id → (problem, year)) and the
    ids in ITEMS order."""
    facts, ids = {}, []
    numbers: dict[str, int] = defaultdict(int)
    for problem, year, kind, title, content in ITEMS:
        item_kind = ItemKind(kind)
        name = session_name(kind, year)
        numbers[name] += 1
        proposer_type = ProposerType.DEPUTY if item_kind is ItemKind.SUGGESTION else ProposerType.MEMBER
        _c, item_id = cases.save(make_record(
            kind=item_kind, session_name=name, number=f"{numbers[name]:04d}", title=title, content=content,
            proposers=(ProposerLink("张建国", ProposerRole.LEAD, proposer_type),)))
        facts[item_id] = (problem, year)
        ids.append(item_id)
    return facts, ids


def test_the_right_earlier_item_is_in_the_top_three_for_nine_in_ten(similarity, hand_set):
    facts, ids = hand_set
    asked = found = 0
    misses = []
    for item_id, (problem, year, _kind, title, content) in zip(ids, ITEMS):
        earlier = {i for i, (p, y) in facts.items() if p == problem and y < year}
        if not earlier:
            continue
        asked += 1
        top = [s.item_id for s in similarity.similar_to_text(title, content, limit=3, before_year=year)]
        if earlier & set(top):
            found += 1
        else:
            misses.append(title)
    assert asked >= 20  # the set really asks: most problems come back in a later year
    assert found / asked >= 0.9, misses


def test_words_shared_with_another_problem_do_not_make_it_the_best_match(similarity, hand_set):
    facts, ids = hand_set
    for item_id, (problem, year, _kind, title, content) in zip(ids, ITEMS):
        if not problem.endswith("*"):
            continue
        best = similarity.similar_to_text(title, content, limit=1, threshold=0.0, exclude_item_id=item_id)
        assert not best or best[0].score < GROUP_THRESHOLD, (title, best[0].title)


def test_the_report_groups_each_problem_alone_across_years(similarity, hand_set):
    facts, _ids = hand_set
    report = similarity.recurring_report()
    problems_seen = set()
    for group in report.groups:
        problems = {facts[m.item.item_id][0] for m in group.members}
        assert len(problems) == 1, [m.item.title for m in group.members]
        assert len(group.years) >= 2
        problems_seen |= problems
    recurring = {p for p in {p for p, _y in facts.values()}
                 if len({y for q, y in facts.values() if q == p}) >= 2}
    # Most problems that really came back are found (the rest can be linked by hand).
    assert len(problems_seen) >= 0.7 * len(recurring), recurring - problems_seen
    years = [len(g.years) for g in report.groups]
    assert years == sorted(years, reverse=True)


def test_a_link_joins_items_the_text_alone_does_not_and_a_dismissal_keeps_them_apart(
        similarity, cases, hand_set):
    facts, ids = hand_set
    by_title = {title: i for i, (_p, _y, _k, title, _c) in zip(ids, ITEMS)}
    library = by_title["关于延长区图书馆开放时间的提案"]
    flood = by_title["关于提升低洼地区防汛排涝能力的提案"]
    similarity.link(library, flood)
    grouped = [g for g in similarity.recurring_report().groups
               if library in {m.item.item_id for m in g.members}]
    assert len(grouped) == 1 and flood in {m.item.item_id for m in grouped[0].members}
    assert [s.item_id for s in similarity.similar_to_item(library)][0] == flood
    assert similarity.similar_to_item(library)[0].link is LinkKind.SAME
    history = cases.get(library).history
    assert any(h.field == "相似件" and "同一问题" in h.new_value for h in history)

    road_2023 = by_title["关于解决医院就医停车难问题的提案"]
    road_2024 = by_title["关于增加医院周边停车泊位的建议"]
    assert road_2023 in [s.item_id for s in similarity.similar_to_item(road_2024)]
    similarity.link(road_2024, road_2023, LinkKind.DISMISSED)
    assert road_2023 not in [s.item_id for s in similarity.similar_to_item(road_2024)]


def test_a_similar_item_says_how_it_ended(similarity, cases, ctx):
    from desktop_app.domain.enums import ResultCategory
    from desktop_app.services.review import ReviewInput, ReviewService
    from tests.services.records import save_replied

    from desktop_app.services.dto import ReplyRecord

    old = save_replied(cases, make_record(
        session_name="2021年区人大会议", title="关于加强农村道路养护管理的建议", content="农村道路路面破损，养护资金不足。",
        assigned_on=date(2021, 2, 20),
        replies=(ReplyRecord(replied_on=date(2021, 5, 10), result=ResultCategory.SOLVED),)))
    cases.save(make_record(session_name="2021年区人大会议", number="0002", title="关于推进社区养老服务的建议",
                           content="建议增加老年助餐点。"))
    assert cases.get(old).replies[-1].result is ResultCategory.SOLVED
    found = similarity.similar_to_text("关于修复农村道路破损路面的建议", "道路破损严重，养护不到位", limit=5)
    assert [s.item_id for s in found] == [old]
    assert found[0].result is ResultCategory.SOLVED and found[0].review_label == "未复核"
    assert found[0].session_name == "2021年区人大会议" and found[0].open_commitments == ()

    reviews = ReviewService(ctx)
    campaign = reviews.create_campaign(2021).campaign_id
    entry = next(e for e in reviews.entries(campaign) if e.item_id == old)
    reviews.record_review(entry.id, ReviewInput(ReviewOutcome.NOT_SOLVED, "路面仍破损", ctx.today()))
    again = similarity.similar_to_text("关于修复农村道路破损路面的建议", "道路破损严重，养护不到位", limit=5)
    assert again[0].review_solved is False and again[0].review_label == "未真正解决"


def test_import_rows_get_their_best_earlier_match(similarity, hand_set):
    facts, ids = hand_set
    found = similarity.best_matches([Draft("关于医院停车难的建议", "医院周边停车泊位不够"),
                                     Draft("关于开展月球探测科普的建议", "")])
    assert found[0] is not None and facts[found[0].item_id][0] == "hospital_parking"
    assert found[1] is None


def test_the_excel_report_lists_the_groups_but_no_secret_item(similarity, cases, ctx, hand_set, tmp_path):
    from openpyxl import load_workbook

    from desktop_app.services.exporters import export

    _c, secret = cases.save(make_record(session_name="2021年区人大会议", number="0009", is_secret=True,
                                        title="关于解决区中心医院停车难的建议",
                                        content="区中心医院门口停车泊位严重不足，就诊车辆排队进院，堵到主干道。"))
    assert secret in {m.item.item_id for g in similarity.recurring_report().groups for m in g.members}
    out = tmp_path / "年年提.xlsx"
    groups = export(ctx, "recurring", out)
    rows = list(load_workbook(out)["年年提"].iter_rows(min_row=4, values_only=True))
    assert groups >= 7 and len({r[0] for r in rows}) == groups
    assert all(r[4] != "2021年区人大会议" for r in rows)
    parking = [r for r in rows if "医院" in r[7]]
    assert len({r[3] for r in parking}) >= 2 and "关于解决区中心医院停车难的建议" not in {r[7] for r in rows}


def test_the_printed_review_report_carries_the_problems_raised_again_as_an_annex(ctx, hand_set, tmp_path):
    import re

    import pdfplumber

    from desktop_app.services.exporters import export
    from desktop_app.services.review import ReviewService

    campaign = ReviewService(ctx).create_campaign(2024).campaign_id
    out = tmp_path / "回头看.pdf"
    export(ctx, "review_report", out, campaign_id=campaign)
    with pdfplumber.open(out) as pdf:
        pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in pdf.pages]
    annex = next(n for n, text in enumerate(pages) if text.startswith("附件"))
    text = "".join(pages[annex:])
    assert "年年提：跨年度反复提出的问题" in text
    raised_again = SimilarityService(ctx).recurring_report().printable(2024).groups
    assert len(raised_again) >= 7 and f"有{len(raised_again)}个问题往年已经提过" in text
    assert "关于增加医院周边停" in text  # the cell wraps after nine characters
    assert "关于延长区图书馆开" not in text  # raised once only
    assert "年年提" not in "".join(pages[:annex])
