"""征询意见表: the feedback form a deputy fills in about one reply (documents layer).

A one-page ruled table on the body grid: the item, the unit, the reply date, 办理态度 and 办理结果
with 满意 / 基本满意 / 不满意 boxes, room for comments, the proposer's signature and date.
"""

from __future__ import annotations

from desktop_app.documents.fonts import FontSet
from desktop_app.documents.forms.common import LetterComposer
from desktop_app.documents.geometry.page import SIZE_3, PageGeometry
from desktop_app.documents.layout import CENTER, LEFT, Paragraph, Row, Run
from desktop_app.documents.model import LETTERHEAD_NONE, FeedbackFormData, LetterSettings, chinese_date
from desktop_app.documents.render import Composition, Rule
from desktop_app.domain.wording import words

LABEL_CHARS = 6
RATINGS = "□满意　□基本满意　□不满意"


def form_title(data: FeedbackFormData) -> str:
    return words(data.kind).feedback_title(data.session_name)


def build(data: FeedbackFormData, settings: LetterSettings, fonts: FontSet,
          geometry: PageGeometry) -> list[Composition]:
    g = geometry
    title = form_title(data)
    c = LetterComposer(fonts, g, title)
    c.letterhead(LETTERHEAD_NONE, "")
    c.title_lines(title)
    c.blank()
    cell = c.ts.cell(SIZE_3, True)
    label_width = LABEL_CHARS * cell
    value_x = g.left + label_width
    value_measure = g.block_width - label_width
    noun = words(data.kind).proposer_label
    fields = [
        ("编　　号", f"第{data.number}号"),
        ("标　　题", data.item_title),
        (noun, data.proposer),
        ("承办单位", data.unit_name),
        ("答复日期", chinese_date(data.replied_on)),
        ("办理态度", RATINGS),
        ("办理结果", RATINGS),
        ("意见建议", "\n\n\n\n"),
        ("签名日期", "　" * 9 + "年　　月　　日"),
    ]
    table_top_row = len(c.rows)
    boundaries = [table_top_row]
    for label, value in fields:
        label_line = c.ts.set_paragraph(Paragraph((Run(label),), indent=0, align=CENTER, grid=True),
                                        x=g.left, measure=label_width)[0]
        lines = []
        for part in value.split("\n"):
            para = Paragraph((Run(part or "　"),), indent=0.5, hanging=0.5, align=LEFT)
            lines += c.ts.set_paragraph(para, x=value_x, measure=value_measure)
        c.rows.append(Row(lines[0], fixed=True, beside=label_line))
        c.rows += [Row(line, fixed=True) for line in lines[1:]]
        boundaries.append(len(c.rows))
    c.blank()
    c.text(f"请于收到答复后填写本表，寄回或送交{data.unit_name}。", indent=2)
    contact = "　".join(p for p in (
        f"联系人：{data.contact_person}" if data.contact_person else "",
        f"联系电话：{data.contact_phone}" if data.contact_phone else "",
    ) if p)
    if contact:
        c.text(contact, indent=2)
    comp = c.composition(number_first_page=False)
    # Table rules on the grid rows the fields occupy (the form always fits on page 1).
    tops = comp.first_slots
    for b in boundaries:
        if b < len(tops):
            y = tops[b]
        else:
            y = tops[-1] + g.pitch
        comp.rules.append(Rule(g.left, g.right, y, 0.75))
    y0, y1 = tops[boundaries[0]], tops[boundaries[-1]] if boundaries[-1] < len(tops) else tops[-1] + g.pitch
    for x in (g.left, value_x, g.right):
        comp.rules.append(_vertical(x, y0, y1))
    return [comp]


def _vertical(x: float, y0: float, y1: float) -> Rule:
    return Rule(x, x, y0, 0.75, y_end=y1)
