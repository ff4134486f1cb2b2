"""The bigram terms behind quick search: what a user types must meet what was indexed."""

from desktop_app.domain.search import match_query, run_trigrams, search_terms


def test_chinese_text_becomes_overlapping_pairs_and_its_last_character():
    assert search_terms("道路交通").split() == ["道路", "路交", "交通", "通"]


def test_fields_are_indexed_apart_so_no_pair_spans_two_fields():
    terms = search_terms("区交通委", "道路").split()
    assert "委道" not in terms


def test_numbers_keep_leading_zeros_and_also_index_the_plain_number():
    assert search_terms("第0035号").split() == ["第", "0035", "35", "号"]


def test_latin_words_are_lower_cased_whole_words():
    assert "g318" in search_terms("G318国道").split()


def test_a_chinese_word_is_a_phrase_of_its_pairs():
    assert match_query("道路交通") == '"道路 路交 交通"'


def test_words_are_anded_single_characters_and_numbers_are_prefixes():
    assert match_query("道路 35 道") == '"道路" AND "35"* AND "道"*'


def test_fts_syntax_typed_by_the_user_is_never_passed_through():
    query = match_query('"道路" OR (交通* NEAR "x')
    assert query == '"道路" AND "or"* AND "交通" AND "near"* AND "x"*'


def test_nothing_searchable_gives_no_query():
    assert match_query("  ，。！\"*()  ") is None
    assert match_query("") is None


def test_three_character_sequences_stay_inside_one_run():
    terms = search_terms("道路交通", "通行 ab bc", "交通安全").split()
    assert run_trigrams(terms) == ["道路交", "路交通", "交通安", "通安全"]  # never 交通+通行 across fields, never abc
