"""Every file the app writes from its data — Excel and PDF lists and reports — goes through this
one registry, which keeps 涉密 items out (services layer; domain.md §4: 涉密 items are never
exported, published or printed in lists).

An ``Exporter`` is a pair: ``collect`` reads what the file needs through the services (a DTO), and
``write`` (or ``to_pdf_bytes``, for a preview) turns that DTO into the file through ``exchange`` or
``documents``. Between the two, ``release`` runs on the DTO, whatever its shape:

- an element tied to a 涉密 item (a row DTO whose ``item_id`` is a 涉密 item's, or whose
  ``is_secret`` is true) is dropped; an exporter that counts 涉密 items without listing them (the
  回头看 report says "另有涉密件 N 条") asks for it to be *redacted* instead: kept, its text blanked;
- then, as the last guard, any text in the DTO that is a 涉密 item's title or content stops the
  export before a file is written.

The services still leave 涉密 items out where they read (that is cheaper); this registry is where
the rule holds for every exporter at once, including the next one: ``EXPORTERS`` is enumerable, and
the test that feeds hostile and 涉密 data through it covers each entry by construction. Excel
writers put every value through ``exchange.xlsx_writer`` (text stays text).

Each exporter imports its service and its writer inside its functions: loading the registry (the
window does on the first export) loads neither openpyxl nor ReportLab, nor the services of the
exporters not used.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.services.context import ServiceContext
from desktop_app.storage.tables import Item

DROP, REDACT = "drop", "redact"


@dataclass(frozen=True)
class Exporter:
    key: str
    label: str  # what the file is, in Chinese: 台账, 催办清单 …
    suffix: str  # ".xlsx" or ".pdf"
    collect: Callable[..., Any]  # (ctx, **options) -> DTO
    write: Callable[..., Any]  # (path, DTO, progress, cancelled) -> what the caller is told
    to_pdf_bytes: Callable[[Any], Any] | None = None  # DTO -> (bytes, DocumentResult), for a preview
    secret: str = DROP


class SecretLeakError(DomainError):
    """A 涉密 item's title or content reached an export (a bug): nothing was written."""


@dataclass(frozen=True)
class SecretItems:
    """The 涉密 items as the export sees them: their ids and their titles and contents."""

    ids: frozenset[int]
    texts: frozenset[str]

    @classmethod
    def load(cls, ctx: ServiceContext) -> SecretItems:
        with ctx.db.read() as s:
            rows = s.execute(select(Item.id, Item.title, Item.content).where(Item.is_secret.is_(True))).all()
        texts = {t.strip() for r in rows for t in (r.title, r.content) if t and t.strip()}
        return cls(frozenset(r.id for r in rows), frozenset(texts))

    def release(self, data, mode: str = DROP):
        """``data`` without the 涉密 items (see the module docstring); raises ``SecretLeakError``
        when a 涉密 title or content is still in it."""
        if not self.ids:
            return data
        data = _without(data, self.ids, mode)
        if self.texts and _contains_text(data, self.texts):
            raise SecretLeakError("导出内容中含有涉密件的标题或内容，已停止导出，没有写入文件。请把此情况告诉管理员。")
        return data


def _tied_to_secret(value, ids: frozenset[int]) -> bool:
    if getattr(value, "is_secret", False) is True:
        return True
    item_id = getattr(value, "item_id", None)
    return isinstance(item_id, int) and item_id in ids


def _is_record(value) -> bool:
    return (dataclasses.is_dataclass(value) and not isinstance(value, type)) or (
        isinstance(value, tuple) and hasattr(value, "_fields"))


def _redacted(value):
    """A record with every text field blanked (its counts, enums and dates kept)."""
    if dataclasses.is_dataclass(value):
        blanks = {f.name: "" for f in dataclasses.fields(value) if f.init and isinstance(getattr(value, f.name), str)}
        return dataclasses.replace(value, **blanks)
    return value._replace(**{name: "" for name in value._fields if isinstance(getattr(value, name), str)})


def _without(value, ids: frozenset[int], mode: str):
    """``value`` rebuilt without (or with redacted) records tied to a 涉密 item; the same object
    when nothing changed."""
    if isinstance(value, (str, bytes, int, float, date, type(None))) or callable(value):
        return value
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        out, changed = [], False
        for element in value:
            if _is_record(element) and _tied_to_secret(element, ids):
                changed = True
                if mode == REDACT:
                    out.append(_redacted(element))
                continue
            new = _without(element, ids, mode)
            changed = changed or new is not element
            out.append(new)
        if not changed:
            return value
        return out if isinstance(value, list) else tuple(out)
    if isinstance(value, dict):
        new = {k: _without(v, ids, mode) for k, v in value.items()}
        return value if all(new[k] is value[k] for k in value) else new
    if dataclasses.is_dataclass(value):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _without(old, ids, mode)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):  # a named tuple that is not itself tied to a 涉密 item
        new = [_without(v, ids, mode) for v in value]
        return value if all(a is b for a, b in zip(new, value)) else value._make(new)
    return value


def _contains_text(value, texts: frozenset[str]) -> bool:
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if value.strip() in texts:
                return True
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, f.name) for f in dataclasses.fields(value))
    return False


# ---- running an exporter ---------------------------------------------------------------------

def prepare(ctx: ServiceContext, key: str, **options):
    """The released DTO of exporter ``key``: what its file will hold."""
    exporter = EXPORTERS[key]
    return SecretItems.load(ctx).release(exporter.collect(ctx, **options), exporter.secret)


def export(ctx: ServiceContext, key: str, path, progress=None, cancelled=None, **options):
    """Write exporter ``key``'s file to ``path``; returns what its writer returns (rows written,
    the report, the DocumentResult …)."""
    return export_with_data(ctx, key, path, progress, cancelled, **options)[0]


def export_with_data(ctx: ServiceContext, key: str, path, progress=None, cancelled=None, **options):
    """``export`` and the released DTO that was written: ``(writer's result, DTO)``."""
    exporter = EXPORTERS[key]
    data = prepare(ctx, key, **options)
    return exporter.write(Path(path), data, progress, cancelled), data


def pdf_preview(ctx: ServiceContext, key: str, **options):
    """``((PDF bytes, DocumentResult), DTO)`` of a PDF exporter, for the preview window."""
    exporter = EXPORTERS[key]
    if exporter.to_pdf_bytes is None:
        raise ValueError(f"{key} is not a PDF exporter")
    data = prepare(ctx, key, **options)
    return exporter.to_pdf_bytes(data), data


class Exporters:
    """The registry bound to one database, as the windows hold their services."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def export(self, key: str, path, progress=None, cancelled=None, **options):
        return export(self.ctx, key, path, progress, cancelled, **options)

    def pdf_preview(self, key: str, **options):
        return pdf_preview(self.ctx, key, **options)


# ---- the exporters ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ListExport:
    """The case list as shown: its visible columns and rows (row DTOs, which carry ``is_secret``)."""

    title: str
    as_of: date
    columns: tuple
    rows: tuple


@dataclass(frozen=True)
class ReminderExport:
    as_of: date
    rows: tuple  # DeadlineRow


@dataclass(frozen=True)
class SheetExport:
    title: str
    entries: tuple


@dataclass(frozen=True)
class PdfExport:
    """What a printed report needs: the documents layer's input and the chosen font files."""

    data: Any
    fonts: dict
    extra: dict = dataclasses.field(default_factory=dict)


def _ledger(ctx, session_name=None, unit_name=None, per="item", columns=None):
    from desktop_app.services.export_cases import ExportService

    return ExportService(ctx).ledger(session_name, unit_name, per, columns)


def _write_table(path, table, progress, cancelled):
    from desktop_app.exchange.ledger import write_table

    return write_table(path, table, progress, cancelled)


def _case_list(ctx, columns, rows, title="建议提案列表"):
    return ListExport(title, ctx.today(), tuple(columns), tuple(rows))


def _write_case_list(path, data: ListExport, progress, cancelled):
    from desktop_app.exchange.ledger import write_table
    from desktop_app.services.export_cases import list_table

    return write_table(path, list_table(data.title, data.as_of, list(data.columns), list(data.rows)),
                       progress, cancelled)


def _reminders(ctx, as_of=None, only_our_unit=True, item_ids=None, unit_name=None):
    """The 催办清单 as the dashboard's button writes it; ``unit_name`` keeps one unit's deadlines."""
    from desktop_app.services.deadlines import DeadlineService

    as_of = as_of or ctx.today()
    rows = DeadlineService(ctx).reminder_rows(as_of, only_our_unit and not unit_name, item_ids)
    if unit_name:
        rows = [r for r in rows if r.unit_name == unit_name.strip()]
    return ReminderExport(as_of, tuple(rows))


def _write_reminders(path, data: ReminderExport, _progress, _cancelled) -> int:
    from desktop_app.exchange.reminder_list import write_reminder_list

    if not data.rows:
        raise ValidationError("没有已超期或 7 天内到期的期限，无需生成催办清单。")
    write_reminder_list(path, list(data.rows), data.as_of)
    return len(data.rows)


def _statistics(ctx, as_of=None, period=None):
    from desktop_app.services.statistics import StatisticsService

    return StatisticsService(ctx).report(as_of, period)


def _write_statistics(path, report, _progress, _cancelled):
    from desktop_app.exchange.statistics_sheet import write_report_sheet

    write_report_sheet(path, report)
    return report


def _statistics_print(ctx, as_of=None, title="", recipient="", period=None):
    from desktop_app.services.statistics import StatisticsService

    data, fonts = StatisticsService(ctx).print_data(as_of, title, recipient, period)
    return PdfExport(data, fonts)


def _write_statistics_pdf(path, export: PdfExport, _progress, _cancelled):
    from desktop_app.documents.statistics_report import write_statistics_report

    return write_statistics_report(path, export.data, export.fonts)


def _statistics_pdf_bytes(export: PdfExport):
    from desktop_app.documents.statistics_report import statistics_report_bytes

    return statistics_report_bytes(export.data, export.fonts)


def _self_report(ctx, unit, start, end, text=""):
    from desktop_app.services.self_report import SelfReportService

    data, fonts = SelfReportService(ctx).print_data(unit, start, end, text)
    return PdfExport(data, fonts)


def _write_self_report(path, export: PdfExport, _progress, _cancelled):
    from desktop_app.documents.self_report import write_self_report

    return write_self_report(path, export.data, export.fonts)


def _self_report_bytes(export: PdfExport):
    from desktop_app.documents.self_report import self_report_bytes

    return self_report_bytes(export.data, export.fonts)


def _rectification(ctx, list_id):
    from desktop_app.services.rectification import RectificationService

    doc = RectificationService(ctx).document(list_id)
    return SheetExport(doc.info.title, tuple(r.entry() for r in doc.rows))


def _write_rectification(path, data: SheetExport, _progress, _cancelled) -> int:
    from desktop_app.exchange.rectification_sheet import write_entries

    return write_entries(path, data.title, list(data.entries))


def _rectification_print(ctx, list_id, with_report=False, issuer_mark="", letterhead=None, report_changes=None):
    """``report_changes``: 版记 parts (cc, printed_by, printed_on) replacing the saved ones."""
    from desktop_app.services.rectification import RectificationService

    service = RectificationService(ctx)
    if letterhead is None:
        letterhead = service.report_head()[0]
    report, appendix = service.print_data(list_id, with_report, issuer_mark=issuer_mark)
    if report is not None and report_changes:
        report = dataclasses.replace(report, **report_changes)
    return PdfExport((report, appendix), service.font_overrides(), {"letterhead": letterhead})


def _write_rectification_pdf(path, export: PdfExport, _progress, _cancelled):
    from desktop_app.documents.rectification_report import write_rectification_pdf

    report, appendix = export.data
    return write_rectification_pdf(path, report, appendix, export.fonts, export.extra["letterhead"])


def _review(ctx, campaign_id, as_of=None):
    from desktop_app.services.review import ReviewService

    return ReviewService(ctx).report(campaign_id, as_of)


def _write_review(path, report, _progress, _cancelled):
    from desktop_app.exchange.review_sheet import write_review_sheet

    write_review_sheet(path, report)
    return report


def _review_print(ctx, campaign_id, as_of=None, recurring=True):
    """``recurring``: with the 年年提 annex (the problems raised again in the campaign's year,
    涉密 items left out here: the report redacts, and a redacted group would still name them)."""
    from desktop_app.services.letter_settings import letter_settings
    from desktop_app.services.review import ReviewService
    from desktop_app.services.similarity import SimilarityService

    settings = letter_settings(ctx)
    report = ReviewService(ctx).report(campaign_id, as_of)
    annex = SimilarityService(ctx).recurring_report().printable(report.year) if recurring else None
    return PdfExport(report, dict(settings.fonts), {"unit": settings.unit_name, "recurring": annex})


def _write_review_pdf(path, export: PdfExport, _progress, _cancelled):
    from desktop_app.documents.review_report import write_review_pdf

    return write_review_pdf(path, export.data, export.extra["unit"], export.fonts, export.extra.get("recurring"))


def _review_pdf_bytes(export: PdfExport):
    from desktop_app.documents.review_report import review_pdf_bytes

    return review_pdf_bytes(export.data, export.extra["unit"], export.fonts, export.extra.get("recurring"))


def _recurring(ctx):
    from desktop_app.services.similarity import SimilarityService

    return SimilarityService(ctx).recurring_report()


def _write_recurring(path, report, _progress, _cancelled) -> int:
    from desktop_app.exchange.recurring_sheet import write_recurring_sheet

    return write_recurring_sheet(path, report)


EXPORTERS: dict[str, Exporter] = {e.key: e for e in (
    Exporter("ledger", "台账", ".xlsx", _ledger, _write_table),
    Exporter("case_list", "当前列表", ".xlsx", _case_list, _write_case_list),
    Exporter("reminder_list", "催办清单", ".xlsx", _reminders, _write_reminders),
    Exporter("statistics", "办理情况统计", ".xlsx", _statistics, _write_statistics),
    Exporter("statistics_report", "办理情况统计报告", ".pdf", _statistics_print, _write_statistics_pdf,
             _statistics_pdf_bytes),
    Exporter("self_report", "自查报告", ".pdf", _self_report, _write_self_report, _self_report_bytes),
    Exporter("rectification", "整改清单", ".xlsx", _rectification, _write_rectification),
    Exporter("rectification_report", "整改清单附件（及办理报告）", ".pdf", _rectification_print,
             _write_rectification_pdf),
    # The 回头看 report counts 涉密 entries ("另有涉密件 N 条") without listing them.
    Exporter("review", "回头看", ".xlsx", _review, _write_review, secret=REDACT),
    Exporter("review_report", "回头看报告", ".pdf", _review_print, _write_review_pdf, _review_pdf_bytes,
             secret=REDACT),
    Exporter("recurring", "年年提", ".xlsx", _recurring, _write_recurring),
)}
