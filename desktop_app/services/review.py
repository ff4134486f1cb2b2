"""回头看 campaigns (services layer): build a year's list from the items, replies, feedback and
commitments (rules in ``domain.review``), record each review with history, progress, the entries
to tell the deputy about, and the report (PDF by ``documents.review_report``, Excel by
``exchange.review_sheet``).

Rebuilding a campaign adds what has newly become a candidate and drops only entries nobody has
reviewed yet that no longer qualify: a review once written is never lost.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, or_, select

from desktop_app.domain.enums import (
    CampaignState,
    CommitmentStatus,
    ItemKind,
    Rating,
    ResultCategory,
    ReviewCategory,
    ReviewOutcome,
)
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.review import (
    CommitmentFact,
    ItemFact,
    Progress,
    ReviewEntryRow,
    ReviewReport,
    build_report,
    campaign_title,
    candidates,
    progress,
    review_problems,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import Changes
from desktop_app.services.fields import member_or_none
from desktop_app.services.lookup import check_and_bump, get_or_raise
from desktop_app.storage.tables import (
    Commitment,
    Feedback,
    History,
    Item,
    ReviewCampaign,
    ReviewEntry,
    Session,
)

KIND = "review"  # the Changes kind of every write here


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    year: int
    title: str
    state: CampaignState
    created_at: datetime
    created_by: str
    total: int = 0
    reviewed: int = 0


@dataclass(frozen=True)
class BuildResult:
    changes: Changes
    campaign_id: int
    added: int
    removed: int
    total: int

    def message(self) -> str:
        text = f"回头看清单共 {self.total} 条，新增 {self.added} 条"
        return text + (f"，移除 {self.removed} 条已不符合条件且尚未回头看的" if self.removed else "") + "。"


@dataclass(frozen=True)
class ReviewInput:
    """A review as the user wrote it; ``reviewer`` "" means the current user."""

    outcome: ReviewOutcome | None
    note: str
    reviewed_on: date | None
    reviewer: str = ""
    tell_deputy: bool = False
    told_on: date | None = None


class ReviewService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- campaigns ------------------------------------------------------------------------

    def campaigns(self) -> list[CampaignInfo]:
        with self.ctx.db.read() as s:
            done = case((ReviewEntry.outcome.is_not(None) & ReviewEntry.reviewed_on.is_not(None), 1), else_=0)
            counts = {cid: (total, reviewed or 0) for cid, total, reviewed in s.execute(
                select(ReviewEntry.campaign_id, func.count(), func.sum(done)).group_by(ReviewEntry.campaign_id))}
            rows = s.scalars(select(ReviewCampaign).order_by(ReviewCampaign.year.desc()))
            return [_campaign_info(r, *counts.get(r.id, (0, 0))) for r in rows]

    def campaign(self, campaign_id: int) -> CampaignInfo:
        found = [c for c in self.campaigns() if c.id == campaign_id]
        if not found:
            raise NotFoundError("该回头看已被删除，请重新选择。")
        return found[0]

    def session_years(self) -> list[int]:
        """Years that have sessions, newest first (what a campaign can be made for)."""
        with self.ctx.db.read() as s:
            return list(s.scalars(select(Session.year).distinct().order_by(Session.year.desc())))

    def create_campaign(self, year: int, title: str = "") -> BuildResult:
        """A campaign for ``year``, built at once."""
        if not 1990 <= year <= 2100:
            raise ValidationError(f"年度 {year} 不对，请填写四位年份，例如 2024。")
        with self.ctx.db.write() as s:
            if s.scalar(select(ReviewCampaign.id).where(ReviewCampaign.year == year)) is not None:
                raise ValidationError(f"{year} 年的回头看已经建立，请在列表中选择它（需要时点“更新清单”）。")
            row = ReviewCampaign(year=year, title=(title or "").strip() or campaign_title(year),
                                 state=CampaignState.OPEN.value, created_at=self.ctx.now(),
                                 created_by=self.ctx.user_name())
            s.add(row)
            s.flush()
            return self._build(s, row)

    def rebuild(self, campaign_id: int) -> BuildResult:
        """Bring the list up to date: add new candidates, refresh reasons, keep every review."""
        with self.ctx.db.write() as s:
            row = _campaign(s, campaign_id)
            _check_open(row)
            return self._build(s, row)

    def set_state(self, campaign_id: int, state: CampaignState) -> Changes:
        with self.ctx.db.write() as s:
            row = _campaign(s, campaign_id)
            row.state = state.value
        return Changes.of(KIND)

    def _build(self, s, campaign: ReviewCampaign) -> BuildResult:
        wanted = candidates(_facts(s, campaign.year), campaign.year, self.ctx.today())
        existing = {e.key: e for e in s.scalars(select(ReviewEntry).where(ReviewEntry.campaign_id == campaign.id))}
        now = self.ctx.now()
        added = removed = 0
        touched: set[int] = set()
        for c in wanted:
            entry = existing.pop(c.key, None)
            if entry is None:
                s.add(ReviewEntry(campaign_id=campaign.id, item_id=c.item_id, commitment_id=c.commitment_id,
                                  key=c.key, category=c.category.value, subject=c.subject, reason=c.reason,
                                  added_at=now, note="", reviewer="", tell_deputy=False))
                added += 1
                touched.add(c.item_id)
            else:
                entry.reason, entry.subject = c.reason, c.subject or entry.subject
        for entry in existing.values():
            if entry.outcome is None and entry.reviewed_on is None and not entry.note:
                s.delete(entry)
                removed += 1
                touched.add(entry.item_id)
        s.flush()
        total = s.scalar(select(func.count()).select_from(ReviewEntry).where(ReviewEntry.campaign_id == campaign.id))
        return BuildResult(Changes.of(KIND, item_ids=touched), campaign.id, added, removed, total)

    # ---- entries --------------------------------------------------------------------------

    def entries(self, campaign_id: int) -> list[ReviewEntryRow]:
        with self.ctx.db.read() as s:
            _campaign(s, campaign_id)
            return _entry_rows(s, ReviewEntry.campaign_id == campaign_id)

    def entry(self, entry_id: int) -> ReviewEntryRow:
        with self.ctx.db.read() as s:
            rows = _entry_rows(s, ReviewEntry.id == entry_id)
        if not rows:
            raise NotFoundError("该回头看条目已不存在（清单可能已更新），请刷新。")
        return rows[0]

    def item_entries(self, item_id: int) -> list[ReviewEntryRow]:
        """Every campaign's entries on one item (the case editor may show them)."""
        with self.ctx.db.read() as s:
            return _entry_rows(s, ReviewEntry.item_id == item_id)

    def record_review(self, entry_id: int, review: ReviewInput, version: int | None = None) -> Changes:
        """Keep one entry's review (note, outcome, date, reviewer, the deputy flag) in one
        transaction, with a line in the item's history; ``version``: the entry's as read."""
        problems = review_problems(review.outcome, review.note, review.reviewed_on, self.ctx.today(), review.told_on)
        if problems:
            raise ValidationError(problems)
        user, now = self.ctx.user_name(), self.ctx.now()
        with self.ctx.db.write() as s:
            entry = get_or_raise(s, ReviewEntry, entry_id, "该回头看条目已不存在（清单可能已更新），请刷新。")
            campaign = _campaign(s, entry.campaign_id)
            _check_open(campaign)
            check_and_bump(entry, version, "回头看条目")
            old = _summary(entry.outcome, entry.note)
            entry.outcome, entry.note = review.outcome.value, review.note.strip()
            entry.reviewed_on, entry.reviewer = review.reviewed_on, (review.reviewer or "").strip() or user
            entry.tell_deputy = bool(review.tell_deputy)
            entry.told_on = review.told_on if review.tell_deputy else None
            new = _summary(entry.outcome, entry.note)
            if entry.tell_deputy:
                new += "（已告知代表）" if entry.told_on else "（需告知代表）"
            s.add(History(item_id=entry.item_id, entity="review", entity_id=entry.id,
                          field=f"回头看（{campaign.year}年·{ReviewCategory(entry.category).label}）",
                          old_value=old, new_value=new, changed_by=user, changed_at=now))
            return Changes.of(KIND, item_ids=[entry.item_id])

    def progress(self, campaign_id: int) -> Progress:
        return progress(self.entries(campaign_id))

    def flagged(self, campaign_id: int) -> list[ReviewEntryRow]:
        """Entries whose situation changed, for telling the deputy; not yet told first."""
        rows = [e for e in self.entries(campaign_id) if e.tell_deputy]
        return sorted(rows, key=lambda e: e.told_on is not None)

    # ---- the report -----------------------------------------------------------------------

    def report(self, campaign_id: int, as_of: date | None = None) -> ReviewReport:
        info = self.campaign(campaign_id)
        return build_report(info.year, info.title, self.entries(campaign_id), as_of or self.ctx.today())

    def campaign_for_year(self, year: int) -> CampaignInfo | None:
        return next((c for c in self.campaigns() if c.year == year), None)


# ---- helpers ----------------------------------------------------------------------------------

def _campaign(s, campaign_id: int) -> ReviewCampaign:
    return get_or_raise(s, ReviewCampaign, campaign_id, "该回头看已被删除，请重新选择。")


def _check_open(row: ReviewCampaign) -> None:
    if row.state == CampaignState.CLOSED.value:
        raise ValidationError(f"{row.year} 年的回头看已标为完成。如需修改，请先点“重新打开”。")


def _campaign_info(r: ReviewCampaign, total: int, reviewed: int) -> CampaignInfo:
    return CampaignInfo(r.id, r.year, r.title, member_or_none(CampaignState, r.state) or CampaignState.OPEN,
                        r.created_at, r.created_by, total, reviewed)


def _facts(s, year: int) -> list[ItemFact]:
    """The year's items, and earlier items that still have a commitment not done."""
    open_items = select(Commitment.item_id).where(Commitment.status != CommitmentStatus.DONE.value)
    rows = s.execute(
        select(Item.id, Session.year, Item.result)
        .join(Session, Session.id == Item.session_id)
        .where(or_(Session.year == year, (Session.year < year) & Item.id.in_(open_items)))
        .order_by(Session.year, Session.id, Item.number, Item.id)
    ).all()
    ids = [r[0] for r in rows]
    commitments: dict[int, list[CommitmentFact]] = defaultdict(list)
    dissatisfied: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(ids):
        for c in s.scalars(select(Commitment).where(Commitment.item_id.in_(chunk))
                           .order_by(Commitment.due_on, Commitment.id)):
            commitments[c.item_id].append(CommitmentFact(
                c.id, c.description, member_or_none(CommitmentStatus, c.status) or CommitmentStatus.OPEN,
                c.due_on, c.due_term, c.carried_to_year))
        for item_id, attitude, outcome in s.execute(
            select(Feedback.item_id, Feedback.attitude, Feedback.outcome).where(Feedback.item_id.in_(chunk))
        ):
            if attitude == Rating.DISSATISFIED.value:
                dissatisfied[item_id].add("办理态度")
            if outcome == Rating.DISSATISFIED.value:
                dissatisfied[item_id].add("办理结果")
    return [ItemFact(item_id, item_year, member_or_none(ResultCategory, result),
                     tuple(sorted(dissatisfied.get(item_id, ()), key=("办理态度", "办理结果").index)),
                     tuple(commitments.get(item_id, ())))
            for item_id, item_year, result in rows]


def _entry_rows(s, condition) -> list[ReviewEntryRow]:
    rows = s.execute(
        select(ReviewEntry, Session.name, Item.number, Item.title, Item.kind, Item.lead_unit_names,
               Item.is_secret, Item.lead_proposer_name)
        .join(Item, Item.id == ReviewEntry.item_id)
        .join(Session, Session.id == Item.session_id)
        .where(condition)
        .order_by(ReviewEntry.campaign_id, ReviewEntry.category, Session.year, Session.id, Item.number,
                  ReviewEntry.id)
    ).all()
    order = {c.value: i for i, c in enumerate(ReviewCategory)}
    result = [
        ReviewEntryRow(
            id=e.id, campaign_id=e.campaign_id, item_id=e.item_id, category=ReviewCategory(e.category),
            session_name=session_name, number=number, title=title,
            kind=member_or_none(ItemKind, kind) or ItemKind.SUGGESTION, lead_units=lead_units or "",
            reason=e.reason, commitment_id=e.commitment_id, subject=e.subject, note=e.note,
            outcome=member_or_none(ReviewOutcome, e.outcome), reviewed_on=e.reviewed_on, reviewer=e.reviewer,
            tell_deputy=bool(e.tell_deputy), told_on=e.told_on, is_secret=bool(secret),
            lead_proposer=proposer or "", version=e.version or 1,
        )
        for e, session_name, number, title, kind, lead_units, secret, proposer in rows
    ]
    # Categories in the order of the enum (the order the report reads), not alphabetically by code.
    return sorted(result, key=lambda r: order[r.category.value])


def _summary(outcome: str | None, note: str) -> str:
    if outcome is None:
        return ""
    label = member_or_none(ReviewOutcome, outcome)
    return f"{label.label if label else outcome}：{note}"




def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
