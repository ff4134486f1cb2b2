"""Chinese line breaking on a character grid (documents layer).

The rules of GB/T 15834 / common typesetting practice: no line starts with closing punctuation
(，。、；：？！）》」』”’ …) and no line ends with opening punctuation (（《「『“‘ …). When the
natural break would violate them, the break moves back one token at a time (the shorter line is
then justified), which is what Word does for Chinese. Latin words and numbers (2024、12.5%、
G40) stay whole; 破折号 —— and 省略号 …… are never split. ReportLab's own CJK wrapping gets these
rules wrong, so nothing here uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

CLOSING = set("，。、；：？！）》」』”’】〕〉〗｝〙〛,.;:?!)]}％%‰℃°·・ー々～")
OPENING = set("（《「『“‘【〔〈〖｛〘〚([{")
EPSILON = 0.01


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._-/+#&@") or ch in "０１２３４５６７８９"


def tokenize(text: str) -> list[str]:
    """Split ``text`` into unbreakable tokens: one CJK character or punctuation mark, a Latin
    word or number, a whole ——/…… pair, or a run of spaces."""
    tokens: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "—…" and i + 1 < n and text[i + 1] == ch:
            tokens.append(ch * 2)
            i += 2
        elif _is_word_char(ch):
            j = i + 1
            while j < n and _is_word_char(text[j]):
                j += 1
            # A trailing "." that ends a sentence is punctuation, not part of the word: keep it
            # attached all the same (a closing mark never starts a line).
            tokens.append(text[i:j])
            i = j
        else:
            tokens.append(ch)
            i += 1
    return tokens


def starts_closing(token: str) -> bool:
    return bool(token) and token[0] in CLOSING


def ends_opening(token: str) -> bool:
    return bool(token) and token[-1] in OPENING


def break_lines(tokens: Sequence[str], width_of: Callable[[int], float],
                first_width: float, width: float) -> list[tuple[int, int]]:
    """Greedy breaking of ``tokens`` (widths by index) into lines: ``(start, end)`` index pairs.
    The first line has ``first_width`` (an indented paragraph), the others ``width``."""
    lines: list[tuple[int, int]] = []
    start, n = 0, len(tokens)
    while start < n:
        available = first_width if not lines else width
        x, i = 0.0, start
        while i < n and x + width_of(i) <= available + EPSILON:
            x += width_of(i)
            i += 1
        if i == start:  # one token wider than the line: it gets a line of its own
            i += 1
        if i < n:
            b = i
            while b > start + 1 and (starts_closing(tokens[b]) or ends_opening(tokens[b - 1])):
                b -= 1
            if starts_closing(tokens[b]) or ends_opening(tokens[b - 1]):
                b = i  # a line of nothing but punctuation: keep the natural break
            i = b
        lines.append((start, i))
        start = i
    return lines
