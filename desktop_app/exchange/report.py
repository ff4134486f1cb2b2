"""What an import would do, row by row, before anything is written (exchange layer, DTOs).

Built by ``services.import_cases`` from the parsed sheet and the database; shown by the import
dialog and ``desktop-app import --dry-run``; handed back to ``apply`` on confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.enums import FilingDecision, ItemKind, Labelled, RaisedAt


class RowStatus(Labelled):
    NEW = ("new", "新增")
    UPDATE = ("update", "更新")
    UNCHANGED = ("unchanged", "无变化")
    ERROR = ("error", "错误")


@dataclass(frozen=True)
class RowProblem:
    """``row`` is the Excel row number; ``column`` the header as written in the file."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.reason}"


@dataclass(frozen=True)
class ImportedCase:
    """One data row, cleaned. ``present`` names the fields the sheet has a column for: a field the
    sheet does not carry is never compared nor overwritten."""

    row: int
    session: str
    number: str
    title: str
    kind: ItemKind | None = None
    lead_proposer: str = ""
    cosigners: tuple[str, ...] = ()
    lead_units: tuple[str, ...] = ()
    co_units: tuple[str, ...] = ()
    assigned_on: date | None = None
    category: str = ""
    content: str = ""
    present: frozenset[str] = frozenset()
    signed_on: date | None = None  # None: not given (a recorded 签收 is kept)
    raised_at: RaisedAt = RaisedAt.PLENARY
    # 政协提案 sheets: the 第一提案人's 界别, 立案情况 and the lead proposal's number (并案).
    sector: str = ""
    filing: FilingDecision | None = None
    merged_into: str = ""


@dataclass(frozen=True)
class FieldDiff:
    field: str  # the Chinese label
    old: str
    new: str


@dataclass(frozen=True)
class RowPreview:
    row: int
    status: RowStatus
    case: ImportedCase | None
    item_id: int | None = None
    version: int | None = None
    diffs: tuple[FieldDiff, ...] = ()
    problems: tuple[RowProblem, ...] = ()


@dataclass(frozen=True)
class UnknownName:
    """A unit or proposer the database does not know, with existing names that look alike."""

    kind: str  # "unit" or "proposer"
    name: str
    similar: tuple[str, ...] = ()
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class ColumnMapping:
    index: int
    header: str
    field: str | None  # a key of exchange.columns.FIELDS, None: not imported


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    sheet_name: str
    header_rows: tuple[int, ...]
    columns: tuple[ColumnMapping, ...]
    rows: tuple[RowPreview, ...]
    unknown_units: tuple[UnknownName, ...] = ()
    unknown_proposers: tuple[UnknownName, ...] = ()
    new_sessions: tuple[str, ...] = ()
    skipped: tuple[RowProblem, ...] = ()  # empty, totals and note rows, for the record
    default_session: str = ""
    signature: str = ""
    mapping_saved: bool = False  # the mapping came from one saved for this sheet shape
    # Whose 签收日期 the sheet gives: our unit's; "" when we are the office (or no unit is set),
    # the lead units'.
    signing_unit: str = ""

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def summary(self) -> str:
        parts = [f"{s.label} {self.count(s)} 行" for s in RowStatus]
        return "，".join(parts)


def signing_units(signing_unit: str, lead_units) -> tuple[str, ...]:
    """The units a row's 签收日期 is recorded for: ``signing_unit`` (ours), else the lead units."""
    return (signing_unit,) if signing_unit else tuple(lead_units)


@dataclass(frozen=True)
class NameDecision:
    """What to do with an unknown name: ``map_to`` an existing name, or create it (None)."""

    kind: str
    name: str
    map_to: str | None = None


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped_errors: int
    backup_path: str
    item_ids: tuple[int, ...] = field(default=())
