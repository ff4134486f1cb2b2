"""File names and paths that Windows accepts (a neutral module below every layer).

Used wherever a name comes from data rather than from the user's own typing: an attachment written
out for opening (its name may come from another unit's exchange package, made on another system),
letters written into a folder, and the names save dialogs suggest from titles.

Windows refuses ``\\ / : * ? " < > |`` and control characters, drops trailing dots and spaces (so
"报告." would silently become "报告"), and treats CON, PRN, AUX, NUL, COM0–COM9 and LPT0–LPT9 (also
with superscript digits ¹²³) as devices, whatever follows the first dot: on Windows 10 writing
"NUL.pdf" writes nowhere and "CON.txt" to the console. A name is also cut short, keeping its
extension, so that it stays well inside the 255-unit (NTFS) or 255-byte (Linux) limit of one name
and leaves room under Windows' 260-character path limit for the folder it goes into.

A longer path (a deep folder on a share) is opened through ``windows_long_path``: Windows 10 and 11
keep the 260-character limit unless a policy lifts it, but not for the extended-length form.
Standard library only; the Windows rules apply where ``sys.platform`` is win32 (tests set it).
"""

from __future__ import annotations

import ntpath
import os
import re
import sys

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"}
)
#: Characters of a made-up name: 80 Chinese characters are 240 bytes in UTF-8.
MAX_NAME_CHARS = 80
#: A longer "extension" is part of the name, not a type to keep.
_MAX_SUFFIX_CHARS = 10


def is_reserved_name(name: str) -> bool:
    """True for a Windows device name: "CON", "nul.txt", "Com1 .tar.gz", "LPT¹"."""
    return name.split(".", 1)[0].rstrip(" ").upper() in RESERVED_NAMES


def safe_file_name(name: str, fallback: str = "文件", max_chars: int = MAX_NAME_CHARS) -> str:
    """``name`` as a file name Windows accepts and keeps as given: forbidden characters become
    "_", surrounding spaces and trailing dots go, a device name gets a leading "_" ("_CON.txt"),
    and a long name is cut to ``max_chars`` characters keeping its extension. ``fallback`` when
    nothing is left."""
    cleaned = _FORBIDDEN.sub("_", name).strip(" ").rstrip(". ")
    if not cleaned.strip("_"):
        cleaned = fallback
    if len(cleaned) > max_chars:
        stem, dot, suffix = cleaned.rpartition(".")
        if not dot or not stem or len(suffix) > _MAX_SUFFIX_CHARS:
            stem, suffix = cleaned, ""
        suffix = f".{suffix}" if suffix else ""
        cleaned = stem[:max_chars - len(suffix)].rstrip(". ") + suffix
    if is_reserved_name(cleaned):
        cleaned = "_" + cleaned
    return cleaned


#: CreateDirectory's limit (260 less room for an 8.3 name); files get 259 characters.
_CLASSIC_PATH_LIMIT = 248


def windows_long_path(path: str | os.PathLike) -> str:
    """``path`` for opening: on Windows, a path too long for the classic limit in its
    extended-length form (``\\\\?\\C:\\…`` or ``\\\\?\\UNC\\server\\share\\…``, absolute with
    backslashes, as that form is taken literally); anything else unchanged."""
    text = os.fspath(path)
    if sys.platform != "win32" or text.startswith("\\\\?\\"):
        return text
    absolute = ntpath.abspath(text)
    if len(absolute) < _CLASSIC_PATH_LIMIT:
        return text
    if absolute.startswith("\\\\"):
        return "\\\\?\\UNC\\" + absolute[2:]
    return "\\\\?\\" + absolute
