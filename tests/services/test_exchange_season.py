"""A season of exchange: the office and three unit copies (two leads, one co-unit) in their own
folders hand items out and report back by packages; at the end the office's statistics,
dashboard and 台账 equal those of one database in which the same events were entered directly.
Both start as the issue says: the office imports its 40-item 交办清单 from Excel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.enums import FeedbackChannel, ItemKind, Rating, ResultCategory, UnitRole
from desktop_app.exchange.report import RowStatus
from desktop_app.services.deadlines import DeadlineService
from desktop_app.services.dto import AssignmentRecord, ReplyRecord
from desktop_app.services.export_cases import ExportService
from desktop_app.services.followup import FeedbackEntry
from desktop_app.services.import_cases import ImportService
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.services.statistics import StatisticsService, report_as_json
from tests.exchange.sheets import HEADER, write_book
from tests.services.exchange_copies import Clock, Copy, introduce, item_by_number
from tests.services.records import pass_checklist_gate, save_replied

A, B, C = "区交通委", "区建设管理委", "区农业农村委"
UNITS = (A, B, C)
ITEMS = 40
OPINION = "同意主办单位的办理意见。"


def lead_of(i: int) -> str:
    return A if i % 2 else B


def number(i: int) -> str:
    return f"{i:04d}"


class Exchanged:
    """The office and a copy per unit, joined by packages."""

    def __init__(self, folder: Path, clock: Clock):
        self.mail, self.n = folder / "mail", 0
        self.mail.mkdir(parents=True)
        self.office = Copy(folder / "office", clock, None, units=UNITS)
        self.units = {name: Copy(folder / name, clock, name, units=UNITS) for name in UNITS}
        introduce(self.office, *self.units.values())
        for lead in (A, B):
            self.units[lead].exchange.trust(self.units[C].key_file(), "unit", C)

    def at(self, unit: str | None) -> Copy:
        return self.office if unit is None else self.units[unit]

    def send(self, sender: str | None, to: str) -> None:
        self.n += 1
        exported = self.at(sender).exchange.export(to, self.mail / f"{self.n:03d}.zip")
        receiver = self.office if to == "office" else self.units[to]
        result = receiver.exchange.apply(exported.path)
        assert result.state == "applied" and not result.preview.conflicts, result.preview
        assert not [line for line in result.preview.ignored if "不归" in line], result.preview.ignored

    def hand_out(self) -> None:
        for unit in UNITS:
            self.send(None, unit)

    def report(self, *units: str) -> None:
        for unit in units or UNITS:
            self.send(unit, "office")

    def opinions(self) -> None:
        for lead in (A, B):
            self.send(C, lead)

    def close(self) -> None:
        for copy in (self.office, *self.units.values()):
            copy.close()


class Single:
    """One database where every party enters its own events."""

    def __init__(self, folder: Path, clock: Clock):
        self.office = Copy(folder / "single", clock, None, units=UNITS)

    def at(self, unit: str | None) -> Copy:
        return self.office

    def hand_out(self) -> None: ...
    def report(self, *units: str) -> None: ...
    def opinions(self) -> None: ...

    def close(self) -> None:
        self.office.close()


def edit_row(copy: Copy, num: str, unit: str, **fields) -> None:
    record = item_by_number(copy, num)
    copy.cases.save(replace(record, assignments=tuple(
        replace(a, **fields) if a.unit_name == unit else a for a in record.assignments)))


def assignment_list(folder: Path) -> Path:
    """The office's 40-item 交办清单 as it comes in Excel: a title row, the header, one row per item
    (建议 of the 人大 session and 提案 of the 政协 session; a co-unit on every fourth)."""
    data = [[i, "区二届人大五次会议" if i % 3 else "区政协二届五次会议", number(i), f"关于第{i}项民生事项的建议",
             f"代表{i % 7}", "", lead_of(i), C if i % 4 == 0 else "", "2024-02-28", "城乡建设", "建议加强管理。"]
            for i in range(1, ITEMS + 1)]
    return write_book(folder / "交办清单.xlsx", [["2024年建议提案交办清单"], [*HEADER, "内容"], *data],
                      merges=("A1:K1",))


def season(world, clock: Clock) -> None:
    office = world.at(None)
    importer = ImportService(office.ctx, MaintenanceService(office.ctx, office.folder / "backups"))
    preview = importer.read_file(assignment_list(office.folder))
    assert [r.status for r in preview.rows] == [RowStatus.NEW] * ITEMS, preview.problems
    assert not preview.unknown_units  # the units named in the list are the office's own
    assert sum(r.case.kind is ItemKind.PROPOSAL for r in preview.rows) == ITEMS // 3  # 政协 session: 提案
    _changes, result = importer.apply(preview)
    assert result.created == ITEMS
    for i in range(10, ITEMS + 1, 10):  # the office then marks its 重点督办件
        office.cases.save(replace(item_by_number(office, number(i)), is_key=True))
    world.hand_out()

    clock.advance(days=1)
    for i in range(1, ITEMS + 1):
        edit_row(world.at(lead_of(i)), number(i), lead_of(i), signed_on=clock.now.date(), handler=f"经办人{i}")
        if i % 4 == 0:
            edit_row(world.at(C), number(i), C, signed_on=clock.now.date(), handler="会办经办人")
    edit_row(world.at(A), number(1), A, return_requested_on=clock.now.date(), return_reason="不属于本单位职责")
    world.report()

    clock.advance(days=2)
    record = item_by_number(office, number(1))
    office.cases.save(replace(record, assignments=(AssignmentRecord(None, B, UnitRole.LEAD),)))
    world.hand_out()

    clock.advance(days=1)
    edit_row(world.at(B), number(1), B, signed_on=clock.now.date(), handler="接手经办人")
    for i in range(4, ITEMS + 1, 4):
        edit_row(world.at(C), number(i), C, opinion_sent_on=clock.now.date(), opinion_text=OPINION)
    world.opinions()
    world.report(C, B)

    clock.advance(days=20)
    for i in range(1, 21):
        lead = lead_of(i) if i != 1 else B
        copy = world.at(lead)
        record = item_by_number(copy, number(i))
        result = (ResultCategory.SOLVED, ResultCategory.SOLVING, ResultCategory.REFERENCE)[i % 3]
        reply = ReplyRecord(round=1, doc_number=f"交〔2024〕{i}号", signer="局长", replied_on=clock.now.date(),
                            result=result, body="答复正文。")
        commitments = [(f"第{i}项承诺", date(2024, 12, 31))] if result is ResultCategory.SOLVING else []
        pass_checklist_gate(copy.ctx, record.id)
        save_replied(copy.cases, replace(record, replies=(reply,)), commitments)
    world.report(A, B)

    clock.advance(days=10)
    for i in range(1, 11):
        lead = lead_of(i) if i != 1 else B
        copy = world.at(lead)
        record = item_by_number(copy, number(i))
        copy.followup.record_feedback(FeedbackEntry(
            item_id=record.id, proposer_id=record.proposers[0].proposer_id,
            attitude=Rating.SATISFIED, outcome=Rating.SATISFIED if i % 5 else Rating.FAIRLY_SATISFIED,
            received_on=clock.now.date(), channel=FeedbackChannel.PAPER))
    world.report(A, B)
    world.hand_out()


def figures(copy: Copy, as_of: date):
    statistics = report_as_json(StatisticsService(copy.ctx).report(as_of))
    ledger = ExportService(copy.ctx).ledger(as_of=as_of).rows
    board = DeadlineService(copy.ctx).dashboard(as_of, only_our_unit=False)
    return statistics, ledger, (board.by_bucket, board.by_kind, board.by_unit, board.weeks)


@pytest.mark.slow
def test_the_offices_figures_after_a_season_of_packages_equal_one_database_of_the_same_events(tmp_path):
    start = datetime(2024, 3, 1, 9, 0)
    clock_x, clock_s = Clock(start), Clock(start)
    exchanged, single = Exchanged(tmp_path / "x", clock_x), Single(tmp_path / "s", clock_s)
    try:
        season(exchanged, clock_x)
        season(single, clock_s)
        as_of = clock_x.now.date()
        got, want = figures(exchanged.office, as_of), figures(single.office, as_of)
        assert got[0] == want[0]
        assert got[1] == want[1]
        assert got[2] == want[2]
        assert len(got[1]) == ITEMS and any(got[2][0].values())
    finally:
        exchanged.close()
        single.close()
