"""答复函: the reply letter to a deputy or CPPCC member (documents layer).

One letter per proposer (or one to 张三等代表), in 信函格式 or for pre-printed paper (套打):
category mark, 文号 and 签发人, title by the kind's pattern, salutation, body with heading levels,
the 会办 opinions, closing, unit and date, 附注 (公开属性, 联系人), 版记 with 抄送.
"""

from __future__ import annotations

import re

from desktop_app.documents.fonts import FontSet
from desktop_app.documents.forms.common import LetterComposer, body_paragraphs
from desktop_app.documents.geometry.page import PageGeometry
from desktop_app.documents.layout import LEFT
from desktop_app.documents.model import (
    DEFAULT_TITLE_PATTERNS,
    LetterSettings,
    ReplyLetterData,
    chinese_date,
)
from desktop_app.documents.render import Composition


def reply_title(data: ReplyLetterData, settings: LetterSettings) -> str:
    """The title from the kind's pattern; placeholders {会次} {编号} {标题}. The 编号 keeps its
    leading zeros (第0035号)."""
    pattern = settings.title_patterns.get(data.kind) or DEFAULT_TITLE_PATTERNS[data.kind]
    values = {"会次": data.session_name, "编号": data.number, "标题": data.item_title}
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError):
        # A pattern the user mistyped must not stop printing: fall back to the default one.
        return DEFAULT_TITLE_PATTERNS[data.kind].format(**values)


def salutations(data: ReplyLetterData, settings: LetterSettings) -> list[str]:
    names = [a for a in data.addressees if a.strip()] or ["　　"]
    if settings.one_letter_per_proposer or len(names) == 1:
        return names
    first = names[0]
    for suffix in ("代表", "委员"):
        if first.endswith(suffix):
            return [first[: -len(suffix)] + "等" + suffix]
    return [first + "等"]


# A body pasted from a finished letter often starts with its own salutation (张三代表：); the
# letter prints the salutation itself, one per addressee.
_SALUTATION = re.compile(r"^\S{1,30}(代表|委员)[：:]$")


def body_without_salutation(body: str) -> str:
    lines = (body or "").splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and _SALUTATION.match(lines[first].strip()):
        del lines[first]
    return "\n".join(lines)


def co_opinion_paragraph(data: ReplyLetterData) -> str:
    opinions = [o for o in data.co_opinions if o.text.strip()]
    if not opinions:
        return ""
    units = "、".join(o.unit_name for o in opinions)
    parts = []
    for o in opinions:
        text = o.text.strip()
        if text[-1] not in "。！？":
            text += "。"
        parts.append(f"{o.unit_name}提出：{text}")
    return f"本件由{data.unit_name or '我单位'}主办，{units}会办。会办意见如下：" + "".join(parts)


def build_reply_letters(data: ReplyLetterData, settings: LetterSettings, fonts: FontSet,
                        geometry: PageGeometry) -> list[Composition]:
    title = reply_title(data, settings)
    letters = []
    for addressee in salutations(data, settings):
        c = LetterComposer(fonts, geometry, title)
        c.letterhead(settings.letterhead, settings.unit_name or data.unit_name, settings.letterhead_size)
        if data.result is not None:
            c.category_mark(settings.category_letters.get(data.result, ""))
        if data.doc_number or data.signer:
            c.doc_number(data.doc_number, data.signer)
        else:
            c.blank()
        c.blank(2)
        c.title_lines(title)
        c.blank()
        c.text(f"{addressee}：", indent=0, align=LEFT)
        for para in body_paragraphs(body_without_salutation(data.body)):
            c.paragraph(para)
        if settings.include_co_opinions:
            opinions = co_opinion_paragraph(data)
            if opinions:
                c.text(opinions)
        if settings.closing.strip():
            c.text(settings.closing.strip())
        c.signature(data.unit_name, chinese_date(data.replied_on))
        c.note(data.disclosure.label)
        contact = "；".join(p for p in (
            f"联系人：{data.contact_person}" if data.contact_person else "",
            f"联系电话：{data.contact_phone}" if data.contact_phone else "",
        ) if p)
        if contact:
            c.note(contact)
        c.copy_to(data.cc)
        # 信函格式: page 1 carries no number (GB/T 9704 §10.1).
        letters.append(c.composition(number_first_page=False))
    return letters
