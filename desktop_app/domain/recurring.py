"""What the 年年提 features show (domain layer, pure Python): an item similar to another with what
became of it, and the report's groups of items on one problem across years. Built by
``services.similarity``; read by the windows, the Excel sheet and the 回头看 report's annex."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.enums import ItemKind, LinkKind, ResultCategory


@dataclass(frozen=True)
class SimilarItem:
    """An earlier (or other) item like the one asked about, with what became of it."""

    item_id: int
    session_name: str
    year: int
    number: str
    title: str
    kind: ItemKind
    lead_units: str
    result: ResultCategory | None
    open_commitments: tuple[str, ...]  # "description（due）" of each commitment not yet kept
    review_solved: bool | None  # 回头看: True 确已解决, False 未真正解决, None not reviewed
    score: float  # 0–1 (1: the same words)
    link: LinkKind | None = None  # the user's judgement on this pair, if any
    is_secret: bool = False

    @property
    def result_label(self) -> str:
        return self.result.label if self.result else "未答复"

    @property
    def review_label(self) -> str:
        return {True: "确已解决", False: "未真正解决", None: "未复核"}[self.review_solved]

    def to_json(self) -> dict:
        return {"item_id": self.item_id, "session": self.session_name, "year": self.year,
                "number": self.number, "title": self.title, "kind": self.kind.label,
                "lead_units": self.lead_units, "result": self.result_label,
                "open_commitments": list(self.open_commitments), "review": self.review_label,
                "score": round(self.score, 3), "link": self.link.label if self.link else ""}


@dataclass(frozen=True)
class RecurringMember:
    """One item of a 年年提 group: how it was answered and what was promised."""

    item: SimilarItem
    replied_on: date | None
    commitments: tuple[str, ...]  # every commitment of the item with its state
    linked: bool  # joined to the group by a user's link rather than by similarity alone

    @property
    def item_id(self) -> int:  # the export registry drops a member that is a 涉密 item's
        return self.item.item_id


@dataclass(frozen=True)
class RecurringGroup:
    members: tuple[RecurringMember, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({m.item.year for m in self.members}))

    @property
    def title(self) -> str:
        """The newest item's title names the problem as it stands."""
        return self.members[-1].item.title

    @property
    def has_secret(self) -> bool:
        return any(m.item.is_secret for m in self.members)


@dataclass(frozen=True)
class RecurringReport:
    groups: tuple[RecurringGroup, ...]
    items: int  # items looked at
    as_of: date
    definition: str = field(default=(
        "年年提：不同年度提出的同一问题。两件的标题和内容（前 400 字）按二字词比较，相似度达到 0.16 的"
        "与其最相似的往年件归为一组，用户标为“同一问题”的两件也归为一组，标为“不是同一问题”的不归组；"
        "只列跨两个及以上年度的组，按年度数排序。"))

    def printable(self, year: int | None = None) -> "RecurringReport":
        """The report as it may leave the app: no 涉密 item, only groups still spanning two years;
        with ``year``, only the problems raised (again) that year (the 回头看 annex)."""
        groups = []
        for group in self.groups:
            kept = tuple(m for m in group.members if not m.item.is_secret)
            shown = RecurringGroup(kept)
            if len(shown.years) >= 2 and (year is None or year in shown.years):
                groups.append(shown)
        return RecurringReport(tuple(groups), self.items, self.as_of, self.definition)
