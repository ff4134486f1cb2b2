"""Reading messy 交办清单 sheets: header detection, synonyms, merged cells, cleaning."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.exchange import cleaning
from desktop_app.exchange.layout import detect_layout
from desktop_app.exchange.parse import parse_rows
from desktop_app.exchange.reader import read_sheet
from tests.exchange.sheets import write_book


def parse(path, default_session=""):
    sheet = read_sheet(path)
    layout = detect_layout(sheet)
    parsed, skipped = parse_rows(sheet.rows, layout.data_start, list(layout.headers), list(layout.mapping),
                                 default_session or layout.session_in_title)
    return layout, parsed, skipped


DATA = [
    ["0012", "关于优化公交线网的提案", "民进区委", "赵六，钱七", "区交通委", "城桥镇；新河镇", "2024年2月1日"],
    ["0013", "关于加强河道保洁的提案", "孙八", "", "区水务局", "", date(2024, 2, 2)],
]


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "blank-upper-cells"])
def test_title_rows_and_two_row_header(tmp_path, merged):
    upper = ["案号", "案由", "第一提案人", "联名委员", "办理单位", "", "交办时间"]
    lower = ["", "", "", "", "主办", "协办", ""]
    if not merged:  # as WPS users often leave it: the names in whichever row, nothing merged
        upper, lower = ["案号", "案由", "", "", "办理单位", "", ""], ["", "", "第一提案人", "联名委员", "主办", "协办", "交办时间"]
    merges = ("A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3") if merged else ("A1:G1",)
    path = write_book(tmp_path / "list.xlsx", [["区政协五届三次会议提案交办清单"], upper, lower, *DATA], merges)

    layout, parsed, skipped = parse(path)

    assert layout.data_start == 3
    if not merged:
        assert layout.header_rows == (1, 2)
    assert layout.mapping == ("number", "title", "lead_proposer", "cosigners", "lead_units", "co_units", "assigned_on")
    assert layout.session_in_title == "区政协五届三次会议"
    first, second = (p.case for p in parsed)
    assert (first.session, first.number, first.lead_proposer) == ("区政协五届三次会议", "0012", "民进区委")
    assert first.cosigners == ("赵六", "钱七")
    assert first.co_units == ("城桥镇", "新河镇")
    assert first.assigned_on == date(2024, 2, 1)
    assert second.assigned_on == date(2024, 2, 2) and second.co_units == ()
    assert skipped == []


def test_every_listed_date_form_is_read(tmp_path):
    forms = [date(2024, 1, 15), datetime(2024, 1, 15, 9, 0), "2024-01-15", "2024/1/15", "2024.1.15",
             "2024年1月15日", "20240115", 20240115, "２０２４－０１－１５", " 2024 年 1 月 15 日 "]
    rows = [["编号", "标题", "交办日期"]] + [[f"{n:04d}", f"标题{n}", value] for n, value in enumerate(forms, 1)]
    _layout, parsed, _skipped = parse(write_book(tmp_path / "d.xlsx", rows), "区二届人大五次会议")
    assert [p.case.assigned_on for p in parsed] == [date(2024, 1, 15)] * len(forms)


def test_bad_rows_are_errors_with_row_column_and_reason(tmp_path):
    rows = [
        ["区二届人大五次会议代表建议交办清单"],
        ["编号", "标题", "主办单位", "交办日期"],
        ["0001", "关于增设公交站点的建议", "区交通委", "2024-13-45"],
        ["", "没有编号的建议", "区交通委", "2024-01-15"],
        ["0003", "", "区交通委", ""],
    ]
    _layout, parsed, _skipped = parse(write_book(tmp_path / "bad.xlsx", rows))
    problems = [str(problem) for p in parsed for problem in p.problems]
    assert problems[0].startswith("第 3 行“交办日期”列：“2024-13-45”不是有效的日期")
    assert problems[1].startswith("第 4 行“编号”列：编号为空")
    assert problems[2].startswith("第 5 行“标题”列：标题为空")


def test_full_width_blanks_unit_lists_empty_and_totals_rows(tmp_path):
    rows = [
        ["编号", "标题", "领衔代表", "主办单位", "会办单位"],
        ["第００３５号", "　关于改善农村道路的建议　", "张　三", "区交通委 ", "区建设管理委、区财政局，城桥镇,新河镇；\n港沿镇;区交通委"],
        [None, None, None, None, None],
        ["", "", "", "", ""],
        ["合计", "1 件", "", "", ""],
    ]
    _layout, parsed, skipped = parse(write_book(tmp_path / "m.xlsx", rows), "区二届人大五次会议")
    [case] = [p.case for p in parsed]
    assert case.number == "0035"
    assert case.title == "关于改善农村道路的建议"
    assert case.lead_proposer == "张三"
    assert case.lead_units == ("区交通委",)
    # The lead unit named again among the co units is not a co unit of its own item.
    assert case.co_units == ("区建设管理委", "区财政局", "城桥镇", "新河镇", "港沿镇")
    assert [s.reason for s in skipped] == ["合计行“合计”，已跳过"]


def test_numbers_typed_as_numbers_lose_only_the_decimal_point():
    assert cleaning.number(35.0) == "35"
    assert cleaning.number("0035") == "0035"
    assert cleaning.number("第 0104 号") == "0104"


def test_a_sheet_without_a_header_is_refused_with_advice(tmp_path):
    from desktop_app.exchange.reader import SheetError

    path = write_book(tmp_path / "x.xlsx", [["工作安排"], ["明天上午九点"], [1, 2, 3]])
    with pytest.raises(SheetError, match="找不到表头"):
        detect_layout(read_sheet(path))


def test_formulas_are_read_as_the_values_excel_saved(tmp_path):
    import zipfile

    path = write_book(tmp_path / "f.xlsx", [["编号", "标题", "交办日期"], ["0001", '="关于"&"公交"', "=DATE(2024,1,15)"]])
    # What Excel saves: the formula and its last computed value (openpyxl writes no value).
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('<c r="B2"><f>', '<c r="B2" t="str"><f>').replace("</f><v /></c><c r=\"C2\">",
                                                                         "</f><v>关于公交</v></c><c r=\"C2\">")
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("<v /></c></row>", "<v>45306</v></c></row>").encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    _layout, parsed, _skipped = parse(path, "区二届人大五次会议")

    [case] = [p.case for p in parsed]
    assert (case.title, case.assigned_on) == ("关于公交", date(2024, 1, 15))


def test_a_unit_merged_over_several_rows_belongs_to_each(tmp_path):
    rows = [["编号", "标题", "主办单位"], ["0001", "关于A的建议", "区交通委"], ["0002", "关于B的建议", None],
            ["0003", "关于C的建议", "区水务局"]]
    _layout, parsed, _skipped = parse(write_book(tmp_path / "m.xlsx", rows, merges=("C2:C3",)), "区二届人大五次会议")
    assert [p.case.lead_units for p in parsed] == [("区交通委",), ("区交通委",), ("区水务局",)]


def test_an_old_xls_list_is_read_like_an_xlsx(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("交办清单")
    sheet.write_merge(0, 0, 0, 3, "区二届人大五次会议代表建议交办清单")
    for c, label in enumerate(["建议号", "案由", "主办单位", "交办日期"]):
        sheet.write(1, c, label)
    sheet.write(2, 0, "0035")
    sheet.write(2, 1, "关于增设公交站点的建议")
    sheet.write(2, 2, "区交通委、区建设管理委")
    sheet.write(2, 3, date(2024, 1, 15), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    path = tmp_path / "清单.xls"
    book.save(str(path))

    layout, parsed, _skipped = parse(path)

    assert layout.header_rows == (1,)
    [case] = [p.case for p in parsed]
    assert (case.session, case.number, case.assigned_on) == ("区二届人大五次会议", "0035", date(2024, 1, 15))
    assert case.lead_units == ("区交通委", "区建设管理委")
