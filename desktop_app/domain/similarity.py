"""How alike two items are, and which items form a 年年提 group (domain layer, pure Python).

An item's text (title and content) becomes its two-character terms, as in ``domain.search``, each
counted once per field, title terms twice: the title says what the problem is. Terms every item
shares carry no signal; they are dropped by a short stop list (关于, 建议, 提案, 加强, 进一步, 的 …:
``STOP_WORDS``, measured in tests/domain/test_similarity_set.py) and, beyond it, weighed down by
their inverse document frequency. Two items' similarity is the cosine of their idf-weighted term
vectors: 0 nothing shared, 1 the same words; it is comparable across queries, so one threshold
decides "highly similar" for the report.

The 年年提 groups: for every item, its most similar item of an earlier year (candidates are the
items sharing its rarest terms) is joined to it when the similarity reaches ``GROUP_THRESHOLD``;
links made by hand (同一问题) join too, and a dismissed pair is never joined by similarity. Only a
group whose items span two or more years is reported. Joining each item to its single best earlier
match (not to every match above the threshold) keeps two problems that share words apart.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter, mul
from typing import Callable, Iterable, Mapping

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_BIGRAM = re.compile(f"(?=([{_CJK}]{{2}}))")
_WORD = re.compile(f"[^\\W_{_CJK}]{{2,}}")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

#: Words nearly every item uses in its title or opening that say nothing of its problem, and
#: grammar characters; each splits the text (加强农村道路养护的建议 → 农村道路养护) before bigrams are taken.
STOP_WORDS = ("进一步", "关于", "建议", "提案", "加强", "近年来", "我区", "群众", "反映", "较多", "问题",
              "的", "和", "与")
_STOP = re.compile("|".join(STOP_WORDS))
TITLE_WEIGHT = 2.0
#: Similarity from which two items of different years count as the same problem in the report.
#: Measured on the hand-made set (tests/services/similarity_set.py): reworded items on one
#: problem score 0.02–0.6 (median 0.2), different problems sharing words at most 0.13; the set
#: groups without mixing from 0.14 to 0.18.
GROUP_THRESHOLD = 0.16
#: Terms of a text used to look for candidates (the rarest first), as in "more like this" searches.
QUERY_TERMS = 16


def text_terms(text: str) -> list[str]:
    """The distinct useful terms of one field, in order of first appearance: every two Chinese
    characters in a row, and each other word (PM2.5 → pm2, APP) of two or more letters. Numbers
    (years, amounts) are left out: they differ between years of the same problem."""
    text = (text or "").lower()
    if _FULL_WIDTH.search(text):  # ＰＭ２．５ → pm2.5 (NFKC is slow; most texts need none)
        text = unicodedata.normalize("NFKC", text)
    text = _STOP.sub(" ", text)
    terms = dict.fromkeys(_BIGRAM.findall(text))  # one regex pass in C: overlapping bigrams
    for word in _WORD.findall(text):
        if not word.isdigit():
            terms[word] = None
    return list(terms)


def item_terms(title: str, content: str, seen: dict[str, list[str]] | None = None) -> dict[str, float]:
    """Term → weight in one item (title terms ``TITLE_WEIGHT``, content terms 1, both add).
    ``seen``: the terms of texts already split (many items share a title word for word)."""
    if seen is None:
        content_terms, title_terms = text_terms(content), text_terms(title)
    else:
        content_terms = seen.get(content)
        if content_terms is None:
            content_terms = seen[content] = text_terms(content)
        title_terms = seen.get(title)
        if title_terms is None:
            title_terms = seen[title] = text_terms(title)
    weights: dict[str, float] = dict.fromkeys(content_terms, 1.0)
    for term in title_terms:
        weights[term] = weights.get(term, 0.0) + TITLE_WEIGHT
    return weights


def idf(documents: int, document_frequency: int) -> float:
    """Inverse document frequency; a term in every item weighs almost nothing."""
    return math.log((documents + 1) / (document_frequency + 0.5))


@dataclass(frozen=True)
class TermWeights:
    """Inverse document frequencies counted over ``documents`` items (all of them, or a sample: a
    term the sample lacks counts as rare). ``share`` tells boilerplate apart (in most items)."""

    documents: int
    frequency: Mapping[str, int]
    total: int = 0  # the items the sample stands for (``documents`` when all were counted)

    @classmethod
    def count(cls, texts: Iterable[Mapping[str, float]], total: int | None = None) -> "TermWeights":
        frequency: Counter[str] = Counter()
        documents = 0
        for terms in texts:
            frequency.update(terms.keys())
            documents += 1
        return cls(documents, frequency, documents if total is None else total)

    def idf(self, term: str) -> float:
        return idf(self.documents, self.frequency.get(term, 0))

    def share(self, term: str) -> float:
        return self.frequency.get(term, 0) / self.documents if self.documents else 0.0


@dataclass(frozen=True)
class Vector:
    """An item's idf-weighted terms and their length (for the cosine)."""

    weights: Mapping[str, float]
    norm: float

    @classmethod
    def of(cls, terms: Mapping[str, float], term_idf: Callable[[str], float]) -> "Vector":
        weights = {t: w * term_idf(t) for t, w in terms.items()}
        return cls(weights, math.sqrt(sum(w * w for w in weights.values())))

    def cosine(self, other: "Vector") -> float:
        if not self.norm or not other.norm:
            return 0.0
        mine, theirs = self.weights, other.weights
        dot = sum([mine[t] * theirs[t] for t in mine.keys() & theirs.keys()])
        return min(1.0, dot / (self.norm * other.norm))


def query_terms(terms: Mapping[str, float], term_idf: Callable[[str], float], limit: int = QUERY_TERMS) -> list[str]:
    """The ``limit`` terms that say most about this text (weight × idf), for the candidate search."""
    return sorted(terms, key=lambda t: (-terms[t] * term_idf(t), t))[:limit]


# ---- 年年提 groups ------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupInput:
    """One item as the grouping sees it."""

    item_id: int
    year: int
    terms: Mapping[str, float]


def recurring_groups(
    items: list[GroupInput],
    linked: Iterable[tuple[int, int]] = (),
    dismissed: Iterable[tuple[int, int]] = (),
    threshold: float = GROUP_THRESHOLD,
    signature: int = 10,
    candidates_per_term: int = 10,
    compared: int = 2,
    indexed: int = 20,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[list[int]]:
    """Groups of item ids (each sorted by year, then id) that span two or more years.

    Each item is filed under its ``indexed`` rarest terms (shared with some other item). For each
    item, the earlier-year items filed under its ``signature`` rarest terms (the latest
    ``candidates_per_term`` of each term) are counted, the ``compared`` sharing most are compared, and the
    best at or above ``threshold`` is joined to it. ``linked`` pairs are joined whatever their
    text; a ``dismissed`` pair is never joined by similarity. Written for 100,000 items in pure
    Python: no weighted vector is built per item; the squared idf is looked up per shared term."""
    count = len(items)
    frequency: Counter[str] = Counter()
    for item in items:
        frequency.update(item.terms.keys())
    rarity = {t: idf(count, n) for t, n in frequency.items()}
    shared_terms = {t for t, n in frequency.items() if n > 1}  # a term of one item finds nothing
    squared = {t: w * w for t, w in rarity.items()}
    terms_of = {item.item_id: item.terms for item in items}
    # map() loops run in C: this runs over every term of every item. Items sharing one terms
    # object (the same title and content word for word) share its length.
    lengths: dict[int, float] = {}
    norm: dict[int, float] = {}
    for item in items:
        length = lengths.get(id(item.terms))
        if length is None:
            length = lengths[id(item.terms)] = math.sqrt(sum(map(
                mul, map(mul, item.terms.values(), item.terms.values()), map(squared.__getitem__, item.terms))))
        norm[item.item_id] = length
    year_of = {item.item_id: item.year for item in items}
    refused = {_pair(a, b) for a, b in dismissed}
    parent = {item.item_id: item.item_id for item in items}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def cosine(a: int, b: int) -> float:
        if not norm[a] or not norm[b]:
            return 0.0
        ta, tb = terms_of[a], terms_of[b]
        if ta is tb:
            return 1.0
        common = ta.keys() & tb.keys()  # one set, iterated three times in the same order
        return sum(map(mul, map(mul, map(ta.__getitem__, common), map(tb.__getitem__, common)),
                       map(squared.__getitem__, common))) / (norm[a] * norm[b])

    postings: dict[str, list[int]] = defaultdict(list)
    by_year: dict[int, list[GroupInput]] = defaultdict(list)
    for item in items:
        by_year[item.year].append(item)
    for year in sorted(by_year):
        if cancelled():
            return []
        pending: list[tuple[list[str], int]] = []
        for item in by_year[year]:
            # In the item's own term order (not a set's): equal weights fall the same way on every run.
            ranked = sorted(filter(shared_terms.__contains__, item.terms), key=rarity.__getitem__)
            keys = ranked[-signature:]
            # Filed under twice as many terms as it looks up with: two wordings of one problem
            # rarely pick the same few rarest terms.
            pending.append((ranked[-indexed:], item.item_id))
            near: list[int] = []
            for term in keys:
                found = postings.get(term)
                if found:
                    near.extend(found[-candidates_per_term:])
            best, best_score = None, threshold
            counted = sorted(Counter(near).items(), key=itemgetter(1), reverse=True)[:compared]
            for other, _n in counted:
                if _pair(item.item_id, other) in refused:
                    continue
                score = cosine(item.item_id, other)
                if score >= best_score:
                    best, best_score = other, score
            if best is not None:
                join(item.item_id, best)
        for keys, item_id in pending:  # this year's items are candidates for later years only
            for term in keys:
                postings[term].append(item_id)
    for a, b in linked:
        if a in parent and b in parent:
            join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in items:
        groups[root(item.item_id)].append(item.item_id)
    result = [sorted(g, key=lambda i: (year_of[i], i)) for g in groups.values()
              if len({year_of[i] for i in g}) >= 2]
    return sorted(result, key=lambda g: (-len({year_of[i] for i in g}), -len(g), g[0]))


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
