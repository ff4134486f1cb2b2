"""The words an item's kind calls for (domain layer, pure Python).

A 代表建议 is raised by 代表 and followed by the 人大常委会代表工作机构; a 政协提案 is raised by
委员 (or a party, an organisation, a 专门委员会) and followed by the 提案委员会. Every letter, form,
list and editor label takes its words from here, so that no document for a 提案 says 代表 where
委员 belongs (issue 23).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import ItemKind, ProposerType


@dataclass(frozen=True)
class KindWords:
    noun: str  # in titles and sentences: 第0035号代表建议 / 第0012号提案
    short_noun: str  # 建议 / 提案
    proposer: str  # the honorific after a person's name: 张三代表 / 张三委员
    proposer_label: str  # a field's label: 代表 / 提案人
    lead_label: str  # 领衔代表 / 第一提案人
    cosigner_label: str  # 联名代表 / 联名提案人
    proposers_label: str  # a list's column: 领衔代表 / 提案人
    office: str  # who follows the handling for the body: 区人大常委会代表工作机构 / 区政协提案委员会
    cc: str  # the default 抄送 of a reply

    def feedback_title(self, session_name: str) -> str:
        """The 征询意见表's title."""
        return f"{session_name}{self.noun}办理情况征询意见表"


WORDS = {
    ItemKind.SUGGESTION: KindWords(
        noun="代表建议", short_noun="建议", proposer="代表", proposer_label="代表",
        lead_label="领衔代表", cosigner_label="联名代表", proposers_label="领衔代表",
        office="区人大常委会代表工作机构", cc="区人大常委会代表工作机构，区政府办公室",
    ),
    ItemKind.PROPOSAL: KindWords(
        noun="提案", short_noun="提案", proposer="委员", proposer_label="提案人",
        lead_label="第一提案人", cosigner_label="联名提案人", proposers_label="提案人",
        office="区政协提案委员会", cc="区政协提案委员会，区政府办公室",
    ),
}

#: Where both kinds are meant at once (a notice to units about all their items).
BOTH_PROPOSERS = "代表、委员"


def proposers_of(kinds) -> str:
    """Whom a notice about items of ``kinds`` says they are answered to: 代表, 委员 or 代表委员."""
    found = {ItemKind(k) for k in kinds}
    if found == {ItemKind.PROPOSAL}:
        return "委员"
    if found == {ItemKind.SUGGESTION}:
        return "代表"
    return "代表委员"


def words(kind: ItemKind | str | None) -> KindWords:
    """The words of ``kind`` (a member or its code; a 建议's when unknown)."""
    try:
        return WORDS[ItemKind(kind)]
    except ValueError:
        return WORDS[ItemKind.SUGGESTION]


_COMMITTEE_ENDINGS = ("专门委员会", "专委会", "提案委员会")
_PARTY_WORDS = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "中共")
_ORGANISATION_WORDS = ("工商联", "总工会", "工会", "共青团", "团区委", "妇联", "科协", "侨联", "台联", "青联", "文联")


def collective_type(name: str) -> ProposerType | None:
    """The type of a 集体提案's proposer named ``name`` (民革区委 → 党派, 区工商联 → 团体, 经济委员会
    专委会 → 专委会, 经济界 → 界别); None for a person's name. Used where a sheet gives names only."""
    name = (name or "").strip()
    if name.endswith(_COMMITTEE_ENDINGS) or "委员会" in name:
        return ProposerType.COMMITTEE
    if any(word in name for word in _PARTY_WORDS):
        return ProposerType.PARTY
    if any(word in name for word in _ORGANISATION_WORDS):
        return ProposerType.ORGANISATION
    if name.endswith("界") or name.endswith("界别"):
        return ProposerType.SECTOR
    return None  # a person's name (张三, 欧阳明)


def salutation(name: str, proposer_type: ProposerType | None, kind: ItemKind | None = None) -> str:
    """How a letter addresses a proposer, without the colon: 张三代表, 李四委员, 民革区委 (a 集体提案
    names the party, organisation or committee alone). A person whose type was not recorded is
    addressed in the words of the item's kind."""
    if proposer_type is ProposerType.DEPUTY:
        return f"{name}代表"
    if proposer_type is ProposerType.MEMBER:
        return f"{name}委员"
    if proposer_type is not None and proposer_type.is_collective:
        return name
    return f"{name}{words(kind).proposer}" if kind is not None else name
