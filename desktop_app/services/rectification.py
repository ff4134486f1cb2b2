"""审议意见整改清单: lists, their rows grouped by 主要方面, units, links to items, progress notes
and evidence (services layer).

Rows of one aspect always stay together: a row saved under an aspect goes after that aspect's last
row, and moving or deleting works on rows or on whole aspects. Positions are renumbered 0..n-1 in
every write (a list holds tens of rows, not thousands).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.documents.model import LETTERHEAD_FULL
from desktop_app.domain.enums import RectificationStatus
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.rectification import Appendix, RectificationEntry, parse_deadline
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.letter_settings import issuer_of, issuer_of_doc_number, letter_settings
from desktop_app.services.lookup import (
    check_and_bump,
    find_item_id,
    get_or_raise,
    our_unit_id,
    put_setting,
    setting_value,
)
from desktop_app.services.rectification_dto import (
    KIND,
    ProgressNote,
    RectificationDocument,
    RectificationDue,
    RectificationListInfo,
    RectificationRowData,
    ReportRecord,
)
from desktop_app.storage.database import note_items_written
from desktop_app.storage.tables import (
    Item,
    RectificationList,
    RectificationProgress,
    RectificationRow,
    RectificationRowItem,
    RectificationRowUnit,
    Session,
    Unit,
)

MAX_EVIDENCE = 50 * 1024 * 1024

REPORT_HEAD_KEY = "rectification_report_head"  # setting: the report's 版头 mode and 发文机关标志


def _changed() -> Changes:
    return Changes.of(KIND)


class RectificationService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- lists ----------------------------------------------------------------------------

    def lists(self) -> list[RectificationListInfo]:
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            counts = dict(s.execute(select(RectificationRow.list_id, func.count())
                                    .group_by(RectificationRow.list_id)).all())
            overdue = dict(s.execute(
                select(RectificationRow.list_id, func.count())
                .where(RectificationRow.deadline_on < today,
                       RectificationRow.status != RectificationStatus.DONE.value)
                .group_by(RectificationRow.list_id)).all())
            return [_list_info(r, counts.get(r.id, 0), overdue.get(r.id, 0))
                    for r in s.execute(select(RectificationList).order_by(RectificationList.id)).scalars()]

    def list_info(self, list_id: int) -> RectificationListInfo:
        with self.ctx.db.read() as s:
            return _list_info(_get_list(s, list_id))

    def find_list(self, text: str) -> int:
        """A list by id or by exact title (the command line's LIST argument)."""
        text = str(text).strip()
        with self.ctx.db.read() as s:
            if text.isdigit() and s.get(RectificationList, int(text)) is not None:
                return int(text)
            ids = s.execute(select(RectificationList.id).where(RectificationList.title == text)).scalars().all()
            if len(ids) == 1:
                return ids[0]
            titles = s.execute(select(RectificationList.id, RectificationList.title)).all()
        known = "；".join(f"{i} {t}" for i, t in titles) or "（还没有整改清单）"
        what = "有多份" if ids else "没有"
        raise NotFoundError(f"{what}名为“{text}”的整改清单。请给出清单编号或完整标题，现有：{known}")

    def report_head(self) -> tuple[str, str]:
        """The 版头 the report was last saved with: (letterhead mode, 发文机关标志; "" for the
        default, our unit + 文件). One per database: the same office issues every report."""
        head = self._saved_head()
        return head.get("letterhead", LETTERHEAD_FULL), head.get("mark", "")

    def report_record(self) -> ReportRecord:
        """The report's 版记 as last saved (抄送, 印发机关, 印发日期); empty parts are left out."""
        head = self._saved_head()
        try:
            printed_on = date.fromisoformat(head["printed_on"]) if head.get("printed_on") else None
        except (TypeError, ValueError):
            printed_on = None
        return ReportRecord(str(head.get("cc", "")), str(head.get("printed_by", "")), printed_on)

    def _saved_head(self) -> dict:
        with self.ctx.db.read() as s:
            return _head_of(setting_value(s, REPORT_HEAD_KEY))

    def save_list(self, info: RectificationListInfo, head: tuple[str, str] | None = None,
                  record: ReportRecord | None = None) -> tuple[Changes, int]:
        """Save the list's 审议意见 and report fields; ``head`` (mode, mark) and the report's 版记
        ``record`` with them, in the same transaction, when given."""
        title = info.title.strip()
        if not title:
            raise ValidationError("整改清单的标题不能为空，请填写（例如 审议意见问题整改清单）。")
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            row = _get_list(s, info.id) if info.id else RectificationList()
            row.title = title
            row.opinion_title, row.opinion_issuer = info.opinion_title.strip(), info.opinion_issuer.strip()
            row.opinion_date = info.opinion_date
            row.report_doc_number, row.report_title = info.report_doc_number.strip(), info.report_title.strip()
            row.report_date, row.report_body = info.report_date, info.report_body
            if not info.id:
                s.add(row)
            if head is not None or record is not None:
                saved = _head_of(setting_value(s, REPORT_HEAD_KEY))
                if head is not None:
                    saved.update(letterhead=head[0], mark=head[1].strip())
                if record is not None:
                    saved.update(cc=record.cc.strip(), printed_by=record.printed_by.strip(),
                                 printed_on=record.printed_on.isoformat() if record.printed_on else "")
                put_setting(s, REPORT_HEAD_KEY, json.dumps(saved, ensure_ascii=False))
            s.flush()
            return _changed(), row.id

    def delete_list(self, list_id: int) -> Changes:
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            s.delete(_get_list(s, list_id))
        return _changed()

    # ---- rows -----------------------------------------------------------------------------

    def document(self, list_id: int) -> RectificationDocument:
        with self.ctx.db.read() as s:
            info = _list_info(_get_list(s, list_id))
            rows = _ordered(s, list_id)
            ids = [r.id for r in rows]
            units: dict[int, list[int]] = {}
            for row_id, unit_id in s.execute(select(RectificationRowUnit.row_id, RectificationRowUnit.unit_id)
                                             .where(RectificationRowUnit.row_id.in_(ids))):
                units.setdefault(row_id, []).append(unit_id)
            items: dict[int, list[tuple[int, str]]] = {}
            for row_id, item_id, session, number in s.execute(
                    select(RectificationRowItem.row_id, Item.id, Session.name, Item.number)
                    .join(Item, Item.id == RectificationRowItem.item_id)
                    .join(Session, Session.id == Item.session_id)
                    .where(RectificationRowItem.row_id.in_(ids))
                    .order_by(Session.name, Item.number)):
                items.setdefault(row_id, []).append((item_id, f"{session} {number}"))
            notes: dict[int, list[ProgressNote]] = {}
            for n, has in s.execute(select(RectificationProgress, RectificationProgress.evidence_data.isnot(None))
                                    .where(RectificationProgress.row_id.in_(ids))
                                    .order_by(RectificationProgress.noted_on, RectificationProgress.id)):
                notes.setdefault(n.row_id, []).append(
                    ProgressNote(n.id, n.row_id, n.noted_on, n.note, n.evidence_name or "", bool(has)))
            return RectificationDocument(info, tuple(
                _row_data(r, units.get(r.id, ()), items.get(r.id, ()), notes.get(r.id, ())) for r in rows))

    def save_row(self, list_id: int, data: RectificationRowData,
                 items_text: str | None = None) -> tuple[Changes, int]:
        """Create (``id`` 0: after the last row of its aspect, or at the end for a new aspect) or
        update a row with its units and linked items. Changing the aspect moves the row to the
        end of the new aspect's group. ``items_text`` (as ``find_items`` reads it) replaces the
        linked items when given."""
        if items_text is not None:
            data = replace(data, item_ids=self.find_items(items_text))
        aspect = data.aspect.strip()
        if not aspect:
            raise ValidationError("主要方面不能为空：请填写该行所属的主要方面（例如 一、少数承办单位对办理工作认识不深）。")
        if not (data.problem.strip() or data.suggestion.strip() or data.measures.strip()):
            raise ValidationError("重点问题、意见建议、整改措施至少填写一项。")
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            _get_list(s, list_id)
            rows = _ordered(s, list_id)
            if data.id:
                row = next((r for r in rows if r.id == data.id), None)
                if row is None:
                    raise NotFoundError("该整改事项已被删除，请刷新整改清单后重试。")
                check_and_bump(row, data.version, "整改事项")
                if row.aspect != aspect:
                    rows.remove(row)
                    rows.insert(_group_end(rows, aspect), row)
            else:
                row = RectificationRow(list_id=list_id)
                s.add(row)
                rows.insert(_group_end(rows, aspect), row)
            _fill(s, row, data, aspect)
            _renumber(rows)
            s.flush()
            _set_links(s, row.id, data.unit_ids or _matching_units(s, row.units_text), data.item_ids)
            return _changed(), row.id

    def delete_row(self, row_id: int, version: int | None = None) -> Changes:
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            row = _get_row(s, row_id)
            check_and_bump(row, version, "整改事项")
            list_id = row.list_id
            s.delete(row)
            s.flush()
            _renumber(_ordered(s, list_id))
        return _changed()

    def move_row(self, row_id: int, step: int) -> Changes:
        """Move a row up (-1) or down (+1) within its aspect; at the group's edge it stays."""
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            row = _get_row(s, row_id)
            rows = _ordered(s, row.list_id)
            i = rows.index(row)
            j = i + step
            if 0 <= j < len(rows) and rows[j].aspect == row.aspect:
                rows[i], rows[j] = rows[j], rows[i]
                _renumber(rows)
        return _changed()

    def move_aspect(self, list_id: int, aspect: str, step: int) -> Changes:
        """Move a whole aspect group before the previous (-1) or after the next (+1) group."""
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            groups = _groups(_ordered(s, list_id))
            names = [name for name, _ in groups]
            if aspect not in names:
                raise NotFoundError(f"整改清单中没有主要方面“{aspect}”，请刷新后重试。")
            i = names.index(aspect)
            j = i + step
            if 0 <= j < len(groups):
                groups[i], groups[j] = groups[j], groups[i]
                _renumber([r for _, rows in groups for r in rows])
        return _changed()

    def rename_aspect(self, list_id: int, old: str, new: str) -> Changes:
        new = new.strip()
        if not new:
            raise ValidationError("主要方面不能为空，请输入新的名称。")
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            rows = _ordered(s, list_id)
            if any(r.aspect == new for r in rows) and new != old:
                raise ValidationError(f"主要方面“{new}”已存在。要合并两组，请逐行修改所属方面。")
            for r in rows:
                if r.aspect == old:
                    r.aspect = new
        return _changed()

    def delete_aspect(self, list_id: int, aspect: str) -> Changes:
        """Delete an aspect with all of its rows."""
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            rows = _ordered(s, list_id)
            for r in rows:
                if r.aspect == aspect:
                    s.delete(r)
            s.flush()
            _renumber(_ordered(s, list_id))
        return _changed()

    def find_items(self, text: str) -> tuple[int, ...]:
        """Items named in ``text``, separated by ；, ; or new lines: "会次 编号" or an id."""
        parts = [p.strip() for p in re.split(r"[；;\n]+", text or "") if p.strip()]
        with self.ctx.db.read() as s:
            return tuple(find_item_id(s, p) for p in parts)

    # ---- progress -------------------------------------------------------------------------

    def add_progress(self, row_id: int, noted_on: date, note: str, evidence_name: str = "",
                     evidence_data: bytes | None = None, status: RectificationStatus | None = None) -> Changes:
        """A dated progress note, optionally with an evidence file, optionally changing the status."""
        if not note.strip() and evidence_data is None:
            raise ValidationError("请填写进展情况，或附上佐证材料。")
        if evidence_data is not None and len(evidence_data) > MAX_EVIDENCE:
            raise ValidationError("佐证材料超过 50 MB，请压缩或拆分后再附上。")
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            row = _get_row(s, row_id)
            s.add(RectificationProgress(row_id=row_id, noted_on=noted_on, note=note.strip(),
                                        evidence_name=evidence_name if evidence_data is not None else "",
                                        evidence_data=evidence_data))
            if status is not None:
                row.status = status.value
        return _changed()

    def add_progress_file(self, row_id: int, noted_on: date, note: str, evidence: str | Path | None = None,
                          status: RectificationStatus | None = None) -> Changes:
        """``add_progress`` with the evidence read from the file ``evidence`` (its name kept)."""
        if evidence is None:
            return self.add_progress(row_id, noted_on, note, "", None, status)
        evidence = Path(evidence)
        if evidence.stat().st_size > MAX_EVIDENCE:
            raise ValidationError("佐证材料超过 50 MB，请压缩或拆分后再附上。")
        return self.add_progress(row_id, noted_on, note, evidence.name, evidence.read_bytes(), status)

    def delete_progress(self, note_id: int) -> Changes:
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            note = get_or_raise(s, RectificationProgress, note_id, "该进展记录已被删除，请刷新后重试。")
            s.delete(note)
        return _changed()

    def evidence(self, note_id: int) -> tuple[str, bytes]:
        with self.ctx.db.read() as s:
            note = s.get(RectificationProgress, note_id)
            if note is None or note.evidence_data is None:
                raise NotFoundError("该进展记录没有佐证材料，或已被删除。")
            return note.evidence_name, note.evidence_data

    def set_status(self, row_id: int, status: RectificationStatus, version: int | None = None) -> Changes:
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            row = _get_row(s, row_id)
            check_and_bump(row, version, "整改事项")
            row.status = status.value
        return _changed()

    def print_data(self, list_id: int, with_report: bool = False, issuer_mark: str = ""):
        """What the printer needs: ``(RectificationReport or None, Appendix)``. The report is
        signed by our unit (设置 → 本单位) unless the letter settings name another; its 版头 reads
        ``issuer_mark``, by default that unit + 文件."""
        from desktop_app.documents.rectification_report import RectificationReport
        doc = self.document(list_id)
        appendix = Appendix(doc.info.title, tuple(r.entry() for r in doc.rows))
        if not doc.rows and not with_report:
            raise ValidationError("这份整改清单还没有整改事项，没有可打印的内容。请先新增或导入整改事项。")
        if not with_report:
            return None, appendix
        info = doc.info
        if not info.report_title.strip():
            raise ValidationError("这份整改清单还没有填写办理报告的标题，请在整改清单中填写“报告标题”后再打印整份报告。")
        # Issued by the unit whose 文号 pattern the report's 文号 follows (崇府发 → 区人民政府), else
        # by our unit; signed with that unit's 署名.
        settings = letter_settings(self.ctx)
        with self.ctx.db.read() as s:
            issuer = (issuer_of_doc_number(s, info.report_doc_number, settings)
                      or issuer_of(s, our_unit_id(s), settings))
        signed = issuer.signed if issuer is not None else settings.unit_name
        record = self.report_record()
        return RectificationReport(info.report_doc_number, info.report_title, info.opinion_issuer or "区人大常委会",
                                   info.report_body, signed, info.report_date,
                                   issuer_mark=issuer_mark.strip(), issuer=issuer, cc=record.cc,
                                   printed_by=record.printed_by, printed_on=record.printed_on), appendix

    def font_overrides(self) -> dict:
        """The font files chosen in 设置 → 公文与字体 (shared with the letters)."""
        return dict(letter_settings(self.ctx).fonts)

    # ---- import, export, deadlines --------------------------------------------------------

    def import_sheet(self, path: str | Path, maintenance=None) -> tuple[Changes, int]:
        """Read the Excel sheet ``path`` and import its rows as a new list (named after the
        sheet's title, else the file); with ``maintenance`` (a MaintenanceService) the database
        is backed up first, as before an item import."""
        from desktop_app.exchange.rectification_sheet import read_entries

        path = Path(path)
        read = read_entries(path)
        return self.import_entries(read.title or path.stem, list(read.entries), maintenance=maintenance)

    def import_entries(self, title: str, entries: list[RectificationEntry], list_id: int = 0,
                       maintenance=None, **list_fields) -> tuple[Changes, int]:
        """Rows read from Excel, in order, appended to list ``list_id`` or to a new list
        ``title``; units named in 责任单位 are linked, dates become real 整改期限."""
        if not entries:
            raise ValidationError("文件中没有整改事项：请确认表头为 主要方面、重点问题、意见建议、整改措施、责任单位、整改期限。")
        if maintenance is not None:
            maintenance.backup_now(reason="import")  # all or nothing, and a way back
        with self.ctx.db.write() as s:
            note_items_written(s, ())  # the items' own deadlines still hold
            if list_id:
                lst = _get_list(s, list_id)
            else:
                title = (title or "").strip() or "审议意见问题整改清单"
                lst = RectificationList(title=title, **list_fields)
                s.add(lst)
                s.flush()
            rows = _ordered(s, lst.id)
            for entry in entries:
                on, term = parse_deadline(entry.deadline_text)
                row = RectificationRow(list_id=lst.id, aspect=entry.aspect.strip(), problem=entry.problem,
                                       suggestion=entry.suggestion, measures=entry.measures,
                                       units_text=entry.units_text.strip(), deadline_on=on, deadline_term=term,
                                       status=RectificationStatus.NOT_STARTED.value)
                s.add(row)
                rows.insert(_group_end(rows, row.aspect), row)
            _renumber(rows)
            s.flush()
            for row in rows:
                if not s.execute(select(RectificationRowUnit).where(RectificationRowUnit.row_id == row.id)).first():
                    _set_links(s, row.id, _matching_units(s, row.units_text), None)
            return _changed(), lst.id

    def due_rows(self, as_of: date | None = None) -> list[RectificationDue]:
        """Rows with a real 整改期限 that are not done, soonest first (overdue ones lead)."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            result = s.execute(
                select(RectificationRow, RectificationList.title)
                .join(RectificationList, RectificationList.id == RectificationRow.list_id)
                .where(RectificationRow.deadline_on.isnot(None),
                       RectificationRow.status != RectificationStatus.DONE.value)
                .order_by(RectificationRow.deadline_on, RectificationRow.list_id, RectificationRow.position))
            return [RectificationDue(r.list_id, title, r.id, r.aspect, r.measures, r.units_text,
                                     r.deadline_on, (r.deadline_on - as_of).days) for r, title in result]


# ---- helpers ------------------------------------------------------------------------------

def _get_list(s: OrmSession, list_id: int) -> RectificationList:
    return get_or_raise(s, RectificationList, list_id, "该整改清单已被删除，请刷新后重试。")


def _get_row(s: OrmSession, row_id: int) -> RectificationRow:
    return get_or_raise(s, RectificationRow, row_id, "该整改事项已被删除，请刷新整改清单后重试。")


def _ordered(s: OrmSession, list_id: int) -> list[RectificationRow]:
    return list(s.execute(select(RectificationRow).where(RectificationRow.list_id == list_id)
                          .order_by(RectificationRow.position, RectificationRow.id)).scalars())


def _groups(rows: list[RectificationRow]) -> list[tuple[str, list[RectificationRow]]]:
    groups: list[tuple[str, list[RectificationRow]]] = []
    for r in rows:
        if groups and groups[-1][0] == r.aspect:
            groups[-1][1].append(r)
        else:
            groups.append((r.aspect, [r]))
    return groups


def _group_end(rows: list[RectificationRow], aspect: str) -> int:
    """Index after the last row of ``aspect`` (the end for an aspect not yet there)."""
    last = max((i for i, r in enumerate(rows) if r.aspect == aspect), default=len(rows) - 1)
    return last + 1


def _renumber(rows: list[RectificationRow]) -> None:
    for i, r in enumerate(rows):
        r.position = i


def _fill(s: OrmSession, row: RectificationRow, data: RectificationRowData, aspect: str) -> None:
    row.aspect, row.problem, row.suggestion, row.measures = aspect, data.problem, data.suggestion, data.measures
    units_text = data.units_text.strip()
    if not units_text and data.unit_ids:
        names = dict(s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(data.unit_ids))).all())
        units_text = " ".join(names[i] for i in data.unit_ids if i in names)
    row.units_text = units_text
    if data.deadline_on is None:
        # A term typed as a date (2024年12月31日) becomes a real date, which can fall overdue.
        row.deadline_on, row.deadline_term = parse_deadline(data.deadline_term)
    else:
        row.deadline_on, row.deadline_term = data.deadline_on, ""
    row.status = data.status.value


def _matching_units(s: OrmSession, units_text: str) -> list[int]:
    """Units of the units list whose full name appears in the printed 责任单位 text."""
    if not units_text:
        return []
    return [uid for uid, name in s.execute(select(Unit.id, Unit.name)) if name and name in units_text]


def _set_links(s: OrmSession, row_id: int, unit_ids, item_ids) -> None:
    s.execute(delete(RectificationRowUnit).where(RectificationRowUnit.row_id == row_id))
    for uid in dict.fromkeys(unit_ids):
        s.add(RectificationRowUnit(row_id=row_id, unit_id=uid))
    if item_ids is not None:
        s.execute(delete(RectificationRowItem).where(RectificationRowItem.row_id == row_id))
        for iid in dict.fromkeys(item_ids):
            s.add(RectificationRowItem(row_id=row_id, item_id=iid))


def _list_info(r: RectificationList, rows: int = 0, overdue: int = 0) -> RectificationListInfo:
    return RectificationListInfo(r.id, r.title, r.opinion_title or "", r.opinion_issuer or "", r.opinion_date,
                                 r.report_doc_number or "", r.report_title or "", r.report_date,
                                 r.report_body or "", rows, overdue)


def _row_data(r: RectificationRow, unit_ids, items, notes) -> RectificationRowData:
    return RectificationRowData(
        r.id, r.aspect, r.problem or "", r.suggestion or "", r.measures or "", r.units_text or "",
        tuple(unit_ids), r.deadline_on, r.deadline_term or "", RectificationStatus(r.status),
        tuple(i for i, _ in items), tuple(label for _, label in items), tuple(notes), r.position, r.version or 1)


# ---- the deadline dashboard ---------------------------------------------------------------

def open_rows(s: OrmSession) -> list[tuple]:
    """Rows with a real 整改期限 that are not done, linked to items or not, soonest first, for the
    deadline dashboard: (list id, list title, row id, aspect, measures, units text, deadline, unit ids)."""
    found = s.execute(
        select(RectificationRow.list_id, RectificationList.title, RectificationRow.id, RectificationRow.aspect,
               RectificationRow.measures, RectificationRow.units_text, RectificationRow.deadline_on)
        .join(RectificationList, RectificationList.id == RectificationRow.list_id)
        .where(RectificationRow.deadline_on.isnot(None), RectificationRow.status != RectificationStatus.DONE.value)
        .order_by(RectificationRow.deadline_on, RectificationRow.list_id, RectificationRow.position)).all()
    units: dict[int, list[int]] = {}
    if found:
        for row_id, unit_id in s.execute(select(RectificationRowUnit.row_id, RectificationRowUnit.unit_id)
                                         .where(RectificationRowUnit.row_id.in_([r[2] for r in found]))):
            units.setdefault(row_id, []).append(unit_id)
    return [(*r, tuple(units.get(r[2], ()))) for r in found]


def _head_of(saved: str) -> dict:
    """The saved report head (版头 mode, mark, 版记) as a dict; {} when unreadable."""
    try:
        head = json.loads(saved) if saved else {}
    except ValueError:
        head = {}
    return head if isinstance(head, dict) else {}
