"""办理情况统计 from the database (services layer): reads the facts and counts with
``domain.statistics``; the Excel sheet is written by ``exchange.statistics_sheet``.

The reply due date of each item comes from the deadline rules (services.deadlines), so 按期办复
follows the same dates the dashboard shows, approved extensions included.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

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
from desktop_app.services.deadline_reads import FINISHED_ITEMS, load_facts_as_of, statuses_on
from desktop_app.services.fields import member_or_none
from desktop_app.services.letter_settings import letter_settings
from desktop_app.storage.tables import Assignment, Commitment, Contact, Feedback, Item, Reply, Session, Unit
from desktop_app.storage.server import driver_connection

_CHUNK = 500  # ids per IN (...) when asking the deadline rules for reply due dates


class StatisticsService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def report(self, as_of: date | None = None) -> Report:
        """The handling figures as of ``as_of`` (today by default)."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            # A day before today is seen as it was: the status that day, the due dates before
            # later extensions (the figures themselves ignore later replies, forms and contacts).
            items = load_stat_items(s, as_of if as_of < self.ctx.today() else None)
        return handling_report(items, as_of)

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


def load_stat_items(s, as_of: date | None = None) -> list[StatItem]:
    """Every item's facts for the figures; ``as_of`` (a past day): statuses and reply due dates
    as they were that day."""
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
    # A draft counts nowhere, and a 涉密 item is never in the 公开率 base (domain.md §4), whatever
    # an older record says of its disclosure.
    secret = set(s.scalars(select(Item.id).where(Item.is_secret.is_(True))))
    for item_id, rnd, replied_on, result, disclosure in s.execute(
        select(Reply.item_id, Reply.round, Reply.replied_on, Reply.result, Reply.disclosure)
        .where(Reply.finalised.is_(True))
    ):
        shown = Disclosure.NOT_PUBLIC if item_id in secret else member_or_none(Disclosure, disclosure) or Disclosure.PUBLIC
        replies[item_id].append(StatReply(rnd, replied_on, member_or_none(ResultCategory, result), shown))
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
    for cid, item_id, due_on, status, closed_on, made_on in s.execute(
        select(Commitment.id, Commitment.item_id, Commitment.due_on, Commitment.status, Commitment.closed_on,
               Reply.replied_on).outerjoin(Reply, Reply.id == Commitment.reply_id)
    ):
        promised[item_id].append(StatCommitment(cid, due_on, member_or_none(CommitmentStatus, status)
                                                or CommitmentStatus.OPEN, closed_on, made_on))
    due = reply_due_dates(s, [row[0] for row in items], as_of)
    then = statuses_on(_dbapi(s), as_of, FINISHED_ITEMS) if as_of is not None else {}
    return [
        StatItem(
            item_id, member_or_none(ItemKind, kind) or ItemKind.SUGGESTION, session_name, tuple(units.get(item_id, ())),
            then.get(item_id) or member_or_none(ItemStatus, status) or ItemStatus.HANDLING, assigned_on,
            due.get(item_id),
            tuple(replies.get(item_id, ())), tuple(met.get(item_id, ())), tuple(forms.get(item_id, ())),
            tuple(promised.get(item_id, ())),
        )
        for item_id, kind, session_name, status, assigned_on in items
    ]


def reply_due_dates(s, item_ids: list[int], as_of: date | None = None) -> dict[int, date]:
    """Per item the first lead unit's 答复 due date as the deadline rules compute it (``as_of``:
    as they computed it that day, before later extensions and re-assignments)."""
    from desktop_app.services import deadlines

    out: dict[int, date] = {}
    for start in range(0, len(item_ids), _CHUNK):
        chunk = item_ids[start:start + _CHUNK]
        if as_of is None:
            loaded = deadlines.load_deadline_facts(s, item_ids=chunk)
        else:
            scope = f"item.id IN ({','.join(str(int(i)) for i in chunk)})"
            loaded = load_facts_as_of(_dbapi(s), as_of, scope)
        for facts in loaded.facts:
            found = [d.due_on for d in item_deadlines(facts, loaded.rules, loaded.calendar)
                     if d.kind is DeadlineKind.REPLY]
            if found:
                out[facts.id] = found[0] if len(found) == 1 else min(found)
    return out


def _dbapi(s):
    """The session's DBAPI connection, in the session's transaction (the plain-SQL reads)."""
    return driver_connection(s)


def report_as_json(report: Report) -> dict:
    def plain(figures):
        return {key: {"label": f.label, "count": f.count, "base": f.base,
                      "rate": None if f.rate is None else round(f.rate, 4), "item_ids": sorted(f.ids)}
                for key, f in figures.items()}

    groups: dict[str, dict] = {dim: {} for dim, _label in DIMENSIONS}
    for (dim, name), figures in report.groups.items():
        groups[dim][name] = plain(figures)
    return {"as_of": report.as_of.isoformat(), "overall": plain(report.overall), "groups": groups}


