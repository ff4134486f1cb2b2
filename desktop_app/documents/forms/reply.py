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
from desktop_app.documents.issuer import disagreements
from desktop_app.documents.layout import LEFT
from desktop_app.documents.model import (
    DEFAULT_TITLE_PATTERNS,
    LetterSettings,
    ReplyLetterData,
    chinese_date,
    letterhead_name,
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


# A body that ends by thanking the deputy (感谢您对…的关心和支持) has its closing already: the
# configured one would thank them twice. Looked for in the last sentences of the last paragraph.
_THANKS = re.compile(r"(感谢|谢谢).{0,40}?(关心|支持|关注|理解|指导|帮助|厚爱)|欢迎.{0,30}?(意见|建议)")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_CLOSING_TAIL = 2  # sentences


def _plain(text: str) -> str:
    return re.sub(r"[\s，,。！？!?；;、]", "", text)


def has_own_closing(body: str, closing: str) -> bool:
    """True when the body's last paragraph already closes the letter: it contains the configured
    ``closing`` (ignoring spaces and punctuation), or one of its last sentences thanks the reader
    for their 关心 / 支持 / … or welcomes further 意见和建议."""
    paragraphs = [line.strip() for line in (body or "").splitlines() if line.strip()]
    if not paragraphs:
        return False
    last = paragraphs[-1]
    if closing.strip() and _plain(closing) in _plain(last):
        return True
    sentences = [part for part in _SENTENCE_END.split(last) if part.strip()]
    return any(_THANKS.search(sentence) for sentence in sentences[-_CLOSING_TAIL:])


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
        c.letterhead(settings.letterhead, letterhead_name(data.issuer, settings.unit_name, data.unit_name),
                     settings.letterhead_size)
        c.notes += disagreements(data.issuer, data.doc_number, data.unit_name)
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
        body = body_without_salutation(data.body)
        paragraphs = body_paragraphs(body)
        own_closing = has_own_closing(body, settings.closing)
        opinions = co_opinion_paragraph(data) if settings.include_co_opinions else ""
        # The 会办 opinions are part of the answer: they go before whichever paragraph closes it.
        closing_paragraphs = paragraphs[-1:] if own_closing and opinions else []
        for para in paragraphs[:len(paragraphs) - len(closing_paragraphs)]:
            c.paragraph(para)
        if opinions:
            c.text(opinions)
        for para in closing_paragraphs:
            c.paragraph(para)
        if settings.closing.strip() and not own_closing:
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
        letters.append(c.composition(number_first_page=False, record_rules=False))
    return letters
