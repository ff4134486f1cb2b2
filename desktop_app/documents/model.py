"""Input values of the printed forms (documents layer): plain frozen dataclasses that
``services.letters`` fills from the database and the builders turn into PDFs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.calendar import format_day
from desktop_app.domain.enums import Disclosure, ItemKind, ResultCategory
from desktop_app.domain.wording import words

LETTERHEAD_FULL = "full"  # 信函格式: red unit name and red double rules printed
LETTERHEAD_PREPRINTED = "preprinted"  # 套打: paper already carries the header; leave it blank
LETTERHEAD_NONE = "none"  # plain page: the text starts at the top of the text block

FORM_LABELS = {
    "reply": "答复函",
    "co_opinion": "会办意见函",
    "feedback": "征询意见表",
    "reminder": "催办通知",
    "extension": "延期报告",
    "return": "退回申请",
    "commitment_notice": "承诺事项落实告知函",
    "supervision": "督办通知",
    "assignment": "交办通知",
}

DEFAULT_CATEGORY_LETTERS = {
    ResultCategory.SOLVED: "A",
    ResultCategory.SOLVING: "B",
    ResultCategory.PLANNED: "C",
    ResultCategory.REFERENCE: "D",
}
DEFAULT_TITLE_PATTERNS = {
    ItemKind.SUGGESTION: "关于对{会次}第{编号}号代表建议的答复",
    ItemKind.PROPOSAL: "关于对{会次}第{编号}号提案的答复",
}
DEFAULT_CLOSING = "感谢您对我们工作的关心和支持，欢迎今后继续提出宝贵意见和建议。"
DEFAULT_CC = {kind: words(kind).cc for kind in ItemKind}


def letterhead_name(issuer: Issuer | None, settings_name: str, signature: str) -> str:
    """The name a letter's letterhead prints: its issuer's 发文机关标志, else (an old caller) the
    letter settings' unit, else the signing unit."""
    if issuer is not None:
        return issuer.letterhead
    return settings_name or signature


@dataclass(frozen=True)
class LetterSettings:
    """Per-database letter settings (the ``setting`` table, key ``letters``)."""

    unit_name: str = ""  # letterhead and signature; our unit's name when empty
    letterhead: str = LETTERHEAD_FULL
    letterhead_size: float = 0.0  # points; 0 = fit the name into the block
    category_letters: dict = field(default_factory=lambda: dict(DEFAULT_CATEGORY_LETTERS))
    title_patterns: dict = field(default_factory=lambda: dict(DEFAULT_TITLE_PATTERNS))
    closing: str = DEFAULT_CLOSING
    one_letter_per_proposer: bool = True  # False: one letter to 张三等代表
    include_co_opinions: bool = True
    fonts: dict = field(default_factory=dict)  # font role -> font file chosen in 设置 → 字体


@dataclass(frozen=True)
class Issuer:
    """The unit a document is issued by, as the units list describes it (设置 → 单位名录): each
    unit has its own 发文机关标志, 文号 pattern and 署名; empty ones are derived from its name and
    简称."""

    name: str  # the unit's name in the list: 区水务局
    mark: str = ""  # 发文机关标志 of its letters: 上海市崇明区水务局 (the name when empty)
    doc_number_pattern: str = ""  # 崇水〔{年}〕{号}号 (简称〔{年}〕{号}号 when empty)
    signature: str = ""  # 署名: 上海市崇明区水务局 (the name when empty)
    short_name: str = ""

    @property
    def letterhead(self) -> str:
        return self.mark.strip() or self.name

    @property
    def signed(self) -> str:
        return self.signature.strip() or self.name

    @property
    def pattern(self) -> str:
        if self.doc_number_pattern.strip():
            return self.doc_number_pattern.strip()
        return f"{self.short_name.strip()}〔{{年}}〕{{号}}号" if self.short_name.strip() else ""

    @property
    def prefix(self) -> str:
        """机关代字 of its 文号 (崇水), "" when it has no pattern."""
        return self.pattern.split("〔")[0].strip() if "〔" in self.pattern else ""

    @property
    def names(self) -> set[str]:
        """Every way a document may name this unit (署名, 标志, list name)."""
        return {self.name, self.signed, self.letterhead}

    def doc_number(self, year: int, number: int | None = None) -> str:
        """The 文号 for ``year``; without a ``number``, room to write it in (崇水〔2025〕　　号)."""
        if not self.pattern:
            return ""
        filled = "　　" if number is None else str(number)
        try:
            return self.pattern.format(年=year, 号=filled)
        except (KeyError, IndexError, ValueError):
            return ""  # a pattern the user mistyped must not stop printing


@dataclass(frozen=True)
class CoOpinion:
    unit_name: str
    text: str


@dataclass(frozen=True)
class ReplyLetterData:
    """One item's reply, ready to print. ``addressees`` are salutations without the colon
    (张三代表, 民革区委), lead proposer first."""

    kind: ItemKind
    session_name: str
    number: str
    item_title: str
    addressees: tuple[str, ...]
    body: str
    unit_name: str
    replied_on: date | None
    doc_number: str = ""
    signer: str = ""
    result: ResultCategory | None = None
    co_opinions: tuple[CoOpinion, ...] = ()
    contact_person: str = ""
    contact_phone: str = ""
    disclosure: Disclosure = Disclosure.PUBLIC
    cc: str = ""
    issuer: Issuer | None = None  # whose letterhead; the letter settings' unit when None


@dataclass(frozen=True)
class SimpleLetterData:
    """The other forms (会办意见函, 催办通知, 延期报告, 退回申请): a title, a recipient, numbered
    fields or paragraphs, a sender and a date."""

    title: str
    recipient: str
    paragraphs: tuple[str, ...]
    unit_name: str
    dated: date | None
    doc_number: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    cc: str = ""
    issuer: Issuer | None = None  # whose letterhead; the letter settings' unit when None


@dataclass(frozen=True)
class FeedbackFormData:
    """征询意见表 for one proposer: the item, the reply, and blank rating boxes."""

    kind: ItemKind
    session_name: str
    number: str
    item_title: str
    proposer: str
    unit_name: str
    replied_on: date | None
    contact_person: str = ""
    contact_phone: str = ""


def chinese_date(day: date | None) -> str:
    """成文日期 in Arabic numerals without leading zeros: 2024年10月30日; blanks when unknown."""
    if day is None:
        return "　　　　年　　月　　日"
    return format_day(day)
