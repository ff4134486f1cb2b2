"""Bigram search terms for Chinese text (domain layer, pure Python).

SQLite's trigram tokenizer cannot find two-character words (道路, 教育), and unicode61 treats a whole
run of Chinese characters as one token. So the text is turned into terms ourselves: every run of
CJK characters becomes its overlapping two-character terms plus the run's last character alone (so a
single character can still be found by prefix), and every other word (letters, digits) becomes one
lower-cased term; a number with leading zeros also yields the number without them (0035 → 35).
The terms are stored space-separated in the FTS5 table ``item_search`` (unicode61), and a query is
built from the same function, so user input never reaches FTS5 syntax unquoted.
"""

from __future__ import annotations

import re
import unicodedata

# CJK unified ideographs (+ extension A, compatibility, extensions B and later).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")


def _runs(text: str) -> list[tuple[bool, str]]:
    """(is_cjk, run) for each run of CJK characters or other word characters."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return [(bool(m.group(1)), m.group(0)) for m in _RUN.finditer(normal)]


def _cjk_terms(run: str) -> list[str]:
    terms = [run[i : i + 2] for i in range(len(run) - 1)]
    terms.append(run[-1])
    return terms


def _word_terms(word: str) -> list[str]:
    if word.isdigit() and word[0] == "0" and word.strip("0"):
        return [word, word.lstrip("0")]
    return [word]


def search_terms(*texts: str) -> str:
    """The space-separated terms of ``texts`` for the ``item_search.terms`` column.

    Texts are kept apart (a bigram never spans two fields) by indexing each separately."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        for is_cjk, run in _runs(text):
            out.extend(_cjk_terms(run) if is_cjk else _word_terms(run))
    return " ".join(out)


_CJK_PAIR = re.compile(f"[{_CJK}]{{2}}")


def run_trigrams(terms: list[str]) -> list[str]:
    """The three-character sequences inside CJK runs, recovered from ``search_terms``' order: two
    bigrams in a row belong to one run (every run ends with its single last character), so
    ``ab bc`` gives ``abc``. The server indexes them too, so that a three-character word is one
    term to look up instead of a phrase to check in every item (``storage/search_index.py``)."""
    out = []
    for first, second in zip(terms, terms[1:]):
        if first[1:] == second[:1] and _CJK_PAIR.fullmatch(first) and _CJK_PAIR.fullmatch(second):
            out.append(first + second[1])
    return out


def _quoted(term: str) -> str:
    # Terms are letters/digits/CJK only, but quote defensively: FTS5 doubles a quote inside a string.
    return '"' + term.replace('"', '""') + '"'


def query_parts(text: str) -> list[tuple[list[str], bool]]:
    """What the user typed as (terms, is_prefix) parts, all to be found: a CJK run of two or
    more characters is the phrase of its bigrams; a single CJK character or another word one
    prefix term. Shared by every back end's query syntax."""
    parts: list[tuple[list[str], bool]] = []
    for word in (text or "").split():
        for is_cjk, run in _runs(word):
            if is_cjk and len(run) >= 2:
                parts.append(([run[i : i + 2] for i in range(len(run) - 1)], False))
            else:
                parts.append(([run], True))
    return parts


def match_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing is searchable.

    Whitespace-separated words are ANDed; inside a word, a CJK run of two or more characters is a
    phrase of its bigrams (道路交通 matches only that sequence), a single CJK character and any
    other word are prefix queries ("35" finds 0035 through the extra term 35, "0035" finds it
    directly)."""
    parts = [_quoted(" ".join(terms)) + ("*" if prefix else "") for terms, prefix in query_parts(text)]
    if not parts:
        return None
    return " AND ".join(parts)
