"""年年提: the items most like a text or an item, links between items on the same problem, and the
report of problems raised year after year (services layer).

Ranking: the telling terms of the text (``domain.similarity.query_terms``: weight × idf, the idf
counted over a spread sample of items and kept by the service; a term in most items is never
asked for) are looked up, ORed, in the bigram full-text index ``item_search``, whose ``bm25()``
picks the candidates; each candidate's title and content are then compared with
the text (``Vector.cosine``) so that the score means the same for every query (0–1) and one
threshold serves the report. The report reads every item once and groups them in memory
(``domain.similarity.recurring_groups``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as OrmSession

from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import (
    CommitmentStatus,
    ItemKind,
    LinkKind,
    ResultCategory,
    ReviewCategory,
    ReviewOutcome,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.recurring import RecurringGroup, RecurringMember, RecurringReport, SimilarItem
from desktop_app.domain.search import match_query
from desktop_app.domain.similarity import (
    GroupInput,
    TermWeights,
    Vector,
    item_terms,
    query_terms,
    recurring_groups,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import ChangeKind, Changes
from desktop_app.services.fields import member_or_none
from desktop_app.services.lookup import get_or_raise
from desktop_app.services.search import prepare_search
from desktop_app.storage.search_index import pg_query, statements
from desktop_app.storage.tables import (
    Commitment,
    History,
    Item,
    ItemLink,
    Reply,
    ReviewEntry,
    Session,
)

#: Candidates the full-text search hands to the comparison (more than any list shows).
CANDIDATES = 60
#: The content read for comparison: the opening states the problem; long texts go on with
#: suggestions, and reading them all would make the report's time grow with their length.
CONTENT_CHARS = 400
#: A suggestion shown in the 相似件 panel or the import preview needs at least this similarity.
SHOW_THRESHOLD = 0.08
#: The import preview names a row's best earlier match from this similarity (a title alone
#: sharing one word scores about 0.1).
MATCH_THRESHOLD = 0.12
#: Items whose terms weigh the ranking (a sample of a large database).
SAMPLE = 3000
#: A term in more than this share of items is boilerplate: never a search term.
BOILERPLATE_SHARE = 0.3
BOILERPLATE_FROM = 200
#: From this many items, reading whole tables beats asking for them in chunks.
BULK_FROM = 5000


_KINDS = {m.value: m for m in ItemKind}
_RESULTS = {m.value: m for m in ResultCategory}
_STATES = {m.value: m.label for m in CommitmentStatus}


@dataclass(frozen=True)
class Draft:
    """A text not yet saved (an item at intake, an import row)."""

    title: str
    content: str = ""


class SimilarityService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx
        self._weights: TermWeights | None = None  # counted over a sample; see _term_weights

    def _term_weights(self, s: OrmSession) -> TermWeights:
        """Inverse document frequencies from a spread sample of at most ``SAMPLE`` items (every
        item of a smaller database), counted again when the number of items has moved by more
        than a twentieth: counting the index's own vocabulary means reading every posting of
        every common term, seconds at 100,000 items, and a term's weight barely moves with a
        few new items."""
        total = s.scalar(select(func.count()).select_from(Item)) or 0
        cached = self._weights
        if cached is not None and abs(cached.total - total) <= max(5, total // 20):
            return cached
        ids = list(s.scalars(select(Item.id).order_by(Item.id)))
        step = max(1, len(ids) // SAMPLE)
        sample = ids[::step]
        texts = []
        for chunk in _chunks(sample):
            texts.extend(item_terms(title, content or "") for title, content in s.connection().execute(
                select(Item.title, func.substr(Item.content, 1, CONTENT_CHARS)).where(Item.id.in_(chunk))))
        weights = TermWeights.count(texts, total=len(ids))
        self._weights = weights
        return weights

    # ---- ranking ----------------------------------------------------------------------------

    def similar_to_text(self, title: str, content: str = "", limit: int = 10,
                        before_year: int | None = None, exclude_item_id: int | None = None,
                        threshold: float = SHOW_THRESHOLD) -> list[SimilarItem]:
        """Items most like ``title`` and ``content``, best first (at most ``limit``, each at least
        ``threshold``); ``before_year``: only items of earlier years."""
        with self.ctx.db.read() as s:
            scored = _rank(s, item_terms(title, (content or "")[:CONTENT_CHARS]), self._term_weights(s),
                           before_year, exclude_item_id)
            scored = [(i, score) for i, score in scored if score >= threshold][:limit]
            return _similar_items(s, scored, {})

    def similar_to_item(self, item_id: int, limit: int = 10) -> list[SimilarItem]:
        """Items most like a saved item (every session, both kinds): linked items first, then
        the best matches; a dismissed suggestion is not shown again."""
        with self.ctx.db.read() as s:
            item = get_or_raise(s, Item, item_id, "该件已被删除，请刷新列表。")
            judged = _judgements(s, item_id)
            scored = _rank(s, item_terms(item.title, (item.content or "")[:CONTENT_CHARS]), self._term_weights(s),
                           None, item_id)
            scored = [(i, sc) for i, sc in scored if sc >= SHOW_THRESHOLD and judged.get(i) is not LinkKind.DISMISSED]
            linked = [i for i, kind in judged.items() if kind is LinkKind.SAME]
            shown = dict(scored)
            order = sorted(linked, key=lambda i: -shown.get(i, 0.0)) + [i for i, _ in scored if i not in linked]
            order = order[:max(limit, len(linked))]
            return _similar_items(s, [(i, shown.get(i, 0.0)) for i in order], judged)

    def best_matches(self, drafts: list[Draft | tuple[str, str]], before_year: int | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> list[SimilarItem | None]:
        """The best earlier match of each draft (the Excel import preview; a draft or a (title,
        content) pair), None where nothing is similar enough."""
        found: list[SimilarItem | None] = []
        with self.ctx.db.read() as s:
            weights = self._term_weights(s)
            for draft in drafts:
                if cancelled():
                    break
                if isinstance(draft, tuple):
                    draft = Draft(*draft)
                scored = _rank(s, item_terms(draft.title, (draft.content or "")[:CONTENT_CHARS]), weights,
                               before_year, None)
                best = [(i, sc) for i, sc in scored[:1] if sc >= MATCH_THRESHOLD]
                found.append(_similar_items(s, best, {})[0] if best else None)
        return found

    # ---- links ------------------------------------------------------------------------------

    def link(self, item_id: int, other_id: int, kind: LinkKind = LinkKind.SAME) -> Changes:
        """Record the user's judgement on two items (同一问题 or 不是同一问题), replacing an earlier
        one, with a line in both items' history."""
        if item_id == other_id:
            raise ValidationError("不能把一件与它自己关联。")
        user, now = self.ctx.user_name(), self.ctx.now()
        low, high = sorted((item_id, other_id))
        with self.ctx.db.write() as s:
            items = {i: get_or_raise(s, Item, i, "要关联的件已被删除，请刷新。") for i in (low, high)}
            row = s.scalar(select(ItemLink).where(ItemLink.item_id == low, ItemLink.other_item_id == high))
            old = member_or_none(LinkKind, row.kind) if row else None
            if old is kind:
                return Changes()
            if row is None:
                s.add(ItemLink(item_id=low, other_item_id=high, kind=kind.value, created_by=user, created_at=now))
            else:
                row.kind, row.created_by, row.created_at = kind.value, user, now
            _history(s, items, old, kind, user, now)
        return Changes.of(ChangeKind.ITEM, item_ids=[low, high])

    def unlink(self, item_id: int, other_id: int) -> Changes:
        """Forget the judgement on two items (they may be suggested again)."""
        user, now = self.ctx.user_name(), self.ctx.now()
        low, high = sorted((item_id, other_id))
        with self.ctx.db.write() as s:
            row = s.scalar(select(ItemLink).where(ItemLink.item_id == low, ItemLink.other_item_id == high))
            if row is None:
                return Changes()
            items = {i: get_or_raise(s, Item, i, "要关联的件已被删除，请刷新。") for i in (low, high)}
            _history(s, items, member_or_none(LinkKind, row.kind), None, user, now)
            s.delete(row)
        return Changes.of(ChangeKind.ITEM, item_ids=[low, high])

    # ---- the 年年提 report -----------------------------------------------------------------------

    def recurring_report(self, cancelled: Callable[[], bool] = lambda: False,
                         progress: Callable[[int, int], None] | None = None) -> RecurringReport:
        """Groups of items on the same problem spanning two or more years, most years first."""
        with self.ctx.db.read() as s:
            rows = s.connection().execute(
                select(Item.id, Session.year, Item.title, func.substr(Item.content, 1, CONTENT_CHARS))
                .join(Session, Session.id == Item.session_id).order_by(Session.year, Item.id)).all()
            if progress:
                progress(1, 4)
            seen: dict[str, list[str]] = {}
            same_text: dict[tuple[str, str], dict[str, float]] = {}  # one terms object per distinct text
            inputs = []
            for i, year, title, content in rows:
                key = (title, content or "")
                terms = same_text.get(key)
                if terms is None:
                    terms = same_text[key] = item_terms(title, content or "", seen)
                inputs.append(GroupInput(i, year, terms))
            del seen, same_text
            links = s.execute(select(ItemLink.item_id, ItemLink.other_item_id, ItemLink.kind)).all()
            same = [(a, b) for a, b, k in links if k == LinkKind.SAME.value]
            dismissed = [(a, b) for a, b, k in links if k == LinkKind.DISMISSED.value]
            if progress:
                progress(2, 4)
            groups = recurring_groups(inputs, same, dismissed, cancelled=cancelled)
            if progress:
                progress(3, 4)
            member_ids = [i for g in groups for i in g]
            details = {d.item_id: d for d in _similar_items(s, [(i, 0.0) for i in member_ids], {})}
            commitments = _all_commitments(s, member_ids)
            replied = _reply_dates(s, member_ids)
            linked_ids = {i for pair in same for i in pair}
            result = [RecurringGroup(tuple(
                RecurringMember(details[i], replied.get(i), tuple(commitments.get(i, ())), i in linked_ids)
                for i in g)) for g in groups]
            if progress:
                progress(4, 4)
        return RecurringReport(tuple(result), len(rows), self.ctx.today())


# ---- helpers ------------------------------------------------------------------------------------

def _rank(s: OrmSession, terms: dict[str, float], weights: TermWeights, before_year: int | None,
          exclude_item_id: int | None) -> list[tuple[int, float]]:
    """(item id, similarity) of the candidates bm25 finds for ``terms``, best first."""
    # A share means something only over many items (of two, every word is in half of them).
    useful = {t: w for t, w in terms.items()
              if weights.documents < BOILERPLATE_FROM or weights.share(t) <= BOILERPLATE_SHARE}
    wanted = query_terms(useful, weights.idf)
    if not wanted:
        return []
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":  # the server ranks with its own ts_rank (storage/search_index.py)
        match = " | ".join(f"({q})" for q in map(pg_query, wanted) if q)
    else:
        match = " OR ".join(f"({match_query(t)})" for t in wanted)
    prepare_search(s)
    ids = list(s.scalars(statements(dialect)["rank"], {"q": match, "limit": 4 * CANDIDATES}))
    if exclude_item_id in ids:
        ids.remove(exclude_item_id)
    if not ids:
        return []
    rows = s.execute(select(Item.id, Session.year, Item.title, func.substr(Item.content, 1, CONTENT_CHARS))
                     .join(Session, Session.id == Item.session_id).where(Item.id.in_(ids))).all()
    order = {i: n for n, i in enumerate(ids)}
    rows = sorted((r for r in rows if before_year is None or r[1] < before_year), key=lambda r: order[r[0]])
    mine = Vector.of(terms, weights.idf)
    scored = [(i, mine.cosine(Vector.of(item_terms(title, content or ""), weights.idf)))
              for i, _year, title, content in rows[:CANDIDATES]]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))


def _judgements(s: OrmSession, item_id: int) -> dict[int, LinkKind]:
    rows = s.execute(select(ItemLink.item_id, ItemLink.other_item_id, ItemLink.kind)
                     .where(or_(ItemLink.item_id == item_id, ItemLink.other_item_id == item_id))).all()
    result = {}
    for a, b, kind in rows:
        member = member_or_none(LinkKind, kind)
        if member is not None:
            result[b if a == item_id else a] = member
    return result


def _similar_items(s: OrmSession, scored: list[tuple[int, float]], judged: dict[int, LinkKind]) -> list[SimilarItem]:
    ids = [i for i, _ in scored]
    if not ids:
        return []
    facts = {}
    open_commitments: dict[int, list[str]] = defaultdict(list)
    solved: dict[int, bool] = {}
    for chunk in _id_filters(ids):
        for row in s.connection().execute(select(Item.id, Session.name, Session.year, Item.number, Item.title, Item.kind,
                                    Item.lead_unit_names, Item.result, Item.is_secret)
                             .join(Session, Session.id == Item.session_id).where(*_among(Item.id, chunk))):
            facts[row[0]] = row
        for item_id, description, due_on, due_term in s.connection().execute(
                select(Commitment.item_id, Commitment.description, Commitment.due_on, Commitment.due_term)
                .where(*_among(Commitment.item_id, chunk), Commitment.status != CommitmentStatus.DONE.value)
                .order_by(Commitment.due_on, Commitment.id)):
            open_commitments[item_id].append(_commitment_text(description, due_on, due_term))
        for item_id, outcome in s.connection().execute(
                select(ReviewEntry.item_id, ReviewEntry.outcome)
                .where(*_among(ReviewEntry.item_id, chunk), ReviewEntry.category == ReviewCategory.SOLVED.value,
                       ReviewEntry.outcome.in_([ReviewOutcome.CONFIRMED.value, ReviewOutcome.NOT_SOLVED.value]))
                .order_by(ReviewEntry.campaign_id)):
            solved[item_id] = outcome == ReviewOutcome.CONFIRMED.value  # the latest campaign wins
    result = []
    for item_id, score in scored:
        row = facts.get(item_id)
        if row is None:
            continue
        _id, session_name, year, number, title, kind, units, res, secret = row
        result.append(SimilarItem(
            item_id=item_id, session_name=session_name, year=year, number=number, title=title,
            kind=_KINDS.get(kind, ItemKind.SUGGESTION), lead_units=units or "",
            result=_RESULTS.get(res), open_commitments=tuple(open_commitments.get(item_id, ())),
            review_solved=solved.get(item_id), score=score, link=judged.get(item_id), is_secret=bool(secret)))
    return result


def _commitment_text(description: str, due_on: date | None, due_term: str) -> str:
    due = format_day(due_on) if due_on else (due_term or "")
    return f"{description}（{due}）" if due else description


def _all_commitments(s: OrmSession, ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = defaultdict(list)
    for chunk in _id_filters(ids):
        for item_id, description, due_on, due_term, status in s.connection().execute(
                select(Commitment.item_id, Commitment.description, Commitment.due_on, Commitment.due_term,
                       Commitment.status).where(*_among(Commitment.item_id, chunk))
                .order_by(Commitment.due_on, Commitment.id)):
            state = _STATES.get(status, status)
            result[item_id].append(f"{_commitment_text(description, due_on, due_term)}［{state}］")
    return result


def _reply_dates(s: OrmSession, ids: list[int]) -> dict[int, date]:
    result: dict[int, date] = {}
    for chunk in _id_filters(ids):
        for item_id, replied_on in s.connection().execute(
                select(Reply.item_id, func.max(Reply.replied_on))
                .where(*_among(Reply.item_id, chunk), Reply.finalised.is_(True)).group_by(Reply.item_id)):
            if replied_on is not None:
                result[item_id] = replied_on
    return result


def _history(s: OrmSession, items: dict[int, Item], old: LinkKind | None, new: LinkKind | None,
             user: str, now: datetime) -> None:
    for item_id, item in items.items():
        other = next(o for i, o in items.items() if i != item_id)
        name = s.scalar(select(Session.name).where(Session.id == other.session_id)) or ""
        what = f"{name} 第{other.number}号 {other.title}"
        s.add(History(item_id=item_id, entity="item_link", entity_id=other.id, field="相似件",
                      old_value=f"{old.label}：{what}" if old else "",
                      new_value=f"{new.label}：{what}" if new else "", changed_by=user, changed_at=now))


def _id_filters(ids: list[int]):
    """Chunks of ``ids`` to read with IN, or one None (read the whole table, keep what is asked)
    when they are many: the report may hold most of 100,000 items."""
    if len(ids) > BULK_FROM:
        yield None
    else:
        yield from _chunks(ids)


def _among(column, chunk: list[int] | None) -> tuple:
    return () if chunk is None else (column.in_(chunk),)


def _chunks(ids: Iterable[int], size: int = 500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
