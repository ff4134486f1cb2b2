"""Quick search over 编号, 标题, 代表, 单位 and 内容 through the bigram index."""

from dataclasses import replace

import pytest

from desktop_app.domain.enums import ProposerRole, ProposerType, UnitRole
from desktop_app.services.dto import AssignmentRecord, ProposerLink
from tests.services.records import make_record


@pytest.fixture
def items(cases):
    """Three items; returns their ids by a short name."""
    ids = {}
    _c, ids["road"] = cases.save(make_record())
    _c, ids["school"] = cases.save(make_record(
        number="0036", title="关于加强学校周边交通安全的建议",
        content="上下学高峰时段学校周边道口拥堵。建议：完善交通标志。",
        proposers=(ProposerLink("王海燕", ProposerRole.LEAD, ProposerType.DEPUTY),),
        assignments=(AssignmentRecord(None, "区教育局", UnitRole.LEAD),),
    ))
    _c, ids["care"] = cases.save(make_record(
        number="0120", title="关于推进社区养老服务的建议", content="建议增加老年助餐点。",
        proposers=(ProposerLink("陈志明", ProposerRole.LEAD, ProposerType.DEPUTY),),
        assignments=(AssignmentRecord(None, "区民政局", UnitRole.LEAD),
                     AssignmentRecord(None, "区卫生健康委", UnitRole.CO)),
    ))
    return ids


def test_two_character_words_match(cases, items):
    assert cases.search_ids("道路") == {items["road"]}
    assert cases.search_ids("养老") == {items["care"]}
    assert cases.search_ids("学校") == {items["school"]}


def test_a_longer_word_matches_only_that_sequence(cases, items):
    # 学校周边交通 appears only in the school item; 交通 alone is in all unit names too.
    assert cases.search_ids("周边交通") == {items["school"]}
    assert cases.search_ids("道路交通") == set()


def test_a_three_character_word_matches_only_that_sequence(cases, items):
    # 养老服 is in the care item's title; 交通安 only in the school item; 路交通 nowhere in one run.
    assert cases.search_ids("养老服") == {items["care"]}
    assert cases.search_ids("交通安") == {items["school"]}
    assert cases.search_ids("全的建") == {items["school"]}
    assert cases.search_ids("路交通") == set()


def test_a_long_word_whose_pieces_are_all_there_but_apart_does_not_match(cases):
    # Every bigram and three-character piece of 养老服务 is in the text, never in that order.
    _c, apart = cases.save(make_record(number="0501", title="关于养老服的调查", content="老服务中心"))
    _c, whole = cases.save(make_record(number="0502", title="关于养老服务的建议", content=""))
    assert cases.search_ids("养老服务") == {whole}
    assert cases.search_ids("养老服") == {apart, whole}
    assert cases.search_ids("老服务") == {apart, whole}


def test_number_with_or_without_leading_zeros(cases, items):
    assert cases.search_ids("0035") == {items["road"]}
    assert cases.search_ids("35") == {items["road"]}
    assert cases.search_ids("012") == {items["care"]}


def test_unit_and_deputy_names_match(cases, items):
    assert cases.search_ids("区卫生健康委") == {items["care"]}
    assert cases.search_ids("农业农村") == {items["road"]}
    assert cases.search_ids("李秀英") == {items["road"]}  # a co-signer
    assert cases.search_ids("王海燕") == {items["school"]}


def test_words_separated_by_spaces_must_all_match(cases, items):
    assert cases.search_ids("建议 养老") == {items["care"]}
    assert cases.search_ids("养老 道路") == set()


def test_a_single_character_matches_by_prefix(cases, items):
    assert cases.search_ids("餐") == {items["care"]}


@pytest.mark.parametrize("text", ['"', '道路"', "(", "*", "AND", "NEAR(", "道路 OR", "^", ":", "'", "-"])
def test_fts_syntax_in_the_input_never_raises(cases, items, text):
    result = cases.search_ids(text)
    assert result is None or isinstance(result, set)


def test_empty_or_blank_text_means_no_text_filter(cases, items):
    assert cases.search_ids("") is None
    assert cases.search_ids("   ") is None


def test_an_edited_title_no_longer_matches_the_old_words(cases, items):
    record = cases.get(items["road"])
    cases.save(replace(record, title="关于完善农村公路管护的建议", content="建议加强管护。"))
    assert cases.search_ids("道路") == set()
    assert cases.search_ids("公路") == {items["road"]}


def test_a_deleted_item_vanishes_from_search(cases, items):
    record = cases.get(items["care"])
    cases.delete(record.id, record.version)
    assert cases.search_ids("养老") == set()


def test_a_renamed_unit_is_found_by_its_new_name(cases, reference, items):
    unit = next(u for u in reference.units() if u.name == "区民政局")
    reference.save_unit(replace(unit, name="区民政和社会保障局"))
    assert cases.search_ids("社会保障") == {items["care"]}
    assert cases.search_ids("区民政局") == set()


def test_an_item_edited_twice_matches_only_its_latest_words(cases, items):
    record = cases.get(items["road"])
    _c, _id = cases.save(replace(record, title="关于完善农村公路管护的建议", content="建议加强管护。"))
    cases.save(replace(cases.get(items["road"]), title="关于改善乡村桥梁的建议", content="建议修缮桥梁。"))
    assert cases.search_ids("公路") == set() and cases.search_ids("道路") == set()
    assert cases.search_ids("桥梁") == {items["road"]}


@pytest.mark.sqlite_only("SQLite gives a deleted item's id to the next one; a server's sequence never does")
def test_a_new_item_taking_a_deleted_items_id_is_found_only_by_its_own_words(cases, items):
    record = cases.get(items["care"])  # the newest item: SQLite gives its id to the next one
    cases.delete(record.id, record.version)
    _c, new_id = cases.save(make_record(number="0200", title="关于增设公共厕所的建议", content="建议增设公厕。"))
    assert new_id == items["care"]
    assert cases.search_ids("养老") == set()
    assert cases.search_ids("厕所") == {new_id}


def test_the_list_and_its_search_matches_are_read_together(cases, items):
    rows, matched = cases.rows_and_matches("养老")
    assert {r.id for r in rows} == set(items.values()) and matched == {items["care"]}
    rows, matched = cases.rows_and_matches("学校", ids={items["school"], items["road"]})
    assert {r.id for r in rows} == {items["school"], items["road"]} and matched == {items["school"]}
    assert cases.rows_and_matches("  ")[1] is None  # nothing to search: no filter by text
