"""Chinese line breaking: the rules a reader notices when they are broken."""

from desktop_app.documents.linebreak import break_lines, tokenize


def lines_of(text: str, chars: int) -> list[str]:
    tokens = tokenize(text)
    spans = break_lines(tokens, lambda i: len(tokens[i]) if tokens[i].isascii() else 1.0, chars, chars)
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
    lines = lines_of("一二三四五六七八2024年", 10)
    assert lines[0] == "一二三四五六七八"
    assert lines[1] == "2024年"


def test_dashes_and_ellipses_are_not_split():
    assert "——" in tokenize("办理——落实")
    assert "……" in tokenize("等等……")
