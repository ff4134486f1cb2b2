"""Realistic sample data for a district: sessions, units, deputies and items with their handling
checklists (services layer).

``fill_demo`` writes everything in one transaction with Core bulk inserts (executemany), so
100,000 items take seconds, not minutes, and a cancelled run leaves nothing behind. The data is
deterministic (a seeded ``random.Random``): the same call on the same day always gives the same
database.

Dates are relative to the context's today (``ctx.today()``): the newest session opened early in the
year at least five months ago, its items are spread over the year since, the ones still open fall
due around today (some overdue, some this week, some later), and nothing is dated after today. So
the demo looks the same on any machine on any day, and tests (a fixed clock) get fixed data.
"""

from __future__ import annotations

import hashlib
import math
import random
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Callable

from sqlalchemy import Date, DateTime, func, insert, select

from desktop_app.domain.calendar import add_months
from desktop_app.domain.enums import (
    Body,
    CommitmentStatus,
    ContactWay,
    Disclosure,
    FeedbackChannel,
    ItemKind,
    ItemStatus,
    Level,
    ProposerRole,
    ProposerType,
    RaisedAt,
    Rating,
    ResultCategory,
    ReturnOutcome,
    UnitRole,
)
from desktop_app.domain.search import search_terms
from desktop_app.domain.statistics import FACE_TO_FACE_WAYS
from desktop_app.services import demo_data as data
from desktop_app.services import search
from desktop_app.services.checklist import NewChecklists
from desktop_app.services.context import ServiceContext
from desktop_app.services.demo_checklist import DemoTicks
from desktop_app.services.demo_data import latest_session_year, session_name
from desktop_app.services.demo_proposals import add_demo_proposals
from desktop_app.services.demo_rectification import add_demo_rectification
from desktop_app.services.demo_review import add_demo_review
from desktop_app.services.lookup import OUR_UNIT_KEY
from desktop_app.storage.server import execute_driver_sql
from desktop_app.storage.tables import (
    Assignment,
    Attachment,
    AttachmentContent,
    Commitment,
    Contact,
    Feedback,
    History,
    Item,
    ItemProposer,
    Proposer,
    Reply,
    Session,
    Setting,
    Unit,
)

CHUNK = 2000
ITEMS_PER_YEAR = 10_000
MAX_YEARS = 10
#: Items already replied were handed over at least this long ago: reply, feedback and a second
#: round all fit before today.
SETTLED_ITEM_DAYS = 130
#: Where the reply deadlines of the newest session's open items fall, in days from today (cycled):
#: some overdue, several this week, some within a fortnight, some later.
OPEN_DUE_OFFSETS = (-30, 2, -6, 5, 0, 9, -1, 20, 4, 13, 45, 1, -12, 6, 30, 3, 60)
DEMO_USER = "演示数据"
_REPLIED = (ItemStatus.REPLIED, ItemStatus.FEEDBACK, ItemStatus.REHANDLING, ItemStatus.TRACKING,
            ItemStatus.CLOSED)


_OPEN = (ItemStatus.PENDING, ItemStatus.HANDLING, ItemStatus.RETURN_REQUESTED)
_STATUSES = tuple(ItemStatus)
_WAYS = tuple(ContactWay)
PORTAL = "政府门户网站“建议提案办理”专栏"
_DISCLOSURES = tuple(Disclosure)
_CHANNELS = tuple(FeedbackChannel)
_RESULTS = tuple(ResultCategory)


class _Rng(random.Random):
    """random.Random with cheaper choice/randint/randrange (one float each): generating
    100,000 items calls them millions of times. Still deterministic for a seed."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))


class _Cancelled(Exception):
    """Raised inside the transaction so that it rolls back."""


def fill_demo(
    ctx: ServiceContext,
    items: int = 60,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Add ``items`` sample items (and the sessions, units and people they need) in one
    transaction. ``progress(done, total)`` is called after each chunk; when ``cancelled()``
    returns True the whole run is rolled back and nothing is written."""
    try:
        with ctx.db.write() as s:
            _Demo(s, ctx, items, progress, cancelled).run()
    except _Cancelled:
        return
    if items <= 1000:  # the big benchmark databases need no 回头看 and no 整改清单
        add_demo_review(ctx)
        add_demo_rectification(ctx)
        add_demo_proposals(ctx)


class _Demo:
    def __init__(self, s, ctx, total, progress, cancelled):
        self.s, self.conn, self.ctx = s, s.connection(), ctx
        self.total, self.progress, self.cancelled = max(0, int(total)), progress, cancelled
        self.rng = _Rng(20240603)
        self.now = ctx.now()
        self.today = self.now.date()
        self.latest_year = latest_session_year(self.today)
        self.open_items = 0
        self.our_late_opinion = False
        self.rows: dict = {}
        self.done = 0
        self.doc_numbers: dict[tuple[int, int], int] = {}
        self.missing_results = list(ResultCategory)
        self.way_counter = 0
        self.attachments_left = 5
        self.term_cache: dict[str, str] = {}
        # Ticks draw from their own generator so that the rest of the data stays as it was.
        self.ticks = DemoTicks(self.now, _Rng(20240604))
        self.handlers: dict[int, str] = {}

    # ---- set-up ---------------------------------------------------------------------------

    def run(self) -> None:
        # A large page cache for this bulk load only: index inserts at 100,000 items otherwise
        # spend most of their time re-reading pages. Restored afterwards (pooled connection).
        if self.conn.dialect.name != "sqlite":
            self._run()
            return
        previous = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql("PRAGMA cache_size=-262144")
        try:
            self._run()
        finally:
            self.conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")

    def _run(self) -> None:
        self.units = self._units()
        self.unit_names = {uid: name for name, uid in self.units.items()}
        self.unit_info = {name: (uid, short, head) for (name, short, head), uid in
                          zip(data.UNITS, (self.units[u[0]] for u in data.UNITS))}
        if self.s.get(Setting, OUR_UNIT_KEY) is None:
            self.s.add(Setting(key=OUR_UNIT_KEY, value=str(self.units[data.OUR_UNIT])))
        years = 1 if self.total <= ITEMS_PER_YEAR else min(MAX_YEARS, math.ceil(self.total / ITEMS_PER_YEAR))
        people = max(40, min(3000, self.total // 40))
        self.deputies = self._people(Body.CONGRESS, people)
        self.members = self._people(Body.CPPCC, people * 2 // 3)
        self.collectives = self._collectives()
        self.s.flush()
        self.checklists = NewChecklists(self.s)
        self.ids = {
            "item": self._max_id(Item) + 1,
            "reply": self._max_id(Reply) + 1,
            "attachment": self._max_id(Attachment) + 1,
        }
        plan = self._plan(years)
        for session_id, name, kind, year, opened, count, first_number in plan:
            self._session_items(session_id, name, kind, year, opened, count, first_number)
        self._flush()

    def _max_id(self, table) -> int:
        return self.s.execute(select(func.max(table.id))).scalar() or 0

    def _units(self) -> dict[str, int]:
        existing = dict(self.s.execute(select(Unit.name, Unit.id)).all())
        for order, (name, short, _head) in enumerate(data.UNITS):
            if name not in existing:
                full = data.full_name(name)
                unit = Unit(name=name, short_name=short, active=True, sort_order=order,
                            letterhead_mark=full, signature=full)
                self.s.add(unit)
                self.s.flush()
                existing[name] = unit.id
        for order, (name, pattern, full) in enumerate(data.ISSUERS, start=len(data.UNITS)):
            if name not in existing:
                self.s.add(Unit(name=name, short_name="", active=True, sort_order=order, letterhead_mark=full,
                                doc_number_pattern=pattern, signature=full))
        return existing

    def _name_pool(self, count: int) -> list[str]:
        """``count`` distinct Chinese names: common two-character given names first, then
        given names built from two common characters."""
        surnames = sorted(set(data.SURNAMES))
        names = sorted({sur + given for sur in surnames for given in data.GIVEN})
        random.Random(1).shuffle(names)
        if count > len(names):
            chars = data.GIVEN_CHARS
            more = sorted({sur + a + b for sur in surnames for a in chars for b in chars if a != b}
                          - set(names))
            random.Random(2).shuffle(more)
            names += more
        return names[:count]

    def _people(self, body: Body, count: int) -> list[tuple[int, str]]:
        existing = {
            name: pid for name, pid in self.s.execute(
                select(Proposer.name, Proposer.id).where(Proposer.body == body.value)
            )
        }
        rows = []
        offset = 0 if body is Body.CONGRESS else 7
        for i, name in enumerate(self._name_pool(count + offset)[offset:]):
            if name in existing:
                continue
            if body is Body.CONGRESS:
                ptype, group = ProposerType.DEPUTY, f"{data.TOWNS[i % len(data.TOWNS)]}代表团"
            else:
                ptype, group = ProposerType.MEMBER, data.SECTORS[i % len(data.SECTORS)]
            rows.append({
                "name": name, "body": body.value, "proposer_type": ptype.value, "delegation": group,
                "phone": f"139{self.rng.randrange(10**8):08d}", "address": f"{data.TOWNS[i % len(data.TOWNS)]}",
                "email": "", "note": "",
            })
        if rows:
            self.conn.execute(insert(Proposer), rows)
        found = self.s.execute(select(Proposer.id, Proposer.name).where(Proposer.body == body.value)
                               .where(Proposer.proposer_type.in_((ProposerType.DEPUTY.value,
                                                                    ProposerType.MEMBER.value)))
                               .order_by(Proposer.id)).all()
        return [(pid, name) for pid, name in found][:max(count, 1)]

    def _collectives(self) -> list[tuple[int, str]]:
        out = []
        for name, ptype in data.COLLECTIVES:
            pid = self.s.execute(select(Proposer.id).where(
                Proposer.name == name, Proposer.body == Body.CPPCC.value)).scalar()
            if pid is None:
                row = Proposer(name=name, body=Body.CPPCC.value, proposer_type=ptype,
                               delegation="", phone="", address="", email="", note="")
                self.s.add(row)
                self.s.flush()
                pid = row.id
            out.append((pid, name))
        return out

    def _plan(self, years: int):
        """(session id, name, kind, year, opened on, item count, first number) oldest first."""
        plan = []
        per_year = [self.total // years + (1 if y < self.total % years else 0) for y in range(years)]
        for back in reversed(range(years)):
            year = self.latest_year - back
            count = per_year[back]
            congress = round(count * 0.6)
            for body, n in ((Body.CONGRESS, congress), (Body.CPPCC, count - congress)):
                name = session_name(body, year)
                opened = date(year, 1, 8 if body is Body.CONGRESS else 5)
                session = self.s.execute(select(Session).where(Session.name == name)).scalar_one_or_none()
                if session is None:
                    session = Session(name=name, body=body.value, level=Level.DISTRICT.value,
                                      year=year, opened_on=opened)
                    self.s.add(session)
                    self.s.flush()
                numbers = self.s.execute(select(Item.number).where(Item.session_id == session.id)).scalars()
                first = max((int(x) for x in numbers if x.isdigit()), default=0) + 1
                kind = ItemKind.SUGGESTION if body is Body.CONGRESS else ItemKind.PROPOSAL
                plan.append((session.id, name, kind, year, opened, n, first))
        return plan

    # ---- items ---------------------------------------------------------------------------

    def _session_items(self, session_id, name, kind, year, opened, count, first_number) -> None:
        latest = year == self.latest_year
        for j in range(count):
            self._item(session_id, name, kind, year, opened, first_number + j, j, latest)
            self.done += 1
            if self.done % CHUNK == 0:
                self._flush()

    def _status(self, j: int, latest: bool) -> ItemStatus:
        rng = self.rng
        if latest and j < len(ItemStatus):
            return _STATUSES[j]
        if latest:
            weights = (1, 4, 0.3, 0.3, 3, 2, 0.3, 1, 1)
        else:
            weights = (0, 0, 0, 0.2, 0.2, 0.8, 0, 1, 8)
        return rng.choices(_STATUSES, weights)[0]

    def _result(self, status: ItemStatus) -> ResultCategory:
        allowed = [ResultCategory.SOLVING, ResultCategory.PLANNED] if status is ItemStatus.TRACKING \
            else _RESULTS
        for result in self.missing_results:
            if result in allowed:
                self.missing_results.remove(result)
                return result
        weights = {ResultCategory.SOLVED: 4, ResultCategory.SOLVING: 3, ResultCategory.PLANNED: 2,
                   ResultCategory.REFERENCE: 1}
        return self.rng.choices(allowed, [weights[r] for r in allowed])[0]

    def _item(self, session_id, session_name, kind, year, opened, number_value, j, latest) -> None:
        rng = self.rng
        item_id = self.ids["item"]
        self.ids["item"] += 1
        topic_index = j % len(data.TOPICS) if latest and j < len(data.TOPICS) else rng.randrange(len(data.TOPICS))
        subject, category, lead_unit, co_units, problem, ideas = data.TOPICS[topic_index]
        place = rng.choice(data.TOWNS) if rng.random() < 0.3 else ""
        title = f"{rng.choice(data.VERBS)}{place}{subject}的{'建议' if kind is ItemKind.SUGGESTION else '提案'}"
        picked = rng.sample(ideas, min(len(ideas), rng.choice((2, 3, 3))))
        numerals = "一二三四"
        content = (f"近年来，{place or '我区'}{subject}工作取得了一定成效，但{problem}，群众反映较多。"
                   "建议：" + "；".join(f"{numerals[k]}是{idea}" for k, idea in enumerate(picked)) + "。")
        number = f"{number_value:04d}"
        status = self._status(j, latest)
        raised_at = RaisedAt.INTERIM if rng.random() < 0.15 else RaisedAt.PLENARY
        assigned = opened + timedelta(days=rng.randint(20, 40) if raised_at is RaisedAt.PLENARY
                                      else rng.randint(60, 200))
        if latest and raised_at is RaisedAt.INTERIM:
            # Raised between sessions: handed over any time up to the last that can be replied by now.
            last = (self.today - opened).days - SETTLED_ITEM_DAYS
            assigned = opened + timedelta(days=rng.randint(45, max(45, last)))
        if latest and status in _OPEN:
            assigned = self._open_assigned(status)
        else:
            assigned = min(assigned, self.today - timedelta(days=SETTLED_ITEM_DAYS))
        if (assigned - opened).days > 45:
            raised_at = RaisedAt.INTERIM  # handed over long after the session: raised between sessions
        is_key = (latest and j == 9) or rng.random() < 0.08
        is_leader = (latest and j == 10) or rng.random() < 0.05
        is_secret = (latest and j == 11) or rng.random() < 0.02

        proposers = self._item_proposers(item_id, kind)
        units = self._item_units(item_id, lead_unit, co_units, status, assigned, rng)
        result = None
        replied_on = None
        if status in _REPLIED:
            result = self._result(status)
            replied_on = assigned + timedelta(days=rng.randint(40, 85))
            self._reply(item_id, kind, units[0], proposers, status, result, replied_on, year, title, is_secret)
        if status not in (ItemStatus.PENDING,):
            self._contacts(item_id, proposers, units[0], assigned, replied_on, latest)
        lead_names = [self.unit_names[u] for u, role, _s in units if role is not UnitRole.CO]
        co_names = [self.unit_names[u] for u, role, _s in units if role is UnitRole.CO]
        self._add("item", {
            "id": item_id, "version": 1, "kind": kind.value, "session_id": session_id, "number": number,
            "title": title, "content": content, "category": category, "raised_at": raised_at.value,
            "is_key": is_key, "is_leader_handled": is_leader,
            "leader_name": f"{rng.choice(data.SURNAMES)}{rng.choice(data.GIVEN)}" if is_leader else "",
            "is_secret": is_secret, "status": status.value, "result": result.value if result else None,
            "assigned_on": assigned if status is not ItemStatus.PENDING or rng.random() < 0.8 else None,
            "lead_proposer_name": proposers[0][1], "lead_unit_names": "、".join(lead_names),
            "co_unit_names": "、".join(co_names), "created_at": self.now, "updated_at": self.now,
        })
        self._checklist(item_id, kind, units, is_leader, is_key, status, assigned, replied_on)
        parts = [number, title, *(name for _pid, name, _r in proposers), *lead_names, *co_names, content]
        self._add("search", {"id": item_id, "terms": " ".join(filter(None, map(self._terms, parts)))})
        self._add("history", {
            "item_id": item_id, "entity": "item", "entity_id": item_id, "field": "新建", "old_value": "",
            "new_value": f"{session_name} 第{number}号 {title}", "changed_by": DEMO_USER, "changed_at": self.now, "reason": "",
        })

    def _open_assigned(self, status: ItemStatus) -> date:
        """The 交办日期 of a newest-session item still open today: just handed over (待签收), a
        return asked for within its 7 working days (退回申请), or (办理中) so that its reply falls due
        ``OPEN_DUE_OFFSETS`` days from today."""
        if status is ItemStatus.PENDING:
            return self.today - timedelta(days=self.rng.randint(0, 6))
        if status is ItemStatus.RETURN_REQUESTED:
            return self.today - timedelta(days=self.rng.randint(12, 18))
        offset = OPEN_DUE_OFFSETS[self.open_items % len(OPEN_DUE_OFFSETS)]
        self.open_items += 1
        return add_months(self.today + timedelta(days=offset), -3)

    def _checklist(self, item_id, kind, units, is_leader, is_key, status, assigned, replied_on) -> None:
        """The item's checklist as registration makes it, ticked as far as its status implies,
        by our unit's handler (the lead unit's when ours has no part)."""
        checklists = self.checklists
        profile = checklists.profile(kind, [(u, role) for u, role, _s in units], is_leader, is_key)
        ours = next((u for u in units if u[0] == checklists.our_unit), units[0])
        done = self.ticks(checklists.entries(profile), status, ours[2] or assigned, replied_on,
                          self.handlers.get(ours[0]) or DEMO_USER)
        checklists.add(item_id, profile, done)

    def _terms(self, text: str) -> str:
        """search_terms of one field, memoised: titles, contents and names repeat a lot."""
        terms = self.term_cache.get(text)
        if terms is None:
            terms = self.term_cache[text] = search_terms(text)
        return terms

    def _item_proposers(self, item_id: int, kind: ItemKind) -> list[tuple[int, str, ProposerRole]]:
        rng = self.rng
        if kind is ItemKind.PROPOSAL and rng.random() < 0.25:
            chosen = [rng.choice(self.collectives)]
        else:
            pool = self.deputies if kind is ItemKind.SUGGESTION else self.members
            extra = rng.choice((0, 0, 1, 2, 3, 4)) if kind is ItemKind.SUGGESTION else rng.choice((0, 1, 2))
            chosen = rng.sample(pool, min(len(pool), 1 + extra))
        out = []
        for position, (pid, name) in enumerate(chosen):
            role = ProposerRole.LEAD if position == 0 else ProposerRole.COSIGNER
            out.append((pid, name, role))
            self._add("item_proposer", {"item_id": item_id, "proposer_id": pid, "role": role.value,
                                        "position": position})
        return out

    def _item_units(self, item_id, lead_unit, co_units, status, assigned, rng):
        """Assignment rows; returns [(unit id, role, signed on)], the lead first."""
        leads = [lead_unit]
        if rng.random() < 0.05:
            other = rng.choice([u[0] for u in data.UNITS if u[0] != lead_unit and u[0] not in co_units])
            leads.append(other)
        role = UnitRole.SPLIT if len(leads) > 1 else UnitRole.LEAD
        if len(co_units) > 4:
            cos = list(co_units)
        else:
            cos = rng.sample(co_units, rng.randint(min(1, len(co_units)), len(co_units)))
        chosen = [(u, role) for u in leads] + [(u, UnitRole.CO) for u in cos]
        out = []
        signed_any = status is not ItemStatus.PENDING
        self.handlers = {}
        for position, (unit_name, unit_role) in enumerate(chosen):
            unit_id, _short, head = self.unit_info[unit_name]
            signed = assigned + timedelta(days=rng.randint(1, 5)) if signed_any else None
            handler = f"{rng.choice(data.SURNAMES)}{rng.choice(data.GIVEN)}"
            row = {
                "item_id": item_id, "unit_id": unit_id, "role": unit_role.value, "position": position,
                "signed_on": signed, "leader": head if signed else "",
                "section": rng.choice(data.SECTIONS) if signed else "", "handler": handler if signed else "",
                "handler_phone": f"021-5969{rng.randrange(10000):04d}" if signed else "",
                "opinion_sent_on": None, "opinion_received_on": None, "opinion_text": "",
                "return_requested_on": None, "return_reason": "", "return_outcome": None,
                "return_decided_on": None, "extension_requested_on": None, "extension_reason": "",
                "extension_months": None, "extension_approved_on": None, "extension_approver": "",
            }
            sent = signed + timedelta(days=rng.randint(10, 28)) if unit_role is UnitRole.CO and signed else None
            if sent and status is ItemStatus.HANDLING:
                # Most co-units of an item in hand have sent their opinion once it was well due; our
                # own unit has one late opinion to chase (the dashboard's 会办意见 · 已超期).
                late = unit_name == data.OUR_UNIT and not self.our_late_opinion \
                    and add_months(signed, 1) < self.today
                self.our_late_opinion = self.our_late_opinion or late
                sent = sent if sent < self.today - timedelta(days=10) and rng.random() < 0.75 and not late else None
            elif status in (ItemStatus.RETURN_REQUESTED, ItemStatus.RETURNED):
                sent = None
            if sent:
                row["opinion_sent_on"] = sent
                row["opinion_received_on"] = min(sent + timedelta(days=1), self.today)
                row["opinion_text"] = "我单位原则同意主办单位的办理意见，并将在职责范围内积极配合推进。"
            if position == 0 and status in (ItemStatus.RETURN_REQUESTED, ItemStatus.RETURNED):
                row["return_requested_on"] = signed + timedelta(days=rng.randint(2, 6))
                row["return_reason"] = rng.choice(data.RETURN_REASONS)
                if status is ItemStatus.RETURNED:
                    row["return_outcome"] = ReturnOutcome.APPROVED.value
                    row["return_decided_on"] = row["return_requested_on"] + timedelta(days=5)
                else:
                    row["return_outcome"] = ReturnOutcome.PENDING.value
            if (position == 0 and status is ItemStatus.HANDLING and rng.random() < 0.1
                    and assigned + timedelta(days=83) <= self.today):
                row["extension_requested_on"] = assigned + timedelta(days=80)
                row["extension_reason"] = "涉及多个部门协调和资金安排，需延期办理。"
                row["extension_months"] = 2
                row["extension_approved_on"] = assigned + timedelta(days=83)
                row["extension_approver"] = "陈晓峰"
            self._add("assignment", row)
            self.handlers[unit_id] = row["handler"]
            out.append((unit_id, unit_role, signed))
        return out

    def _reply(self, item_id, kind, lead, proposers, status, result, replied_on, year, title, secret=False):
        rng = self.rng
        unit_id, _role, _signed = lead
        name = self.unit_names[unit_id]
        _uid, short, head = self.unit_info[name]
        seq = self.doc_numbers.get((unit_id, year), 0) + 1
        self.doc_numbers[(unit_id, year)] = seq
        disclosure = rng.choices(_DISCLOSURES, (7, 2, 1))[0]
        if secret:  # a 涉密 item is never published (domain.md §4)
            disclosure = Disclosure.NOT_PUBLIC
        lead_name = proposers[0][1]
        salutation = f"{lead_name}{'代表' if kind is ItemKind.SUGGESTION else '委员'}"
        body = (f"{salutation}：\n    您提出的《{title}》收悉。经认真研究，现答复如下：……\n"
                f"    办理结果：{result.label}。感谢您对我区工作的关心和支持。")
        rounds = [1, 2] if status is ItemStatus.CLOSED and rng.random() < 0.05 else [1]
        reply_ids = []
        for rnd in rounds:
            reply_id = self.ids["reply"]
            self.ids["reply"] += 1
            reply_ids.append(reply_id)
            on = replied_on if rnd == 1 else replied_on + timedelta(days=40)
            self._add("reply", {
                "id": reply_id, "item_id": item_id, "round": rnd, "unit_id": unit_id,
                "doc_number": f"{short}〔{year}〕{seq if rnd == 1 else seq + 500}号", "signer": head,
                "replied_on": on, "result": result.value, "disclosure": disclosure.value,
                "disclosure_reason": "涉密" if secret else (
                    rng.choice(data.NOT_PUBLIC_REASONS) if disclosure is Disclosure.NOT_PUBLIC else ""),
                "contact_person": f"{rng.choice(data.SURNAMES)}{rng.choice(data.GIVEN)}",
                "contact_phone": f"021-5969{rng.randrange(10000):04d}",
                "cc": "区人大常委会代表工作室，区政府办公室" if kind is ItemKind.SUGGESTION else "区政协提案委员会，区政府办公室",
                "body": body, "finalised": True,
                **self._publication(item_id, on, disclosure, secret),
            })
            if self.attachments_left > 0 and rnd == 1:
                self.attachments_left -= 1
                self._attachment(item_id, f"答复函（{year}-{seq}）.txt", body.encode("utf-8"))
        if status in (ItemStatus.FEEDBACK, ItemStatus.REHANDLING, ItemStatus.TRACKING, ItemStatus.CLOSED):
            dissatisfied = status is ItemStatus.REHANDLING or len(rounds) == 2
            self._add("feedback", {
                "item_id": item_id, "reply_id": reply_ids[0], "proposer_id": proposers[0][0],
                "attitude": rng.choice((Rating.SATISFIED, Rating.SATISFIED, Rating.FAIRLY_SATISFIED)).value,
                "outcome": Rating.DISSATISFIED.value if dissatisfied else rng.choice(
                    (Rating.SATISFIED, Rating.FAIRLY_SATISFIED)).value,
                "comment": "希望进一步加快推进。" if dissatisfied else "",
                "received_on": replied_on + timedelta(days=rng.randint(10, 25)),
                "channel": rng.choice(_CHANNELS).value, "form_reference": "",
                "entered_by": DEMO_USER,
            })
        if result.needs_commitment:
            done = status is ItemStatus.CLOSED
            for k in range(rng.randint(1, 2)):
                due = date(year, 12, 31) if k == 0 else date(year + 1, 6, 30)
                self._add("commitment", {
                    "item_id": item_id, "reply_id": reply_ids[0], "unit_id": unit_id,
                    "description": "完成相关设施建设改造" if k == 0 else "建立长效管理机制",
                    "due_on": due, "due_term": "年底前" if k == 0 else "",
                    "status": (CommitmentStatus.DONE if done else CommitmentStatus.OPEN).value,
                    "closed_on": min(due - timedelta(days=20), self.today - timedelta(days=2)) if done else None,
                    "evidence": "已完成，现场照片及验收记录存档。" if done else "",
                    "carried_reason": "", "carried_to_year": None,
                })

    def _publication(self, item_id: int, replied_on: date, disclosure: Disclosure, secret: bool) -> dict:
        """Most public replies were published on the portal 12 days later; one in five was not
        (the dashboard shows it overdue). No random draw: the rest of the demo stays as it was."""
        published = replied_on + timedelta(days=12)
        if secret or disclosure is not Disclosure.PUBLIC or published > self.today or item_id % 5 == 0:
            return {"published_on": None, "publication_channel": "", "publication_address": ""}
        return {"published_on": published, "publication_channel": PORTAL,
                "publication_address": f"https://www.cmx.gov.cn/jytabl/{item_id}.html"}

    def _contacts(self, item_id, proposers, lead, assigned, replied_on, latest) -> None:
        rng = self.rng
        unit_id, _role, signed = lead
        start = signed or assigned
        end = replied_on or min(start + timedelta(days=30), self.today)
        for _ in range(rng.choice((1, 1, 2))):
            if latest:
                way = _WAYS[self.way_counter % len(ContactWay)]
                self.way_counter += 1
            else:
                way = rng.choice(_WAYS)
            self._add("contact", {
                "item_id": item_id, "unit_id": unit_id,
                "contact_on": start + timedelta(days=rng.randint(1, max(1, (end - start).days - 1))),
                "way": way.value, "participants": f"{proposers[0][1]}、承办人",
                "summary": data.CONTACT_SUMMARIES[_WAYS.index(way)],
                "deputy_present": way in FACE_TO_FACE_WAYS,
            })

    def _attachment(self, item_id: int, name: str, blob: bytes) -> None:
        attachment_id = self.ids["attachment"]
        self.ids["attachment"] += 1
        self._add("attachment", {
            "id": attachment_id, "item_id": item_id, "file_name": name, "size": len(blob),
            "sha256": hashlib.sha256(blob).hexdigest(), "note": "演示附件", "added_at": self.now,
            "added_by": DEMO_USER,
        })
        self._add("attachment_content", {"attachment_id": attachment_id, "data": blob})

    # ---- bulk writing --------------------------------------------------------------------

    def _add(self, table: str, row: dict) -> None:
        self.rows.setdefault(table, []).append(row)

    def _flush(self) -> None:
        """Write the rows gathered so far (parents first), report progress, honour cancel."""
        for key, table in _TABLES:
            rows = self.rows.pop(key, None)
            if rows:
                _insert_many(self.conn, table.__table__, rows)
        search.index_many(self.s, self.rows.pop("search", []))
        self.checklists.write(self.s)
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise _Cancelled()


_TABLES = (("item", Item), ("item_proposer", ItemProposer), ("assignment", Assignment),
           ("reply", Reply), ("contact", Contact), ("feedback", Feedback),
           ("commitment", Commitment), ("attachment", Attachment),
           ("attachment_content", AttachmentContent), ("history", History))


@lru_cache(maxsize=1 << 16)  # dates and stamps repeat a lot (created_at, signed_on …)
def _sql_date(value):
    return None if value is None else value.isoformat()


@lru_cache(maxsize=1 << 16)
def _sql_datetime(value):
    # The format SQLAlchemy's SQLite DateTime type writes and parses.
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _insert_many(conn, table, rows: list[dict]) -> None:
    """One executemany through the driver: SQLAlchemy's per-row parameter processing costs more
    than the insert itself at 100,000 items, so dates and datetimes are formatted here exactly
    as SQLAlchemy's SQLite types store them."""
    names = [c.name for c in table.columns if c.name in rows[0]]
    converters = []
    for c in table.columns:
        if c.name in rows[0]:
            if isinstance(c.type, DateTime):
                converters.append((c.name, _sql_datetime))
            elif isinstance(c.type, Date):
                converters.append((c.name, _sql_date))
    for row in rows:
        for name, convert in converters:
            row[name] = convert(row[name])
    values = itemgetter(*names)
    params = list(map(values, rows)) if len(names) > 1 else [(values(row),) for row in rows]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    execute_driver_sql(conn, sql, params)
