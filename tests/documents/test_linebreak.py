"""Chinese line breaking: the rules a reader notices when they are broken."""

from desktop_app.documents.linebreak import break_lines, join_within_words, tidy_spaces, tokenize


def width(token: str) -> float:
    """Full-width characters one unit, half-width ones (digits, Latin) half a unit."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in token)


def lines_of(text: str, chars: int) -> list[str]:
    tokens = tokenize(text)
    spans = break_lines(tokens, lambda i: width(tokens[i]), chars, chars)
    return ["".join(tokens[a:b]) for a, b in spans]


def test_closing_punctuation_never_starts_a_line():
    # Natural break after 10 characters would put "，" first on line 2.
    lines = lines_of("一二三四五六七八九十，一二三四五六七八九十。", 10)
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert "".join(lines) == "一二三四五六七八九十，一二三四五六七八九十。"


def test_a_run_of_closing_marks_moves_together():
    lines = lines_of("一二三四五六七八“九十”。一二三", 10)
    assert not any(line[0] in "”。" for line in lines[1:])


def test_opening_punctuation_never_ends_a_line():
    lines = lines_of("一二三四五六七八九《十一二》", 10)
    assert not lines[0].endswith("《")
    assert lines[1].startswith("《")


def test_numbers_and_words_stay_whole():
    lines = lines_of("一二三四五六七八九2024年", 10)
    assert lines == ["一二三四五六七八九", "2024年"]


def test_dates_and_numbers_with_their_units_never_split():
    assert tokenize("于2025年3月31日前") == ["于", "2025年3月31日", "前"]
    assert tokenize("列入60条，3个月内") == ["列", "入", "60条", "，", "3个月", "内"]
    lines = lines_of("一二三四五六七八在2025年3月31日前完成", 12)
    assert lines[1].startswith("2025年3月31日")


def test_no_paragraph_ends_with_one_character_alone():
    # Greedy breaking would leave 馈。 alone on line 2.
    lines = lines_of("一二三四五六七八九十反馈。", 11)
    assert lines == ["一二三四五六七八九十", "反馈。"]
    assert "".join(lines_of("一二三四五六七八九十档。", 10)) == "一二三四五六七八九十档。"
    assert all(len(line.rstrip("。")) > 1 for line in lines_of("一二三四五六七八九十档。", 10))


def test_half_width_spaces_around_numbers_are_dropped():
    assert tidy_spaces("本次回头看共列入 60 条，其中 G40 高速") == "本次回头看共列入60条，其中G40高速"
    assert tidy_spaces("Excel 表格") == "Excel表格"
    assert tidy_spaces("word word") == "word word"


def test_words_join_tokens_inside_a_word():
    tokens = tokenize("一二三四", words=False)
    assert join_within_words(tokens, {2}) == ["一二", "三四"]


def test_dashes_and_ellipses_are_not_split():
    assert "——" in tokenize("办理——落实")
    assert "……" in tokenize("等等……")
