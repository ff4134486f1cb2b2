"""政协提案 sheets (issue 23): 提案号, 提案人, 界别, 立案情况 and 并案 are recognised and imported; the
ledger exports them."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import FilingDecision, ProposerType
from desktop_app.domain.wording import collective_type
from desktop_app.exchange import cleaning
from desktop_app.exchange.columns import auto_mapping

HEADERS = ["序号", "提案号", "案由", "提案人", "界别", "立案情况", "并案", "主办单位", "交办日期"]


def test_a_cppcc_sheets_headers_are_recognised():
    assert auto_mapping(HEADERS) == [None, "number", "title", "lead_proposer", "sector", "filing", "merged_into",
                                     "lead_units", "assigned_on"]


@pytest.mark.parametrize("cell, expected", [
    ("立案", FilingDecision.FILED), ("予以立案", FilingDecision.FILED), ("不立案", FilingDecision.NOT_FILED),
    ("不予立案，转有关部门参考", FilingDecision.NOT_FILED), ("作为意见处理", FilingDecision.NOT_FILED), ("", None),
])
def test_filing_cells(cell, expected):
    assert cleaning.filing(cell) is expected


def test_an_unreadable_filing_cell_says_what_to_write():
    with pytest.raises(cleaning.CellError, match="请填写“立案”或“不立案”"):
        cleaning.filing("待研究")


@pytest.mark.parametrize("cell, expected", [("并入0012", "0012"), ("0012", "0012"), ("并入第0012号提案", "0012"),
                                            ("", ""), ("主提案", ""), ("主提案，含0015、0020", "")])
def test_merged_cells_name_the_lead_proposal(cell, expected):
    assert cleaning.merged_number(cell) == expected


@pytest.mark.parametrize("name, expected", [
    ("民革区委", ProposerType.PARTY), ("区工商联", ProposerType.ORGANISATION), ("区妇联", ProposerType.ORGANISATION),
    ("区政协经济委员会", ProposerType.COMMITTEE), ("经济界", ProposerType.SECTOR), ("王芳", None), ("欧阳明", None),
])
def test_collective_proposers_are_told_from_people_by_name(name, expected):
    assert collective_type(name) is expected
