"""Chinese line breaking on a character grid (documents layer).

The rules of GB/T 15834 / common typesetting practice: no line starts with closing punctuation
(，。、；：？！）》」』”’ …) and no line ends with opening punctuation (（《「『“‘ …). When the
natural break would violate them, the break moves back one token at a time (the shorter line is
then justified), which is what Word does for Chinese. Latin words and numbers (2024、12.5%、
G40) stay whole, so do a number and its unit (60条、3个月、第0035号's 0035号) and a date
(2025年3月31日); 破折号 —— and 省略号 …… are never split. A paragraph never ends with one
character alone on its last line (馈。): the line above gives it a companion. ReportLab's own CJK
wrapping gets these rules wrong, so nothing here uses it.

Titles and table headers break between words as well (``tokenize(..., words=True)``, through
``words.boundaries``); body text breaks between any two characters, as printed Chinese does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop_app.documents.words import boundaries

CLOSING = set("，。、；：？！）》」』”’】〕〉〗｝〙〛,.;:?!)]}％%‰℃°·・ー々～")
OPENING = set("（《「『“‘【〔〈〖｛〘〚([{")
EPSILON = 0.01
# How far a break may move back to keep a lone last character company.
WIDOW_PULL = 3

_DIGIT = "0-9０-９"
# A number with its unit (60条, 3个月, 12.5%, 0035号); repeated, a date (2025年3月31日).
_ONE_AMOUNT = (rf"[{_DIGIT}]+(?:[.．][{_DIGIT}]+)?"
               r"(?:个月|个工作日|万元|亿元|平方米|公里|千米|小时|分钟|周岁|[年月日号时分秒件条项个人次份名家所元万亿岁户台辆座处天周亩吨米%％‰])")
_AMOUNT = re.compile(f"(?:{_ONE_AMOUNT})+")
_AMOUNT_PART = re.compile(_ONE_AMOUNT)
# Half-width spaces typed around numbers and Latin words inside Chinese text (列入 60 条).
_SPACE_BEFORE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[0-9A-Za-z])")
_SPACE_AFTER = re.compile(r"(?<=[0-9A-Za-z%]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._-/+#&@") or ch in "０１２３４５６７８９"


def tidy_spaces(text: str) -> str:
    """Chinese text without the half-width spaces typed between Chinese and numbers or Latin
    words (列入 60 条 → 列入60条): GB/T 9704 sets them solid."""
    if " " not in text:
        return text
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))


def tokenize(text: str, words: bool = False) -> list[str]:
    """Split ``text`` into unbreakable tokens: one CJK character or punctuation mark, a Latin
    word or number (with its unit, a whole date), a whole ——/…… pair, or a run of spaces. With
    ``words``, the tokens of one word (as the segmenter sees it) are joined into one."""
    tokens: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        amount = _AMOUNT.match(text, i) if ch.isdigit() else None
        if ch in "—…" and i + 1 < n and text[i + 1] == ch:
            tokens.append(ch * 2)
            i += 2
        elif amount is not None:
            tokens.append(amount.group())
            i = amount.end()
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
    if words and len(tokens) > 1:
        tokens = join_within_words(tokens, boundaries(text))
    return tokens


def split_token(token: str) -> list[str]:
    """A token too wide for its line, in smaller pieces: a date in its parts (11月 / 20日), a
    word in its characters."""
    parts = _AMOUNT_PART.findall(token)
    if len(parts) > 1 and "".join(parts) == token:
        return parts
    return list(token)


def join_within_words(tokens: list[str], allowed: set[int]) -> list[str]:
    """``tokens`` joined wherever the boundary between two of them (a character offset) is not
    in ``allowed``."""
    joined = [tokens[0]]
    at = len(tokens[0])
    for token in tokens[1:]:
        if at in allowed:
            joined.append(token)
        else:
            joined[-1] += token
        at += len(token)
    return joined


def starts_closing(token: str) -> bool:
    return bool(token) and token[0] in CLOSING


def ends_opening(token: str) -> bool:
    return bool(token) and token[-1] in OPENING


def breakable(tokens: Sequence[str], b: int) -> bool:
    """True when a line may end before ``tokens[b]`` (punctuation rules)."""
    return not starts_closing(tokens[b]) and not ends_opening(tokens[b - 1])


def lone_character(tokens: Sequence[str]) -> bool:
    """True when ``tokens`` (a last line) hold at most one character besides closing marks."""
    text = "".join(tokens).rstrip()
    return len(text.rstrip("".join(CLOSING))) <= 1


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
            while b > start + 1 and not breakable(tokens, b):
                b -= 1
            if not breakable(tokens, b):
                b = i  # a line of nothing but punctuation: keep the natural break
            i = b
        lines.append((start, i))
        start = i
    return _no_lone_last_character(lines, tokens, width_of, width)


def _no_lone_last_character(lines, tokens, width_of, width) -> list[tuple[int, int]]:
    """Move the last break back a token or two when the last line holds one character alone,
    as long as the line above keeps two tokens and the last line still fits."""
    if len(lines) < 2:
        return lines
    (p_start, p_end), (l_start, l_end) = lines[-2], lines[-1]
    if not lone_character(tokens[l_start:l_end]):
        return lines
    last_width = sum(width_of(k) for k in range(l_start, l_end))
    for b in range(p_end - 1, max(p_start + 1, p_end - WIDOW_PULL) - 1, -1):
        last_width += width_of(b)
        if last_width > width + EPSILON:
            break
        if breakable(tokens, b) and b - p_start >= 2:
            return lines[:-2] + [(p_start, b), (b, l_end)]
    return lines
