"""Every due date says how it was reached, in the 催办清单 too (the calendar's own wording is
tested in tests/domain/test_calendar.py)."""

from __future__ import annotations

from datetime import date

from desktop_app.services.exporters import export
from tests.services.records import make_record

# Today is 2024-06-03 (the tests' clock).
REPLY_0035 = ("答复期限（代表建议）：交办日期 2024年2月20日 起 3个月，到期 2024年5月20日（周一）。"
              "该日是工作日，不需顺延。")
# 2024年5月5日 + 1 个月 = 6月5日; the co-unit has not signed, so 交办 counts.
OPINION_0036 = "会办意见期限：交办日期 2024年5月5日 起 1个月，到期 2024年6月5日（周三）。该日是工作日，不需顺延。"


def test_the_reminder_list_explains_each_due_date(ctx, cases, tmp_path):
    from openpyxl import load_workbook

    cases.save(make_record())  # 交办 2024-02-20
    cases.save(make_record(number="0036", assigned_on=date(2024, 5, 5)))
    export(ctx, "reminder_list", tmp_path / "催办清单.xlsx", only_our_unit=False)

    sheet = load_workbook(tmp_path / "催办清单.xlsx").active
    assert sheet.cell(2, 11).value == "到期日说明"
    explained = {(row[2].value, row[4].value): row[10].value for row in sheet.iter_rows(min_row=3)}
    assert explained[("0035", "答复")] == REPLY_0035
    assert explained[("0036", "会办意见")] == OPINION_0036
