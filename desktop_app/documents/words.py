"""Where Chinese words begin and end, for breaking titles and table headers between words
(GB/T 9704 §7.3.1: 回行时要做到词意完整) (documents layer).

The segmenter is jieba with its own dictionary (shipped in the installer), loaded on the first
title that needs breaking — never at start-up: loading takes about a second. Body text does not
use it: printed Chinese breaks between any two characters.
"""

from __future__ import annotations

import logging
import threading
import warnings
from functools import lru_cache

# Terms of this domain the general dictionary splits (代表/建议) and a title must keep whole.
DOMAIN_WORDS = ("代表建议", "政协提案", "会办意见", "征询意见表", "意见反馈表", "承诺事项", "整改清单", "审议意见",
                "办理情况", "办理结果", "人大常委会", "区政府办公室", "回头看", "告知函", "答复函",
                "提案委员会", "提案人")

_lock = threading.Lock()
_tokenizer = None


def _segmenter():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            with warnings.catch_warnings():  # its regular expressions predate Python 3.12's rules
                warnings.simplefilter("ignore", DeprecationWarning)
                import jieba

            jieba.setLogLevel(logging.WARNING)  # it announces its dictionary on stderr otherwise
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in DOMAIN_WORDS:
                tokenizer.add_word(word)
            _tokenizer = tokenizer
        return _tokenizer


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """The words of ``text`` (dictionary words only: an unknown name stays in single characters)."""
    return tuple(_segmenter().cut(text, HMM=False))


def boundaries(text: str) -> set[int]:
    """Character offsets inside ``text`` where one word ends and the next begins."""
    offsets, at = set(), 0
    for word in segment(text):
        at += len(word)
        offsets.add(at)
    return offsets
