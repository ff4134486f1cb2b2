"""A unit's 自查报告 to the 区政府办公室 (documents layer: a DTO in, a PDF out; no DB, no Qt).

domain.md §3 asks each unit for a mid-year and a year-end self-report in writing. A GB/T 9704
报告 on portrait pages: the title (区交通委关于2024年1月1日至6月30日建议提案办理工作的自查报告), 主送
区政府办公室, and four parts — 一、办理基本情况 (the unit's figures for the period under the
definitions of domain.md §7, which a closing paragraph states), 二、办理件及办理结果 (each item with
its reply, result and rating; 涉密 items only counted), 三、承诺事项落实情况 (kept and open), 四、the
text the user writes — then the unit's 署名 and the 成文日期.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.documents.builder import DocumentResult
from desktop_app.documents.fonts import find_fonts
from desktop_app.documents.forms.common import LetterComposer, body_paragraph, body_paragraphs
from desktop_app.documents.geometry.page import A4_GBT9704
from desktop_app.documents.layout import LEFT
from desktop_app.documents.model import chinese_date
from desktop_app.documents.render import draw, open_canvas, pdf_bytes_of, write_pdf_file
from desktop_app.domain.statistics import Figure

RECIPIENT = "区政府办公室"
OWN_TEXT_HEADING = "四、自查发现的问题和下一步工作"


@dataclass(frozen=True)
class SelfReportItem:
    number: str  # 编号 with its session: 区二届人大五次会议第0035号
    title: str
    kind: str  # 代表建议 / 政协提案
    proposer: str  # 领衔
    replied_on: date | None = None
    result: str = ""  # the final reply's category, "" while not replied
    rating: str = ""  # the final rating (per item), "" without feedback


@dataclass(frozen=True)
class SelfReportCommitment:
    item_number: str
    description: str
    due_on: date | None
    due_term: str = ""
    kept_on: date | None = None  # None: open
    carried: bool = False  # 结转下年


@dataclass(frozen=True)
class SelfReportData:
    unit_name: str  # the unit reported on
    signed: str  # 署名
    start: date
    end: date
    as_of: date
    figures: dict[str, Figure]
    items: tuple[SelfReportItem, ...] = ()
    secret_items: int = 0
    commitments: tuple[SelfReportCommitment, ...] = ()
    text: str = ""  # the user's own part
    dated: date | None = None  # 成文日期
    recipient: str = RECIPIENT

    @property
    def period_text(self) -> str:
        start, end = chinese_date(self.start), chinese_date(self.end)
        if self.start.year == self.end.year:
            end = end.removeprefix(f"{self.end.year}年")
        return f"{start}至{end}"

    @property
    def full_title(self) -> str:
        return f"{self.unit_name}关于{self.period_text}建议提案办理工作的自查报告"


def _rate(f: Figure) -> str:
    return "—" if f.rate is None else f"{f.rate * 100:.1f}%"


def figures_paragraphs(data: SelfReportData) -> list[str]:
    """一、办理基本情况 in sentences, every rate with its count and base."""
    f = data.figures
    day = chinese_date(data.as_of)
    total = f["total"].count
    kinds = {}
    for item in data.items:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    split = "、".join(f"{k}{n}件" for k, n in kinds.items())
    first = (f"{data.period_text}，我单位主办建议提案{total}件" + (f"（其中{split}）" if len(kinds) > 1 else "") +
             f"，会办{f['co_handled'].count}件。截至{day}，已答复{f['replied'].count}件，"
             f"办复率{_rate(f['replied'])}；按期答复{f['on_time'].count}件，按期办复率{_rate(f['on_time'])}"
             f"（{f['on_time'].count}/{f['on_time'].base}）；答复前与代表委员见面沟通{f['met'].count}件，"
             f"见面率{_rate(f['met'])}。")
    rated = f["satisfied"].base or 0
    second = (f"收到代表委员反馈{rated}件，其中满意{f['fully_satisfied'].count}件、基本满意"
              f"{f['fairly_satisfied'].count}件、不满意{f['dissatisfied'].count}件，满意率（按件）{_rate(f['satisfied'])}；"
              f"按人次计，收到意见反馈表{f['forms_satisfied'].base or 0}份，满意率{_rate(f['forms_satisfied'])}。"
              if rated else "尚未收到代表委员的意见反馈。")
    second += (f"答复中已经解决{f['result_solved'].count}件、正在解决{f['result_solving'].count}件、"
               f"计划解决{f['result_planned'].count}件、留作参考{f['result_reference'].count}件，"
               f"解决采纳率{_rate(f['adopted'])}。应公开发布的答复{f['public'].base or 0}件，已公开发布"
               f"{f['public'].count}件，公开率{_rate(f['public'])}"
               + (f"，逾期未公开{f['public_overdue'].count}件" if f["public_overdue"].count else "") + "。")
    if f["co_handled"].count:
        second += (f"作为会办单位，按期发出会办意见{f['co_on_time'].count}份，会办意见按期率"
                   f"{_rate(f['co_on_time'])}（{f['co_on_time'].count}/{f['co_on_time'].base}）。")
    return [first, second]


def definitions_paragraph(data: SelfReportData) -> str:
    keys = ("replied", "on_time", "met", "satisfied", "public")
    return "以上数据的统计口径：" + "".join(
        f"{data.figures[k].label}为{data.figures[k].definition.rstrip('。')}；" for k in keys).rstrip("；") + "。"


def item_lines(data: SelfReportData) -> list[str]:
    lines = []
    for i, item in enumerate(data.items, start=1):
        if item.replied_on is None:
            state = "尚未答复"
        else:
            state = f"{chinese_date(item.replied_on)}答复，{item.result or '未定办理结果'}"
            state += f"，代表委员评价{item.rating}" if item.rating else "，尚未收到反馈"
        lines.append(f"{i}．{item.number}《{item.title}》（{item.kind}，领衔：{item.proposer or '—'}）：{state}。")
    if not data.items:
        lines.append("本期间没有主办的建议提案。")
    if data.secret_items:
        lines.append(f"另有涉密件{data.secret_items}件，按规定不在此列出。")
    return lines


def commitment_lines(data: SelfReportData) -> list[str]:
    kept = [c for c in data.commitments if c.kept_on is not None]
    open_ = [c for c in data.commitments if c.kept_on is None]
    lines = [f"答复中承诺的事项共{len(data.commitments)}项，已落实{len(kept)}项，尚未落实{len(open_)}项。"]
    if kept:
        lines.append("（一）已落实的承诺事项。")
        lines += [f"{i}．{c.item_number}：{c.description}，{chinese_date(c.kept_on)}落实。"
                  for i, c in enumerate(kept, start=1)]
    if open_:
        lines.append("（二）尚未落实的承诺事项。")
        for i, c in enumerate(open_, start=1):
            when = chinese_date(c.due_on) + "前" if c.due_on else (c.due_term or "未定期限")
            late = c.due_on is not None and c.due_on < data.as_of
            lines.append(f"{i}．{c.item_number}：{c.description}，承诺{when}完成"
                         + ("，已超过承诺期限" if late else "") + ("，已结转下年跟踪" if c.carried else "") + "。")
    return lines


def _compose(data: SelfReportData, fonts) -> LetterComposer:
    composer = LetterComposer(fonts, A4_GBT9704, data.full_title)
    composer.title_lines(data.full_title)
    composer.blank()
    composer.text(f"{data.recipient.strip().rstrip('：:')}：", indent=0, align=LEFT)
    composer.paragraph(body_paragraph(f"根据建议提案办理工作的要求，现将我单位{data.period_text}建议提案办理工作"
                                      "自查情况报告如下。"))
    sections = [("一、办理基本情况", figures_paragraphs(data) + [definitions_paragraph(data)]),
                ("二、办理件及办理结果", item_lines(data)),
                ("三、承诺事项落实情况", commitment_lines(data))]
    for heading, lines in sections:
        composer.paragraph(body_paragraph(heading))
        for line in lines:
            composer.paragraph(body_paragraph(line))
    own = body_paragraphs(data.text)
    if own:
        composer.paragraph(body_paragraph(OWN_TEXT_HEADING))
        for para in own:
            composer.paragraph(para)
    composer.paragraph(body_paragraph("特此报告。"))
    composer.signature(data.signed, chinese_date(data.dated))
    return composer


def render_self_report(target, data: SelfReportData, font_overrides: dict | None = None) -> DocumentResult:
    fonts = find_fonts(font_overrides)
    with open_canvas(target, data.full_title, fonts) as c:
        g = A4_GBT9704
        c.setPageSize((g.width, g.height))
        pages = draw(c, _compose(data, fonts).composition(number_first_page=True), fonts, g)
    return DocumentResult(pages, (pages,), fonts.summary(), fonts.warning())


def self_report_bytes(data: SelfReportData, font_overrides: dict | None = None) -> tuple[bytes, DocumentResult]:
    return pdf_bytes_of(render_self_report, data, font_overrides)


def write_self_report(path: str | Path, data: SelfReportData, font_overrides: dict | None = None) -> DocumentResult:
    """Write the PDF through ``atomic_write`` (never half a PDF)."""
    return write_pdf_file(path, render_self_report, data, font_overrides)
