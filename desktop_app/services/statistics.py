"""办理情况统计 from the database (services layer): reads the facts and counts with
``domain.statistics``; the Excel sheet is written by ``exchange.statistics_sheet``.

The reply due date of each item comes from the deadline rules (services.deadlines), so 按期办复
follows the same dates the dashboard shows, approved extensions included.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop_app.domain.deadlines import DeadlineKind, item_deadlines
from desktop_app.domain.enums import (
    CommitmentStatus,
    ContactWay,
    Disclosure,
    ItemKind,
    ItemStatus,
    Rating,
    ResultCategory,
    UnitRole,
)
from desktop_app.domain.statistics import (
    DIMENSIONS,
    Report,
    StatCommitment,
    StatFeedback,
    StatItem,
    StatReply,
    handling_report,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.fields import member_or_none
from desktop_app.services.letter_settings import letter_settings
from desktop_app.storage.tables import Assignment, Commitment, Contact, Feedback, Item, Reply, Session, Unit

_CHUNK = 500  # ids per IN (...) when asking the deadline rules for reply due dates


class StatisticsService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def report(self, as_of: date | None = None) -> Report:
        """The handling figures as of ``as_of`` (today by default)."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            items = load_stat_items(s)
        return handling_report(items, as_of)

    def export_excel(self, path, as_of: date | None = None) -> Report:
        """Write the report to an .xlsx file (one sheet per dimension and the totals)."""
        from desktop_app.exchange.statistics_sheet import write_report_sheet

        report = self.report(as_of)
        write_report_sheet(Path(path), report)
        return report


    def print_data(self, as_of: date | None = None, title: str = "", recipient: str = ""):
        """What the printed 办理情况统计报告 needs: the figures as of ``as_of``, the title, our
        unit's 署名 as the signature and today as its 成文日期, the 主送 (by default the 区政府办公室,
        or the 区人民政府 when we are the office); and the chosen fonts."""
        from desktop_app.documents.statistics_report import StatisticsReportData
        from desktop_app.services.letter_settings import issuer_of
        from desktop_app.services.lookup import our_unit_id

        settings = letter_settings(self.ctx)
        with self.ctx.db.read() as s:
            issuer = issuer_of(s, our_unit_id(s), settings)
        signed = issuer.signed if issuer is not None else settings.unit_name
        if not recipient.strip():
            recipient = "区人民政府" if issuer is not None and "政府办公室" in issuer.name else "区政府办公室"
        data = StatisticsReportData(self.report(as_of), title.strip(), signed, self.ctx.today(), recipient.strip())
        return data, dict(settings.fonts)

    def report_pdf(self, as_of: date | None = None, title: str = ""):
        """The printed report for the preview: ``((PDF bytes, DocumentResult), its full title)``."""
        from desktop_app.documents.statistics_report import statistics_report_bytes

        data, fonts = self.print_data(as_of, title)
        return statistics_report_bytes(data, fonts), data.full_title

    def write_pdf(self, path, as_of: date | None = None, title: str = "", recipient: str = ""):
        """Write the printed report to ``path`` (a temporary name, then renamed); the DocumentResult."""
        from desktop_app.documents.statistics_report import write_statistics_report

        data, fonts = self.print_data(as_of, title, recipient)
        return write_statistics_report(Path(path), data, fonts)


def load_stat_items(s) -> list[StatItem]:
    items = s.execute(
        select(Item.id, Item.kind, Session.name, Item.status, Item.assigned_on)
        .join(Session, Session.id == Item.session_id)
    ).all()
    names = dict(s.execute(select(Unit.id, Unit.name)).all())
    units: dict[int, list[str]] = defaultdict(list)
    for item_id, unit_id, role in s.execute(
        select(Assignment.item_id, Assignment.unit_id, Assignment.role).order_by(Assignment.position, Assignment.id)
    ):
        if role in (UnitRole.LEAD.value, UnitRole.SPLIT.value):
            units[item_id].append(names.get(unit_id, ""))
    replies: dict[int, list[StatReply]] = defaultdict(list)
    for item_id, rnd, replied_on, result, disclosure in s.execute(
        select(Reply.item_id, Reply.round, Reply.replied_on, Reply.result, Reply.disclosure)
    ):
        replies[item_id].append(StatReply(rnd, replied_on, member_or_none(ResultCategory, result),
                                          member_or_none(Disclosure, disclosure) or Disclosure.PUBLIC))
    met: dict[int, list[date]] = defaultdict(list)
    for item_id, day, way in s.execute(select(Contact.item_id, Contact.contact_on, Contact.way)):
        member = member_or_none(ContactWay, way)
        if day is not None and member is not None and member.is_face_to_face:
            met[item_id].append(day)
    forms: dict[int, list[StatFeedback]] = defaultdict(list)
    for item_id, received, outcome, attitude in s.execute(
        select(Feedback.item_id, Feedback.received_on, Feedback.outcome, Feedback.attitude)
    ):
        forms[item_id].append(StatFeedback(received, member_or_none(Rating, outcome), member_or_none(Rating, attitude)))
    promised: dict[int, list[StatCommitment]] = defaultdict(list)
    for cid, item_id, due_on, status, closed_on in s.execute(
        select(Commitment.id, Commitment.item_id, Commitment.due_on, Commitment.status, Commitment.closed_on)
    ):
        promised[item_id].append(StatCommitment(cid, due_on, member_or_none(CommitmentStatus, status)
                                                or CommitmentStatus.OPEN, closed_on))
    due = reply_due_dates(s, [row[0] for row in items])
    return [
        StatItem(
            item_id, member_or_none(ItemKind, kind) or ItemKind.SUGGESTION, session_name, tuple(units.get(item_id, ())),
            member_or_none(ItemStatus, status) or ItemStatus.HANDLING, assigned_on, due.get(item_id),
            tuple(replies.get(item_id, ())), tuple(met.get(item_id, ())), tuple(forms.get(item_id, ())),
            tuple(promised.get(item_id, ())),
        )
        for item_id, kind, session_name, status, assigned_on in items
    ]


def reply_due_dates(s, item_ids: list[int]) -> dict[int, date]:
    """Per item the first lead unit's 答复 due date as the deadline rules compute it."""
    from desktop_app.services import deadlines

    out: dict[int, date] = {}
    for start in range(0, len(item_ids), _CHUNK):
        loaded = deadlines.load_deadline_facts(s, item_ids=item_ids[start:start + _CHUNK])
        for facts in loaded.facts:
            found = [d.due_on for d in item_deadlines(facts, loaded.rules, loaded.calendar)
                     if d.kind is DeadlineKind.REPLY]
            if found:
                out[facts.id] = found[0] if len(found) == 1 else min(found)
    return out


def report_as_json(report: Report) -> dict:
    def plain(figures):
        return {key: {"label": f.label, "count": f.count, "base": f.base,
                      "rate": None if f.rate is None else round(f.rate, 4), "item_ids": sorted(f.ids)}
                for key, f in figures.items()}

    groups: dict[str, dict] = {dim: {} for dim, _label in DIMENSIONS}
    for (dim, name), figures in report.groups.items():
        groups[dim][name] = plain(figures)
    return {"as_of": report.as_of.isoformat(), "overall": plain(report.overall), "groups": groups}


