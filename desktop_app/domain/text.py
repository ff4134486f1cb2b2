"""Text that can be stored, shown and written to any file format (domain layer, pure Python).

XML 1.0 (and so .xlsx and .docx) cannot hold the C0 control characters other than tab, line feed
and carriage return, nor lone UTF-16 surrogates, nor U+FFFE/U+FFFF; a single one in a stored title
made every later Excel export fail. They carry no meaning in a title or a note, so they are removed
where text enters the app (imports, editors, the storage boundary) and again where it leaves
(every exporter), for text stored before this rule.
"""

from __future__ import annotations

import re

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def has_unwritable(text: str) -> bool:
    return _UNWRITABLE.search(text) is not None


def writable(text: str) -> str:
    """``text`` without control characters (tab and line breaks kept) and lone surrogates."""
    return _UNWRITABLE.sub("", text) if _UNWRITABLE.search(text) else text
