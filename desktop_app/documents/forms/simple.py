"""The short letters: 会办意见函 (to the lead unit), 催办通知, 延期报告, 退回申请, 承诺事项落实告知函,
and the office's 督办通知 and 交办通知 (documents layer).

Same engine and elements as the 答复函 (信函格式): the issuer's letterhead, 文号 flush right, the
title two rows below it, recipient, paragraphs with heading levels, signature and date, contact
附注, 抄送 without rules.
"""

from __future__ import annotations

from desktop_app.documents.fonts import FontSet
from desktop_app.documents.forms.common import LetterComposer, body_paragraph
from desktop_app.documents.geometry.page import PageGeometry
from desktop_app.documents.layout import LEFT
from desktop_app.documents.issuer import disagreements
from desktop_app.documents.model import LetterSettings, SimpleLetterData, chinese_date, letterhead_name
from desktop_app.documents.render import Composition


def build(data: SimpleLetterData, settings: LetterSettings, fonts: FontSet,
          geometry: PageGeometry) -> list[Composition]:
    c = LetterComposer(fonts, geometry, data.title)
    c.letterhead(settings.letterhead, letterhead_name(data.issuer, settings.unit_name, data.unit_name),
                 settings.letterhead_size)
    c.notes += disagreements(data.issuer, data.doc_number, data.unit_name)
    if data.doc_number:
        c.doc_number(data.doc_number)
    else:
        c.blank()
    c.blank(2)  # the title two rows under the 文号, as on the 答复函
    c.title_lines(data.title)
    c.blank()
    if data.recipient:
        c.text(f"{data.recipient}：", indent=0, align=LEFT)
    for text in data.paragraphs:
        for line in text.splitlines():
            if line.strip():
                c.paragraph(body_paragraph(line))
    c.signature(data.unit_name, chinese_date(data.dated))
    contact = "；".join(p for p in (
        f"联系人：{data.contact_person}" if data.contact_person else "",
        f"联系电话：{data.contact_phone}" if data.contact_phone else "",
    ) if p)
    if contact:
        c.note(contact)
    c.copy_to(data.cc)
    return [c.composition(number_first_page=False, record_rules=False)]
