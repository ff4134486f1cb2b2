"""The 台账 and the other tables as the services hand them to ``exchange.ledger``: columns and rows
of plain values (exchange layer; no database, no Qt). Apart from the writer so that what builds a
table (``services.export_cases``, which the export dialog shows) does not load openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import format_day

TEXT, WRAP, DATE, NUMBER = "text", "wrap", "date", "number"


@dataclass(frozen=True)
class LedgerColumn:
    key: str
    title: str
    width: float = 12
    kind: str = TEXT  # TEXT, WRAP (long text, wrapped), DATE or NUMBER


@dataclass(frozen=True)
class LedgerTable:
    title: str  # e.g. 区交通委 建议提案办理台账
    as_of: date
    columns: tuple[LedgerColumn, ...]
    rows: list[tuple]  # one value per column: str, int, date or None
    sheet_name: str = "台账"

    @property
    def heading(self) -> str:
        return f"{self.title}（截至{format_day(self.as_of)}）"
