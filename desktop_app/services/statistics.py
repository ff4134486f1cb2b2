"""办理情况统计 from the database (services layer): reads the facts and counts with
``domain.statistics``; the Excel sheet is written by ``exchange.statistics_sheet``.

The reply due date of each item comes from the deadline rules (services.deadlines), so 按期办复
follows the same dates the dashboard shows, approved extensions included.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from desktop_app.domain.deadlines import DeadlineKind, item_deadlines
from desktop_app.domain.enums import (
    CommitmentStatus,
    ContactWay,
    Disclosure,
    ItemKind,
    ItemStatus,
    ProposerRole,
    Rating,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.statistics import (
    DIMENSIONS,
    RATING_LEAD,
    RATING_RULES,
    Period,
    Report,
    StatCommitment,
    StatContact,
    StatFeedback,
    StatItem,
    StatOpinion,
    StatReply,
    handling_report,
)
from desktop_app.services import deadlines
from desktop_app.services.context import ServiceContext
from desktop_app.services.deadline_reads import FINISHED_ITEMS, load_facts_as_of, statuses_on
from desktop_app.services.fields import member_or_none
from desktop_app.services.letter_settings import issuer_of, letter_settings
from desktop_app.services.lookup import is_office, our_unit_id, setting_value
from desktop_app.services.proposals import counting_note_of, proposals_as_counted
from desktop_app.storage.tables import (
    Assignment,
    Commitment,
    Contact,
    Feedback,
    Item,
    ItemProposer,
    Reply,
    Session,
    Unit,
)

#: The business setting choosing how an item's final rating is read from its last feedback round:
#: "lead" (the lead deputy's form) or "worst" (the worst form of the round).
RATING_RULE_KEY = "statistics.rating_rule"
from desktop_app.storage.server import driver_connection

_CHUNK = 500  # ids per IN (...) when asking the deadline rules for reply due dates


class StatisticsService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def report(self, as_of: date | None = None, period: Period | None = None) -> Report:
        """The handling figures as of ``as_of`` (today by default) over the items of ``period``
        (all items by default), under the 满意率 rule of the setting ``RATING_RULE_KEY``."""
        as_of = as_of or self.ctx.today()
        with self.ctx.db.read() as s:
            return read_report(s, as_of, self.ctx.today(), period)[0]

    def sessions(self) -> list[str]:
        """The session names, newest first (the period choices besides this year and custom)."""
        with self.ctx.db.read() as s:
            return list(s.scalars(select(Session.name).order_by(Session.id.desc())))

    def print_data(self, as_of: date | None = None, title: str = "", recipient: str = "",
                   period: Period | None = None):
        """What the printed 办理情况统计报告 needs: the figures as of ``as_of``, the title, our
        unit's 署名 as the signature and today as its 成文日期, the 主送 (by default the 区政府办公室,
        or the 区人民政府 when we are the office); and the chosen fonts."""
        from desktop_app.documents.statistics_report import StatisticsReportData

        settings = letter_settings(self.ctx)
        with self.ctx.db.read() as s:
            issuer = issuer_of(s, our_unit_id(s), settings)
        signed = issuer.signed if issuer is not None else settings.unit_name
        if not recipient.strip():
            recipient = "区人民政府" if issuer is not None and is_office(issuer.name) else "区政府办公室"
        data = StatisticsReportData(self.report(as_of, period), title.strip(), signed, self.ctx.today(),
                                    recipient.strip())
        return data, dict(settings.fonts)


def load_stat_items(s, as_of: date | None = None) -> list[StatItem]:
    """Every item's facts for the figures; ``as_of`` (a past day): statuses and due dates as they
    were that day. A lead unit whose 退回 was approved (by that day) no longer holds the item: it
    counts once, at the unit it was re-assigned to."""
    day = as_of or date.max
    items = s.execute(
        select(Item.id, Item.kind, Session.name, Item.status, Item.assigned_on, Item.is_secret)
        .join(Session, Session.id == Item.session_id)
    ).all()
    names = dict(s.execute(select(Unit.id, Unit.name)).all())
    units: dict[int, list[str]] = defaultdict(list)
    co_rows: dict[int, list[tuple[int | None, date | None]]] = defaultdict(list)
    for item_id, unit_id, role, outcome, decided, own_day, sent, received in s.execute(
        select(Assignment.item_id, Assignment.unit_id, Assignment.role, Assignment.return_outcome,
               Assignment.return_decided_on, Assignment.assigned_on, Assignment.opinion_sent_on,
               Assignment.opinion_received_on).order_by(Assignment.position, Assignment.id)
    ):
        if outcome == ReturnOutcome.APPROVED.value and (decided is None or decided <= day):
            continue
        if own_day is not None and own_day > day:
            continue  # re-assigned to this unit after the day
        if role in (UnitRole.LEAD.value, UnitRole.SPLIT.value):
            units[item_id].append(names.get(unit_id, ""))
        elif role == UnitRole.CO.value:
            co_rows[item_id].append((unit_id, sent or received))
    lead_proposer = dict(s.execute(
        select(ItemProposer.item_id, ItemProposer.proposer_id).where(ItemProposer.role == ProposerRole.LEAD.value)
    ).all())
    dates = deadline_dates(s, [row[0] for row in items], as_of)
    replies: dict[int, list[StatReply]] = defaultdict(list)
    rounds: dict[int, int] = {}
    # A draft counts nowhere; a 涉密 item is never in the 公开率 base (domain.md §4).
    for reply_id, item_id, rnd, replied_on, result, disclosure, published_on in s.execute(
        select(Reply.id, Reply.item_id, Reply.round, Reply.replied_on, Reply.result, Reply.disclosure,
               Reply.published_on).where(Reply.finalised.is_(True))
    ):
        rounds[reply_id] = rnd
        replies[item_id].append(StatReply(
            rnd, replied_on, member_or_none(ResultCategory, result),
            member_or_none(Disclosure, disclosure) or Disclosure.PUBLIC, published_on,
            dates.publication.get((item_id, replied_on))))
    contacts: dict[int, list[StatContact]] = defaultdict(list)
    for item_id, contact_on, way, present in s.execute(
        select(Contact.item_id, Contact.contact_on, Contact.way, Contact.deputy_present)
    ):
        member = member_or_none(ContactWay, way)
        if contact_on is not None and member is not None:
            contacts[item_id].append(StatContact(contact_on, member, bool(present)))
    forms: dict[int, list[StatFeedback]] = defaultdict(list)
    for item_id, reply_id, proposer_id, received, outcome, attitude in s.execute(
        select(Feedback.item_id, Feedback.reply_id, Feedback.proposer_id, Feedback.received_on,
               Feedback.outcome, Feedback.attitude)
    ):
        is_lead = proposer_id is None or lead_proposer.get(item_id) in (None, proposer_id)
        forms[item_id].append(StatFeedback(received, member_or_none(Rating, outcome), member_or_none(Rating, attitude),
                                           rounds.get(reply_id, 1), is_lead))
    promised: dict[int, list[StatCommitment]] = defaultdict(list)
    for cid, item_id, due_on, status, closed_on, made_on in s.execute(
        select(Commitment.id, Commitment.item_id, Commitment.due_on, Commitment.status, Commitment.closed_on,
               Reply.replied_on).outerjoin(Reply, Reply.id == Commitment.reply_id)
    ):
        promised[item_id].append(StatCommitment(cid, due_on, member_or_none(CommitmentStatus, status)
                                                or CommitmentStatus.OPEN, closed_on, made_on))
    then = statuses_on(_dbapi(s), as_of, FINISHED_ITEMS) if as_of is not None else {}
    return [
        StatItem(
            item_id, member_or_none(ItemKind, kind) or ItemKind.SUGGESTION, session_name, tuple(units.get(item_id, ())),
            then.get(item_id) or member_or_none(ItemStatus, status) or ItemStatus.HANDLING, assigned_on,
            dates.reply.get(item_id),
            tuple(replies.get(item_id, ())), tuple(contacts.get(item_id, ())), tuple(forms.get(item_id, ())),
            tuple(promised.get(item_id, ())),
            tuple(StatOpinion(names.get(unit_id, ""), dates.opinion.get((item_id, unit_id)), sent)
                  for unit_id, sent in co_rows.get(item_id, ())),
            bool(secret),
        )
        for item_id, kind, session_name, status, assigned_on, secret in items
    ]


@dataclass
class DeadlineDates:
    """Due dates from the deadline rules: each item's reply, each 会办 unit's opinion (item, unit
    id), and each public reply's publication (item, reply date)."""

    reply: dict[int, date] = field(default_factory=dict)
    opinion: dict[tuple[int, int | None], date] = field(default_factory=dict)
    publication: dict[tuple[int, date], date] = field(default_factory=dict)


def deadline_dates(s, item_ids: list[int], as_of: date | None = None) -> DeadlineDates:
    """The due dates the deadline rules compute (``as_of``: as they computed them that day, before
    later extensions and re-assignments); an item's reply due date is its first lead unit's."""
    out = DeadlineDates()
    for start in range(0, len(item_ids), _CHUNK):
        chunk = item_ids[start:start + _CHUNK]
        if as_of is None:
            loaded = deadlines.load_deadline_facts(s, item_ids=chunk)
        else:
            scope = f"item.id IN ({','.join(str(int(i)) for i in chunk)})"
            loaded = load_facts_as_of(_dbapi(s), as_of, scope)
        for facts in loaded.facts:
            found = []
            for d in item_deadlines(facts, loaded.rules, loaded.calendar):
                if d.kind is DeadlineKind.REPLY:
                    found.append(d.due_on)
                elif d.kind is DeadlineKind.OPINION:
                    out.opinion[(facts.id, d.unit_id)] = d.due_on
                elif d.kind is DeadlineKind.PUBLICATION:
                    out.publication[(facts.id, d.due.anchor)] = d.due_on
            if found:
                out.reply[facts.id] = min(found)
    return out


def _dbapi(s):
    """The session's DBAPI connection, in the session's transaction (the plain-SQL reads)."""
    return driver_connection(s)


def read_report(s, as_of: date, today: date, period: Period | None = None) -> tuple[Report, list[StatItem]]:
    """The handling report as of ``as_of`` and the items it counted, read in ``s``: the one way
    every figure is made (the statistics view, its print and Excel, and each unit's 自查报告)."""
    # A day before today is seen as it was: the status that day, the due dates before later
    # extensions (the figures themselves ignore later replies, forms and contacts).
    items = load_stat_items(s, as_of if as_of < today else None)
    rule = setting_value(s, RATING_RULE_KEY, RATING_LEAD)
    items = proposals_as_counted(s, items)  # 不立案 apart, 并案 as the office counts it (issue 23)
    note = counting_note_of(s)
    report = handling_report(items, as_of, period, rule if rule in RATING_RULES else RATING_LEAD)
    return (replace(report, counting_note=note) if note else report), items


def report_as_json(report: Report) -> dict:
    """The report for ``stats --json``: per figure its label, count, base, rate, the items behind
    the numerator (``item_ids``) and the base (``base_item_ids``), and its ``definition``."""
    def plain(figures):
        return {key: {"label": f.label, "count": f.count, "base": f.base,
                      "rate": None if f.rate is None else round(f.rate, 4), "item_ids": sorted(f.ids),
                      "base_item_ids": sorted(f.base_ids), "definition": f.definition}
                for key, f in figures.items()}

    groups: dict[str, dict] = {dim: {} for dim, _label in DIMENSIONS}
    for (dim, name), figures in report.groups.items():
        groups[dim][name] = plain(figures)
    period = report.period
    return {"as_of": report.as_of.isoformat(),
            "period": None if period is None else {
                "label": period.label, "from": period.start and period.start.isoformat(),
                "to": period.end and period.end.isoformat(), "session": period.session},
            "rating_rule": report.rating_rule, "counting_note": report.counting_note,
            "overall": plain(report.overall), "groups": groups}
