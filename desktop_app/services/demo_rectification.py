"""A 整改清单 for the demo database (services layer, used after ``demo.fill_demo``): the standing
committee's 审议意见 on the year's handling of deputies' suggestions, the district government's
report answering it, and its rows under three 主要方面, with real dates and standing terms, every
status, progress notes and links to demo items, so that the editor, the dashboard's 整改清单事项
line, the printed appendix and the report have something to show.

Dates are relative to the context's today, as the rest of the demo: the opinion came some ten
weeks ago and the report five weeks later; one row is done, the open rows fall due in the coming
weeks and months, and every progress note is dated between the report and today."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.domain.calendar import add_months
from desktop_app.domain.enums import Body
from desktop_app.domain.enums import RectificationStatus as Status
from desktop_app.services.cases import CaseService
from desktop_app.services.context import ServiceContext
from desktop_app.services.demo_data import latest_session_year, session_name
from desktop_app.services.rectification import RectificationService
from desktop_app.services.rectification_dto import RectificationListInfo, RectificationRowData, ReportRecord

ASPECT_1 = "一、办理工作重答复、轻落实"
ASPECT_2 = "二、沟通协调不够充分"
ASPECT_3 = "三、跟踪督办机制有待完善"

# (aspect, 重点问题, 意见建议, 整改措施, 责任单位, 整改期限: months from today to the month end that is
#  the deadline (-1: last month's) or a term, status, progress notes as (days before today, note; {year}
#  is the newest session's year), how many demo items the row concerns)
_ROWS = (
    (ASPECT_1, "部分承办单位把按时答复当作办理完成，答复中承诺的事项没有持续推进。",
     "建立答复承诺事项台账，逐项明确责任人和完成时限。",
     "各承办单位对答复为正在解决、计划解决的建议逐件梳理承诺事项，形成台账报区政府办公室备案。",
     "各承办单位", 1, Status.IN_PROGRESS,
     ((25, "已收到18家单位的承诺事项台账，正在汇总。"),), 2),
    (ASPECT_1, "个别答复内容空泛，照搬政策条文，没有回应代表提出的具体问题。",
     "答复要有针对性，写明已做的工作、下一步措施和时间安排。",
     "区政府办公室修订答复函审核要点，对照代表建议逐条核对答复内容，不合格的退回重写。",
     "区政府办公室", -1, Status.DONE,
     ((30, "答复函审核要点已修订印发，并在承办员培训中讲解。"),), 0),
    (ASPECT_2, "办前沟通流于形式，有的仅电话告知办理单位，没有听取代表意见。",
     "坚持办前、办中、办后与代表沟通，重点建议面对面沟通。",
     "主办单位在答复前至少与领衔代表面商一次，区领导亲自办理件采取实地调研、现场办公等方式；沟通情况记入办理清单。",
     "各承办单位", "持续推进", Status.ONGOING,
     ((35, "已将办前沟通列为办理清单的关卡，未沟通的答复不能定稿。"),), 0),
    (ASPECT_2, "涉及多个部门的建议，主办单位与会办单位配合不够，会办意见迟迟不反馈。",
     "主办单位牵头协调，会办单位按时提出会办意见。",
     "对会办单位超过4家的建议召开专题协调会；会办意见超期的，由区政府办公室督办。",
     "区交通委、区规划资源局", 3, Status.NOT_STARTED, (), 1),
    (ASPECT_3, "对已答复件的落实情况跟踪不够，代表反映的问题年年重复出现。",
     "每年开展“回头看”，对已经解决件复核、对承诺事项跟踪到底。",
     "区政府办公室每年第四季度组织“回头看”，对未落实的承诺事项列出清单、跟踪督办，并将结果书面告知代表。",
     "区政府办公室", "年底前", Status.IN_PROGRESS,
     ((5, "{year}年度“回头看”已部署，首批复核结果已汇总。"),), 0),
    (ASPECT_3, "督办手段单一，对办理质量不高的单位缺少约束。",
     "将建议办理情况纳入部门绩效考核。",
     "修订区政府部门绩效考核办法，把办复率、按期办复率、满意率和承诺事项落实情况纳入考核。",
     "区政府办公室", 6, Status.NOT_STARTED, (), 0),
)

_REPORT_BODY = """{congress}常委会听取和审议了区政府关于代表建议办理情况的报告，并提出了审议意见。区政府高度重视，逐条研究，制定整改措施，现将有关情况报告如下：
一、关于推动答复事项落实
**一是建立承诺事项台账。**对答复为正在解决、计划解决的建议逐件梳理承诺事项，明确责任人和完成时限。**二是提高答复质量。**修订答复函审核要点，对照代表建议逐条核对答复内容。
二、关于加强沟通协调
坚持办前、办中、办后与代表沟通，把办前沟通列为办理清单的关卡；对涉及部门多的建议召开专题协调会，推动主办、会办单位形成合力。
三、关于完善跟踪督办
每年开展“回头看”，对未落实的承诺事项跟踪到底，并将建议办理情况纳入部门绩效考核。
具体整改措施见附件。"""


def add_demo_rectification(ctx: ServiceContext) -> int:
    """Add the sample list, a few rows linked to demo items their units handle. Returns its id."""
    service = RectificationService(ctx)
    rows = CaseService(ctx).list_rows()
    today = ctx.today()
    reported = today - timedelta(days=40)
    opinion_on = reported - timedelta(days=35)
    _changes, list_id = service.save_list(RectificationListInfo(
        0, "审议意见问题整改清单",
        opinion_title="区人大常委会关于区政府代表建议办理情况报告的审议意见", opinion_issuer="区人大常委会",
        opinion_date=opinion_on, report_doc_number=f"崇府发〔{reported.year}〕45号",
        report_title="区人民政府关于办理区人大常委会代表建议办理情况报告审议意见的报告",
        report_date=reported, report_body=_REPORT_BODY.format(congress=congress_of(opinion_on))),
        record=ReportRecord(cc="区委办公室，区人大常委会办公室，区政协办公室", printed_by="上海市崇明区人民政府办公室"))
    for aspect, problem, suggestion, measures, units, deadline, status, notes, links in _ROWS:
        dated = month_end(add_months(today, deadline)) if isinstance(deadline, int) else None
        # A row names its items among those its units handle (各承办单位: any).
        named = [u for u in units.split("、") if u != "各承办单位"]
        handled = [r.id for r in rows if not named or named[0] in f"{r.lead_units}、{r.co_units}".split("、")]
        row = RectificationRowData(
            0, aspect, problem, suggestion, measures, units, deadline_on=dated,
            deadline_term="" if dated else deadline, status=status, item_ids=tuple(handled[:links]))
        _changes, row_id = service.save_row(list_id, row)
        for days_before, note in notes:
            service.add_progress(row_id, today - timedelta(days=days_before),
                                 note.format(year=latest_session_year(today)))
    return list_id


def congress_of(day: date) -> str:
    """The district congress sitting on ``day`` (区二届人大 in 2024), as the demo's sessions name it."""
    return session_name(Body.CONGRESS, day.year).split("人大")[0] + "人大"


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return add_months(day.replace(day=1), 1) - timedelta(days=1)
