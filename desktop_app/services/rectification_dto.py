"""DTOs of 审议意见整改清单 between the rectification service and its callers (services layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.documents.model import LETTERHEAD_FULL, LETTERHEAD_NONE, LETTERHEAD_PREPRINTED
from desktop_app.domain.enums import RectificationStatus
from desktop_app.domain.rectification import RectificationEntry, deadline_text

KIND = "rectification"  # Changes kind of every write here

#: The report's 版头 modes (``RectificationService.write_pdf``'s ``letterhead``), for the gui's choice.
REPORT_HEADS = (
    (LETTERHEAD_FULL, "红头：打印红色发文机关标志和红色分隔线"),
    (LETTERHEAD_PREPRINTED, "套打：用预印版头的纸，版头处留空、只印文号"),
    (LETTERHEAD_NONE, "不用版头：文号在首行右侧"),
)


@dataclass(frozen=True)
class RectificationListInfo:
    """A list: the 审议意见 it answers and the government's report (文号, title, date, body).
    ``id`` 0 is a new list."""

    id: int
    title: str
    opinion_title: str = ""
    opinion_issuer: str = ""
    opinion_date: date | None = None
    report_doc_number: str = ""
    report_title: str = ""
    report_date: date | None = None
    report_body: str = ""
    row_count: int = 0
    overdue_count: int = 0


@dataclass(frozen=True)
class ReportRecord:
    """The report's 版记 (GB/T 9704 §7.4): 抄送, 印发机关 and 印发日期 (the report's date when
    empty); printed only when filled in."""

    cc: str = ""
    printed_by: str = ""
    printed_on: date | None = None


@dataclass(frozen=True)
class ProgressNote:
    id: int
    row_id: int
    noted_on: date
    note: str
    evidence_name: str = ""
    has_evidence: bool = False


@dataclass(frozen=True)
class RectificationRowData:
    """One row. ``units_text`` is what prints (a collective text such as 各承办单位 may stand
    alone); ``unit_ids`` are the units of the units list it names. ``deadline_on`` is set for a
    real date, ``deadline_term`` otherwise (持续推进 …). ``id`` 0 is a new row."""

    id: int
    aspect: str
    problem: str = ""
    suggestion: str = ""
    measures: str = ""
    units_text: str = ""
    unit_ids: tuple[int, ...] = ()
    deadline_on: date | None = None
    deadline_term: str = ""
    status: RectificationStatus = RectificationStatus.NOT_STARTED
    item_ids: tuple[int, ...] = ()
    item_labels: tuple[str, ...] = ()
    progress: tuple[ProgressNote, ...] = ()
    position: int = 0
    version: int | None = None  # as read (optimistic lock); None for a new row

    @property
    def deadline_text(self) -> str:
        return deadline_text(self.deadline_on, self.deadline_term)

    def entry(self) -> RectificationEntry:
        return RectificationEntry(self.aspect, self.problem, self.suggestion, self.measures,
                                  self.units_text, self.deadline_text)

    def overdue(self, today: date) -> bool:
        """Only a real date can fall overdue, and only while the measure is not done."""
        return (self.deadline_on is not None and self.deadline_on < today
                and self.status is not RectificationStatus.DONE)


@dataclass(frozen=True)
class RectificationDocument:
    """A list with its rows in print order (the editor, the printed report, the Excel export)."""

    info: RectificationListInfo
    rows: tuple[RectificationRowData, ...]

    def aspects(self) -> list[str]:
        seen: list[str] = []
        for row in self.rows:
            if row.aspect not in seen:
                seen.append(row.aspect)
        return seen


@dataclass(frozen=True)
class RectificationDue:
    """A row with a real 整改期限 that is not done: for the deadline dashboard."""

    list_id: int
    list_title: str
    row_id: int
    aspect: str
    measures: str
    units_text: str
    due_on: date
    days_left: int
