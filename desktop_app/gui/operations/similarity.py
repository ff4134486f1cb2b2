"""Operations of 年年提 (gui layer): one service call each, see ``operations``."""

from __future__ import annotations

from desktop_app.domain.enums import LinkKind
from desktop_app.domain.errors import DomainError
from desktop_app.gui.operations import Op

#: What the 相似件 panel explains itself (an item deleted meanwhile, linking an item to itself).
REFUSALS = (DomainError,)


def similar_to_item(services, item_id: int, limit: int = 10) -> Op:
    """``list[SimilarItem]``: linked items first, then the best matches (dismissed ones left out)."""
    service = services.similarity
    return Op("查找相似件", lambda: service.similar_to_item(item_id, limit), read=True, refusals=REFUSALS)


def similar_to_text(services, title: str, content: str, limit: int = 10) -> Op:
    """``list[SimilarItem]`` for an item not yet saved (at intake)."""
    service = services.similarity
    return Op("查找相似件", lambda: service.similar_to_text(title, content, limit), read=True)


def link(services, item_id: int, other_id: int, kind: LinkKind) -> Op:
    """Mark two items 同一问题 or 不是同一问题 (remembered, in both items' history)."""
    service = services.similarity
    title = "标为同一问题" if kind is LinkKind.SAME else "标为不是同一问题"
    return Op(title, lambda: service.link(item_id, other_id, kind), refusals=REFUSALS)


def unlink(services, item_id: int, other_id: int) -> Op:
    service = services.similarity
    return Op("取消关联", lambda: service.unlink(item_id, other_id), refusals=REFUSALS)


def recurring_report(services) -> Op:
    """``RecurringReport``: the 年年提 groups (reads every item: progress and cancel)."""
    service = services.similarity

    def call(progress, cancelled):
        return service.recurring_report(cancelled=cancelled, progress=progress)

    return Op("年年提", call, read=True, reports_progress=True)


def best_matches(services, drafts, before_year: int | None = None) -> Op:
    """``list[SimilarItem | None]``: each import row's best earlier match."""
    service = services.similarity

    def call(progress, cancelled):
        return service.best_matches(drafts, before_year, cancelled=cancelled)

    return Op("查找往年相似件", call, read=True, reports_progress=True)


def export_recurring(services, path) -> Op:
    """The 年年提 workbook at ``path`` (涉密 items never listed); returns the number of groups."""
    exporters = services.exporters
    return Op("导出年年提", lambda: exporters.export("recurring", path), read=True)
