"""The one way text reaches an Excel cell (exchange layer; no DB, no Qt).

Every workbook the app writes (台账, 当前列表, 催办清单, 办理情况统计, 整改清单, 回头看) puts its values
through ``cell_value`` (or appends rows with ``append_row``), so that:

- text stays text: a value that Excel would take as a formula or a command — one starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return — is written with an apostrophe in front,
  as OWASP advises against formula (CSV) injection; ``=HYPERLINK("http://…","区交通委")`` arrives as
  the visible text ``'=HYPERLINK(…)``, never a live link. (openpyxl would otherwise write any text
  starting with ``=`` as a formula.) The import takes that apostrophe off again
  (``exchange.cleaning.text``), so an exported sheet re-imports unchanged;
- a control character or lone surrogate already stored (``domain.text``) is dropped instead of
  making the save fail with ``IllegalCharacterError``.

Numbers, dates and booleans pass unchanged.
"""

from __future__ import annotations

from desktop_app.domain.text import writable

#: What spreadsheet programs read as the start of a formula or command (OWASP, CSV injection).
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(text: str) -> str:
    text = writable(text)
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def cell_value(value):
    """``value`` as it may be written to a cell: text neutralised and cleaned, anything else as is."""
    return cell_text(value) if isinstance(value, str) else value


def append_row(sheet, values) -> None:
    """Append one row of plain values (or openpyxl cells, whose text the caller made with
    ``cell_text``) to ``sheet``, in normal or write-only mode."""
    sheet.append([cell_text(v) if isinstance(v, str) else v for v in values])
