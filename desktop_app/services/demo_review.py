"""A 回头看 campaign for the demo database (services layer, used after ``demo.fill_demo``): the
newest year's list, with the first entries of each category reviewed, one of them flagged for
telling the deputy, so that the view, the report and the export have something to show."""

from __future__ import annotations

from datetime import timedelta

from desktop_app.domain.enums import ReviewCategory, ReviewOutcome
from desktop_app.services.context import ServiceContext
from desktop_app.services.review import ReviewInput, ReviewService

# (outcome, note) written for the first entries of each category, in order.
_REVIEWS = {
    ReviewCategory.SOLVED: [(ReviewOutcome.CONFIRMED, "现场查看，问题已解决，代表表示认可。"),
                            (ReviewOutcome.CHANGED, "新建小区入住后需求再次增加，需重新研究。")],
    ReviewCategory.IN_PROGRESS: [(ReviewOutcome.ON_TRACK, "工程已开工，按承诺时间推进。"),
                                 (ReviewOutcome.DELAYED, "受资金安排影响，进度滞后约两个月。")],
    ReviewCategory.REFERENCE: [(ReviewOutcome.STILL_INFEASIBLE, "政策条件尚不具备，继续跟踪。")],
    ReviewCategory.DISSATISFIED: [(ReviewOutcome.RESOLVED, "再次面商，代表对重新办理结果表示理解。")],
    ReviewCategory.COMMITMENT: [(ReviewOutcome.FULFILLED, "承诺事项已完成并验收。")],
}


def add_demo_review(ctx: ServiceContext) -> int | None:
    """Build and partly review the newest year's campaign; returns its id (None without items)."""
    service = ReviewService(ctx)
    years = service.session_years()
    if not years or service.campaign_for_year(years[0]) is not None:
        return None
    campaign_id = service.create_campaign(years[0]).campaign_id
    today = ctx.today()
    done: dict[ReviewCategory, int] = {}
    for entry in service.entries(campaign_id):
        planned = _REVIEWS[entry.category]
        n = done.get(entry.category, 0)
        if n >= len(planned):
            continue
        done[entry.category] = n + 1
        outcome, note = planned[n]
        day = max(today - timedelta(days=3 * n + 1), today.replace(month=1, day=1))
        service.record_review(entry.id, ReviewInput(outcome, note, day, "演示用户",
                                                    tell_deputy=outcome in (ReviewOutcome.CHANGED, ReviewOutcome.DELAYED)))
    return campaign_id
